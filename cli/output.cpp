// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Writing results: standard output, a special file in place, or a file replaced atomically.
// The rules are in cli/output.h. POSIX calls throughout, not iostreams: each step's errno is the
// reason the user reads, and an ofstream loses it (or reports a full disk only at close).
#include "cli/output.h"

#include "cli/exit_status.h"

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <string>

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

namespace whichforum::cli {
namespace {

// Symbolic links followed by hand before giving up, as the kernel does (its MAXSYMLINKS).
constexpr int kMaxLinks = 40;

/// Holds back signals for as long as it lives, and lets them through (those still pending are
/// then delivered) when it ends:
///  - SIGXFSZ always: a write past the file size limit (ulimit -f) raises it, and its default
///    action ends the process with no word said and, mid-replace, a temporary file left. Held
///    back, write() fails with EFBIG instead, reported like any failed write; the pending
///    signal, a consequence of that write and now reported, is taken off before letting go.
///  - with `termination`, also SIGHUP, SIGINT, SIGQUIT and SIGTERM: while a file is replaced,
///    so that a Ctrl-C or a kill lands after the temporary file is renamed or removed, not
///    between (the process still ends by that signal, a moment later). Not held while writing
///    in place: a FIFO with no reader yet waits, and Ctrl-C must still end that wait.
class SignalsHeld {
 public:
  explicit SignalsHeld(bool termination) {
    sigemptyset(&held_);
    sigaddset(&held_, SIGXFSZ);
    if (termination) {
      for (int sig : {SIGHUP, SIGINT, SIGQUIT, SIGTERM}) sigaddset(&held_, sig);
    }
    ::pthread_sigmask(SIG_BLOCK, &held_, &before_);
  }
  SignalsHeld(const SignalsHeld&) = delete;
  SignalsHeld& operator=(const SignalsHeld&) = delete;
  ~SignalsHeld() {
    sigset_t xfsz;
    sigemptyset(&xfsz);
    sigaddset(&xfsz, SIGXFSZ);
    const timespec now{0, 0};
    while (::sigtimedwait(&xfsz, nullptr, &now) == SIGXFSZ) {
    }
    ::pthread_sigmask(SIG_SETMASK, &before_, nullptr);
  }

 private:
  sigset_t held_{};
  sigset_t before_{};
};

/// Writes all of `text` to `fd`: write() may write less than asked (a pipe, a signal).
int write_all(int fd, std::string_view text) {
  const char* p = text.data();
  size_t left = text.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (n == 0) return EIO;  // no progress and no reason: do not spin
    p += n;
    left -= static_cast<size_t>(n);
  }
  return 0;
}

/// The directory part of `path` with its slash ("" for a bare name, which is in ".").
std::string directory_of(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

/// A device, FIFO or socket: opened as it is and written. No O_CREAT (it exists; if it vanished
/// meanwhile, ENOENT says so rather than a regular file appearing in /dev) and no O_TRUNC
/// (meaningless there). No fsync: a pipe or terminal answers EINVAL, and a device's own driver
/// reports what write() could not do.
int write_in_place(const std::string& path, std::string_view text) {
  int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return errno;  // a socket: ENXIO
  int err = write_all(fd, text);
  if (::close(fd) != 0 && err == 0) err = errno;
  return err;
}

/// Replaces (or creates) the regular file `target` atomically; `old` is its status when it
/// exists. Readers see the old file or the new one, never a part, and a failure at any step
/// leaves the old one as it was.
int replace_atomically(const std::string& target, const struct stat* old, std::string_view text) {
  // A file its owner made read-only is not replaced behind its back: the rename would succeed
  // (it needs only the directory), but `>` or cp would be refused, and so is this (EACCES).
  // Root may write any file, here as there; an immutable file refuses root too (EPERM, below).
  if (old != nullptr && ::faccessat(AT_FDCWD, target.c_str(), W_OK, AT_EACCESS) != 0) return errno;
  SignalsHeld held(/*termination=*/true);  // from the temporary file's creation to its end
  // A name of its own per run and attempt, created exclusively: two runs writing one target at
  // once never share a temporary file, and a stale one from a killed run is never reused.
  std::string tmp;
  int fd = -1;
  for (int attempt = 0; fd < 0; ++attempt) {
    std::string suffix = ".tmp-whichforum-" + std::to_string(static_cast<long long>(::getpid())) + "-" +
                         std::to_string(attempt);
    // The target's name shortened when the suffix would take it past NAME_MAX: else a valid
    // name of 230-odd bytes could not be written at all (ENAMETOOLONG on the temporary file).
    std::string dir = directory_of(target);
    std::string base = target.substr(dir.size());
    if (base.size() + suffix.size() > NAME_MAX) base.resize(NAME_MAX - suffix.size());
    tmp = dir + base + suffix;
    // 0666 less the umask, as any new file; an existing target's mode replaces it below.
    fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOCTTY | O_CLOEXEC, 0666);
    if (fd < 0 && (errno != EEXIST || attempt == 99)) return errno;
  }
  int err = 0;
  if (old != nullptr) {
    // The owner first (a chown clears set-user-ID bits, which the chmod then puts back). Only
    // root may give a file away; anyone else keeps the file as theirs (EPERM), as an editor does.
    if (::fchown(fd, old->st_uid, old->st_gid) != 0 && errno != EPERM) err = errno;
    if (err == 0 && ::fchmod(fd, old->st_mode & 07777) != 0) err = errno;
  }
  if (err == 0) err = write_all(fd, text);
  // The data on disk before the rename makes it visible: else a crash could leave the new name
  // on an empty file. A full disk on delayed allocation, or an I/O error, may show only here.
  if (err == 0 && ::fsync(fd) != 0) err = errno;
  if (::close(fd) != 0 && err == 0) err = errno;
  if (err == 0 && ::rename(tmp.c_str(), target.c_str()) != 0) err = errno;
  if (err != 0) {
    ::unlink(tmp.c_str());
    return err;
  }
  // The rename itself on disk. A directory we may not open (no read permission) cannot be synced;
  // some file systems refuse to sync a directory (EINVAL) and need not. Any other failure is
  // reported: the new file is in place but may not survive a crash.
  std::string dir = directory_of(target);
  int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    if (::fsync(dfd) != 0 && errno != EINVAL) err = errno;
    ::close(dfd);
  }
  return err;
}

