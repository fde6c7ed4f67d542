#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Issue 19: where `-o FILE` writes, one rule per case, checked against the real binary:
#   output_rules.sh BINARY PROFILE WORK_DIR CASE
# CASE is one of
#   dash          `-o -` is standard output (no file named "-")
#   stdout_full   standard output on a full disk (/dev/full) exits 1 and says so, for a
#                 briefing and for help, --help, --version and check's list (which honours -o)
#   device        a character device is written in place, never renamed over: /dev/full (a copy
#                 made with mknod first, then the real one) exits 1 and is still the device;
#                 /dev/null (a copy) takes the output and exits 0
#   descriptor    /proc/self/fd/1, /dev/fd/1 and then /dev/stdout are the descriptor as the shell
#                 set it up: `>>log` appends; a descriptor not open exits 1 (EBADF)
#   fifo          a FIFO with a reader gets the output through it and stays a FIFO
#   socket        a socket cannot be opened: exits 1, and the socket is still a socket
#   symlink       a link is followed, its target replaced whole (mode kept), the link kept;
#                 a chain of links and a dangling link the same
#   mode          a regular file keeps its mode (0600) and owner; a new file gets 0666 less umask;
#                 a name of 255 bytes is written
#   size_limit    a write past the file size limit (ulimit -f): exits 1 with "File too large", the
#                 old file as it was (not killed by SIGXFSZ with a temporary file left)
#   readonly_dir  a directory nobody may write (immutable, which binds root too) or a path under
#                 a regular file: exits 1 with the reason, the old file as it was; a link in the
#                 read-only directory to a file elsewhere: that file is replaced, exit 0
# Exit 0: passed; 1: failed (each failure said); 77: this machine cannot set the case up.
set -u
bin=$1 profile=$2 work=$3 case=$4
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
fail=0
brief() { "$bin" brief --estimates fixed --profile "$profile" --format md "$@"; }
brief >expected.md 2>/dev/null || { echo "the briefing to stdout failed"; exit 1; }
[[ -s expected.md ]] || { echo "the briefing to stdout is empty"; exit 1; }

# check WHAT: fails the case with WHAT unless the command after it succeeds.
check() {
  local what=$1
  shift
  if ! "$@"; then
    echo "$what"
    fail=1
  fi
}
# run ARGS...: the briefing with ARGS; sets $status and leaves stderr in err.
run() {
  brief "$@" 2>err
  status=$?
}
# expect_failure NAME STDERR: the last run exited 1 with exactly STDERR.
expect_failure() {
  check "$1: exit status $status, expected 1" test "$status" = 1
  check "$1: stderr is '$(cat err)', expected '$2'" test "$(cat err)" = "$2"
}
# no_temporary DIR...: no temporary file of the writer left in DIR.
no_temporary() {
  local d
  for d in "$@"; do
    if compgen -G "$d/*.tmp-whichforum*" >/dev/null || compgen -G "$d/.*.tmp-whichforum*" >/dev/null; then
      echo "a temporary file was left in $d: $(ls -A "$d")"
      fail=1
    fi
  done
}
# kind PATH: what PATH is, not following a link (stat's words: "character special file", ...).
kind() { stat -c %F "$1" 2>/dev/null || echo missing; }

case $case in
dash)
  brief -o - >got.md 2>err
  status=$?
  check "-o -: exit status $status, stderr '$(cat err)'" test "$status" = 0 -a ! -s err
  check "-o - did not write the briefing to standard output" cmp -s got.md expected.md
  check "-o - wrote a file named -" test ! -e ./-
  ;;
stdout_full)
  brief >/dev/full 2>err
  status=$?
  expect_failure "standard output on /dev/full" \
    "whichforum: error: standard output: cannot write: No space left on device"
  # What is not a result goes through the writer too: help, --help, --version, check's list.
  for args in "help" "--help" "brief --help" "--version" "check $profile"; do
    # shellcheck disable=SC2086  # the words of args are meant to be split
    "$bin" $args >/dev/full 2>err
    status=$?
    expect_failure "$args on /dev/full" "whichforum: error: standard output: cannot write: No space left on device"
  done
  # And they honour -o, as every command does.
  "$bin" check "$profile" >check_stdout.txt 2>err
  "$bin" check "$profile" -o check.txt 2>err
  status=$?
  check "check -o: exit status $status, stderr '$(cat err)'" test "$status" = 0 -a ! -s err
  check "check -o did not write the list to the file" cmp -s check.txt check_stdout.txt
  ;;
