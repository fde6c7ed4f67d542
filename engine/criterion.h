// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Criterion: one objective (peer learning, branding, ...) as data, with its value functions.
#pragma once

#include "engine/forum.h"

namespace whichforum {

/// A measurable input to a value function: a forum attribute, a fact about the country, or a
/// relation between the two (the gap between the country's EGDI and its peers', say).
struct Indicator {
  std::string_view name;  ///< "forum.candour", "country.egdi", "pair.egdi_gap"
  std::string_view min;   ///< exact range of the indicator
  std::string_view max;
  std::string_view description;
};

/// Every indicator a criterion may use.
[[nodiscard]] const std::vector<Indicator>& indicators();
[[nodiscard]] const Indicator* find_indicator(std::string_view name);

/// A piecewise-linear map from an indicator to a value in 0..1. Invariant (checked at load):
/// at least two points, x strictly increasing, every y in 0..1. Outside the first and last x
/// the value is flat.
struct ValueFunction {
  std::string indicator;
  Exact weight;  ///< share of the criterion; the weights of one criterion sum to exactly 1
  PointList points;
  Provenance prov;  ///< reason is required: why this curve
  SourcePos pos;

  /// The value at `x`, exactly.
  [[nodiscard]] Exact at(const Exact& x) const;
};

/// How much of an objective depends on the forum serving the country's themes (key
/// theme_relevance): r in 0..1, per theme where `by_theme` says so, else `value`. The forum's
/// fit is multiplied by 1 - sum_t p_t r_t + sum_{t the forum works on} p_t r_t, p the country's
/// theme priorities (engine/README.md, the model): a forum on none of its themes keeps 1 - r.
struct ThemeRelevance {
  Exact value;
  std::map<std::string, Exact> by_theme;
  Provenance prov;  ///< sourced, or an estimate with its reason

  /// r for `theme`: its own entry, else the default.
  [[nodiscard]] Exact at(const std::string& theme) const;
};

/// What is left of an objective's fit across a barrier: where the forum works in none of the
/// country's languages (key language_barrier), or where the country is outside the regions the
/// forum serves (key outside_region). A factor in 0..1, with its provenance.
struct FitBarrier {
  Exact factor;
  Provenance prov;
};

/// An objective a country may weigh. Its score for a forum and level is on the scale 0..100,
/// where 0 means "adds nothing over not taking part" and 100 is the most the objective can gain
/// from one forum: 100 x sum of weight x value function over its indicators.
struct Criterion {
  std::shared_ptr<const SourceText> source;
  std::string id;
  std::string name;
  std::string description;
  std::vector<Provenance> evidence;
  std::vector<ValueFunction> functions;
  /// How much of the member-level fit each engagement level gains (member is 1 by convention):
  /// observer, member, lead -> factor; `level_reason` says why (an estimate).
  std::map<std::string, Exact> level_factor;
  std::string level_reason;
  ThemeRelevance theme_relevance;
  std::optional<FitBarrier> language_barrier;  ///< absent: language is no barrier for it
  std::optional<FitBarrier> outside_region;    ///< absent: a forum of another region serves it as well

  /// The factor for `level`, 0 for an unknown level.
  [[nodiscard]] Exact factor(std::string_view level) const;
};

/// A criterion while it is read: the file's stem, which the id must equal when given.
struct CriterionDraft : Criterion {
  std::string_view expected_id;
};

[[nodiscard]] const Schema& criterion_schema();
[[nodiscard]] const Schema& value_function_schema();
[[nodiscard]] const Schema& level_factor_schema();
[[nodiscard]] const Schema& theme_relevance_schema();
[[nodiscard]] const Schema& language_barrier_schema();
[[nodiscard]] const Schema& outside_region_schema();
/// The rows of those tables: each key with the field it fills.
[[nodiscard]] const Fields<CriterionDraft>& criterion_fields();
[[nodiscard]] const Fields<ValueFunction>& value_function_fields();
[[nodiscard]] const Fields<Criterion>& level_factor_fields();
[[nodiscard]] const Fields<ThemeRelevance>& theme_relevance_fields();
[[nodiscard]] const Fields<FitBarrier>& language_barrier_fields();
[[nodiscard]] const Fields<FitBarrier>& outside_region_fields();

// The readers the rows of schema_criterion.cpp call, for keys that are tables of their own.
namespace criterion_read {
bool id(SchemaReader& reader, const Node& node, const KeySpec& spec, CriterionDraft& c);
bool evidence(SchemaReader& reader, const Node& node, CriterionDraft& c);
bool level_factor(SchemaReader& reader, const Node& node, CriterionDraft& c);
bool functions(SchemaReader& reader, const Node& node, CriterionDraft& c);
bool theme_relevance(SchemaReader& reader, const Node& node, CriterionDraft& c);
bool language_barrier(SchemaReader& reader, const Node& node, CriterionDraft& c);
bool outside_region(SchemaReader& reader, const Node& node, CriterionDraft& c);
}  // namespace criterion_read

/// Builds a Criterion from a parsed document, checking every key and the invariants above.
[[nodiscard]] Result<Criterion> parse_criterion(const Document& doc, std::string_view expected_id = {});

}  // namespace whichforum
