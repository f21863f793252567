#!/usr/bin/env bash
# Sums the Counters of every TRX file in the given folders and prints "N passed, N failed, N skipped".
# Exits 1 when a test failed or no result file was found (a project that did not build writes none).
set -euo pipefail
passed=0 failed=0 skipped=0 files=0
for dir in "$@"; do
  for trx in "$dir"/*.trx; do
    [ -e "$trx" ] || continue
    files=$((files + 1))
    counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
    value() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
    passed=$((passed + $(value passed)))
    failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
    skipped=$((skipped + $(value notExecuted)))
  done
done
[ "$files" -gt 0 ] || echo "no test results were written (did a test project fail to build?)" >&2
echo "$passed passed, $failed failed, $skipped skipped"
[ "$files" -gt 0 ] && [ "$failed" -eq 0 ]
