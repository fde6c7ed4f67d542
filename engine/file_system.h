// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// File access: the interface every loader reads through, and the real disk behind it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace whichforum {

/// File access, abstract so that tests can serve files from memory.
class FileSystem {
 public:
  virtual ~FileSystem() = default;
  /// Reads a whole file; on failure returns false and says why in `err`.
  virtual bool read(const std::string& path, std::string* out, std::string* err) = 0;
  /// Lists "dir/NAME.ext" paths in name order; on failure returns false and says why.
  virtual bool list(const std::string& dir, std::string_view ext, std::vector<std::string>* out,
                    std::string* err) = 0;
};

/// The real disk. Refuses files over 16 MiB: no input of ours is near that, and reading one
/// whole would only delay the error.
class RealFileSystem : public FileSystem {
 public:
  bool read(const std::string& path, std::string* out, std::string* err) override;
  bool list(const std::string& dir, std::string_view ext, std::vector<std::string>* out,
            std::string* err) override;
};

}  // namespace whichforum
