// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The declaration of input keys (type, range, description) and the reader that checks them.
#pragma once

#include "engine/diagnostic.h"
#include "engine/enum_names.h"
#include "engine/exact.h"
#include "engine/tree.h"

#include <concepts>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
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
  std::vector<std::string_view> allowed{};  ///< kEnum and kEnumList values
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

// --- Rows that bind each key to the field it fills ----------------------------------------

namespace schema_detail {

// How a checked Value lands in a field of each type a binding may name.
inline void assign(std::string& field, Value&& v) { field = std::get<std::string>(std::move(v)); }
inline void assign(bool& field, Value&& v) { field = std::get<bool>(v); }
inline void assign(Exact& field, Value&& v) { field = std::get<Exact>(std::move(v)); }
// Integer keys are declared with a range that fits an int, so the cast cannot overflow.
inline void assign(int& field, Value&& v) { field = static_cast<int>(std::get<Exact>(v)); }
inline void assign(std::vector<std::string>& field, Value&& v) {
  field = std::get<std::vector<std::string>>(std::move(v));
}
inline void assign(PointList& field, Value&& v) { field = std::get<PointList>(std::move(v)); }
inline void assign(IdGroups& field, Value&& v) { field = std::get<IdGroups>(std::move(v)); }
template <class M>
void assign(std::optional<M>& field, Value&& v) {
  M x{};
  assign(x, std::move(v));
  field = std::move(x);
}
// An enum key's row lists the enum's own names as allowed values (enum_names.h), so a value
// that passed the check always has an enumerator; the throw marks a row that lists others.
template <class E>
  requires std::is_enum_v<E>
void assign(E& field, Value&& v) {
  const auto& word = std::get<std::string>(v);
  auto e = enum_from_name<E>(word);
  if (!e) throw std::logic_error("schema row allows \"" + word + "\", which its enum does not name");
  field = *e;
}

template <class M>
concept Assignable = requires(M& m, Value&& v) { assign(m, std::move(v)); };

}  // namespace schema_detail

/// The half of a schema row that says where a key's value goes in a `T`. Made from a member
/// pointer (of T or of a base of T; the value is checked by the row's spec, then stored), a
/// function `(T&, Value&&)` for a value that is converted or lands in a nested field, or a
/// function `(SchemaReader&, const Node&, const KeySpec&, T&) -> bool` for a key that is read
/// by a reader of its own (a table, a fact with provenance). `check_only()` is for a key that
/// is checked and not kept: the file's format version.
template <class T>
class Binding {
 public:
  using Reader = std::function<bool(SchemaReader&, const Node&, const KeySpec&, T&)>;

  Binding() noexcept {}  // user-provided: GCC 12 fails on a defaulted one in an omitted row field
  template <class M, class B>
    requires std::is_base_of_v<B, T> && schema_detail::Assignable<M>
  Binding(M B::*member)  // NOLINT(google-explicit-constructor): rows read as `.bind = &T::x`
      : read_([member](SchemaReader& r, const Node& n, const KeySpec& s, T& t) {
          auto v = r.read(n, s);
          if (!v) return false;
          schema_detail::assign(static_cast<B&>(t).*member, std::move(*v));
          return true;
        }) {}
  template <class F>
    requires std::invocable<F&, T&, Value&&>
  Binding(F set)  // NOLINT(google-explicit-constructor)
      : read_([set = std::move(set)](SchemaReader& r, const Node& n, const KeySpec& s, T& t) mutable {
          auto v = r.read(n, s);
          if (!v) return false;
          set(t, std::move(*v));
          return true;
        }) {}
  template <class F>
    requires std::is_invocable_r_v<bool, F&, SchemaReader&, const Node&, const KeySpec&, T&>
  Binding(F read) : read_(std::move(read)) {}  // NOLINT(google-explicit-constructor)

