// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Forum: one forum's profile as loaded from forums/<id>.toml, every attribute with provenance.
#pragma once

#include "engine/diagnostic.h"
#include "engine/exact.h"
#include "engine/schema.h"
#include "engine/tree.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace whichforum {

/// Where a fact comes from. Invariant (checked at load): either `estimate` with a `reason`, or
/// a `source` and an `as_of`; a seed `source` has a `quote`.
struct Provenance {
  std::string source;  ///< a seed file name, or "data:S20,S22" (ids in data/SOURCES.md)
  std::string quote;   ///< words of the seed that support the value
  std::string as_of;   ///< YYYY, YYYY-MM or YYYY-MM-DD
  std::string note;
  std::string reason;  ///< why an estimate has its value
  bool estimate = false;
  SourcePos pos;  ///< the table the provenance was read from
};

/// One attribute: its checked value, where it comes from and where it stands in the file.
struct Fact {
  Value value;
  Provenance prov;
  SourcePos pos;
};

/// One condition of membership, evaluated for a country by the eligibility check.
struct EntryRule {
  std::string rule;  ///< open, invitation, sponsors, track_record, oecd_member, adheres, ...
  int count = 0;     ///< sponsors needed (rule "sponsors")
  std::optional<Exact> min_egdi;        ///< rule "track_record"
  std::string principles;               ///< rule "adheres"
  std::vector<std::string> regions;     ///< rule "region": World Bank regions
  std::vector<std::string> countries;   ///< rule "region": ISO3 codes
  std::vector<std::string> groups;      ///< rule "income": World Bank income groups
  bool on_joining = false;              ///< rule "adheres": adhering is part of joining (signing on)
  std::string text;                     ///< one line an official can act on
  Provenance prov;
  SourcePos pos;
};

/// Scores and costs a forum file gives directly ([given]), replacing the computed ones: how a
/// published portfolio instance is posed as whichforum input (kind "generic").
struct Given {
  std::map<std::string, Exact> scores;                        ///< objective -> 0..1
  std::map<std::string, std::map<std::string, Exact>> costs;  ///< level -> resource -> amount
  Provenance prov;
  SourcePos pos;
};

/// A forum profile. Facts are keyed by their schema key (see schema_forum.cpp); only the keys
/// present in the file are in `facts`.
struct Forum {
  std::shared_ptr<const SourceText> source;
  std::string id;
  std::string name;
  std::vector<std::string> aliases;
  SourcePos id_pos, aliases_pos;  ///< where "id" and "aliases" stand, for messages across files
  std::string kind;
  std::string summary;
  std::map<std::string, Fact> facts;
  std::vector<EntryRule> entry_rules;
  std::optional<Given> given;

  /// The fact `key`, or null when the file does not give it.
  [[nodiscard]] const Fact* fact(std::string_view key) const;
  /// The exact value of numeric fact `key`, or nullopt.
  [[nodiscard]] std::optional<Exact> number(std::string_view key) const;
  /// The string value of fact `key`, or "".
  [[nodiscard]] std::string text(std::string_view key) const;
  /// The list value of fact `key`, or an empty list.
  [[nodiscard]] std::vector<std::string> list(std::string_view key) const;
};

/// The schema of a forum file's top level, of a fact table's provenance keys, and of an
/// [[entry_rule]] table.
[[nodiscard]] const Schema& forum_schema();
[[nodiscard]] const Schema& provenance_schema();
[[nodiscard]] const Schema& entry_rule_schema();
[[nodiscard]] const Schema& given_schema();
/// The named principle sets a rule or a profile can refer to.
[[nodiscard]] const std::vector<std::string_view>& principle_names();
/// The engagement levels, from least to most committed: observer, member, lead.
[[nodiscard]] const std::vector<std::string_view>& engagement_level_names();

/// Builds a Forum from a parsed document, checking every key. `expected_id` (the file's stem)
/// must equal the id when given. Errors go to the result's diagnostics.
[[nodiscard]] Result<Forum> parse_forum(const Document& doc, std::string_view expected_id = {});

/// Reads provenance keys of `table` (a fact table or an entry rule) into `out`, checking the
/// invariant above. Shared by forums and criteria.
bool read_provenance(SchemaReader& reader, const Node& table, std::string_view what, Provenance* out);

}  // namespace whichforum
