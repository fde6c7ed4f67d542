#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Issue 19: an I/O error at any step of `-o existing.md` (a write, the fsync, the close; made to
# fail with EIO by the LD_PRELOAD shim fail_io.cpp) exits 1 with the reason, leaves existing.md
# byte for byte as it was (a Markdown briefing; the failing run writes HTML), and no temporary
# file behind. CALL term: a SIGTERM sent mid-replace (in the fsync) ends the process by that
# signal only once the replace is done: existing.md is then the new briefing whole, and no
# temporary file is left (before, the process died with the temporary file in place).
#   io_errors.sh BINARY SHIM PROFILE WORK_DIR CALL     (CALL: write, fsync, close or term)
set -u
bin=$1 shim=$2 profile=$3 work=$4 call=$5
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
fail=0
"$bin" brief --estimates fixed --profile "$profile" --format md -o existing.md 2>err
[[ $? == 0 && -s existing.md && ! -s err ]] || { echo "the first briefing was not written: $(cat err)"; exit 1; }
cp existing.md before.md
# The shim loaded but told to fail nothing: the run works (what fails below is the injection).
"$bin" brief --estimates fixed --profile "$profile" --format html >expected.html
LD_PRELOAD=$shim "$bin" brief --estimates fixed --profile "$profile" --format html -o other.md 2>err
status=$?
if [[ $status != 0 ]] || ! cmp -s other.md expected.html; then
  echo "with the shim loaded and no failure asked, the run failed ($status): $(cat err)"
  exit 1
fi
rm other.md
if [[ $call == term ]]; then
  WHICHFORUM_FAIL_IO=term LD_PRELOAD=$shim "$bin" brief --estimates fixed --profile "$profile" --format html -o existing.md 2>err
  status=$?
  # 128 + 15: ended by SIGTERM, as asked, and not before the replace was through.
  [[ $status == 143 ]] || { echo "a SIGTERM mid-replace: exit status $status, expected 143 (SIGTERM)"; fail=1; }
  cmp -s existing.md expected.html || { echo "a SIGTERM mid-replace: existing.md is not the new briefing whole"; fail=1; }
  files=$(ls -A | tr '\n' ' ')
  [[ $files == "before.md err existing.md expected.html " ]] || { echo "a SIGTERM mid-replace: files left behind: $files"; fail=1; }
  ((fail)) || { cd / && rm -rf "$work"; }
  exit $fail
fi
rm expected.html
WHICHFORUM_FAIL_IO=$call LD_PRELOAD=$shim "$bin" brief --estimates fixed --profile "$profile" --format html -o existing.md 2>err
status=$?
expected="whichforum: error: existing.md: cannot write: Input/output error"
if [[ $status != 1 ]]; then
  echo "$call failing: exit status $status, expected 1"
  fail=1
fi
if [[ $(cat err) != "$expected" ]]; then
  echo "$call failing: stderr is '$(cat err)', expected '$expected'"
  fail=1
fi
if ! cmp -s existing.md before.md; then
  echo "$call failing: existing.md changed"
  fail=1
fi
files=$(ls -A | tr '\n' ' ')
if [[ $files != "before.md err existing.md " ]]; then
  echo "$call failing: files left behind: $files"
  fail=1
fi
((fail)) || { cd / && rm -rf "$work"; }
exit $fail
