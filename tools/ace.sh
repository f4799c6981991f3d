#!/bin/sh
# Check a built EPUB with DAISY Ace (accessibility: metadata + axe-core in Chromium).
# Needs network once (npm) and Debian's chromium:  apt-get install chromium
# Usage: tools/ace.sh dist/tell-me-something.epub [report-folder]
set -eu
book="$1"
report="${2:-dist/ace-report}"
ace_home="${ACE_HOME:-.ace}"
export PUPPETEER_SKIP_DOWNLOAD=1 ELECTRON_SKIP_BINARY_DOWNLOAD=1
export PUPPETEER_EXECUTABLE_PATH="${PUPPETEER_EXECUTABLE_PATH:-/usr/bin/chromium}"
if [ ! -x "$ace_home/node_modules/.bin/ace-puppeteer" ]; then
  mkdir -p "$ace_home"
  npm install --prefix "$ace_home" --no-audit --no-fund @daisy/ace >/dev/null
fi
"$ace_home/node_modules/.bin/ace-puppeteer" --force --outdir "$report" "$book"
# Ace exits 0 even when it finds violations: read the verdict from its report.
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print('ace:', r['earl:result']['earl:outcome']); sys.exit(r['earl:result']['earl:outcome'] != 'pass')" "$report/report.json"