device)
  # A copy of /dev/full (major 1, minor 7) first: a writer that renames over devices replaces
  # only the copy. The real /dev/full is tried only once the copy shows it is written in place.
  mknod full c 1 7 2>/dev/null && mknod null c 1 3 2>/dev/null || { echo "SKIP: mknod not permitted"; exit 77; }
  run -o full
  expect_failure "a copy of /dev/full" "whichforum: error: full: cannot write: No space left on device"
  check "the copy of /dev/full is now: $(kind full)" test "$(kind full)" = "character special file"
  check "the copy of /dev/full is no longer 1,7" test "$(stat -c %t,%T full 2>/dev/null)" = 1,7
  run -o null
  check "a copy of /dev/null: exit status $status, stderr '$(cat err)'" test "$status" = 0 -a ! -s err
  check "the copy of /dev/null is now: $(kind null)" test "$(kind null)" = "character special file"
  no_temporary .
  if ((fail == 0)) && [[ $(kind /dev/full) == "character special file" ]]; then
    run -o /dev/full
    expect_failure "/dev/full" "whichforum: error: /dev/full: cannot write: No space left on device"
    check "/dev/full is now: $(kind /dev/full)" test "$(kind /dev/full)" = "character special file"
    no_temporary /dev
  fi
  ;;
descriptor)
  # /proc/self/fd/1 and /dev/fd/1 first: a writer that renames over what it is given cannot
  # create a temporary file in /proc, so it fails without harm. /dev/stdout, a link in /dev
  # such a writer would replace, is tried only once those pass.
  names=(/proc/self/fd/1 /dev/fd/1)
  for k in 0 1 2; do
    ((k == 2)) && { ((fail == 0)) || break; [[ $(kind /dev/stdout) == "symbolic link" ]] || break; names+=(/dev/stdout); }
    name=${names[$k]}
    echo "log line" >log$k
    brief -o "$name" >>log$k 2>err
    status=$?
    check "-o $name >>log: exit status $status, stderr '$(cat err)'" test "$status" = 0 -a ! -s err
    check "-o $name >>log did not append the briefing to the log" cmp -s log$k <(echo "log line"; cat expected.md)
  done
  ((fail == 0)) && check "/dev/stdout is now: $(kind /dev/stdout)" test "$(kind /dev/stdout)" = "symbolic link"
  run -o /dev/fd/250
  expect_failure "a descriptor not open" "whichforum: error: /dev/fd/250: cannot write: Bad file descriptor"
  no_temporary .
  ;;
fifo)
  mkfifo pipe || { echo "SKIP: mkfifo failed"; exit 77; }
  # The reader gives up after 20 s: a writer that renames over the FIFO never opens it.
  timeout 20 cat pipe >got.md &
  reader=$!
  run -o pipe
  check "a FIFO: exit status $status, stderr '$(cat err)'" test "$status" = 0 -a ! -s err
  check "the FIFO is now: $(kind pipe)" test "$(kind pipe)" = fifo
  # Renamed over, the FIFO's reader waits on a name no writer can reach any more.
  [[ $(kind pipe) == fifo ]] || kill "$reader" 2>/dev/null
  wait "$reader"
  check "the FIFO's reader did not get the briefing" cmp -s got.md expected.md
  no_temporary .
  ;;
socket)
  command -v python3 >/dev/null || { echo "SKIP: no python3 to make a socket"; exit 77; }
  python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' sock ||
    { echo "SKIP: cannot bind a Unix socket here"; exit 77; }
  run -o sock
  expect_failure "a socket" "whichforum: error: sock: cannot write: No such device or address"
  check "the socket is now: $(kind sock)" test "$(kind sock)" = socket
  no_temporary .
  ;;
symlink)
  mkdir shared
  echo old >shared/file.md
  chmod 0640 shared/file.md
  ln -s shared/file.md link.md
  run -o link.md
  check "a link: exit status $status, stderr '$(cat err)'" test "$status" = 0 -a ! -s err
  check "the link is now: $(kind link.md)" test "$(kind link.md)" = "symbolic link"
  check "the link now points to '$(readlink link.md)'" test "$(readlink link.md)" = shared/file.md
  check "the link's target does not hold the briefing" cmp -s shared/file.md expected.md
  check "the link's target's mode is now $(stat -c %a shared/file.md)" test "$(stat -c %a shared/file.md)" = 640
  # A chain: link2 -> link.md -> shared/file.md, the last step relative to link.md's directory.
  echo old >shared/file.md
  mkdir links
  ln -s ../link.md links/link2.md
  run -o links/link2.md
  check "a chain of links: exit status $status, stderr '$(cat err)'" test "$status" = 0 -a ! -s err
  check "the chain's first link is now: $(kind links/link2.md)" test "$(kind links/link2.md)" = "symbolic link"
  check "the chain's last link is now: $(kind link.md)" test "$(kind link.md)" = "symbolic link"
  check "the chain's target does not hold the briefing" cmp -s shared/file.md expected.md
  # A dangling link: the file is created where it points; the link stays.
  ln -s shared/new.md dangling.md
  run -o dangling.md
  check "a dangling link: exit status $status, stderr '$(cat err)'" test "$status" = 0 -a ! -s err
  check "the dangling link is now: $(kind dangling.md)" test "$(kind dangling.md)" = "symbolic link"
  check "the dangling link's target does not hold the briefing" cmp -s shared/new.md expected.md
  no_temporary . shared links
  ;;
