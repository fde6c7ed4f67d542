#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs one end-to-end case (tests/golden/<case>/ or tests/bad_inputs/<case>/, one format for
# both): the real binary with the case's `args` (one argument a line), stdin from the case's
# `stdin` file or /dev/null, and compares stdout, stderr and the exit status with the case's
# `stdout`, `stderr` and `status` byte for byte.
#   run.sh BINARY CASE_DIR WORK_DIR            compare
#   run.sh BINARY CASE_DIR WORK_DIR --update   write the case's stdout, stderr, status from this run
# The case runs in its own directory, so paths in args and in messages are relative to it. A case
# with a `gen` script (inputs too large to commit) runs instead in WORK_DIR, emptied, holding a
# copy of the case's files: `gen` runs there first (bash, given the source root) and the source
# tree is never written. A run over 60 s fails ($WHICHFORUM_CASE_SECONDS: CTest gives sanitizer
# builds more).
set -u
bin=$1 case=$(cd "$2" && pwd) work=$3 mode=${4:-}
name=$(basename "$case")
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if [[ ! -f $case/args ]]; then
  echo "case $name: no args file"
  exit 1
fi
mapfile -t args <"$case/args"
run_dir=$case
if [[ -f $case/gen ]]; then
  rm -rf "$work" && mkdir -p "$work" || exit 1
  cp -R "$case/." "$work/"
  rm -f "$work/stdout" "$work/stderr" "$work/status" "$work/gen"
  run_dir=$work
  if ! (cd "$work" && bash "$case/gen" "$root"); then
    echo "case $name: gen failed"
    exit 1
  fi
fi
stdin=/dev/null
[[ -f $case/stdin ]] && stdin=$case/stdin
(cd "$run_dir" && exec timeout "${WHICHFORUM_CASE_SECONDS:-60}" "$bin" "${args[@]}") \
  <"$stdin" >"$out/stdout" 2>"$out/stderr"
echo $? >"$out/status"
[[ $run_dir == "$work" ]] && rm -rf "$work"
if [[ $mode == --update ]]; then
  cp "$out/stdout" "$out/stderr" "$out/status" "$case/"
  exit 0
fi
if [[ $(cat "$out/status") == 124 ]]; then
  echo "case $name: no answer within ${WHICHFORUM_CASE_SECONDS:-60} s"
fi
fail=0
for f in stdout stderr status; do
  if ! cmp -s "$case/$f" "$out/$f"; then
    echo "case $name: $f differs:"
    diff -u "$case/$f" "$out/$f" | head -40
    fail=1
  fi
done
exit $fail
