#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs each libFuzzer target for a bounded time, seeded from its committed corpus
# (tests/fuzz/corpus/<target>/, read only) and the shipped files, and fails on any crash,
# sanitizer report, leak, timeout (10 s for one input, 30 for infer and batch: seeds.sh) or memory
# blow-up (2 GiB).
#   run.sh BUILD_DIR [SECONDS]    SECONDS per target, 60 by default; BUILD_DIR of the clang preset
# The targets run side by side, as many at a time as the machine has cores: each still gets
# SECONDS of one core on an idle machine (CI), in a quarter of the time one after another takes.
# Corpora, logs and crashing inputs go to BUILD_DIR/fuzz-runs/<target>/; the source tree is
# never written. Prints executions, coverage (cov: edges, ft: features) and exec/s per target.
set -uo pipefail
build=$1 seconds=${2:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$build/fuzz-runs
targets=(fuzz_profile fuzz_forum fuzz_criterion fuzz_recommend fuzz_infer fuzz_batch fuzz_writer)

source "$root/tests/fuzz/seeds.sh"

run_one() {
  local target=$1 dir=$out/$1
  rm -rf "$dir" && mkdir -p "$dir/corpus" "$dir/artifacts"
  [[ -n ${seeds[$target]} ]] && (cd "$root" && cp ${seeds[$target]} "$dir/corpus/")
  # New inputs go to the first directory only; the committed corpus is read.
  "$build/tests/fuzz/$target" "$dir/corpus" "$root/tests/fuzz/corpus/$target" -max_total_time="$seconds" \
    -timeout="$(timeout_of "$target")" -rss_limit_mb=2048 -dict="$root/tests/fuzz/toml.dict" -print_final_stats=1 \
    -artifact_prefix="$dir/artifacts/" >"$dir/log" 2>&1
  echo $? >"$dir/status"
}

jobs=$(nproc)
for target in "${targets[@]}"; do
  while (($(jobs -rp | wc -l) >= jobs)); do wait -n; done
  run_one "$target" &
done
wait

fail=0
for target in "${targets[@]}"; do
  dir=$out/$target
  status=$(cat "$dir/status")
  done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$dir/log" | tail -1)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/log")
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' <<<"$done_line")
  echo "$target: ${execs:-?} executions, ${rate:-?} exec/s, ${cov:-no coverage line} (${seconds} s)"
  if ((status != 0)); then
    fail=1
    echo "$target: FAILED (exit $status); log: $dir/log" >&2
    grep -E 'ERROR|SUMMARY|runtime error|invariant|Test unit written' "$dir/log" | head -20 >&2
  fi
done
exit $fail
