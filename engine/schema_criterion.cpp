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
      {"country.egdi", "0", "1", "the country's EGDI 2024"},
      {"country.standing", "0", "1", "the country's EGDI 2024 rank as a share: 1 = first of 193"},
      {"pair.egdi_gap", "-1", "1", "forum.peer_egdi minus country.egdi: how far ahead the peers are"},
      {"pair.prestige_gap", "-1", "1", "forum.prestige minus country.standing: what joining signals"},
      {"pair.theme_fit", "0", "1", "share of the country's priority themes the forum works on"},
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

const Schema& criterion_schema() {
  static const Schema schema{
      "criterion",
      {
          {"schema", ValueType::kEnum, false, false, "", "", {"whichforum.criterion/1"}, "whichforum.criterion/1", "format version of the file"},
          {"id", ValueType::kString, true, false, "", "", {}, "", "objective id, equal to the file name"},
          {"name", ValueType::kString, true, false, "", "", {}, "", "the objective's name"},
          {"description", ValueType::kString, true, false, "", "", {}, "", "what the objective means"},
          {"evidence", ValueType::kTable, true, false, "", "", {}, "", "sources that say countries pursue it (array of source tables)"},
          {"level_factor", ValueType::kTable, true, false, "", "", {}, "", "gain of each engagement level relative to member ({ observer, member, lead, reason })"},
          {"function", ValueType::kTable, true, false, "", "", {}, "", "value functions ([[function]] tables)"},
      }};
  return schema;
}

const Schema& level_factor_schema() {
  static const Schema schema{
      "level_factor",
      {
          {"observer", ValueType::kExact, true, false, "0", "3", {}, "", "factor for attending as observer or guest"},
          {"member", ValueType::kExact, true, false, "0", "3", {}, "1", "factor for full membership with working groups"},
          {"lead", ValueType::kExact, true, false, "0", "3", {}, "", "factor for chairing or hosting"},
          {"reason", ValueType::kString, true, false, "", "", {}, "", "why the factors are what they are (an estimate)"},
      }};
  return schema;
}

const Schema& value_function_schema() {
  static const Schema schema{
      "[[function]]",
      {
          {"indicator", ValueType::kEnum, true, false, "", "", indicator_names(), "", "what the function reads"},
          {"weight", ValueType::kExact, true, false, "0", "1", {}, "", "share of the criterion; weights sum to 1"},
          {"points", ValueType::kPoints, true, false, "", "", {}, "", "breakpoints [x, y], x increasing, y in 0..1"},
          {"reason", ValueType::kString, true, false, "", "", {}, "", "why the curve has this shape"},
          {"source", ValueType::kString, false, false, "", "", {}, "", "seed file name or \"data:S20,S22\""},
          {"quote", ValueType::kString, false, false, "", "", {}, "", "words of the seed that support it"},
          {"as_of", ValueType::kDate, false, false, "", "", {}, "", "date the source speaks of"},
          {"note", ValueType::kString, false, false, "", "", {}, "", "a remark"},
          {"estimate", ValueType::kBool, false, false, "", "", {}, "false", "the curve is a judgement"},
      }};
  return schema;
}

}  // namespace whichforum
