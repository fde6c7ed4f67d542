// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Name tables for the closed sets input files use: one table per enum gives both the words a
// file writes and the schema's allowed values, so the two cannot drift apart.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace whichforum {

/// One row of an enum's name table.
template <class E>
using EnumName = std::pair<E, std::string_view>;

// An enum E takes part by declaring, next to it, `std::span<const EnumName<E>> enum_table(E)`
// (found by argument-dependent lookup). The table's order is the order `whichforum schema`
// prints the allowed values in.

/// The word for `e`; "" only if `e` has no row, which the enum's tests rule out.
template <class E>
[[nodiscard]] constexpr std::string_view enum_name(E e) {
  for (const auto& [value, name] : enum_table(E{})) {
    if (value == e) return name;
  }
  return {};
}

/// The enum value `name` stands for, or nullopt.
template <class E>
[[nodiscard]] constexpr std::optional<E> enum_from_name(std::string_view name) {
  for (const auto& [value, word] : enum_table(E{})) {
    if (word == name) return value;
  }
  return std::nullopt;
}

/// Every word of E, in table order: a KeySpec's `allowed` list.
template <class E>
[[nodiscard]] std::vector<std::string_view> enum_names() {
  std::vector<std::string_view> out;
  for (const auto& row : enum_table(E{})) out.push_back(row.second);
  return out;
}

}  // namespace whichforum
