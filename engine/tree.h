// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The parsed form of an input file, independent of the TOML library: nodes with positions.
#pragma once

#include "engine/diagnostic.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace whichforum {

/// One value of an input file with where it stands. Tables keep their members in source
/// order, so that errors come out in the order a reader meets them.
struct Node {
  enum class Kind { kTable, kArray, kString, kInteger, kFloat, kBool, kDate };

  struct Member {
    std::string key;
    SourcePos key_pos;
    Node* node() { return value.get(); }
    const Node* node() const { return value.get(); }
    std::unique_ptr<Node> value;
  };

  Kind kind = Kind::kTable;
  SourcePos pos;
  std::string text;  ///< string contents, or the literal text of a number, bool or date
  std::vector<Member> members;                ///< for tables
  std::vector<std::unique_ptr<Node>> items;  ///< for arrays

  /// The member `key` of a table, or null.
  [[nodiscard]] const Node* find(std::string_view key) const;
  /// The position of member `key`'s key, or this node's position when absent.
  [[nodiscard]] SourcePos key_pos(std::string_view key) const;
};

/// "a string", "an integer", ...: a kind as a message names it.
[[nodiscard]] const char* describe(Node::Kind kind);

/// A parsed input file: its text (for messages) and its root table.
struct Document {
  std::shared_ptr<const SourceText> source;
  Node root;
};

/// Parses TOML `text` named `file` into a Document; a syntax error comes back as a diagnostic
/// at its line and column. Never throws.
[[nodiscard]] Result<Document> read_toml(std::string_view text, const std::string& file);

}  // namespace whichforum