mode)
  echo old >secret.md
  chmod 0600 secret.md
  owner=$(stat -c %u:%g secret.md)
  if ((EUID == 0)); then
    chown 4321:4322 secret.md && owner=4321:4322
  fi
  run -o secret.md
  check "a 0600 file: exit status $status, stderr '$(cat err)'" test "$status" = 0 -a ! -s err
  check "the 0600 file does not hold the briefing" cmp -s secret.md expected.md
  check "the 0600 file's mode is now $(stat -c %a secret.md)" test "$(stat -c %a secret.md)" = 600
  check "the file's owner is now $(stat -c %u:%g secret.md), was $owner" test "$(stat -c %u:%g secret.md)" = "$owner"
  (umask 027 && exec "$bin" brief --estimates fixed --profile "$profile" --format md -o new.md) 2>err
  status=$?
  check "a new file: exit status $status, stderr '$(cat err)'" test "$status" = 0 -a ! -s err
  check "a new file under umask 027 has mode $(stat -c %a new.md)" test "$(stat -c %a new.md)" = 640
  # A name of 255 bytes (NAME_MAX), new then replaced: the temporary name must still fit.
  long=$(printf 'n%.0s' {1..252}).md
  for round in new replaced; do
    run -o "$long"
    check "a $round file with a 255-byte name: exit status $status, stderr '$(cat err)'" test "$status" = 0 -a ! -s err
    check "the $round file with a 255-byte name does not hold the briefing" cmp -s "$long" expected.md
  done
  no_temporary .
  ;;
size_limit)
  # Past the file size limit (ulimit -f, 1 KiB blocks) the kernel sends SIGXFSZ, whose default
  # action ends the process silently: before, exit 153 with a temporary file left. The writer
  # holds the signal back, so the write fails with EFBIG and says so.
  "$bin" brief --estimates fixed --profile "$profile" --format md -o existing.md 2>err || { echo "the first briefing failed: $(cat err)"; exit 1; }
  cp existing.md before.md
  (ulimit -f 4 && exec "$bin" brief --estimates fixed --profile "$profile" --format html -o existing.md) 2>err
  status=$?
  expect_failure "-o a file past the size limit" "whichforum: error: existing.md: cannot write: File too large"
  check "the file changed though the write failed" cmp -s existing.md before.md
  (ulimit -f 4 && exec "$bin" brief --estimates fixed --profile "$profile" --format html) >stdout.html 2>err
  status=$?
  expect_failure "standard output to a file past the size limit" \
    "whichforum: error: standard output: cannot write: File too large"
  no_temporary .
  ;;
readonly_dir)
  # Permissions do not bind root; a path under a regular file and an immutable directory do.
  echo old >plain
  run -o plain/out.md
  expect_failure "a path under a regular file" "whichforum: error: plain/out.md: cannot write: Not a directory"
  check "the regular file changed" test "$(cat plain)" = old
  mkdir locked shared
  echo old >locked/existing.md
  echo old >shared/target.md
  ln -s ../shared/target.md locked/link.md
  if chattr +i locked 2>/dev/null; then
    reason="Operation not permitted"
  elif ((EUID != 0)); then
    chmod a-w locked
    reason="Permission denied"
  else
    echo "SKIP: root, and chattr +i does not work on this file system"
    exit 77
  fi
  run -o locked/existing.md
  # A link in the read-only directory: its target is replaced beside itself, in shared/, so the
  # read-only directory does not stand in the way (a temporary file beside the link would).
  brief -o locked/link.md 2>err_link
  link_status=$?
  chattr -i locked 2>/dev/null
  chmod u+w locked
  expect_failure "a read-only directory" "whichforum: error: locked/existing.md: cannot write: $reason"
  check "the file in the read-only directory changed" test "$(cat locked/existing.md)" = old
  check "a link in a read-only directory: exit status $link_status, stderr '$(cat err_link)'" \
    test "$link_status" = 0 -a ! -s err_link
  check "the link's target does not hold the briefing" cmp -s shared/target.md expected.md
  check "the link in the read-only directory is now: $(kind locked/link.md)" \
    test "$(kind locked/link.md)" = "symbolic link"
  no_temporary locked shared
  ;;
*)
  echo "unknown case $case"
  exit 1
  ;;
esac
((fail)) || { cd / && rm -rf "$work"; }
exit $fail
