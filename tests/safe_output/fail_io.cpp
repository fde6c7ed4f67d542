// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// An LD_PRELOAD shim for tests/safe_output/io_errors.sh: makes one kind of call fail with EIO,
// as a failing disk would, so that the writer's handling of each failure can be seen from the
// real binary. WHICHFORUM_FAIL_IO names the call:
//   write  every write() and writev() to a descriptor above 2 (standard error still gets the
//          message; libstdc++'s streams write large blocks with writev)
//   fsync  every fsync() of a descriptor above 2
//   close  close() of a descriptor above 2 that was written to (after closing it, as Linux does
//          on EIO; the files the loader only read close normally)
//   term   no failure, but SIGTERM sent to the process in the fsync() of a descriptor above 2,
//          as a kill landing mid-replace would: the temporary file exists then
// Anything else, or unset: no failure.
#include <dlfcn.h>
#include <signal.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace {

// Descriptors written to since they were opened (up to 1024; the CLI opens a handful).
bool written[1024];

bool failing(const char* call) {
  const char* what = std::getenv("WHICHFORUM_FAIL_IO");
  return what != nullptr && std::strcmp(what, call) == 0;
}

template <class F>
F next(const char* name) {
  return reinterpret_cast<F>(::dlsym(RTLD_NEXT, name));
}

}  // namespace

extern "C" ssize_t write(int fd, const void* buf, size_t n) {
  static auto real = next<ssize_t (*)(int, const void*, size_t)>("write");
  if (fd > 2 && failing("write")) {
    errno = EIO;
    return -1;
  }
  if (fd >= 0 && fd < 1024) written[fd] = true;
  return real(fd, buf, n);
}

extern "C" ssize_t writev(int fd, const struct iovec* iov, int count) {
  static auto real = next<ssize_t (*)(int, const struct iovec*, int)>("writev");
  if (fd > 2 && failing("write")) {
    errno = EIO;
    return -1;
  }
  if (fd >= 0 && fd < 1024) written[fd] = true;
  return real(fd, iov, count);
}

extern "C" int fsync(int fd) {
  static auto real = next<int (*)(int)>("fsync");
  if (fd > 2 && failing("fsync")) {
    errno = EIO;
    return -1;
  }
  if (fd > 2 && failing("term")) ::kill(::getpid(), SIGTERM);
  return real(fd);
}

extern "C" int close(int fd) {
  static auto real = next<int (*)(int)>("close");
  bool was_written = fd >= 0 && fd < 1024 && written[fd];
  if (fd >= 0 && fd < 1024) written[fd] = false;
  int r = real(fd);
  if (r == 0 && fd > 2 && was_written && failing("close")) {
    errno = EIO;
    return -1;
  }
  return r;
}
