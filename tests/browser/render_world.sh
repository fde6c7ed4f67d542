#!/usr/bin/env bash
# Renders `batch --format html` (the world view, issue 16 item 3) in headless Chromium to PDF and
# checks it: no script and no network address, no console errors, A4 pages, and the sections an
# official or a secretariat reads (memberships kept, who has no seat, forums a region cannot
# reach, whom to invite, the countries).
#   render_world.sh WHICHFORUM
set -euo pipefail
bin=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "browser test: $*" >&2; exit 1; }

"$bin" batch --format html -o "$work/world.html" 2>/dev/null
if grep -qiE '<script|https?://' "$work/world.html"; then fail "the HTML has a script or a network address"; fi
for id in unreachable invite countries; do
  grep -q "<table id=\"$id\">" "$work/world.html" || fail "the HTML has no $id table"
done
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --disable-extensions --user-data-dir="$work/profile"
       --enable-logging=stderr --v=0)
timeout 120 chromium "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$work/world.pdf" "file://$work/world.html" \
  2>"$work/pdf.log" || fail "PDF failed: $(tail -3 "$work/pdf.log")"
if grep -hE 'CONSOLE|Uncaught|Refused to' "$work/pdf.log"; then fail "console errors while rendering"; fi
size=$(pdfinfo "$work/world.pdf" | awk -F': *' '/^Page size:/ {print $2}')
[[ $size == *"(A4)"* ]] || fail "pages are not A4: $size"
text=$(pdftotext "$work/world.pdf" - | tr -s " \n" "  ")
for want in "Forums and countries: who has a seat" "Memberships kept" "Who has no seat" "Forums a region cannot reach" \
            "Whom to invite" "Singapore (SGP)" "Uruguay (URY)"; do
  grep -q "$want" <<<"$text" || fail "the PDF lacks \"$want\""
done
pages=$(pdfinfo "$work/world.pdf" | awk '/^Pages:/ {print $2}')
echo "browser test: ok ($pages A4 pages)"
