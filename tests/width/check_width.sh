#!/usr/bin/env bash
# Every command's default output within 100 columns (issue 18): for each shipped profile, the
# recommendation, brief (Markdown), explain of each chosen and one left-out forum, robust, infer and
# whatif; and help, each command's --help, schema of each kind, init of a few countries, forums,
# forums show, check and batch. Columns are display columns (wc -L under a UTF-8 locale), so an
# accented name counts once. Not checked: export (CPLEX LP, a file for solvers, not for reading)
# and the formats a user asks for (--wide, csv, json, html).
#   check_width.sh WHICHFORUM SOURCE_DIR
set -uo pipefail
bin=$1 src=$2
export LC_ALL=C.UTF-8
width=100 failed=0
check() {
  local out
  out=$("$bin" "$@" 2>&1)
  local w
  w=$(printf '%s\n' "$out" | wc -L)
  if (( w > width )); then
    echo "width: whichforum $* is $w columns wide:" >&2
    printf '%s\n' "$out" | awk -v W=$width '{ if (length($0) > W) print "  " $0 }' | head -3 >&2
    failed=1
  fi
}
cd "$src"
for p in profiles/*.toml; do
  check --profile "$p"
  check brief --profile "$p" --estimate-samples 50
  check robust --profile "$p" --samples 500 --estimate-samples 50
  check whatif --profile "$p"
  check infer --profile "$p"
  for f in dn ogp oecd_eleaders govinsider; do check explain --profile "$p" "$f"; done
done
check help
check --help
for c in brief check explain export infer init robust whatif forums schema batch; do check "$c" --help; done
for k in profile forum criterion assumptions; do check schema "$k"; done
for c in KEN URY EST IND BRA; do check init "$c"; done
check forums
check forums show dn
check forums show redgealc
check check
check batch
(( failed == 0 )) && echo "width: every default output within $width columns"
exit $failed
