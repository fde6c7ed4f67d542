// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The criterion file's keys and the indicator list: the single declaration of each.
#include "engine/criterion.h"

namespace whichforum {

const std::vector<Indicator>& indicators() {
  static const std::vector<Indicator> list = {
      {"forum.member_count", "1", "250", "member states (fact member_count)"},
      {"forum.like_mindedness", "0", "1", "how far members share values"},
      {"forum.candour", "0", "1", "how open the conversations are"},
      {"forum.visibility", "0", "1", "public face and recognition"},
      {"forum.prestige", "0", "1", "signal sent by being in it"},
      {"forum.private_sector_reach", "0", "1", "presence of companies"},
      {"forum.civil_society_reach", "0", "1", "presence of civil society"},
      {"forum.core_stability", "0", "1", "a stable core of members who turn up"},
      {"forum.output_strength", "0", "1", "real outputs taken up elsewhere"},
      {"forum.code_sharing", "0", "1", "practice of sharing code, platforms and products"},
      {"forum.early_warning", "0", "1", "horizon scanning on emerging issues"},
      {"forum.outputs", "0", "11", "number of kinds of output (charter, principles, ...)"},
      {"forum.multilateral_links", "0", "20", "number of multilateral processes it feeds"},
      {"forum.tiers", "0", "5", "number of levels of people it convenes"},
      {"forum.peer_egdi", "0", "1", "mean EGDI 2024 of its known member states, else its peer_maturity"},
      {"pair.egdi_gap", "-1", "1", "forum.peer_egdi minus the country's EGDI 2024: how far ahead the peers are"},
      {"pair.prestige_gap", "-1", "1", "forum.prestige minus the country's standing (its EGDI 2024 rank as a share, 1 = first of 193): what joining signals"},
  };
  return list;
}

const Indicator* find_indicator(std::string_view name) {
  for (const auto& i : indicators()) {
    if (i.name == name) return &i;
  }
  return nullptr;
}

namespace {

std::vector<std::string_view> indicator_names() {
  std::vector<std::string_view> names;
  for (const auto& i : indicators()) names.push_back(i.name);
  return names;
}

}  // namespace

namespace {
using C = CriterionDraft;
using V = ValueFunction;
}  // namespace

const Fields<CriterionDraft>& criterion_fields() {
  static const Fields<CriterionDraft> fields{
      "criterion",
      {
          {.key = "schema", .type = ValueType::kEnum, .allowed = {"whichforum.criterion/1"}, .default_text = "whichforum.criterion/1", .description = "format version of the file", .bind = Binding<C>::check_only()},
          {.key = "id", .type = ValueType::kString, .required = true, .description = "objective id, equal to the file name", .bind = criterion_read::id},
          {.key = "name", .type = ValueType::kString, .required = true, .description = "the objective's name", .bind = &Criterion::name},
          {.key = "description", .type = ValueType::kString, .required = true, .description = "what the objective means", .bind = &Criterion::description},
          {.key = "evidence", .type = ValueType::kTable, .required = true, .description = "sources that say countries pursue it (array of source tables)",
           .bind = [](SchemaReader& r, const Node& n, const KeySpec&, C& c) { return criterion_read::evidence(r, n, c); }},
          {.key = "level_factor", .type = ValueType::kTable, .required = true, .description = "gain of each engagement level relative to member ({ observer, member, lead, reason })",
           .bind = [](SchemaReader& r, const Node& n, const KeySpec&, C& c) { return criterion_read::level_factor(r, n, c); }},
          {.key = "theme_relevance", .type = ValueType::kTable, .required = true, .description = "how much of the objective depends on the forum serving the country's themes ({ value, by_theme = { theme = r }, reason or source }: its table in whichforum schema criterion)",
           .bind = [](SchemaReader& r, const Node& n, const KeySpec&, C& c) { return criterion_read::theme_relevance(r, n, c); }},
          {.key = "language_barrier", .type = ValueType::kTable, .default_text = "none", .description = "share of the fit kept where none of the forum's working languages is the country's ({ factor, reason or source })",
           .bind = [](SchemaReader& r, const Node& n, const KeySpec&, C& c) { return criterion_read::language_barrier(r, n, c); }},
          {.key = "outside_region", .type = ValueType::kTable, .default_text = "none", .description = "share of the fit kept where the country is outside the regions the forum serves ({ factor, reason or source }; forums without focus_regions serve every region)",
           .bind = [](SchemaReader& r, const Node& n, const KeySpec&, C& c) { return criterion_read::outside_region(r, n, c); }},
          {.key = "function", .type = ValueType::kTable, .required = true, .description = "value functions ([[function]] tables)",
           .bind = [](SchemaReader& r, const Node& n, const KeySpec&, C& c) { return criterion_read::functions(r, n, c); }},
      }};
  return fields;
}

namespace {

// A level's factor lands in the criterion's map, under the level's name (the row's key).
Binding<Criterion> factor_row() {
  return [](SchemaReader& reader, const Node& node, const KeySpec& spec, Criterion& c) {
    auto v = reader.read(node, spec);
    if (!v) return false;
    c.level_factor[std::string(spec.key)] = std::get<Exact>(*v);
    return true;
  };
}

}  // namespace

const Fields<Criterion>& level_factor_fields() {
  static const Fields<Criterion> fields{
      "level_factor",
      {
          {.key = "observer", .type = ValueType::kExact, .required = true, .min = "0", .max = "3", .description = "factor for attending as observer or guest", .bind = factor_row()},
          {.key = "member", .type = ValueType::kExact, .required = true, .min = "0", .max = "3", .default_text = "1", .description = "factor for full membership with working groups", .bind = factor_row()},
          {.key = "lead", .type = ValueType::kExact, .required = true, .min = "0", .max = "3", .description = "factor for chairing or hosting", .bind = factor_row()},
          {.key = "reason", .type = ValueType::kString, .required = true, .description = "why the factors are what they are (an estimate)", .bind = &Criterion::level_reason},
      }};
  return fields;
}

namespace {

using T = ThemeRelevance;
using L = FitBarrier;

// The provenance rows every judgement table of a criterion ends with, after its own `rows`;
// `why` and `judgement` describe its reason and estimate keys for the number it states.
template <class X>
std::vector<Field<X>> with_provenance(std::vector<Field<X>> rows, std::string_view why, std::string_view judgement) {
  rows.push_back({.key = "reason", .type = ValueType::kString, .description = why, .bind = in_prov<X>(&Provenance::reason)});
  rows.push_back({.key = "source", .type = ValueType::kString, .description = "seed file name or \"data:S20,S22\"", .bind = in_prov<X>(&Provenance::source)});
  rows.push_back({.key = "quote", .type = ValueType::kString, .description = "words of the seed that support it", .bind = in_prov<X>(&Provenance::quote)});
  rows.push_back({.key = "as_of", .type = ValueType::kDate, .description = "date the source speaks of", .bind = in_prov<X>(&Provenance::as_of)});
  rows.push_back({.key = "note", .type = ValueType::kString, .description = "a remark", .bind = in_prov<X>(&Provenance::note)});
  rows.push_back({.key = "estimate", .type = ValueType::kBool, .default_text = "false", .description = judgement, .bind = in_prov<X>(&Provenance::estimate)});
  return rows;
}

}  // namespace

const Fields<ThemeRelevance>& theme_relevance_fields() {
  static const Fields<ThemeRelevance> fields{
      "theme_relevance",
      with_provenance<T>({
          {.key = "value", .type = ValueType::kExact, .required = true, .min = "0", .max = "1", .description = "r: the share of the objective's value that depends on the forum working on the country's themes (0: none, 1: all), for every theme without its own entry", .bind = &ThemeRelevance::value},
          {.key = "by_theme", .type = ValueType::kTable, .default_text = "{}", .description = "theme id = r for a theme that differs from value", .bind = Binding<T>::check_only()},
      }, "why r is what it is", "r is a judgement (then reason is required)")};
  return fields;
}

namespace {

// The rows of a barrier table: its factor (described for that barrier) and its provenance.
Fields<FitBarrier> barrier_rows(std::string_view name, std::string_view factor) {
  return Fields<FitBarrier>{
      name,
      with_provenance<L>({
          {.key = "factor", .type = ValueType::kExact, .required = true, .min = "0", .max = "1", .description = factor, .bind = &FitBarrier::factor},
      }, "why the factor is what it is", "the factor is a judgement (then reason is required)")};
}

}  // namespace

const Fields<FitBarrier>& language_barrier_fields() {
  static const Fields<FitBarrier> fields =
      barrier_rows("language_barrier", "share of the fit kept where the forum works in none of the country's languages");
  return fields;
}

const Fields<FitBarrier>& outside_region_fields() {
  static const Fields<FitBarrier> fields =
      barrier_rows("outside_region", "share of the fit kept where the country's region is not one the forum serves (its focus_regions)");
  return fields;
}

const Schema& theme_relevance_schema() { return theme_relevance_fields().schema(); }
const Schema& language_barrier_schema() { return language_barrier_fields().schema(); }
const Schema& outside_region_schema() { return outside_region_fields().schema(); }

const Fields<ValueFunction>& value_function_fields() {
  static const Fields<ValueFunction> fields{
      "[[function]]",
      {
          {.key = "indicator", .type = ValueType::kEnum, .required = true, .allowed = indicator_names(), .description = "what the function reads", .bind = &ValueFunction::indicator},
          {.key = "weight", .type = ValueType::kExact, .required = true, .min = "0", .max = "1", .description = "share of the criterion; weights sum to 1", .bind = &ValueFunction::weight},
          {.key = "points", .type = ValueType::kPoints, .required = true, .description = "breakpoints [x, y], x increasing, y in 0..1", .bind = &ValueFunction::points},
          {.key = "reason", .type = ValueType::kString, .required = true, .description = "why the curve has this shape", .bind = in_prov<V>(&Provenance::reason)},
          {.key = "source", .type = ValueType::kString, .description = "seed file name or \"data:S20,S22\"", .bind = in_prov<V>(&Provenance::source)},
          {.key = "quote", .type = ValueType::kString, .description = "words of the seed that support it", .bind = in_prov<V>(&Provenance::quote)},
          {.key = "as_of", .type = ValueType::kDate, .description = "date the source speaks of", .bind = in_prov<V>(&Provenance::as_of)},
          {.key = "note", .type = ValueType::kString, .description = "a remark", .bind = in_prov<V>(&Provenance::note)},
          {.key = "estimate", .type = ValueType::kBool, .default_text = "false", .description = "the curve is a judgement", .bind = in_prov<V>(&Provenance::estimate)},
      }};
  return fields;
}

const Schema& criterion_schema() { return criterion_fields().schema(); }
const Schema& level_factor_schema() { return level_factor_fields().schema(); }
const Schema& value_function_schema() { return value_function_fields().schema(); }

}  // namespace whichforum
