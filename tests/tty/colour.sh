#!/usr/bin/env bash
# Colour only on a terminal with NO_COLOR unset or empty (issue 18 item 4): the recommendation run
# under a pseudo-terminal (util-linux `script`) has styles; with NO_COLOR=1, through a pipe or
# into a file it has none, and the text is otherwise the same.
#   colour.sh WHICHFORUM PROFILE
set -euo pipefail
bin=$1 profile=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "colour test: $*" >&2; exit 1; }
esc=$'\x1b['
q() { printf '%q' "$1"; }
script -qec "env -u NO_COLOR $(q "$bin") --profile $(q "$profile")" /dev/null >"$work/tty" </dev/null
grep -qF "${esc}1mRecommended portfolio" "$work/tty" || fail "no bold title on a terminal"
script -qec "env NO_COLOR= $(q "$bin") --profile $(q "$profile")" /dev/null >"$work/empty" </dev/null
grep -qF "${esc}1m" "$work/empty" || fail "an empty NO_COLOR turned colour off (no-color.org: only a non-empty value does)"
script -qec "env NO_COLOR=1 $(q "$bin") --profile $(q "$profile")" /dev/null >"$work/nocolor" </dev/null
if grep -qF "$esc" "$work/nocolor"; then fail "NO_COLOR=1 on a terminal still has styles"; fi
script -qec "env -u NO_COLOR $(q "$bin") --profile $(q "$profile") -o $(q "$work/file")" /dev/null >/dev/null </dev/null
if grep -qF "$esc" "$work/file"; then fail "a file written with -o has styles"; fi
env -u NO_COLOR "$bin" --profile "$profile" | cat >"$work/pipe"
if grep -qF "$esc" "$work/pipe"; then fail "a pipe has styles"; fi
# Without the styles (and the terminal's CR), the terminal's text is the pipe's.
sed -e 's/\x1b\[[0-9;]*m//g' -e 's/\r$//' "$work/tty" >"$work/plain"
cmp -s "$work/plain" "$work/pipe" || fail "the terminal's text differs from the pipe's beyond its styles"
cmp -s "$work/file" "$work/pipe" || fail "the file differs from the pipe's text"
echo "colour test: ok"
