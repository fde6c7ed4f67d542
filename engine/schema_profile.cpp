// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The profile file's keys: the single declaration of each (type, range, meaning, field).
#include "engine/forum.h"
#include "engine/profile.h"

namespace whichforum {

namespace {

using P = ProfileDraft;
using C = Constraints;


}  // namespace

const Fields<ProfileDraft>& profile_fields() {
  static const Fields<ProfileDraft> fields{
      "profile",
      {
          {.key = "schema", .type = ValueType::kEnum, .allowed = {"whichforum.profile/1"}, .default_text = "whichforum.profile/1", .description = "format version of the file", .bind = Binding<P>::check_only()},
          {.key = "country", .type = ValueType::kIso3, .required = true, .description = "ISO3 code of the country, e.g. \"URY\"", .bind = profile_read::country},
          {.key = "name", .type = ValueType::kString, .required = true, .description = "display name of the country", .bind = &Profile::name},
          {.key = "scenario", .type = ValueType::kString, .default_text = "file name", .description = "label of a scenario overlay (whatif --scenario)", .bind = &Profile::scenario},
          {.key = "themes", .type = ValueType::kStringList, .default_text = "all, equal", .description = "priority themes (forum theme ids), as objectives take weights: a list is a ranking, most important first, ties in inner lists: [\"ai\", [\"data_governance\", \"digital_identity\"]] (rank-order centroid); or a [themes] table of weights, ai = \"3\" (normalised to sum 1); absent or []: every theme counts the same",
           .bind = [](SchemaReader& r, const Node& n, const KeySpec&, P& p) { return profile_read::themes(r, n, p); }},
          {.key = "languages", .type = ValueType::kStringList, .default_text = "[\"English\"]", .description = "languages the country's delegates work in, as forums name them (\"Spanish\"); a forum with none of them as a working language gains less where a criterion says so (language_barrier); the default, English only, is an estimate",
           .bind = [](SchemaReader& r, const Node& n, const KeySpec& s, P& p) {
             auto v = r.read(n, s);
             if (!v) return false;
             auto list = std::get<std::vector<std::string>>(std::move(*v));
             if (list.empty()) {
               r.error(n.pos, "\"languages\" needs at least one language; leave it out for the default, English");
               return false;
             }
             p.languages = std::move(list);
             p.languages_given = true;
             p.language_pos.clear();
             for (const auto& item : n.items) p.language_pos.push_back(item->pos);
             return true;
           }},
          {.key = "objectives", .type = ValueType::kTable, .required = true, .description = "objective id = weight (exact, >= 0; normalised to sum 1), or rough preferences: id = \"lo..hi\", ranking = [a, [b, c], d], ahp = [[a, 3, b], ...]", .bind = [](SchemaReader& r, const Node& n, const KeySpec&, P& p) { return profile_read::objectives(r, n, p); }},
          {.key = "capacity", .type = ValueType::kTable, .required = true, .description = "money, staff days and ministerial days a year", .bind = [](SchemaReader& r, const Node& n, const KeySpec&, P& p) { return profile_read::capacity(r, n, p); }},
          {.key = "memberships", .type = ValueType::kTable, .default_text = "{}", .description = "current memberships: forum id = option id, or { option = id, since = year } (see: whichforum forums show ID)", .bind = [](SchemaReader& r, const Node& n, const KeySpec&, P& p) { return profile_read::memberships(r, n, p); }},
          {.key = "baseline", .type = ValueType::kEnum, .allowed = enum_names<Baseline>(), .default_text = "current", .description = "current: changes from today's memberships count (leaving, joining, tenure); none: the fresh-start view", .bind = &Profile::baseline},
          {.key = "plan_year", .type = ValueType::kInteger, .min = "1900", .max = "2200", .default_text = "the data's year + 1", .description = "the year planned for: a chair or host turn stated in [turns] counts in that year, and a forum founded after it does not exist yet (a backtest as of an earlier year)", .bind = &Profile::plan_year},
          {.key = "turns", .type = ValueType::kTable, .default_text = "{}", .description = "forum id = year of the country's turn to chair or host (rotating roles)", .bind = [](SchemaReader& r, const Node& n, const KeySpec&, P& p) { return profile_read::turns(r, n, p); }},
          {.key = "constraints", .type = ValueType::kTable, .default_text = "{}", .description = "must, exclude, max_forums, max_changes, keep_current, max_roles", .bind = [](SchemaReader& r, const Node& n, const KeySpec&, P& p) { return profile_read::constraints(r, n, p); }},
          {.key = "country_facts", .type = ValueType::kTable, .default_text = "{}", .description = "facts that replace the reference data", .bind = [](SchemaReader& r, const Node& n, const KeySpec&, P& p) { return profile_read::country_facts(r, n, p); }},
          {.key = "remit", .type = ValueType::kTable, .default_text = "{}", .description = "which files the profile speaks for: covers = [remits], coordinate_with = { remit = \"who holds it\" }", .bind = [](SchemaReader& r, const Node& n, const KeySpec&, P& p) { return profile_read::remit(r, n, p); }},
          {.key = "invitations", .type = ValueType::kStringList, .default_text = "[]", .description = "forum ids that have invited the country: meets their invitation, sponsor and application rules",
           .bind = [](SchemaReader& r, const Node& n, const KeySpec& s, P& p) { return profile_read::ids(r, n, s, &p.invitations); }},
          {.key = "overrides", .type = ValueType::kTable, .default_text = "{}", .description = "[overrides.<forum>] key = value: replaces forum estimates", .bind = [](SchemaReader& r, const Node& n, const KeySpec&, P& p) { return profile_read::overrides(r, n, p); }},
          {.key = "assumptions", .type = ValueType::kTable, .default_text = "{}", .description = "replacements for data/assumptions.toml (see: whichforum schema assumptions)", .bind = [](SchemaReader& r, const Node& n, const KeySpec&, P& p) { return profile_read::assumptions(r, n, p); }},
          {.key = "resources", .type = ValueType::kTable, .default_text = "none", .description = "abstract resources instead of [capacity]: name = budget; forums then give [given] costs in them", .bind = [](SchemaReader& r, const Node& n, const KeySpec&, P& p) { return profile_read::resources(r, n, p); }},
      }};
  return fields;
}

const Fields<Capacity>& capacity_fields() {
  static const Fields<Capacity> fields{
      "[capacity]",
      {
          {.key = "money", .type = ValueType::kExact, .required = true, .min = "0", .max = "1000000000000", .description = "travel, fees and hosting budget a year, in currency", .bind = &Capacity::money},
          {.key = "currency", .type = ValueType::kCurrency, .default_text = "USD", .description = "ISO 4217 code of money", .bind = &Capacity::currency},
          {.key = "usd_rate", .type = ValueType::kExact, .min = "1/1000000", .max = "1000000", .default_text = "1", .description = "USD per unit of currency (needed unless USD)", .bind = &Capacity::usd_rate},
          {.key = "staff_days", .type = ValueType::kExact, .required = true, .min = "0", .max = "1000000", .description = "staff days a year for forums, preparation included", .bind = &Capacity::staff_days},
          {.key = "ministerial_days", .type = ValueType::kExact, .required = true, .min = "0", .max = "366", .description = "days of the minister a year, travel included", .bind = &Capacity::ministerial_days},
      }};
  return fields;
}

const Fields<Constraints>& constraints_fields() {
  static const Fields<Constraints> fields{
      "[constraints]",
      {
          {.key = "must", .type = ValueType::kStringList, .default_text = "[]", .description = "forum ids the portfolio must include",
           .bind = [](SchemaReader& r, const Node& n, const KeySpec& s, C& c) { return profile_read::ids(r, n, s, &c.must); }},
          {.key = "exclude", .type = ValueType::kStringList, .default_text = "[]", .description = "forum ids it must leave out",
           .bind = [](SchemaReader& r, const Node& n, const KeySpec& s, C& c) { return profile_read::ids(r, n, s, &c.exclude); }},
          {.key = "max_forums", .type = ValueType::kInteger, .min = "0", .max = "1000", .default_text = "none", .description = "most forums in the portfolio", .bind = &Constraints::max_forums},
          {.key = "max_changes", .type = ValueType::kInteger, .min = "0", .max = "1000", .default_text = "none", .description = "most forums joined, changed or left against the current memberships", .bind = &Constraints::max_changes},
          {.key = "keep_current", .type = ValueType::kBool, .default_text = "false", .description = "leave no current membership (its option may change)", .bind = &Constraints::keep_current},
          {.key = "max_roles", .type = ValueType::kInteger, .min = "0", .max = "100", .default_text = "1", .description = "most chair or host roles at once", .bind = &Constraints::max_roles},
          {.key = "requires", .type = ValueType::kIdGroups, .default_text = "[]", .description = "[[a, b], ...]: choosing a needs b", .bind = profile_read::requires_pairs},
          {.key = "at_most_one_of", .type = ValueType::kIdGroups, .default_text = "[]", .description = "[[a, b, c], ...]: at most one of each group",
           .bind = [](SchemaReader& r, const Node& n, const KeySpec& s, C& c) { return profile_read::id_groups(r, n, s, &c.at_most_one_of); }},
      }};
  return fields;
}

const Fields<CountryFacts>& country_facts_fields() {
  static const Fields<CountryFacts> fields{
      "[country_facts]",
      {
          {.key = "egdi", .type = ValueType::kExact, .min = "0", .max = "1", .default_text = "data/egdi.csv 2024", .description = "UN EGDI to use", .bind = &CountryFacts::egdi},
          {.key = "egdi_rank", .type = ValueType::kInteger, .min = "1", .max = "193", .default_text = "data/egdi.csv 2024", .description = "UN EGDI rank to use", .bind = &CountryFacts::egdi_rank},
          {.key = "wb_region", .type = ValueType::kEnum, .allowed = region_names(), .default_text = "data/countries.csv", .description = "World Bank region", .bind = &CountryFacts::wb_region},
          {.key = "income_group", .type = ValueType::kEnum, .allowed = income_group_names(), .default_text = "data/countries.csv", .description = "World Bank income group", .bind = &CountryFacts::income_group},
          {.key = "oecd_member", .type = ValueType::kBool, .default_text = "data/oecd_members.csv", .description = "OECD membership", .bind = &CountryFacts::oecd_member},
          {.key = "adheres", .type = ValueType::kEnumList, .allowed = principle_names(), .default_text = "[]", .description = "principle sets the country adheres to", .bind = &CountryFacts::adheres},
      }};
  return fields;
}

const Fields<Remit>& remit_fields() {
  static const Fields<Remit> fields{
      "[remit]",
      {
          {.key = "covers", .type = ValueType::kEnumList, .allowed = remit_names(), .default_text = "[\"digital_government\", \"open_government\", \"digital_policy\", \"ai\"]", .description = "the remits this profile decides for; a forum in none of them is another ministry's file (coordinate, not join)",
           .bind = [](SchemaReader& r, const Node& n, const KeySpec& s, Remit& m) {
             auto v = r.read(n, s);
             if (!v) return false;
             m.covers = std::get<std::vector<std::string>>(std::move(*v));
             m.covers_pos = n.pos;
             return true;
           }},
          {.key = "coordinate_with", .type = ValueType::kTable, .default_text = "{}", .description = "remit = \"who holds that file\" (e.g. human_rights_online = \"Ministry of Foreign Affairs\"), named in the briefing",
           .bind = [](SchemaReader& r, const Node& n, const KeySpec& s, Remit& m) {
             // One string key per remit, declared from the remit list, so a misspelt remit gets
             // the reader's own "did you mean".
             static const Schema who = [] {
               Schema w{"[remit.coordinate_with]", {}};
               for (auto name : remit_names())
                 w.keys.push_back({.key = name, .type = ValueType::kString, .required = false, .fact = false, .min = "", .max = "",
                                   .allowed = {}, .default_text = "none", .description = "who holds that file"});
               return w;
             }();
             if (!r.expect_table(n, s.key)) return false;
             bool good = r.check_keys(n, who);
             for (const auto& member : n.members) {
               const KeySpec* spec = who.find(member.key);
               if (!spec) continue;
               auto v = r.read(*member.node(), *spec);
               if (!v) { good = false; continue; }
               m.coordinate_with[member.key] = std::get<std::string>(std::move(*v));
             }
             return good;
           }},
      }};
  return fields;
}

const Schema& profile_schema() { return profile_fields().schema(); }
const Schema& capacity_schema() { return capacity_fields().schema(); }
const Schema& constraints_schema() { return constraints_fields().schema(); }
const Schema& country_facts_schema() { return country_facts_fields().schema(); }
const Schema& remit_schema() { return remit_fields().schema(); }


const Fields<Membership>& membership_fields() {
  static const Fields<Membership> fields{
      "[memberships] entry",
      {
          {.key = "option", .type = ValueType::kString, .required = true, .description = "the option held: one of the forum's [[option]] ids", .bind = &Membership::option},
          {.key = "since", .type = ValueType::kInteger, .min = "1900", .max = "2200", .default_text = "unknown", .description = "the year it began (tenure)", .bind = &Membership::since},
          {.key = "founder", .type = ValueType::kBool, .default_text = "false", .description = "the country is a founding member: leaving costs founder_leave_share of the option's value, not leave_reputation_share", .bind = &Membership::founder},
      }};
  return fields;
}

const Schema& membership_schema() { return membership_fields().schema(); }

}  // namespace whichforum
