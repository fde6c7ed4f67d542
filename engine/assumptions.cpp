// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The assumption keys (declared once) and their loader.
#include "engine/assumptions.h"

#include <stdexcept>

namespace whichforum {

namespace {

// A parameter: a fact table { value, estimate, reason } that lands in `values` under its key.
bool read_param(SchemaReader& reader, const Node& node, const KeySpec& spec, Assumptions& a) {
  const std::string key(spec.key);
  if (node.kind != Node::Kind::kTable || !node.find("value")) {
    reader.error(node.pos, "\"" + key + "\" must be { value = ..., estimate = true, reason = \"...\" }");
    return false;
  }
  if (!reader.check_keys(node, provenance_schema(), "assumption \"" + key + "\"")) return false;
  auto v = reader.read(*node.find("value"), spec);
  Provenance prov;
  if (!v || !read_provenance(reader, node, key, &prov)) return false;
  Fact fact{*v, prov, node.pos};
  if (!read_range(reader, node, spec, &fact)) return false;
  a.values[key] = std::move(fact);
  return true;
}

Field<Assumptions> param(std::string_view key, std::string_view min, std::string_view max, std::string_view description) {
  return {.key = key, .type = ValueType::kExact, .required = true, .fact = true, .min = min, .max = max,
          .description = description, .bind = read_param};
}

}  // namespace

std::optional<Exact> Assumptions::find(const std::string& key) const {
  auto it = values.find(key);
  if (it == values.end()) return std::nullopt;
  return std::get<Exact>(it->second.value);
}

const Exact& Assumptions::get(std::string_view key) const {
  auto it = values.find(std::string(key));
  if (it != values.end()) return std::get<Exact>(it->second.value);
  // Every declared parameter is present after a successful load, and a profile's
  // [assumptions] can only name declared ones; so a missing key is a typo in the code (or a
  // set of assumptions that was never loaded). Zero would silently price something at nothing.
  const KeySpec* spec = assumptions_schema().find(key);
  throw std::logic_error(spec && spec->fact ? "assumption \"" + std::string(key) + "\" was not loaded"
                                            : "\"" + std::string(key) + "\" is not a declared assumption");
}

const Fields<Assumptions>& assumptions_fields() {
  static const Fields<Assumptions> fields{
      "assumptions",
      {
          {.key = "schema", .type = ValueType::kEnum, .allowed = {"whichforum.assumptions/1"}, .default_text = "whichforum.assumptions/1", .description = "format version of the file", .bind = Binding<Assumptions>::check_only()},
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
          param("price_per_1000_usd", "0", "1000", "value a profile gives 1,000 USD spent elsewhere (value points; an option must beat the price of what it uses)"),
          param("price_per_staff_day", "0", "1000", "value of a staff day spent elsewhere (value points)"),
          param("price_per_ministerial_day", "0", "1000", "value of a day of the minister spent elsewhere (value points)"),
          param("founder_leave_share", "0", "1", "the same share for a forum the country founded (membership founder = true)"),
          param("leave_reputation_share", "0", "1", "share of an option's yearly value counted against leaving it (or against the part a lesser option gives up)"),
          param("horizon_years", "1", "20", "years a decision is taken for: lead time and one-off joining effort are spread over it"),
          param("dormant_after_years", "1", "20", "years without a recorded meeting (last_meeting_year) after which a forum offers no option"),
          param("accession_staff_days", "0", "1000", "staff days, once, to join a forum one is not in"),
          param("tenure_gain_peer_learning", "0", "10", "peer learning gained by tenure, as a share, at tenure_full_years"),
          param("tenure_gain_professional_network", "0", "10", "professional network gained by tenure, as a share, at tenure_full_years"),
          param("tenure_full_years", "1", "50", "years after which tenure adds no more"),
          param("tenure_unknown_years", "0", "50", "years held counted for a membership with no start year"),
          param("performance_floor", "0", "1", "the performance factor of the weakest possible forum"),
          param("secretariat_funded", "0", "1", "performance score of a funded secretariat"),
          param("secretariat_international_org", "0", "1", "... one run by an international organisation"),
          param("secretariat_member_funded", "0", "1", "... one funded by a single member"),
          param("secretariat_rotating", "0", "1", "... a rotating chair with no secretariat"),
          param("secretariat_commercial", "0", "1", "... a commercial organiser"),
          param("secretariat_volunteer", "0", "1", "... volunteers"),
          param("secretariat_unknown", "0", "1", "... where the forum file says nothing"),
      }};
  return fields;
}

const Schema& assumptions_schema() { return assumptions_fields().schema(); }

Result<Assumptions> parse_assumptions(const Document& doc) {
  Result<Assumptions> result;
  SchemaReader reader(doc, &result.diagnostics);
  const Schema& s = assumptions_schema();
  if (!reader.check_kind(doc.root, s)) return result;
  reader.check_keys(doc.root, s);
  Assumptions a;
  a.source = doc.source;
  assumptions_fields().read(reader, doc.root, a);
  if (result.diagnostics.ok()) result.value = std::move(a);
  return result;
}

}  // namespace whichforum
