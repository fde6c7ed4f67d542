#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Rebuilds the committed corpora tests/fuzz/corpus/<target>/: each libFuzzer target runs for
# SECONDS from the shipped files (seeds.sh) and its current corpus, then libFuzzer's -merge=1
# keeps the fewest, smallest inputs that reach every edge they all reached, counting what the
# shipped files already reach as covered: the corpus holds only what the shipped files do not
# give (CTest fuzz_replay/<target> replays both). Edges, not hit counts or comparisons
# (-use_counters=0 -use_cmp=0), keep it to a few hundred KB; the fuzz runs grow from there.
#   minimise.sh BUILD_DIR [SECONDS [TARGET...]]   BUILD_DIR of the clang preset; SECONDS per
#   target, 60 by default; the TARGETs named (default: every one), e.g. to give one a long run
set -uo pipefail
build=$1 seconds=${2:-60}
targets=(fuzz_profile fuzz_forum fuzz_criterion fuzz_recommend fuzz_infer fuzz_batch fuzz_writer)
(($# > 2)) && targets=("${@:3}")
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$build/fuzz-minimise
source "$root/tests/fuzz/seeds.sh"

fail=0
for target in "${targets[@]}"; do
  dir=$out/$target corpus=$root/tests/fuzz/corpus/$target fuzzer=$build/tests/fuzz/$target
  rm -rf "$dir" && mkdir -p "$dir/grown" "$dir/merged" "$dir/artifacts" "$corpus"
  [[ -n ${seeds[$target]} ]] && (cd "$root" && cp ${seeds[$target]} "$dir/grown/" && cp ${seeds[$target]} "$dir/merged/")
  cp "$corpus"/* "$dir/grown/" 2>/dev/null
  if ! "$fuzzer" "$dir/grown" -max_total_time="$seconds" -timeout="$(timeout_of "$target")" -rss_limit_mb=2048 \
      -dict="$root/tests/fuzz/toml.dict" -artifact_prefix="$dir/artifacts/" >"$dir/run.log" 2>&1; then
    echo "$target: the run failed; log: $dir/run.log (the corpus is left as it was)" >&2
    fail=1
    continue
  fi
  # Merging into a directory that holds the seeds adds only what they do not cover; libFuzzer
  # names what it adds by its SHA-1, so the seeds' own names are what to drop afterwards.
  if ! "$fuzzer" -merge=1 -use_counters=0 -use_cmp=0 "$dir/merged" "$dir/grown" >"$dir/merge.log" 2>&1; then
    echo "$target: the merge failed; log: $dir/merge.log" >&2
    fail=1
    continue
  fi
  rm -f "$corpus"/*
  find "$dir/merged" -type f -regextype posix-extended -regex '.*/[0-9a-f]{40}' -exec cp {} "$corpus/" \;
  # Inputs over 5000 bytes are mostly whole shipped forums with one mutation (the shipped ones
  # are 4.4 to 7 KB): they would double the corpus for a few edges that the fuzz runs, seeded
  # from the shipped files, reach again within seconds.
  find "$corpus" -type f -size +5000c -delete
  echo "$target: $(ls "$corpus" | wc -l) inputs, $(du -sb "$corpus" | cut -f1) bytes (from $(ls "$dir/grown" | wc -l))"
done
exit $fail
