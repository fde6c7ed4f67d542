#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright 2026 The whichforum authors
# Issue 17 item 5: `whichforum robust` over weights and estimates on each shipped profile, whole
# process (/usr/bin/time, one core: whichforum is single-threaded), median of 3: weights alone
# (--estimates fixed), the default (1000 joint draws and the flip search), and 10,000 joint draws
# (the target: under 1 s; one run, not three: each takes a minute or more). Usage:
# bench/estimates.sh [WHICHFORUM]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/default/cli/whichforum}
median() { sort -n | sed -n 2p; }
run3() { for _ in 1 2 3; do /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -1; done | median; }
run1() { /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -1; }
printf '%-10s %14s %14s %14s %14s\n' "profile" "fixed (s)" "default (s)" "10000 draws (s)" "target (s)"
for p in profiles/*.toml; do
  printf '%-10s %14s %14s %14s %14s\n' "$(basename "$p" .toml)" \
    "$(run3 "$bin" robust --profile "$p" --estimates fixed)" \
    "$(run3 "$bin" robust --profile "$p")" \
    "$(run1 "$bin" robust --profile "$p" --estimate-samples 10000)" "1"
done
