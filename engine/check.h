// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// `check`: validating any mix of profiles, forum files, criteria files and assumptions files.
#pragma once

#include "engine/catalogue.h"

#include <optional>
#include <string>
#include <vector>

namespace whichforum {

/// One checked file: what it is ("forum dn", "profile URY") and what is wrong with it.
struct CheckedFile {
  std::string path;
  std::string what;  ///< kind and id; "" when the file could not be read or told apart
  Diagnostics diagnostics;
  [[nodiscard]] bool ok() const { return diagnostics.ok(); }
};

struct CheckReport {
  std::vector<CheckedFile> files;  ///< in the order given, directories expanded in name order
  [[nodiscard]] size_t invalid() const;
};

/// The kind named `name` ("profile", "forum", "criterion", "assumptions"), else kUnknown.
[[nodiscard]] FileKind file_kind_from_name(std::string_view name);

/// Checks each file: its kind from `kind`, else its `schema` key or content; forums against the
/// reference data and their citations; criteria's citations; assumptions complete; profiles
/// against the catalogue (loaded once, only when a profile needs it); no two files of one kind
/// defining one id. A directory stands for the .toml files in it.
[[nodiscard]] CheckReport check_files(FileSystem& fs, const CatalogueDirs& dirs, const std::vector<std::string>& paths,
                                      std::optional<FileKind> kind);

}  // namespace whichforum
