// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Test fixtures: parse inputs from strings, serve files from memory, read messages back.
#pragma once

#include "engine/engine.h"
#include "tests/memory_file_system.h"

#include <doctest/doctest.h>

#include <map>
#include <string>

namespace whichforum::test {

/// Every diagnostic of `diags`, formatted as the user sees them, concatenated.
inline std::string messages(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.items()) out += format_diagnostic(d);
  return out;
}

/// The first diagnostic's text without the "whichforum: error: " prefix and the source line:
/// "FILE:LINE:COL: message".
inline std::string first_error(const Diagnostics& diags) {
  if (diags.items().empty()) return "(no error)";
  std::string s = format_diagnostic(diags.items().front());
  s = s.substr(s.find(": ", s.find("error")) + 2);
  return s.substr(0, s.find('\n'));
}

template <class T>
Result<T> parse_as(std::string_view text, Result<T> (*parse)(const Document&, std::string_view),
                   std::string_view id = {}) {
  auto doc = read_toml(text, "t.toml");
  if (!doc.ok()) {
    Result<T> r;
    r.diagnostics = doc.diagnostics;
    return r;
  }
  return parse(*doc.value, id);
}

inline Result<Forum> forum_from(std::string_view text) { return parse_as<Forum>(text, &parse_forum); }
inline Result<Criterion> criterion_from(std::string_view text) {
  return parse_as<Criterion>(text, &parse_criterion);
}
inline Result<Profile> profile_from(std::string_view text) {
  auto doc = read_toml(text, "p.toml");
  if (!doc.ok()) {
    Result<Profile> r;
    r.diagnostics = doc.diagnostics;
    return r;
  }
  return parse_profile(*doc.value);
}

/// A minimal valid forum file with id `id`; `extra` is appended (facts or entry rules).
inline std::string minimal_forum(const std::string& id, const std::string& extra = "") {
  return "schema = \"whichforum.forum/1\"\n"
         "id = \"" + id + "\"\n"
         "name = \"Forum " + id + "\"\n"
         "kind = \"minilateral_network\"\n"
         "founded = { value = 2014, source = \"data:S20\", as_of = \"2021\" }\n"
         "membership_mode = { value = \"invitation\", source = \"data:S20\", as_of = \"2021\" }\n"
         "member_count = { value = 10, source = \"data:S20\", as_of = \"2021\" }\n"
         "meetings_per_year = { value = 2, source = \"data:S20\", as_of = \"2021\" }\n"
         "venue_mode = { value = \"rotating\", source = \"data:S20\", as_of = \"2021\" }\n"
         "venues = { value = [\"GBR:London\"], source = \"data:S23\", as_of = \"2021\" }\n"
         "tiers = { value = [\"ministerial\"], source = \"data:S20\", as_of = \"2021\" }\n"
         "engagement_levels = { value = [\"member\", \"lead\"], source = \"data:S20\", as_of = \"2021\" }\n"
         "themes = { value = [\"ai\"], source = \"data:S20\", as_of = \"2021\" }\n" + extra;
}

/// A minimal valid criterion file with id `id`.
inline std::string minimal_criterion(const std::string& id) {
  return "schema = \"whichforum.criterion/1\"\n"
         "id = \"" + id + "\"\n"
         "name = \"C\"\n"
         "description = \"d\"\n"
         "evidence = [{ source = \"data:S20\", as_of = \"2021\" }]\n"
         "level_factor = { observer = \"1/2\", member = 1, lead = \"3/2\", reason = \"r\" }\n"
         // Relevance 0: the minimal criterion's value does not depend on the country's themes.
         "theme_relevance = { value = 0, estimate = true, reason = \"r\" }\n"
         "[[function]]\n"
         "indicator = \"forum.candour\"\n"
         "weight = 1\n"
         "points = [[0, 0], [1, 1]]\n"
         "reason = \"r\"\n"
         "estimate = true\n";
}

/// A minimal valid profile; `extra` is appended at the end (inside no table unless it opens one).
inline std::string minimal_profile(const std::string& objectives = "peer_learning = \"0.5\"\n",
                                   const std::string& extra = "") {
  return "schema = \"whichforum.profile/1\"\n"
         "country = \"URY\"\n"
         "name = \"Uruguay\"\n"
         "[objectives]\n" + objectives +
         "[capacity]\n"
         "money = 1000\n"
         "staff_days = 10\n"
         "ministerial_days = 2\n" + extra;
}

