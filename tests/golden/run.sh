#!/usr/bin/env bash
# Runs one golden case: the real binary with the case's `args` (one argument a line), in the
# case's directory, and compares stdout, stderr and the exit status byte for byte.
#   run.sh BINARY CASE_DIR            compare
#   run.sh BINARY CASE_DIR --update   write the expected files from this run
set -u
bin=$1 dir=$2 mode=${3:-}
cd "$dir" || exit 1
mapfile -t args < args
actual=$(mktemp -d)
trap 'rm -rf "$actual"' EXIT
stdin=/dev/null
[[ -f stdin ]] && stdin=stdin
"$bin" "${args[@]}" <"$stdin" >"$actual/stdout" 2>"$actual/stderr"
echo $? >"$actual/status"
if [[ $mode == --update ]]; then
  cp "$actual/stdout" "$actual/stderr" "$actual/status" .
  exit 0
fi
fail=0
for f in stdout stderr status; do
  if ! cmp -s "$f" "$actual/$f"; then
    echo "golden $(basename "$dir"): $f differs:"
    diff -u "$f" "$actual/$f" | head -40
    fail=1
  fi
done
exit $fail
