#!/usr/bin/env bash
# Issue 14's acceptance check: a country's `init` profile with all its weight on each objective in turn,
# and how many distinct portfolios the 8 give. Usage: bench/single_objective.sh [ISO3] [FORUMS_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
iso=${1:-KEN}
bin=build/default/cli/whichforum
forums=()
[[ $# -ge 2 ]] && forums=(--forums "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" "${forums[@]}" init --country "$iso" -o "$tmp/base.toml"
objectives=$(sed -n '/^\[objectives\]/,/^$/p' "$tmp/base.toml" | grep -o '^[a-z_]*' )
for o in $objectives; do
  awk -v o="$o" '/^\[objectives\]/{s=1} /^$/{s=0} s && $1!="[objectives]" {split($0,a," "); if (a[1]==o) sub(/"[^"]*"/,"\"1\""); else sub(/"[^"]*"/,"\"0\"")} {print}' \
    "$tmp/base.toml" > "$tmp/$o.toml"
  "$bin" "${forums[@]}" --profile "$tmp/$o.toml" --format json | python3 -c '
import json,sys
d=json.load(sys.stdin)
print(" ".join(sorted(c["forum"] + ":" + c["option"] for c in d["portfolio"])))' > "$tmp/$o.out" || echo "(failed)" > "$tmp/$o.out"
  printf '%-22s %s\n' "$o" "$(cat "$tmp/$o.out")"
done
echo "distinct: $(cat "$tmp"/*.out | sort -u | wc -l) of $(echo "$objectives" | wc -w)"
