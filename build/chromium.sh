#!/usr/bin/env bash
# Installs Debian's chromium when /usr/bin/chromium is missing: the browser tests and the store-load benchmark drive it
# through Playwright, which cannot download its own browsers here.
# usage: build/chromium.sh <apt log file>
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
log="${1:-/dev/null}"
echo "[chromium] installing Debian's chromium (log: $log)" >&2
{ apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; } >"$log" 2>&1
