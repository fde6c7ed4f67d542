#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs one bad-input case through the real binary and compares stderr, the exit status and
# stdout (empty unless <case>.stdout is given) byte for byte.
#   run.sh BINARY DIR/<case>.toml WORK_DIR            compare
#   run.sh BINARY DIR/<case>.toml WORK_DIR --update   write <case>.stderr, .status (.stdout)
# The case runs in WORK_DIR, emptied first, with <case>.toml copied in: messages name files
# relative to it, so the expected files hold no absolute path. <case>.gen, when present, runs
# there first (bash, given <case>.toml) to make inputs too large to commit; <case>.args holds
# the arguments, one a line (default: --profile <case>.toml). A run over 60 s fails
# ($WHICHFORUM_BAD_INPUT_SECONDS: CTest gives sanitizer builds more).
set -u
bin=$1 input=$2 work=$3 mode=${4:-}
dir=$(cd "$(dirname "$input")" && pwd)
name=$(basename "$input" .toml)
case=$dir/$name
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
cp "$case.toml" .
if [[ -f $case.gen ]] && ! bash "$case.gen" "$name.toml"; then
  echo "bad input $name: $name.gen failed"
  exit 1
fi
if [[ -f $case.args ]]; then
  mapfile -t args <"$case.args"
else
  args=(--profile "$name.toml")
fi
timeout "${WHICHFORUM_BAD_INPUT_SECONDS:-60}" "$bin" "${args[@]}" </dev/null >"$work/.stdout" 2>"$work/.stderr"
echo $? >"$work/.status"
if [[ $mode == --update ]]; then
  cp "$work/.stderr" "$case.stderr"
  cp "$work/.status" "$case.status"
  if [[ -s $work/.stdout ]]; then cp "$work/.stdout" "$case.stdout"; else rm -f "$case.stdout"; fi
  cd / && rm -rf "$work"
  exit 0
fi
fail=0
for f in stderr status stdout; do
  expected=$case.$f
  [[ $f == stdout && ! -f $expected ]] && expected=/dev/null
  if ! cmp -s "$expected" "$work/.$f"; then
    echo "bad input $name: $f differs:"
    diff -u "$expected" "$work/.$f" | head -40
    fail=1
  fi
done
((fail)) || { cd / && rm -rf "$work"; }
exit $fail