/// The minimal reference tables: Uruguay and Canada.
inline void add_reference_data(MemoryFileSystem& fs, const std::string& dir) {
  fs.files[dir + "/countries.csv"] =
      "iso3,iso2,name,un_m49_region,un_m49_subregion,un_m49_intermediate_region,wb_region,"
      "wb_income_group,wb_lending_category,in_un_egdi,oecd_member,oecd_accession_year\n"
      "URY,UY,Uruguay,Americas,Latin America and the Caribbean,South America,Latin America & Caribbean,High income,,1,0,\n"
      "CAN,CA,Canada,Americas,Northern America,,North America,High income,,1,1,1961\n"
      "GBR,GB,United Kingdom,Europe,Northern Europe,,Europe & Central Asia,High income,,1,1,1961\n";
  fs.files[dir + "/egdi.csv"] =
      "iso3,country_name_un,survey_year,egdi_rank,egdi,epi,osi,hci,tii,egdi_group\n"
      "URY,Uruguay,2024,25,0.90056,0.8,0.9,0.9,0.9,Very High\n"
      "CAN,Canada,2024,47,0.8,0.8,0.8,0.8,0.8,Very High\n";
  fs.files[dir + "/oecd_dgi_2023.csv"] =
      "iso3,composite_index,composite_rank,digital_design,data_driven,govt_as_platform,open_default,user_driven,proactiveness\n"
      "CAN,0.7,8,0.7,0.7,0.7,0.7,0.7,0.7\n";
  fs.files[dir + "/per_diem_foreign_2026_04.csv"] =
      "Country,Location,Season Code,Season Start Date,Season End Date,Lodging,Meals & Incidentals,Per Diem,"
      "Effective Date,Footnote Reference,Location Code,Publication Date\n"
      "URUGUAY,Montevideo,S1,2026-01-01,2026-12-31,200.0,81.0,281.0,2025-01-01,,1.0,\"April 1, 2026\"\n"
      "UNITED KINGDOM,[Other],S1,2026-01-01,2026-12-31,250.0,110.0,360.0,2025-01-01,,2.0,\"April 1, 2026\"\n";
  fs.files[dir + "/per_diem_us_fy2026.csv"] =
      "ID,STATE,DESTINATION,COUNTY/LOCATION DEFINED,SEASON BEGIN,SEASON END,Lodging Rate,M&IE,Effective Date\n"
      ",,Standard CONUS rate,,,,110,68,\"October 1, 2025\"\n";
  fs.files[dir + "/per_diem_names.csv"] = "key,per_diem_name,note\n";
  fs.files[dir + "/memberships.csv"] =
      "forum_id,iso3,country_name,event,event_year,event_date,basis,source_ids,note\n"
      "OGP,URY,Uruguay,committed_at_launch,2011,2011-09-20,explicit,S40,\n";
  // Every assumption at 1: simple to reason about in tests.
  std::string assumptions = "schema = \"whichforum.assumptions/1\"\n";
  for (const auto& k : assumptions_schema().keys) {
    if (k.fact) assumptions += std::string(k.key) + " = { value = 1, estimate = true, reason = \"test\" }\n";
  }
  fs.files[dir + "/assumptions.toml"] = assumptions;
}

/// The shipped catalogue (forums/, criteria/, data/ of the source tree), loaded once.
inline const Catalogue& shipped() {
  static const Catalogue cat = [] {
    RealFileSystem fs;
    const std::string root = WHICHFORUM_SOURCE_DIR;
    auto c = load_catalogue(fs, {root + "/forums", root + "/criteria", root + "/data"});
    REQUIRE(c.ok());
    return std::move(*c.value);
  }();
  return cat;
}

/// A session over the shipped catalogue: what the CLI opens, loaded once.
inline const Session& shipped_session() {
  static const Session session(shipped());
  return session;
}

inline Profile profile_text(const std::string& text) {
  auto doc = read_toml(text, "p.toml");
  INFO(messages(doc.diagnostics));
  REQUIRE(doc.ok());
  auto p = shipped_session().profile_from(*doc.value);
  INFO(messages(p.diagnostics));
  REQUIRE(p.ok());
  return std::move(*p.value);
}

/// The membership events of the shipped data/memberships.csv (freshness and history tests).
inline std::vector<MembershipEvent> shipped_events() { return shipped().memberships; }

inline Profile shipped_profile(const std::string& name) {
  RealFileSystem fs;
  std::string text, err;
  REQUIRE(fs.read(std::string(WHICHFORUM_SOURCE_DIR) + "/profiles/" + name + ".toml", &text, &err));
  return profile_text(text);
}

inline Recommendation run(const Profile& p) {
  auto r = recommend(p, shipped());
  INFO(messages(r.diagnostics));
  REQUIRE(r.ok());
  return std::move(*r.value);
}

}  // namespace whichforum::test
