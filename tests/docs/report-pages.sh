#!/usr/bin/env bash
# The HTML report as leadership reads it on paper: the example workspace's review of 2026 Q3 (the
# golden file the core's report test checks) printed to PDF by Chromium, each page turned into an
# image by pdftoppm. Written to docs/report-page-N.png.
#
# Usage: tests/docs/report-pages.sh   (needs chromium and poppler-utils)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
html="$PWD/crates/outward-core/tests/core/report/review-2026-Q3.html"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"${CHROMIUM_PATH:-chromium}" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
  --print-to-pdf="$work/report.pdf" "file://$html" 2>/dev/null
rm -f docs/report-page-*.png
pdftoppm -png -r 60 "$work/report.pdf" docs/report-page
ls docs/report-page-*.png
