// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The profile file's keys: the single declaration of each (type, range, meaning).
#include "engine/forum.h"
#include "engine/profile.h"

namespace whichforum {

namespace {

const std::vector<std::string_view> kRegions = {
    "East Asia & Pacific", "Europe & Central Asia", "Latin America & Caribbean",
    "Middle East & North Africa", "North America", "South Asia", "Sub-Saharan Africa"};
const std::vector<std::string_view> kIncomeGroups = {"Low income", "Lower middle income",
                                                     "Upper middle income", "High income"};

}  // namespace

const Schema& profile_schema() {
  static const Schema schema{
      "profile",
      {
          {"schema", ValueType::kEnum, false, false, "", "", {"whichforum.profile/1"}, "whichforum.profile/1", "format version of the file"},
          {"country", ValueType::kIso3, true, false, "", "", {}, "", "ISO3 code of the country, e.g. \"URY\""},
          {"name", ValueType::kString, true, false, "", "", {}, "", "display name of the country"},
          {"scenario", ValueType::kString, false, false, "", "", {}, "file name", "label of a scenario overlay (whatif --scenario)"},
          {"themes", ValueType::kStringList, false, false, "", "", {}, "all", "priority themes (forum theme ids)"},
          {"objectives", ValueType::kTable, true, false, "", "", {}, "", "objective id = weight (exact, >= 0; normalised to sum 1), or rough preferences: id = \"lo..hi\", ranking = [a, [b, c], d], ahp = [[a, 3, b], ...]"},
          {"capacity", ValueType::kTable, true, false, "", "", {}, "", "money, staff days and ministerial days a year"},
          {"memberships", ValueType::kTable, false, false, "", "", {}, "{}", "current memberships: forum id = level"},
          {"constraints", ValueType::kTable, false, false, "", "", {}, "{}", "must, exclude, max_forums"},
          {"country_facts", ValueType::kTable, false, false, "", "", {}, "{}", "facts that replace the reference data"},
          {"invitations", ValueType::kStringList, false, false, "", "", {}, "[]", "forum ids that have invited the country: meets their invitation, sponsor and application rules"},
          {"overrides", ValueType::kTable, false, false, "", "", {}, "{}", "[overrides.<forum>] key = value: replaces forum estimates"},
          {"assumptions", ValueType::kTable, false, false, "", "", {}, "{}", "replacements for data/assumptions.toml (see: whichforum schema assumptions)"},
          {"resources", ValueType::kTable, false, false, "", "", {}, "none", "abstract resources instead of [capacity]: name = budget; forums then give [given] costs in them"},
      }};
  return schema;
}

const Schema& capacity_schema() {
  static const Schema schema{
      "[capacity]",
      {
          {"money", ValueType::kExact, true, false, "0", "1000000000000", {}, "", "travel, fees and hosting budget a year, in currency"},
          {"currency", ValueType::kCurrency, false, false, "", "", {}, "USD", "ISO 4217 code of money"},
          {"usd_rate", ValueType::kExact, false, false, "1/1000000", "1000000", {}, "1", "USD per unit of currency (needed unless USD)"},
          {"staff_days", ValueType::kExact, true, false, "0", "1000000", {}, "", "staff days a year for forums, preparation included"},
          {"ministerial_days", ValueType::kExact, true, false, "0", "366", {}, "", "days of the minister a year, travel included"},
      }};
  return schema;
}

const Schema& constraints_schema() {
  static const Schema schema{
      "[constraints]",
      {
          {"must", ValueType::kStringList, false, false, "", "", {}, "[]", "forum ids the portfolio must include"},
          {"exclude", ValueType::kStringList, false, false, "", "", {}, "[]", "forum ids it must leave out"},
          {"max_forums", ValueType::kInteger, false, false, "0", "1000", {}, "none", "most forums in the portfolio"},
          {"requires", ValueType::kIdGroups, false, false, "", "", {}, "[]", "[[a, b], ...]: choosing a needs b"},
          {"at_most_one_of", ValueType::kIdGroups, false, false, "", "", {}, "[]", "[[a, b, c], ...]: at most one of each group"},
      }};
  return schema;
}

const Schema& country_facts_schema() {
  static const Schema schema{
      "[country_facts]",
      {
          {"egdi", ValueType::kExact, false, false, "0", "1", {}, "data/egdi.csv 2024", "UN EGDI to use"},
          {"egdi_rank", ValueType::kInteger, false, false, "1", "193", {}, "data/egdi.csv 2024", "UN EGDI rank to use"},
          {"wb_region", ValueType::kEnum, false, false, "", "", kRegions, "data/countries.csv", "World Bank region"},
          {"income_group", ValueType::kEnum, false, false, "", "", kIncomeGroups, "data/countries.csv", "World Bank income group"},
          {"oecd_member", ValueType::kBool, false, false, "", "", {}, "data/oecd_members.csv", "OECD membership"},
          {"adheres", ValueType::kEnumList, false, false, "", "", principle_names(), "[]", "principle sets the country adheres to"},
      }};
  return schema;
}

}  // namespace whichforum