  [[nodiscard]] static Binding check_only() {
    Binding b([](SchemaReader& r, const Node& n, const KeySpec& s, T&) { return r.read(n, s).has_value(); });
    b.check_only_ = true;
    return b;
  }

  /// Whether the row says where its value goes (or, for check_only, that it goes nowhere).
  [[nodiscard]] bool bound() const { return static_cast<bool>(read_); }
  [[nodiscard]] bool is_check_only() const { return check_only_; }
  /// Reads `node` as `spec` says into `target`; false when it reported an error.
  bool operator()(SchemaReader& reader, const Node& node, const KeySpec& spec, T& target) const {
    return read_(reader, node, spec, target);
  }

 private:
  Reader read_;
  bool check_only_ = false;
};

/// One declared key and where it goes: KeySpec's fields, then the binding. Rows are written
/// with designated initialisers, so each says what it sets and nothing else.
template <class T>
struct Field {
  // Every member has an initialiser, so a row names only what it sets without
  // -Wmissing-field-initializers taking the omitted ones for mistakes.
  std::string_view key{};
  ValueType type = ValueType::kString;
  bool required = false;
  bool fact = false;
  std::string_view min{};
  std::string_view max{};
  std::vector<std::string_view> allowed{};
  std::string_view default_text{};
  std::string_view description{};
  Binding<T> bind{};
};

/// A table's rows: the Schema that checks, documents and suggests, and the binding of each key.
template <class T>
class Fields {
 public:
  Fields(std::string_view name, std::vector<Field<T>> rows) {
    schema_.name = name;
    for (auto& f : rows) {
      // A row without a binding or a key declared twice is a mistake in our declarations.
      if (!f.bind.bound()) throw std::logic_error("schema row \"" + std::string(f.key) + "\" is not bound");
      if (schema_.find(f.key)) throw std::logic_error("schema key \"" + std::string(f.key) + "\" is declared twice");
      schema_.keys.push_back({f.key, f.type, f.required, f.fact, f.min, f.max, std::move(f.allowed),
                              f.default_text, f.description});
      binds_.push_back(std::move(f.bind));
    }
  }

  [[nodiscard]] const Schema& schema() const { return schema_; }
  /// The binding of `key`, or null when the table does not declare it.
  [[nodiscard]] const Binding<T>* binding(std::string_view key) const {
    for (size_t i = 0; i < schema_.keys.size(); ++i) {
      if (schema_.keys[i].key == key) return &binds_[i];
    }
    return nullptr;
  }

  /// Reads each member of `table` that the table declares into `target`, in file order, each
  /// checked by `checks`' row of the same key (default: this table's own; a relaxed copy for a
  /// scenario, whose rows are the same but none required). Keys it does not declare are left
  /// to check_keys(). Returns false when any member reported an error.
  bool read(SchemaReader& reader, const Node& table, T& target, const Schema* checks = nullptr) const {
    const Schema& s = checks ? *checks : schema_;
    bool good = true;
    for (const auto& m : table.members) {
      const KeySpec* spec = s.find(m.key);
      const Binding<T>* bind = binding(m.key);
      if (!spec || !bind) continue;
      if (!(*bind)(reader, *m.node(), *spec, target)) good = false;
    }
    return good;
  }

 private:
  Schema schema_;
  std::vector<Binding<T>> binds_;
};

/// Reads an exact bound written in a KeySpec; the declarations are ours, so a bad one is a bug.
[[nodiscard]] Exact bound(std::string_view text);

/// "a number (an integer, or a string such as \"0.15\" or \"1/3\")" and the like: what a type
/// expects, in the words messages and `whichforum schema` use.
[[nodiscard]] std::string expected_text(const KeySpec& spec);

/// Renders a schema as a Markdown list, one item per key: key (type; required or optional; range
/// or values; default): description, wrapped within kTextWidth.
[[nodiscard]] std::string schema_keys_markdown(const Schema& schema);

}  // namespace whichforum
