#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Rebuilds the committed corpora tests/fuzz/corpus/<target>/: each libFuzzer target runs for
# SECONDS from the shipped files and its current corpus, then libFuzzer's -merge=1 keeps the
# smallest set of inputs that covers what all of them covered. CTest replays these corpora in
# every build (fuzz_replay/<target>); review the diff and keep the total small (a few hundred KB).
#   minimise.sh BUILD_DIR [SECONDS]   BUILD_DIR of the clang preset; SECONDS per target, 60 by default
set -uo pipefail
build=$1 seconds=${2:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$build/fuzz-minimise

declare -A seeds=(
  [fuzz_profile]="profiles/*.toml profiles/scenarios/*.toml tests/bad_inputs/*/*.toml"
  [fuzz_recommend]="profiles/*.toml profiles/scenarios/*.toml"
  [fuzz_forum]="forums/*.toml"
  [fuzz_criterion]="criteria/*.toml"
)

fail=0
for target in fuzz_profile fuzz_forum fuzz_criterion fuzz_recommend; do
  dir=$out/$target corpus=$root/tests/fuzz/corpus/$target
  rm -rf "$dir" && mkdir -p "$dir/grown" "$dir/artifacts" "$corpus"
  (cd "$root" && cp ${seeds[$target]} "$dir/grown/" && cp "$corpus"/* "$dir/grown/" 2>/dev/null)
  if ! "$build/tests/fuzz/$target" "$dir/grown" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -dict="$root/tests/fuzz/toml.dict" -artifact_prefix="$dir/artifacts/" \
      >"$dir/run.log" 2>&1; then
    echo "$target: the run failed; log: $dir/run.log (the corpus is left as it was)" >&2
    fail=1
    continue
  fi
  rm -f "$corpus"/*
  if ! "$build/tests/fuzz/$target" -merge=1 "$corpus" "$dir/grown" >"$dir/merge.log" 2>&1; then
    echo "$target: the merge failed; log: $dir/merge.log" >&2
    fail=1
    continue
  fi
  echo "$target: $(ls "$corpus" | wc -l) inputs, $(du -sk "$corpus" | cut -f1) KB (from $(ls "$dir/grown" | wc -l))"
done
exit $fail
