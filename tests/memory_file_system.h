// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// A FileSystem served from memory, for unit tests and fuzz targets (no doctest here).
#pragma once

#include "engine/engine.h"

#include <map>
#include <string>
#include <vector>

namespace whichforum::test {

/// Files served from memory, for loaders that take a FileSystem: `files` maps a path to its
/// bytes; a directory exists while some file's path starts with it.
class MemoryFileSystem : public FileSystem {
 public:
  std::map<std::string, std::string> files;

  bool read(const std::string& path, std::string* out, std::string* err) override {
    auto it = files.find(path);
    if (it == files.end()) {
      *err = "no such file";
      return false;
    }
    *out = it->second;
    return true;
  }
  bool list(const std::string& dir, std::string_view ext, std::vector<std::string>* out,
            std::string* err) override {
    bool any_dir = false;
    for (const auto& [path, text] : files) {
      if (path.starts_with(dir + "/")) {
        any_dir = true;
        std::string rest = path.substr(dir.size() + 1);
        if (rest.find('/') == std::string::npos && rest.size() > ext.size() &&
            rest.substr(rest.size() - ext.size()) == ext) {
          out->push_back(path);
        }
      }
    }
    if (!any_dir) *err = "no such directory";
    return any_dir;
  }
};

}  // namespace whichforum::test
