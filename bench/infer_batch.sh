#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright 2026 The whichforum authors
# Issue 16 item 4: `whichforum infer` on each shipped profile and `whichforum batch` over every
# country, whole process (/usr/bin/time, one core: whichforum is single-threaded), median of 3.
# Targets: infer under 200 ms; batch under 30 s. Usage: bench/infer_batch.sh [WHICHFORUM]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/default/cli/whichforum}
median() { sort -n | sed -n 2p; }
run3() { for _ in 1 2 3; do /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -1; done | median; }
printf '%-28s %8s %8s\n' "command" "seconds" "target"
for p in profiles/*.toml; do
  printf '%-28s %8s %8s\n' "infer $(basename "$p" .toml)" "$(run3 "$bin" infer --profile "$p")" "0.2"
done
printf '%-28s %8s %8s\n' "batch (all countries)" "$(run3 "$bin" batch -o /dev/null)" "30"
