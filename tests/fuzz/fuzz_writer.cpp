// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Fuzz target: the output writer's path handling (cli/output.h, issue 19). Each input builds a
// small tree in a sandbox directory of its own (regular files with their modes, symbolic links,
// chains and loops of them, directories, a read-only directory, a link to /dev/null), then asks
// write_text for one path in it, and checks the writer's rules against what is on disk after:
//  - nothing outside the target changed: every other file keeps its content and mode, every link
//    its target (a link is followed, never replaced);
//  - no temporary file is left anywhere, whether the write succeeded or not;
//  - on success, the path (links followed) is a regular file holding exactly the text, with the
//    old file's mode where there was one; or it is /dev/null;
//  - on failure, the target is as it was (content and mode) or absent as it was.
// The sandbox is made once per process under $TMPDIR and emptied before each input; nothing is
// written outside it (links point inside it or to /dev/null). FIFOs are left out: opening one for
// writing blocks until a reader comes, which the writer rightly does (tests/output_writer_test.cpp
// checks that rule with a reader thread).
#include "cli/output.h"

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what.c_str());
  std::abort();
}

const fs::path& sandbox() {
  static const fs::path root = [] {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/whichforum-fuzz-writer-XXXXXX";
    if (!::mkdtemp(pattern.data())) fail("mkdtemp");
    return fs::path(pattern);
  }();
  return root;
}

void empty_sandbox();

// The sandbox goes at exit (a replay in every CTest run would otherwise leave one behind). It is
// made first, so that its path outlives the handler (statics die in reverse order).
const bool kRemovedAtExit = [] {
  (void)sandbox();
  std::atexit([] {
    empty_sandbox();
    std::error_code ec;
    fs::remove(sandbox(), ec);
  });
  return true;
}();

// The names an input may use: four at the top, two inside directory "d".
const char* const kNames[] = {"a", "b", "c", "l", "d/e", "d/f"};

// Everything under the sandbox, as found: a regular file's content and mode, a link's target, a
// directory, or something else (the writer makes nothing else).
struct Entry {
  char kind = '?';  // f, l, d
  std::string content;
  mode_t mode = 0;
};

std::map<std::string, Entry> snapshot() {
  std::map<std::string, Entry> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(sandbox(), fs::directory_options::none, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) fail("cannot list the sandbox: " + ec.message());
    const std::string rel = it->path().lexically_relative(sandbox()).string();  // relative() would follow links
    struct stat st {};
    if (::lstat(it->path().c_str(), &st) != 0) fail("lstat " + rel);
    Entry e;
    e.mode = st.st_mode & 07777;
    if (S_ISLNK(st.st_mode)) {
      e.kind = 'l';
      e.content = fs::read_symlink(it->path()).string();
    } else if (S_ISDIR(st.st_mode)) {
      e.kind = 'd';
    } else if (S_ISREG(st.st_mode)) {
      e.kind = 'f';
      std::ifstream in(it->path(), std::ios::binary);
      e.content.assign(std::istreambuf_iterator<char>(in), {});
    }
    out[rel] = e;
  }
  return out;
}

void empty_sandbox() {
  std::error_code ec;
  // A read-only directory must be made writable before its entries can go.
  for (auto it = fs::recursive_directory_iterator(sandbox(), ec); it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::error_code e;  // a link loop makes is_directory() throw: links first, by their own status
    if (!ec && !it->is_symlink(e) && it->is_directory(e)) ::chmod(it->path().c_str(), 0700);
  }
  for (const auto& entry : fs::directory_iterator(sandbox())) fs::remove_all(entry.path(), ec);
}

struct Bytes {
  const uint8_t* p;
  size_t n;
  uint8_t next() {
    if (n == 0) return 0;
    --n;
    return *p++;
  }
};

