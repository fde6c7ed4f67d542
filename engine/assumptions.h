// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Assumptions: the model's estimated parameters (fares, delegates, days, hosting, overlap, forum
// performance), loaded from data/assumptions.toml and overridable by a profile.
#pragma once

#include "engine/forum.h"

#include <map>
#include <optional>
#include <string>

namespace whichforum {

/// Every parameter is a Fact (value + provenance; all are estimates with a reason). A profile's
/// [assumptions] table replaces values; `overridden` records which, for reports.
struct Assumptions {
  std::shared_ptr<const SourceText> source;
  std::map<std::string, Fact> values;
  std::map<std::string, bool> overridden;

  /// The value of parameter `key`; every declared key is present after a successful load.
  /// Throws std::logic_error for a key that is not declared or not loaded: a typo must not
  /// silently read as 0.
  [[nodiscard]] const Exact& get(std::string_view key) const;
  /// The value of `key` when it is declared and loaded, else nullopt (keys formed from an
  /// objective, such as tenure_gain_<objective>, exist only for some objectives).
  [[nodiscard]] std::optional<Exact> find(const std::string& key) const;
};

/// The declared parameters, with ranges and meanings.
[[nodiscard]] const Schema& assumptions_schema();
/// Its rows: each parameter lands in `values` under its key.
[[nodiscard]] const Fields<Assumptions>& assumptions_fields();

/// Reads data/assumptions.toml: every declared key must be present, as a fact table.
[[nodiscard]] Result<Assumptions> parse_assumptions(const Document& doc);

}  // namespace whichforum