/// The descriptor a path names when it is one of this process's own: /dev/stdout, /dev/stderr,
/// /dev/fd/N, /proc/self/fd/N (as written; not through other links). Those are written through
/// the descriptor itself, as the shell redirected it: `-o /dev/stdout >>log` appends to log.
/// Following the link instead would find log and replace it, losing what it held; reopening
/// it would lose O_APPEND and write over its start.
std::optional<int> own_descriptor(const std::string& path) {
  if (path == "/dev/stdout") return STDOUT_FILENO;
  if (path == "/dev/stderr") return STDERR_FILENO;
  for (std::string_view prefix : {std::string_view("/dev/fd/"), std::string_view("/proc/self/fd/")}) {
    if (path.size() <= prefix.size() || path.compare(0, prefix.size(), prefix) != 0) continue;
    std::string_view digits = std::string_view(path).substr(prefix.size());
    if (digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
    return std::stoi(std::string(digits));
  }
  return std::nullopt;
}

}  // namespace

int write_text(const std::string& path, std::string_view text) {
  SignalsHeld held(/*termination=*/false);  // a file size limit is a failed write, said as one
  if (path.empty() || path == "-") {
    // Whatever a command printed through stdio first goes first.
    if (std::fflush(stdout) != 0) return errno;
    return write_all(STDOUT_FILENO, text);
  }
  if (auto fd = own_descriptor(path)) {
    // What stdio holds for that descriptor goes first.
    if (*fd == STDOUT_FILENO && std::fflush(stdout) != 0) return errno;
    if (*fd == STDERR_FILENO && std::fflush(stderr) != 0) return errno;
    return write_all(*fd, text);  // EBADF when it is not open
  }
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) {
    if (errno != ENOENT) return errno;  // ENOTDIR: a path under a regular file; EACCES; ELOOP
    return replace_atomically(path, nullptr, text);
  }
  if (S_ISLNK(st.st_mode)) {
    struct stat target {};
    if (::stat(path.c_str(), &target) == 0) {
      if (S_ISDIR(target.st_mode)) return EISDIR;
      // A link to a device, FIFO or socket: written in place, open() following the link itself
      // (a link such as /proc/PID/fd/N names a pipe as "pipe:[N]", which is no path to resolve).
      if (!S_ISREG(target.st_mode)) return write_in_place(path, text);
      // The file the link names, replaced beside itself (in its own directory, maybe on another
      // file system than the link); the link is left as it is.
      std::unique_ptr<char, decltype(&std::free)> real(::realpath(path.c_str(), nullptr), &std::free);
      if (!real) return errno;
      return replace_atomically(real.get(), &target, text);
    }
    if (errno != ENOENT) return errno;
    // A dangling link: the file is created where the last link in the chain points.
    std::string at = path;
    for (int hop = 0; hop < kMaxLinks; ++hop) {
      struct stat s {};
      if (::lstat(at.c_str(), &s) != 0) {
        if (errno != ENOENT) return errno;
        return replace_atomically(at, nullptr, text);
      }
      if (!S_ISLNK(s.st_mode)) return write_text(at, text);  // it appeared meanwhile
      char buf[PATH_MAX];
      ssize_t n = ::readlink(at.c_str(), buf, sizeof buf - 1);
      if (n < 0) return errno;
      std::string to(buf, static_cast<size_t>(n));
      at = !to.empty() && to[0] == '/' ? to : directory_of(at) + to;
    }
    return ELOOP;
  }
  if (S_ISREG(st.st_mode)) return replace_atomically(path, &st, text);
  if (S_ISDIR(st.st_mode)) return EISDIR;
  return write_in_place(path, text);
}

int write_output(const std::string& path, const std::string& text) {
  int err = write_text(path, text);
  if (err == 0) return kExitOk;
  const char* name = path.empty() || path == "-" ? "standard output" : path.c_str();
  std::fprintf(stderr, "whichforum: error: %s: cannot write: %s\n", name, std::strerror(err));
  return kExitFailure;
}

bool colour_for(const std::string& path) {
  if (!path.empty() && path != "-") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return isatty(STDOUT_FILENO) == 1;
}

}  // namespace whichforum::cli
