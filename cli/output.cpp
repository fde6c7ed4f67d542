// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Writing results: stdout, or a file replaced atomically.
#include "cli/commands.h"
#include "cli/exit_status.h"

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace whichforum::cli {

int write_output(const std::string& path, const std::string& text) {
  if (path.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0 ? kExitOk : kExitFailure;
  }
  // Write beside the target and rename: the rename is atomic within a directory, so readers see
  // the old file or the new one, never a part.
  std::string tmp = path + ".tmp-whichforum";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.flush();
    if (!out) {
      std::error_code ec;
      std::filesystem::remove(tmp, ec);
      std::fprintf(stderr, "whichforum: error: %s: cannot write\n", path.c_str());
      return kExitFailure;
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    std::fprintf(stderr, "whichforum: error: %s: cannot replace: %s\n", path.c_str(), ec.message().c_str());
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace whichforum::cli
