// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The declaration of input keys (type, range, description) and the reader that checks them.
#pragma once

#include "engine/diagnostic.h"
#include "engine/exact.h"
#include "engine/tree.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace whichforum {

/// The types an input key may have. Exact numbers are TOML integers or strings ("0.15",
/// "2/3"); TOML floats are refused everywhere, since they are binary approximations.
enum class ValueType {
  kString,      ///< non-empty string
  kBool,        ///< true or false
  kInteger,     ///< TOML integer
  kExact,       ///< exact number
  kEnum,        ///< one string of `allowed`
  kStringList,  ///< array of non-empty strings
  kEnumList,    ///< array of strings, each one of `allowed`
  kIso3,        ///< three capital letters: a country (ISO 3166-1 alpha-3)
  kCurrency,    ///< three capital letters: a currency (ISO 4217)
  kIso3List,    ///< array of ISO3 codes
  kVenueList,   ///< array of "ISO3:City"
  kDate,        ///< "YYYY", "YYYY-MM" or "YYYY-MM-DD"
  kPoints,      ///< array of [x, y] exact pairs
  kIdGroups,    ///< array of arrays of strings, e.g. [["dn", "ogp"]]
  kTable,       ///< a table read by its own schema
};

/// One declared key: the single place its type, range, default and meaning are written.
/// Validation messages, "did you mean" suggestions and `whichforum schema` come from these.
struct KeySpec {
  std::string_view key;
  ValueType type = ValueType::kString;
  bool required = false;
  bool fact = false;  ///< the value sits in a fact table with its provenance (forums)
  std::string_view min;  ///< exact lower bound, or "" for none
  std::string_view max;  ///< exact upper bound, or "" for none
  std::vector<std::string_view> allowed;  ///< kEnum and kEnumList values
  std::string_view default_text;          ///< the default, as documentation ("" = none)
  std::string_view description;
};

/// A named list of keys: one table of one kind of file.
struct Schema {
  std::string_view name;  ///< as messages name the table: "profile", "[capacity]"
  std::vector<KeySpec> keys;

  [[nodiscard]] const KeySpec* find(std::string_view key) const;
  [[nodiscard]] std::vector<std::string> key_names() const;
};

using PointList = std::vector<std::pair<Exact, Exact>>;
/// A checked value.
using IdGroups = std::vector<std::vector<std::string>>;
using Value = std::variant<bool, Exact, std::string, std::vector<std::string>, PointList, IdGroups>;

/// Checks nodes of one document against key declarations and collects the errors.
class SchemaReader {
 public:
  SchemaReader(const Document& doc, Diagnostics* diags) : doc_(doc), diags_(diags) {}

  /// Reports each key of `table` that `schema` does not declare (with a suggestion), and each
  /// required key that is missing. `where` names the table in messages (default: the
  /// schema's name). Returns false when it reported anything.
  bool check_keys(const Node& table, const Schema& schema, std::string_view where = {});
  /// Reports, as the one error, a file whose `schema` key names another kind of whichforum file
  /// (a forum file given as a profile); returns false then, and the caller reads no further.
  [[nodiscard]] bool check_kind(const Node& root, const Schema& schema);
  /// Reads `node` as `spec` says: type, range and allowed values. Reports and returns nullopt
  /// when it does not fit.
  [[nodiscard]] std::optional<Value> read(const Node& node, const KeySpec& spec);
  /// Reads member `spec.key` of `table` if present; nullopt when absent or wrong.
  [[nodiscard]] std::optional<Value> read_member(const Node& table, const KeySpec& spec);
  /// Reports that `node` must be a table, unless it is one. Returns whether it is.
  bool expect_table(const Node& node, std::string_view key);

  void error(SourcePos pos, std::string message);
  void warning(SourcePos pos, std::string message);
  [[nodiscard]] const SourceText* source() const { return doc_.source.get(); }
  /// Errors reported so far (to tell whether a part of a file read cleanly).
  [[nodiscard]] size_t error_count() const { return diags_->error_count(); }

 private:
  std::optional<Exact> read_exact(const Node& node, std::string_view key);
  std::optional<std::string> read_enum(const Node& node, const KeySpec& spec);

  const Document& doc_;
  Diagnostics* diags_;
};

/// Reads an exact bound written in a KeySpec; the declarations are ours, so a bad one is a bug.
[[nodiscard]] Exact bound(std::string_view text);

/// "a number (an integer, or a string such as \"0.15\" or \"1/3\")" and the like: what a type
/// expects, in the words messages and `whichforum schema` use.
[[nodiscard]] std::string expected_text(const KeySpec& spec);

/// Renders a schema as a Markdown table: key, type, required, range or values, description.
[[nodiscard]] std::string schema_table_markdown(const Schema& schema);

}  // namespace whichforum
