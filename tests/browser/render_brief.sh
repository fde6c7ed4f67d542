#!/usr/bin/env bash
# Renders a briefing in headless Chromium to PNG and PDF and checks that it rendered: a page
# that is not blank, the portfolio table and the charts present, no console errors, A4 pages and
# at most MAX_PAGES of them; page one holds the decision, the changes, the trade-off and how sure,
# and nothing of the annexes, which start on page two (issue 18 items 1 and 7).
#   render_brief.sh WHICHFORUM PROFILE MAX_PAGES [PNG_COPY]
set -euo pipefail
bin=$1 profile=$2 max_pages=$3 png_copy=${4:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "browser test: $*" >&2; exit 1; }

"$bin" brief --profile "$profile" --estimate-samples 50 --format html -o "$work/brief.html"
grep -q '<table id="portfolio">' "$work/brief.html" || fail "the HTML has no portfolio table"
(( $(grep -c '<svg ' "$work/brief.html") == 3 )) || fail "the HTML does not have its three charts"
if grep -qiE '<script|https?://' "$work/brief.html"; then fail "the HTML has a script or a network address"; fi

# The flags keep Chromium off the network (closed here) and out of any profile of the user's.
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --disable-extensions --user-data-dir="$work/profile"
       --enable-logging=stderr --v=0)
url="file://$work/brief.html"
timeout 120 chromium "${flags[@]}" --window-size=1240,1754 --screenshot="$work/brief.png" "$url" 2>"$work/shot.log" || fail "screenshot failed: $(tail -3 "$work/shot.log")"
timeout 120 chromium "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$work/brief.pdf" "$url" 2>"$work/pdf.log" || fail "PDF failed: $(tail -3 "$work/pdf.log")"
if grep -hE 'CONSOLE|Uncaught|Refused to' "$work/shot.log" "$work/pdf.log"; then fail "console errors while rendering"; fi

[[ -s $work/brief.png ]] || fail "no screenshot"
pages=$(pdfinfo "$work/brief.pdf" | awk '/^Pages:/ {print $2}')
size=$(pdfinfo "$work/brief.pdf" | awk -F': *' '/^Page size:/ {print $2}')
[[ $size == *"(A4)"* ]] || fail "pages are not A4: $size"
(( pages >= 1 && pages <= max_pages )) || fail "$pages pages; at most $max_pages expected"
text=$(pdftotext "$work/brief.pdf" - | tr -s " \n" "  ")
for want in "Annex B. Recommended portfolio" "Digital Nations" "Coverage by objective" "Resources used against the budgets" \
            "Value against the money budget" "Annex G. Sources"; do
  grep -q "$want" <<<"$text" || fail "the PDF lacks \"$want\""
done
# Page one: the decision in words, then the changes, the trade-off and how sure; no annex.
one=$(pdftotext -f 1 -l 1 "$work/brief.pdf" - | tr -s " \n" "  ")
for want in "Forum portfolio:" "of what these priorities could gain from forums" "Changes against today" "The key trade-off" \
            "How sure"; do
  grep -q "$want" <<<"$one" || fail "page one lacks \"$want\""
done
grep -qE "(Keep|Join|Take part in no forum)" <<<"$one" || fail "page one does not open with the decision"
if grep -q "Annex" <<<"$one"; then fail "page one holds part of the annexes"; fi
two=$(pdftotext -f 2 -l 2 "$work/brief.pdf" - | tr -s " \n" "  ")
grep -q "Annex A. Charts" <<<"$two" || fail "the annexes do not start on page two"
# Not blank: count dark pixels of page 1 rendered small in grey.
pdftoppm -r 20 -gray -f 1 -l 1 "$work/brief.pdf" "$work/page"
dark=$(tail -c +16 "$work"/page-*1.pgm | od -An -tu1 -v | tr -s ' ' '\n' | awk '$1 != "" && $1 < 160 {n++} END {print n + 0}')
(( dark > 200 )) || fail "page 1 looks blank ($dark dark pixels)"
[[ -z $png_copy ]] || cp "$work/brief.png" "$png_copy"
echo "browser test: ok ($pages A4 pages, $dark dark pixels on page 1)"
