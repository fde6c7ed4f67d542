// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Catalogue: the forums, criteria and reference data a recommendation is made from, and the
// file access and cross-file checks around them. Defined in catalogue.cpp (loading and the checks
// that span its files), profile_checks.cpp (validate_profile), citations.cpp (verify_citations);
// file access is file_system.h.
#pragma once

#include "engine/assumptions.h"
#include "engine/criterion.h"
#include "engine/file_system.h"  // IWYU pragma: export
#include "engine/forum.h"
#include "engine/memberships.h"
#include "engine/profile.h"
#include "engine/per_diem.h"
#include "engine/reference_data.h"

#include <cstdint>
#include <string>
#include <vector>

namespace whichforum {

/// The most forum files a catalogue may hold; a larger one is refused before any of its files is
/// read. The exact optimiser's time grows steeply with the forums open to a country (see Limits
/// in README.md); 16 are shipped.
inline constexpr size_t kMaxForums = 1000;

/// Where the catalogue lives: forums/, criteria/ and data/ (data/seeds/ holds the seeds).
struct CatalogueDirs {
  std::string forums;
  std::string criteria;
  std::string data;
};

/// Everything but the profile, loaded and checked: forums and criteria sorted by id.
struct Catalogue {
  std::vector<Forum> forums;
  std::vector<Criterion> criteria;
  ReferenceData data;
  PerDiemTable per_diem;
  Assumptions assumptions;
  /// data/memberships.csv, in file order: what `init` and `batch` take a country's current
  /// memberships from. Not in `digest`: no recommendation or briefing reads it (a profile states
  /// its memberships), so a new row there changes no briefing's hash.
  std::vector<MembershipEvent> memberships;
  std::uint64_t digest = 0;  ///< FNV-1a over every file read, in order: what a briefing's hash covers

  [[nodiscard]] const Forum* find_forum(std::string_view id) const;
  [[nodiscard]] const Criterion* find_criterion(std::string_view id) const;
  [[nodiscard]] std::vector<std::string> forum_ids() const;
  [[nodiscard]] std::vector<std::string> criterion_ids() const;
  /// The id of the forum whose id or alias equals `name` ignoring case, or "".
  [[nodiscard]] std::string resolve_forum(std::string_view name) const;
};

enum class FileKind { kUnknown, kProfile, kForum, kCriterion, kAssumptions };
[[nodiscard]] const char* file_kind_name(FileKind kind);
/// Tells the kind of a document from its `schema` key, else from keys only one kind has.
[[nodiscard]] FileKind detect_kind(const Document& doc);

/// Reads and parses one TOML file through `fs`. A file that cannot be read is an error with no
/// line; a syntax error has its line and column.
[[nodiscard]] Result<Document> load_document(FileSystem& fs, const std::string& path);

/// The file name without directory and extension: "forums/dn.toml" -> "dn".
[[nodiscard]] std::string file_stem(std::string_view path);

/// FNV-1a 64-bit of `text`, continuing from `seed`: a stable fingerprint of inputs.
[[nodiscard]] std::uint64_t fnv1a(std::string_view text, std::uint64_t seed = 14695981039346656037ULL);

/// Loads the reference tables from `dir` (countries.csv, egdi.csv, oecd_dgi_2023.csv).
[[nodiscard]] Result<ReferenceData> load_reference_data(FileSystem& fs, const std::string& dir);

/// Loads every forums/*.toml (at most kMaxForums of them) and criteria/*.toml, the reference
/// data, the per-diem schedules and data/assumptions.toml, then checks what spans files
/// (check_catalogue).
[[nodiscard]] Result<Catalogue> load_catalogue(FileSystem& fs, const CatalogueDirs& dirs);

/// The checks that span a loaded catalogue's files: every forum against the reference data
/// (check_forum_against), and no id or alias naming two forums (ignoring case).
[[nodiscard]] Diagnostics check_catalogue(const Catalogue& catalogue);

/// Checks a forum against the reference data: its ISO3 codes must be known countries.
[[nodiscard]] Diagnostics check_forum_against(const Forum& forum, const ReferenceData& data);

/// Checks what a profile names against the catalogue: its country, objectives, forum ids in
/// memberships, constraints and overrides (with "did you mean"), and levels a forum offers.
[[nodiscard]] Diagnostics validate_profile(const Profile& profile, const Catalogue& catalogue);

/// Checks that citations are real: every seed quote of a forum or criterion appears in that seed
/// (whitespace aside) and every data source id is defined in data/SOURCES.md. `data_dir` holds
/// SOURCES.md and seeds/.
[[nodiscard]] Diagnostics verify_citations(FileSystem& fs, const std::string& data_dir,
                                           const std::vector<const Forum*>& forums,
                                           const std::vector<const Criterion*>& criteria);

}  // namespace whichforum
