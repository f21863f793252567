#!/usr/bin/env bash
# Sums the Counters of every TRX file in the given folders and prints "N passed, N failed, N skipped".
# Each failed test's name and the first six lines of its message come first, so a CI log that keeps only the tail
# still says which test failed. Exits 1 when a test failed or no result file was found (a project that did not build
# writes none).
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
    # A failed UnitTestResult is followed by its <Message>: print "FAILED <project>: <test>: <message's first lines>".
    awk -v project="$(basename "$trx" .trx)" '
      function report() { printf "FAILED %s: %s%s\n", project, name, message; want = 0; reading = 0; message = "" }
      /<UnitTestResult / && /outcome="(Failed|Error|Timeout|Aborted)"/ {
        match($0, /testName="[^"]*"/); name = substr($0, RSTART + 10, RLENGTH - 11); want = 1
        if ($0 ~ /\/>[[:space:]]*$/) report()
        next }
      want && /<Message>/ { reading = 1; lines = 0; message = ":"; sub(/.*<Message>/, "") }
      reading {
        done = sub(/<\/Message>.*/, ""); gsub(/^ +| +$/, "")
        gsub(/&lt;/, "<"); gsub(/&gt;/, ">"); gsub(/&quot;/, "\""); gsub(/&apos;/, "'\''"); gsub(/&amp;/, "\\&")
        if ($0 != "" && lines++ < 6) message = message " " substr($0, 1, 200)
        if (done) report(); next }
      want && /<\/UnitTestResult>/ { report() }
    ' "$trx"
  done
done
[ "$files" -gt 0 ] || echo "no test results were written (did a test project fail to build?)" >&2
echo "$passed passed, $failed failed, $skipped skipped"
[ "$files" -gt 0 ] && [ "$failed" -eq 0 ]
