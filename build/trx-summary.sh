#!/usr/bin/env bash
# Sums the Counters of every TRX file in the given folders and prints "N passed, N failed, N skipped".
# Each failed test's name and the first six lines of its message come first, so a CI log that keeps only the tail
# still says which test failed. A folder without a result file counts as one failure. Exits 1 when anything failed.
set -euo pipefail
passed=0 failed=0 skipped=0
for dir in "$@"; do
  # A suite that wrote nothing did not run (its store never came up, its project did not build): one failure, not silence.
  if ! compgen -G "$dir/*.trx" >/dev/null; then
    echo "FAILED $dir: no test results were written; the suite did not run (see the log above)"
    failed=$((failed + 1))
    continue
  fi
  for trx in "$dir"/*.trx; do
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
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
