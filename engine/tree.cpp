// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Node look-ups and kind names.
#include "engine/tree.h"

namespace whichforum {

const Node* Node::find(std::string_view key) const {
  for (const auto& m : members) {
    if (m.key == key) return m.value.get();
  }
  return nullptr;
}

SourcePos Node::key_pos(std::string_view key) const {
  for (const auto& m : members) {
    if (m.key == key) return m.key_pos;
  }
  return pos;
}

const char* describe(Node::Kind kind) {
  switch (kind) {
    case Node::Kind::kTable: return "a table";
    case Node::Kind::kArray: return "an array";
    case Node::Kind::kString: return "a string";
    case Node::Kind::kInteger: return "an integer";
    case Node::Kind::kFloat: return "a float";
    case Node::Kind::kBool: return "a boolean";
    case Node::Kind::kDate: return "a date";
  }
  return "a value";
}

}  // namespace whichforum