// Where `rel` ends up once its links are followed (inside the sandbox), or nullopt for a loop, a
// chain too long, or a link out of it (only /dev/null).
std::optional<std::string> resolve(const std::map<std::string, Entry>& tree, std::string rel, bool* dev_null) {
  *dev_null = false;
  for (int hop = 0; hop < 40; ++hop) {
    auto it = tree.find(rel);
    if (it == tree.end() || it->second.kind != 'l') return rel;
    const std::string& to = it->second.content;
    if (to == "/dev/null") {
      *dev_null = true;
      return std::nullopt;
    }
    // Targets are relative to the link's directory.
    const fs::path dir = fs::path(rel).parent_path();
    rel = (dir / to).lexically_normal().string();
  }
  return std::nullopt;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;
  empty_sandbox();
  Bytes in{data, size};
  const fs::path& root = sandbox();
  const int ops = in.next() % 8;
  const bool directory_d = (in.next() & 1) != 0;
  if (directory_d) fs::create_directory(root / "d");
  bool read_only_d = false;
  for (int i = 0; i < ops; ++i) {
    const uint8_t kind = in.next() % 4;
    const std::string name = kNames[in.next() % 6];
    const fs::path path = root / name;
    if (fs::exists(fs::symlink_status(path))) continue;
    if (name.starts_with("d/") && !directory_d) continue;
    if (kind == 0) {
      // A regular file with some content and a mode of its own (owner-writable or not).
      const uint8_t len = in.next() % 16;
      std::string content;
      for (uint8_t k = 0; k < len; ++k) content += static_cast<char>('A' + in.next() % 26);
      std::ofstream(path, std::ios::binary) << content;
      const mode_t modes[] = {0600, 0644, 0640, 0444, 0400, 0666, 0755, 0000};
      ::chmod(path.c_str(), modes[in.next() % 8]);
    } else if (kind == 1) {
      // A link to another name (perhaps missing, perhaps a link: chains and loops), relative.
      const std::string to = kNames[in.next() % 6];
      std::string target = name.starts_with("d/") ? (to.starts_with("d/") ? to.substr(2) : "../" + to) : to;
      fs::create_symlink(target, path);
    } else if (kind == 2) {
      fs::create_symlink("/dev/null", path);
    } else if (directory_d && !name.starts_with("d/")) {
      // A directory where a file is asked for.
      fs::create_directory(path);
    } else {
      read_only_d = directory_d;
    }
  }
  if (read_only_d) ::chmod((root / "d").c_str(), 0555);
  const std::string target = kNames[in.next() % 6];
  std::string text(reinterpret_cast<const char*>(in.p), in.n);

  const auto before = snapshot();
  const int err = whichforum::cli::write_text((root / target).string(), text);
  const auto after = snapshot();

  for (const auto& [rel, e] : after) {
    if (rel.find(".tmp-whichforum-") != std::string::npos) fail("a temporary file is left: " + rel);
  }
  bool dev_null = false;
  const auto lands = resolve(before, target, &dev_null);
  for (const auto& [rel, e] : before) {
    auto it = after.find(rel);
    if (lands && rel == *lands) continue;  // checked below
    if (it == after.end()) fail("gone: " + rel);
    if (it->second.kind != e.kind || it->second.content != e.content || it->second.mode != e.mode) fail("changed: " + rel);
  }
  for (const auto& [rel, e] : after) {
    if (!before.count(rel) && !(lands && rel == *lands)) fail("created: " + rel);
  }
  if (!lands) return 0;  // /dev/null, a loop or a chain too long: nothing else may change (above)
  const auto was = before.find(*lands);
  const auto now = after.find(*lands);
  if (err == 0) {
    if (now == after.end() || now->second.kind != 'f') fail("written, but no regular file at " + *lands);
    if (now->second.content != text) fail("written, but " + *lands + " does not hold the text");
    if (was != before.end() && was->second.kind == 'f' && now->second.mode != was->second.mode) fail("the mode of " + *lands + " changed");
  } else {
    if ((was == before.end()) != (now == after.end())) fail("failed, but " + *lands + " appeared or went");
    if (was != before.end() && (now->second.kind != was->second.kind || now->second.content != was->second.content ||
                                now->second.mode != was->second.mode)) {
      fail("failed, but " + *lands + " changed");
    }
  }
  return 0;
}
