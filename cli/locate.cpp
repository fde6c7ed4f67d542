// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Finding the default catalogue: installed beside the binary, else the source tree.
#include "cli/commands.h"

#include <filesystem>

namespace whichforum::cli {

namespace {

std::string find_dir(const std::string& flag, const std::string& name) {
  if (!flag.empty()) return flag;
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    auto installed = exe.parent_path().parent_path() / "share" / "whichforum" / name;
    if (std::filesystem::is_directory(installed, ec)) return installed.string();
  }
  return std::string(WHICHFORUM_SOURCE_DIR) + "/" + name;
}

}  // namespace

CatalogueDirs resolve_dirs(const Invocation& inv) {
  return {find_dir(inv.forums_dir, "forums"), find_dir(inv.criteria_dir, "criteria"),
          find_dir(inv.data_dir, "data")};
}

}  // namespace whichforum::cli
