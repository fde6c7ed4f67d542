// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The assumption keys (declared once) and their loader.
#include "engine/assumptions.h"

namespace whichforum {

namespace {

KeySpec param(std::string_view key, std::string_view min, std::string_view max, std::string_view description) {
  return {key, ValueType::kExact, true, true, min, max, {}, "", description};
}

}  // namespace

const Exact& Assumptions::get(std::string_view key) const {
  static const Exact kZero = 0;
  auto it = values.find(std::string(key));
  if (it == values.end()) return kZero;
  return std::get<Exact>(it->second.value);
}

const Schema& assumptions_schema() {
  static const Schema schema{
      "assumptions",
      {
          {"schema", ValueType::kEnum, false, false, "", "", {"whichforum.assumptions/1"}, "whichforum.assumptions/1", "format version of the file"},
          param("fare_same_country_usd", "0", "100000", "return fare to a meeting in one's own country, USD"),
          param("fare_same_region_usd", "0", "100000", "economy return fare within a World Bank region, USD"),
          param("fare_other_region_usd", "0", "100000", "economy return fare between regions, USD"),
          param("travel_days_same_country", "0", "10", "days lost to travel for a meeting at home"),
          param("travel_days_same_region", "0", "10", "days lost to travel within a region"),
          param("travel_days_other_region", "0", "10", "days lost to travel between regions"),
          param("extra_nights_away", "0", "10", "nights away beyond the meeting days (arrival, return)"),
          param("default_meeting_days", "0", "30", "meeting length where a forum gives none"),
          param("default_per_diem_usd", "0", "10000", "nightly ceiling where no per-diem row matches the venue"),
          param("delegates_observer", "0", "50", "people sent per meeting as observer"),
          param("delegates_member", "0", "50", "people sent per meeting as member"),
          param("delegates_lead", "0", "50", "people sent per meeting as chair or host"),
          param("observer_meetings_max", "0", "52", "meetings a year an observer attends at most"),
          param("prep_days_per_meeting", "0", "100", "preparation days per delegate per meeting"),
          param("follow_up_days_per_meeting", "0", "100", "follow-up days per delegate per meeting"),
          param("call_days", "0", "10", "staff days per remote call (member and lead)"),
          param("minister_meetings_max", "0", "52", "ministerial-tier meetings a year a minister attends"),
          param("minister_days_per_meeting", "0", "30", "days a minister spends in the room per meeting"),
          param("lead_hosting_usd", "0", "100000000", "cost of hosting a summit, USD"),
          param("lead_amortisation_years", "1", "10", "years the hosting cost is spread over"),
          param("lead_staff_days", "0", "10000", "extra staff days a year for chairing and hosting"),
          param("lead_ministerial_days", "0", "366", "extra ministerial days a year as chair or host"),
          param("leave_reputation_share", "0", "1", "share of a forum's value lost once, in reputation, on leaving it"),
          param("overlap_rate", "0", "1", "share of the smaller value lost when two forums share all their themes"),
          param("performance_floor", "0", "1", "the performance factor of the weakest possible forum"),
          param("secretariat_funded", "0", "1", "performance score of a funded secretariat"),
          param("secretariat_international_org", "0", "1", "... one run by an international organisation"),
          param("secretariat_member_funded", "0", "1", "... one funded by a single member"),
          param("secretariat_rotating", "0", "1", "... a rotating chair with no secretariat"),
          param("secretariat_commercial", "0", "1", "... a commercial organiser"),
          param("secretariat_volunteer", "0", "1", "... volunteers"),
          param("secretariat_unknown", "0", "1", "... where the forum file says nothing"),
      }};
  return schema;
}

Result<Assumptions> parse_assumptions(const Document& doc) {
  Result<Assumptions> result;
  SchemaReader reader(doc, &result.diagnostics);
  const Schema& s = assumptions_schema();
  if (!reader.check_kind(doc.root, s)) return result;
  reader.check_keys(doc.root, s);
  Assumptions a;
  a.source = doc.source;
  for (const auto& m : doc.root.members) {
    const KeySpec* spec = s.find(m.key);
    if (!spec || !spec->fact) continue;
    const Node& node = *m.node();
    if (node.kind != Node::Kind::kTable || !node.find("value")) {
      reader.error(node.pos, "\"" + m.key + "\" must be { value = ..., estimate = true, reason = \"...\" }");
      continue;
    }
    if (!reader.check_keys(node, provenance_schema(), "assumption \"" + m.key + "\"")) continue;
    auto v = reader.read(*node.find("value"), *spec);
    Provenance prov;
    if (!v || !read_provenance(reader, node, m.key, &prov)) continue;
    a.values[m.key] = Fact{*v, prov, node.pos};
  }
  if (result.diagnostics.ok()) result.value = std::move(a);
  return result;
}

}  // namespace whichforum
