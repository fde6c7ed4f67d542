// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The output writer (cli/output.cpp) on each kind of target, in a scratch directory: what ends up
// where, what the errno is, and that no temporary file is left. tests/safe_output/output_rules.sh
// checks the same rules through the real binary, with its messages and exit status.
#include "cli/output.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <unistd.h>

namespace whichforum {
namespace {

namespace fs = std::filesystem;
using cli::write_text;

/// A fresh directory, removed with what is in it at the end of the test case.
struct Scratch {
  fs::path dir;
  Scratch() {
    std::string tmpl = (fs::temp_directory_path() / "whichforum-output-XXXXXX").string();
    REQUIRE(::mkdtemp(tmpl.data()) != nullptr);
    dir = tmpl;
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  std::string operator/(const std::string& name) const { return (dir / name).string(); }
};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void put(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

/// The names in `dir`, sorted and joined by spaces: a temporary file left behind shows here.
std::string listing(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : " ") + n;
  return out;
}

mode_t type_of(const std::string& path) {
  struct stat st {};
  REQUIRE(::lstat(path.c_str(), &st) == 0);
  return st.st_mode & S_IFMT;
}

mode_t permissions_of(const std::string& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

/// Makes a directory read-only for a test, and writable again by release() or at the end.
/// Permissions do not bind root, so an immutable directory first (chattr +i: EPERM, for root
/// too; needs a file system with the attribute: ext4, xfs, btrfs, not tmpfs or overlayfs), else,
/// for anyone but root, mode 0555 (EACCES). errno_expected is 0 when neither can be had here.
struct ReadOnly {
  std::string dir;
  int errno_expected = 0;
  bool locked = false;
  explicit ReadOnly(std::string d) : dir(std::move(d)) {
    if (std::system(("chattr +i '" + dir + "' 2>/dev/null").c_str()) == 0) {
      errno_expected = EPERM;
    } else if (::geteuid() != 0 && ::chmod(dir.c_str(), 0555) == 0) {
      errno_expected = EACCES;
    }
    locked = errno_expected != 0;
  }
  ReadOnly(const ReadOnly&) = delete;
  ReadOnly& operator=(const ReadOnly&) = delete;
  void release() {
    if (!locked) return;
    locked = false;
    if (errno_expected == EPERM) REQUIRE(std::system(("chattr -i '" + dir + "'").c_str()) == 0);
    if (errno_expected == EACCES) REQUIRE(::chmod(dir.c_str(), 0755) == 0);
  }
  ~ReadOnly() {
    // A failed REQUIRE between lock and release: unlock anyway, or Scratch cannot remove it.
    if (!locked) return;
    if (errno_expected == EPERM) (void)std::system(("chattr -i '" + dir + "'").c_str());
    if (errno_expected == EACCES) (void)::chmod(dir.c_str(), 0755);
  }
};

}  // namespace

TEST_SUITE("output writer") {
  TEST_CASE("output writer: a regular file is replaced whole and keeps its mode") {
    Scratch s;
    put(s / "out.md", "old, and longer than the new text");
    REQUIRE(::chmod((s / "out.md").c_str(), 0600) == 0);
    CHECK(write_text(s / "out.md", "new") == 0);
    CHECK(slurp(s / "out.md") == "new");
    CHECK(permissions_of(s / "out.md") == 0600);
    CHECK(listing(s.dir) == "out.md");
  }

  TEST_CASE("output writer: a name of NAME_MAX bytes is written, its temporary name shortened") {
    Scratch s;
    std::string name(NAME_MAX - 3, 'n');
    name += ".md";
    CHECK(write_text(s / name, "first") == 0);  // new
    CHECK(slurp(s / name) == "first");
    CHECK(write_text(s / name, "second") == 0);  // replaced
    CHECK(slurp(s / name) == "second");
    CHECK(listing(s.dir) == name);
  }

  TEST_CASE("output writer: a file the caller may not write is not replaced (for root: immutable)") {
    Scratch s;
    put(s / "out.md", "old");
    int expected = 0;
    bool immutable = false;
    if (::geteuid() != 0) {
      REQUIRE(::chmod((s / "out.md").c_str(), 0444) == 0);  // read-only to its owner
      expected = EACCES;
    } else if (std::system(("chattr +i '" + (s / "out.md") + "' 2>/dev/null").c_str()) == 0) {
      immutable = true;  // root may write a 0444 file, as with `>`; not an immutable one
      expected = EPERM;
    } else {
      MESSAGE("root, and chattr +i does not work on this file system; case not run");
      return;
    }
    int err = write_text(s / "out.md", "new");
    if (immutable) REQUIRE(std::system(("chattr -i '" + (s / "out.md") + "'").c_str()) == 0);
    CHECK(err == expected);
    CHECK(slurp(s / "out.md") == "old");
    CHECK(listing(s.dir) == "out.md");
  }

  TEST_CASE("output writer: a new file gets 0666 less the umask") {
    Scratch s;
    mode_t old = ::umask(027);
    int err = write_text(s / "new.md", "text");
    ::umask(old);
    CHECK(err == 0);
    CHECK(slurp(s / "new.md") == "text");
    CHECK(permissions_of(s / "new.md") == 0640);
    CHECK(listing(s.dir) == "new.md");
  }

  TEST_CASE("output writer: a file owned by another user keeps its owner when root writes it") {
    if (::geteuid() != 0) return;  // only root may give a file away
    Scratch s;
    put(s / "theirs.md", "old");
    REQUIRE(::chown((s / "theirs.md").c_str(), 4321, 4322) == 0);
    CHECK(write_text(s / "theirs.md", "new") == 0);
    struct stat st {};
    REQUIRE(::stat((s / "theirs.md").c_str(), &st) == 0);
    CHECK(st.st_uid == 4321);
    CHECK(st.st_gid == 4322);
  }

  TEST_CASE("output writer: a symbolic link stays, and the file it names is replaced") {
    Scratch s;
    fs::create_directory(s.dir / "shared");
    put(s / "shared/file.md", "old");
    REQUIRE(::chmod((s / "shared/file.md").c_str(), 0640) == 0);
    fs::create_symlink("shared/file.md", s.dir / "link.md");
    CHECK(write_text(s / "link.md", "new") == 0);
    CHECK(type_of(s / "link.md") == S_IFLNK);
    CHECK(fs::read_symlink(s.dir / "link.md") == "shared/file.md");
    CHECK(slurp(s / "shared/file.md") == "new");
    CHECK(permissions_of(s / "shared/file.md") == 0640);
    CHECK(listing(s.dir) == "link.md shared");
    CHECK(listing(s.dir / "shared") == "file.md");
  }

  TEST_CASE("output writer: a chain of links, each relative to its own directory") {
    Scratch s;
    fs::create_directories(s.dir / "a/b");
    put(s / "target.md", "old");
    fs::create_symlink("../../target.md", s.dir / "a/b/first.md");  // a/b/first.md -> target.md
    fs::create_symlink("a/b/first.md", s.dir / "top.md");
    CHECK(write_text(s / "top.md", "new") == 0);
    CHECK(type_of(s / "top.md") == S_IFLNK);
    CHECK(type_of(s / "a/b/first.md") == S_IFLNK);
    CHECK(slurp(s / "target.md") == "new");
    CHECK(listing(s.dir / "a/b") == "first.md");
  }

  TEST_CASE("output writer: a dangling link gets its file created where it points") {
    Scratch s;
    fs::create_directory(s.dir / "d");
    fs::create_symlink("d/x.md", s.dir / "hop2.md");  // hop1 -> hop2 -> d/x.md (not there)
    fs::create_symlink("hop2.md", s.dir / "hop1.md");
    CHECK(write_text(s / "hop1.md", "new") == 0);
    CHECK(type_of(s / "hop1.md") == S_IFLNK);
    CHECK(type_of(s / "hop2.md") == S_IFLNK);
    CHECK(slurp(s / "d/x.md") == "new");
    CHECK(listing(s.dir / "d") == "x.md");
  }

  TEST_CASE("output writer: a loop of links is ELOOP, and nothing is created") {
    Scratch s;
    fs::create_symlink("b", s.dir / "a");
    fs::create_symlink("a", s.dir / "b");
    CHECK(write_text(s / "a", "new") == ELOOP);
    CHECK(listing(s.dir) == "a b");
  }

  TEST_CASE("output writer: a directory is refused before anything is created") {
    Scratch s;
    fs::create_directory(s.dir / "adir");
    fs::create_symlink("adir", s.dir / "to-adir");
    CHECK(write_text(s / "adir", "new") == EISDIR);
    CHECK(write_text(s / "to-adir", "new") == EISDIR);
    CHECK(listing(s.dir) == "adir to-adir");
    CHECK(listing(s.dir / "adir").empty());
  }

  TEST_CASE("output writer: a path under a regular file is ENOTDIR, the file untouched") {
    Scratch s;
    put(s / "plain", "old");
    CHECK(write_text(s / "plain/out.md", "new") == ENOTDIR);
    CHECK(slurp(s / "plain") == "old");
    CHECK(listing(s.dir) == "plain");
  }

  TEST_CASE("output writer: a missing directory is ENOENT") {
    Scratch s;
    CHECK(write_text(s / "missing/out.md", "new") == ENOENT);
    CHECK(listing(s.dir).empty());
  }

  TEST_CASE("output writer: a read-only directory fails (for root too), the old file kept") {
    Scratch s;
    fs::create_directory(s.dir / "locked");
    put(s / "locked/out.md", "old");
    ReadOnly lock(s / "locked");
    if (lock.errno_expected == 0) {
      MESSAGE("root, and chattr +i does not work on this file system; case not run");
      return;
    }
    int err = write_text(s / "locked/out.md", "new");
    lock.release();
    CHECK(err == lock.errno_expected);
    CHECK(slurp(s / "locked/out.md") == "old");
    CHECK(listing(s.dir / "locked") == "out.md");
  }

  TEST_CASE("output writer: a link in a read-only directory has its target replaced beside the target") {
    // The temporary file goes in the target's directory, not the link's: a writer that made it
    // beside the link could not write here at all.
    Scratch s;
    fs::create_directory(s.dir / "links");
    fs::create_directory(s.dir / "shared");
    put(s / "shared/file.md", "old");
    fs::create_symlink("../shared/file.md", s.dir / "links/file.md");
    ReadOnly lock(s / "links");
    if (lock.errno_expected == 0) {
      MESSAGE("root, and chattr +i does not work on this file system; case not run");
      return;
    }
    int err = write_text(s / "links/file.md", "new");
    lock.release();
    CHECK(err == 0);
    CHECK(slurp(s / "shared/file.md") == "new");
    CHECK(type_of(s / "links/file.md") == S_IFLNK);
    CHECK(listing(s.dir / "links") == "file.md");
    CHECK(listing(s.dir / "shared") == "file.md");
  }

  TEST_CASE("output writer: a write the kernel refuses (file size limit) keeps the old file") {
    // A real failure of write() on a regular file, no shim: past RLIMIT_FSIZE the kernel answers
    // EFBIG, as a full disk answers ENOSPC, and raises SIGXFSZ. Its default action would end the
    // process silently (a temporary file left): the writer holds it back and reports EFBIG. Both
    // with SIGXFSZ at its default and ignored; the limit and the action are put back before any
    // check. (Were the writer to let SIGXFSZ through, this case's process would die: a failure.)
    for (auto action : {SIG_DFL, SIG_IGN}) {
      CAPTURE(action == SIG_DFL ? "SIGXFSZ at its default" : "SIGXFSZ ignored");
      Scratch s;
      put(s / "out.md", "old");
      rlimit saved{};
      REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
      rlimit small = saved;
      small.rlim_cur = 4096;
      auto old_action = std::signal(SIGXFSZ, action);
      REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
      int err = write_text(s / "out.md", std::string(100000, 'x'));
      REQUIRE(::setrlimit(RLIMIT_FSIZE, &saved) == 0);
      std::signal(SIGXFSZ, old_action);
      CHECK(err == EFBIG);
      CHECK(slurp(s / "out.md") == "old");
      CHECK(listing(s.dir) == "out.md");
    }
  }

  TEST_CASE("output writer: character devices are written in place, never renamed over") {
    Scratch s;
    // Copies of /dev/full and /dev/null: a writer that renamed over devices would replace only
    // these. mknod needs CAP_MKNOD (root, and a container that allows it).
    if (::mknod((s / "full").c_str(), S_IFCHR | 0666, makedev(1, 7)) != 0 ||
        ::mknod((s / "null").c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) {
      MESSAGE("mknod is not permitted here; case not run");
      return;
    }
    CHECK(write_text(s / "full", "text") == ENOSPC);
    CHECK(type_of(s / "full") == S_IFCHR);
    CHECK(write_text(s / "null", "text") == 0);
    CHECK(type_of(s / "null") == S_IFCHR);
    fs::create_symlink("full", s.dir / "to-full");  // through a link, the same
    CHECK(write_text(s / "to-full", "text") == ENOSPC);
    CHECK(type_of(s / "to-full") == S_IFLNK);
    CHECK(type_of(s / "full") == S_IFCHR);
    CHECK(listing(s.dir) == "full null to-full");
  }

  TEST_CASE("output writer: a FIFO is written through to its reader and stays a FIFO") {
    Scratch s;
    REQUIRE(::mkfifo((s / "pipe").c_str(), 0600) == 0);
    std::string text(200000, 'x');  // more than a pipe holds: the writer must wait for the reader
    std::string got;
    std::thread reader([&] { got = slurp(s / "pipe"); });
    int err = write_text(s / "pipe", text);
    reader.join();
    CHECK(err == 0);
    CHECK(got == text);
    CHECK(type_of(s / "pipe") == S_IFIFO);
    CHECK(listing(s.dir) == "pipe");
  }

  TEST_CASE("output writer: a socket cannot be opened (ENXIO) and stays a socket") {
    Scratch s;
    std::string path = s / "sock";
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    REQUIRE(path.size() < sizeof addr.sun_path);
    std::copy(path.begin(), path.end(), addr.sun_path);
    int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    ::close(fd);
    CHECK(write_text(path, "text") == ENXIO);
    CHECK(type_of(path) == S_IFSOCK);
    CHECK(listing(s.dir) == "sock");
  }

  TEST_CASE("output writer: \"-\" and \"\" are standard output, written after what stdio holds") {
    Scratch s;
    std::fflush(stdout);
    int saved = ::dup(STDOUT_FILENO);
    REQUIRE(saved >= 0);
    int fd = ::open((s / "captured").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    REQUIRE(fd >= 0);
    REQUIRE(::dup2(fd, STDOUT_FILENO) == STDOUT_FILENO);
    ::close(fd);
    std::fputs("first ", stdout);  // buffered by stdio: must come out before the writer's text
    int dash = write_text("-", "second ");
    int empty = write_text("", "third");
    std::fflush(stdout);
    ::dup2(saved, STDOUT_FILENO);
    ::close(saved);
    CHECK(dash == 0);
    CHECK(empty == 0);
    CHECK(slurp(s / "captured") == "first second third");
    CHECK(listing(s.dir) == "captured");  // no file named "-"
  }

  TEST_CASE("output writer: /dev/fd/N and /proc/self/fd/N write through the descriptor itself") {
    Scratch s;
    put(s / "log", "log\n");
    // Opened for appending, as `>>log` would: the text must land after what the log held.
    int fd = ::open((s / "log").c_str(), O_WRONLY | O_APPEND);
    REQUIRE(fd >= 0);
    int by_dev = write_text("/dev/fd/" + std::to_string(fd), "a");
    int by_proc = write_text("/proc/self/fd/" + std::to_string(fd), "b");
    ::close(fd);
    CHECK(by_dev == 0);
    CHECK(by_proc == 0);
    CHECK(slurp(s / "log") == "log\nab");
    CHECK(listing(s.dir) == "log");
    // A descriptor that is not open: EBADF, and nothing is created anywhere.
    CHECK(write_text("/dev/fd/999", "c") == EBADF);
    CHECK(write_text("/proc/self/fd/999", "c") == EBADF);
  }

  TEST_CASE("output writer: standard output on a full disk is ENOSPC") {
    std::fflush(stdout);
    int saved = ::dup(STDOUT_FILENO);
    REQUIRE(saved >= 0);
    int fd = ::open("/dev/full", O_WRONLY);
    if (fd < 0) {
      MESSAGE("no /dev/full here; case not run");
      ::close(saved);
      return;
    }
    REQUIRE(::dup2(fd, STDOUT_FILENO) == STDOUT_FILENO);
    ::close(fd);
    int err = write_text("-", "text");
    ::dup2(saved, STDOUT_FILENO);
    ::close(saved);
    CHECK(err == ENOSPC);
  }
}

}  // namespace whichforum
