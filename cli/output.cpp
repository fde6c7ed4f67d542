// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Writing results: stdout, or a file replaced atomically.
#include "cli/commands.h"
#include "cli/exit_status.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace whichforum::cli {

int write_output(const std::string& path, const std::string& text) {
  if (path.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0 ? kExitOk : kExitFailure;
  }
  // Write beside the target and rename: the rename is atomic within a directory, so readers see
  // the old file or the new one, never a part. The process id in the name keeps two runs
  // writing the same target at once from writing into one temporary file (the last rename wins).
  std::string tmp = path + ".tmp-whichforum-" + std::to_string(static_cast<long long>(getpid()));
  {
    errno = 0;
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (out) out.write(text.data(), static_cast<std::streamsize>(text.size()));
    // Closing flushes: a full disk or a file-size limit may only show here.
    if (out) out.close();
    if (!out) {
      int err = errno;
      std::error_code ec;
      std::filesystem::remove(tmp, ec);
      std::fprintf(stderr, "whichforum: error: %s: cannot write%s%s\n", path.c_str(), err ? ": " : "",
                   err ? std::strerror(err) : "");
      return kExitFailure;
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::string why = ec.message();
    std::filesystem::remove(tmp, ec);
    std::fprintf(stderr, "whichforum: error: %s: cannot replace: %s\n", path.c_str(), why.c_str());
    return kExitFailure;
  }
  return kExitOk;
}

}  // namespace whichforum::cli
