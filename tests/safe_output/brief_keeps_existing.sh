#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Issue 7: a failing `whichforum brief --format html -o existing.html` leaves existing.html byte
# for byte as it was, and no temporary file behind: when the profile is bad, when the write fails
# half-way (a file-size limit, which binds root too, unlike permissions), when the target's
# directory is missing, and when the target is a directory. A good run then replaces it whole;
# runs writing one target at once all succeed and leave it whole.
#   brief_keeps_existing.sh BINARY PROFILE WORK_DIR
set -u
bin=$1 profile=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
fail=0

# expect NAME STATUS STDERR: the last run's status and stderr, and the directory as it was.
expect() {
  local name=$1 status=$2 stderr=$3
  if [[ $got_status != "$status" ]]; then
    echo "$name: exit status $got_status, expected $status"
    fail=1
  fi
  if [[ $(cat err) != "$stderr" ]]; then
    echo "$name: stderr differs:"
    diff <(echo "$stderr") err
    fail=1
  fi
  if ! cmp -s existing.html before.html; then
    echo "$name: existing.html changed"
    fail=1
  fi
  local files
  files=$(ls -A | tr '\n' ' ')
  if [[ $files != "adir bad.toml before.html err existing.html " ]]; then
    echo "$name: files left behind: $files"
    fail=1
  fi
}

"$bin" brief --estimates fixed --profile "$profile" --format html -o existing.html 2>err
[[ $? == 0 && -s existing.html && ! -s err ]] || { echo "the first briefing was not written"; exit 1; }
cp existing.html before.html
mkdir adir && touch adir/keep
printf 'country = "URY"\nname = "U"\n[objectives]\npeer_learning = 1\n[capacity]\nmoney = -5\nstaff_days = 1\nministerial_days = 1\n' >bad.toml

"$bin" brief --estimates fixed --profile bad.toml --format html -o existing.html 2>err
got_status=$?
expect "a bad profile" 2 'whichforum: error: bad.toml:6:9: "money" must be at least 0, not -5
  money = -5
          ^'

# Files this process writes may grow to 1 KiB; the briefing is far larger, so the write of the
# temporary file fails after its first KiB (SIGXFSZ ignored, so write() says EFBIG instead).
(ulimit -f 1 && trap '' XFSZ && exec "$bin" brief --estimates fixed --profile "$profile" --format html -o existing.html) 2>err
got_status=$?
expect "a write that fails half-way" 1 'whichforum: error: existing.html: cannot write: File too large'

"$bin" brief --estimates fixed --profile "$profile" --format html -o missing/existing.html 2>err
got_status=$?
expect "a missing directory" 1 'whichforum: error: missing/existing.html: cannot write: No such file or directory'

"$bin" brief --estimates fixed --profile "$profile" --format html -o adir 2>err
got_status=$?
expect "a directory as the target" 1 'whichforum: error: adir: cannot write: Is a directory'

# A good run replaces the file whole: another format's content, and still no temporary file.
"$bin" brief --estimates fixed --profile "$profile" --format md -o existing.html 2>err
got_status=$?
"$bin" brief --estimates fixed --profile "$profile" --format md >expected.md
if [[ $got_status != 0 ]] || ! cmp -s existing.html expected.md || compgen -G "existing.html.tmp-whichforum*" >/dev/null; then
  echo "a good run did not replace existing.html whole"
  fail=1
fi
# Four runs writing one target at once: each has its own temporary file, so every run succeeds
# and the target is one whole briefing (with one shared temporary name, a run could rename away
# another's file mid-write, or find its own gone).
pids=()
for k in 1 2 3 4; do
  "$bin" brief --estimates fixed --profile "$profile" --format md -o same.md 2>"err$k" &
  pids+=($!)
done
for k in 1 2 3 4; do
  if ! wait "${pids[$((k - 1))]}" || [[ -s err$k ]]; then
    echo "concurrent run $k failed: $(cat "err$k")"
    fail=1
  fi
done
if ! cmp -s same.md expected.md || compgen -G "same.md.tmp-whichforum*" >/dev/null; then
  echo "concurrent runs left same.md not whole, or a temporary file"
  fail=1
fi
((fail)) || { cd / && rm -rf "$work"; }
exit $fail
