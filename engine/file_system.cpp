// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The real disk behind FileSystem.
#include "engine/file_system.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>

namespace whichforum {

namespace {

constexpr std::uintmax_t kMaxFileBytes = 16u << 20;

}  // namespace

bool RealFileSystem::read(const std::string& path, std::string* out, std::string* err) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    *err = "is a directory";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *err = std::filesystem::exists(path, ec) ? "cannot read: permission denied" : "cannot read: No such file or directory";
    return false;
  }
  // Read in chunks rather than by size, so that pipes such as /dev/stdin work; stop past the limit.
  std::string text;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, static_cast<size_t>(in.gcount()));
    if (text.size() > kMaxFileBytes) {
      *err = "file is over 16 MiB; inputs that large are refused";
      return false;
    }
  }
  *out = std::move(text);
  return true;
}

bool RealFileSystem::list(const std::string& dir, std::string_view ext, std::vector<std::string>* out,
                          std::string* err) {
  std::error_code ec;
  std::filesystem::directory_iterator it(dir, ec);
  if (ec) {
    *err = "cannot list directory: " + ec.message();
    return false;
  }
  std::string base = dir;
  while (base.size() > 1 && base.back() == '/') base.pop_back();
  for (const auto& entry : it) {
    if (entry.path().extension() == ext && entry.is_regular_file(ec)) {
      out->push_back(base + "/" + entry.path().filename().string());
    }
  }
  std::sort(out->begin(), out->end());
  return true;
}

}  // namespace whichforum
