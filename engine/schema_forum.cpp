// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The forum file's keys: the single declaration of each (type, range, meaning).
#include "engine/forum.h"

#include <utility>

namespace whichforum {

namespace {

// How one comes to take part: documentation of the forum, read by no code, so a list of allowed
// words rather than an enum.
const std::vector<std::string_view> kModes = {"open", "registration", "invitation",
                                              "application", "org_membership", "endorsement"};
const std::vector<std::string_view> kTiers = {"ministerial", "lead", "practitioner", "expert",
                                              "open"};
const std::vector<std::string_view> kThemes = {
    "ai", "data_governance", "digital_identity", "service_design", "platforms_and_code",
    "cybersecurity", "internet_governance", "human_rights_online", "open_government",
    "startups_and_innovation", "digital_economy", "smart_cities", "digital_skills", "inclusion",
    "green_it", "online_harms", "connectivity", "govtech"};
const std::vector<std::string_view> kOutputs = {
    "charter", "principles", "declaration", "working_groups", "white_papers", "action_plans",
    "data_products", "code_sharing", "communique", "reports", "awards"};
const std::vector<std::string_view> kObligations = {
    "host_rotation", "chair_rotation", "secretariat_funding", "contribution", "action_plan",
    "charter_signature", "independent_review"};
const std::vector<std::string_view> kPrinciples = {
    "oecd_ai_principles", "open_government_declaration", "dn_charter", "christchurch_call",
    "paris_call", "foc_declaration", "eu_startup_nations_standard"};
const std::vector<std::string_view> kRegions = {
    "East Asia & Pacific", "Europe & Central Asia", "Latin America & Caribbean",
    "Middle East & North Africa", "North America", "South Asia", "Sub-Saharan Africa"};
const std::vector<std::string_view> kIncomeGroups = {"Low income", "Lower middle income",
                                                     "Upper middle income", "High income"};
const std::vector<std::string_view> kLevels = {"observer", "member", "lead"};
// Whose file a forum is in a government: the remit of the ministry or agency that usually leads
// on it (seed 002: DN liaison sits with the digital-government unit in most members, with other
// departments in some). A profile says which of these it speaks for ([remit] covers).
const std::vector<std::string_view> kRemits = {
    "digital_government", "open_government", "digital_policy", "ai", "data_governance",
    "internet_governance", "telecoms", "cybersecurity", "online_harms", "human_rights_online",
    "trade"};


using F = Field<ForumDraft>;

// A fact key: its value and provenance land in the forum's facts, under the key.
Binding<ForumDraft> fact_row() {
  return [](SchemaReader& reader, const Node& node, const KeySpec& spec, ForumDraft& forum) {
    Fact f;
    if (!forum_read::fact(reader, node, spec, &f)) return false;
    forum.facts.emplace(std::string(spec.key), std::move(f));
    return true;
  };
}

F judgement(std::string_view key, std::string_view description) {
  return {.key = key, .type = ValueType::kExact, .fact = true, .min = "0", .max = "1",
          .description = description, .bind = fact_row()};
}

}  // namespace

const std::vector<std::string_view>& principle_names() { return kPrinciples; }
const std::vector<std::string_view>& engagement_level_names() { return kLevels; }
const std::vector<std::string_view>& region_names() { return kRegions; }
const std::vector<std::string_view>& income_group_names() { return kIncomeGroups; }
const std::vector<std::string_view>& remit_names() { return kRemits; }

const Fields<ForumDraft>& forum_fields() {
  static const Fields<ForumDraft> fields{
      "forum",
      {
          {.key = "schema", .type = ValueType::kEnum, .allowed = {"whichforum.forum/1"}, .default_text = "whichforum.forum/1", .description = "format version of the file", .bind = Binding<ForumDraft>::check_only()},
          {.key = "id", .type = ValueType::kString, .required = true, .description = "lowercase id, equal to the file name", .bind = forum_read::id},
          {.key = "name", .type = ValueType::kString, .required = true, .description = "the forum's name", .bind = &Forum::name},
          {.key = "aliases", .type = ValueType::kStringList, .default_text = "[]", .description = "other names and abbreviations",
           .bind = [](SchemaReader& reader, const Node& node, const KeySpec& spec, ForumDraft& forum) {
             auto v = reader.read(node, spec);
             if (!v) return false;
             forum.aliases = std::get<std::vector<std::string>>(std::move(*v));
             forum.aliases_pos = node.pos;
             return true;
           }},
          {.key = "kind", .type = ValueType::kEnum, .required = true, .allowed = enum_names<ForumKind>(), .description = "what sort of forum it is", .bind = &Forum::kind},
          {.key = "summary", .type = ValueType::kString, .description = "one line for listings", .bind = &Forum::summary},
          {.key = "founded", .type = ValueType::kInteger, .required = true, .fact = true, .min = "1800", .max = "2100", .description = "year founded", .bind = fact_row()},
          {.key = "last_meeting_year", .type = ValueType::kInteger, .fact = true, .min = "1800", .max = "2100", .description = "the year of the latest meeting the sources record, given where the forum may have stopped meeting: more than dormant_after_years before the plan year, it is dormant and offers no option (absent: it meets; a profile that knows better overrides it)", .bind = fact_row()},
          {.key = "membership_mode", .type = ValueType::kEnum, .required = true, .fact = true, .allowed = kModes, .description = "how one comes to take part", .bind = fact_row()},
          {.key = "members", .type = ValueType::kIso3List, .fact = true, .description = "ISO3 codes of member states the source names (may be partial)", .bind = fact_row()},
          {.key = "other_members", .type = ValueType::kStringList, .fact = true, .description = "members that are not states", .bind = fact_row()},
          {.key = "member_count", .type = ValueType::kInteger, .required = true, .fact = true, .min = "1", .max = "250", .description = "total member states", .bind = fact_row()},
          {.key = "meetings_per_year", .type = ValueType::kExact, .required = true, .fact = true, .min = "0", .max = "52", .description = "in-person meetings a year", .bind = fact_row()},
          {.key = "meeting_days", .type = ValueType::kExact, .fact = true, .min = "0", .max = "30", .description = "days per meeting", .bind = fact_row()},
          {.key = "calls_per_year", .type = ValueType::kExact, .fact = true, .min = "0", .max = "365", .description = "remote meetings and calls a year", .bind = fact_row()},
          {.key = "venue_mode", .type = ValueType::kEnum, .required = true, .fact = true, .allowed = enum_names<VenueMode>(), .description = "where meetings happen", .bind = fact_row()},
          {.key = "venues", .type = ValueType::kVenueList, .required = true, .fact = true, .description = "\"ISO3:City\" where it meets or has met recently", .bind = fact_row()},
          {.key = "tiers", .type = ValueType::kEnumList, .required = true, .fact = true, .allowed = kTiers, .description = "levels of people it convenes", .bind = fact_row()},
          {.key = "engagement_levels", .type = ValueType::kEnumList, .required = true, .fact = true, .allowed = kLevels, .description = "whichforum levels open to a country", .bind = fact_row()},
          {.key = "themes", .type = ValueType::kEnumList, .required = true, .fact = true, .allowed = kThemes, .description = "topics it works on", .bind = fact_row()},
          {.key = "focus_regions", .type = ValueType::kEnumList, .fact = true, .allowed = kRegions, .default_text = "every region", .description = "the World Bank regions it mainly serves, where it is a regional forum or event (absent: global); a country outside them gains less where a criterion says so (outside_region)", .bind = fact_row()},
          {.key = "remit", .type = ValueType::kEnumList, .fact = true, .allowed = kRemits, .default_text = "[\"digital_government\"]", .description = "whose file it is in a government: the remits of the ministries that lead on it (a profile's [remit] covers says which it speaks for)", .bind = fact_row()},
          {.key = "outputs", .type = ValueType::kEnumList, .fact = true, .allowed = kOutputs, .default_text = "[]", .description = "what it produces", .bind = fact_row()},
          {.key = "multilateral_links", .type = ValueType::kStringList, .fact = true, .default_text = "[]", .description = "multilateral processes it feeds", .bind = fact_row()},
          {.key = "obligations", .type = ValueType::kEnumList, .fact = true, .allowed = kObligations, .default_text = "[]", .description = "what members must do: documentation, shown by forums show (the model costs obligations from each option's [[option.obligation]] tables)", .bind = fact_row()},
          {.key = "annual_fee_usd", .type = ValueType::kExact, .fact = true, .min = "0", .max = "100000000", .description = "what a member pays a year, USD", .bind = fact_row()},
          {.key = "secretariat", .type = ValueType::kEnum, .fact = true, .allowed = enum_names<Secretariat>(), .description = "who runs it day to day", .bind = fact_row()},
          {.key = "languages", .type = ValueType::kStringList, .fact = true, .description = "working languages: where none is one of the country's (profile key languages), criteria with a language_barrier gain less", .bind = fact_row()},
          judgement("like_mindedness", "0..1: how far members share values"),
          judgement("candour", "0..1: how open the conversations are"),
          judgement("visibility", "0..1: public face and recognition"),
          judgement("prestige", "0..1: signal sent by being in it"),
          judgement("peer_maturity", "0..1: digital maturity of the typical participant"),
          judgement("private_sector_reach", "0..1: presence of companies"),
          judgement("civil_society_reach", "0..1: presence of civil society"),
          judgement("core_stability", "0..1: a stable core of members who turn up"),
          judgement("output_strength", "0..1: real outputs taken up elsewhere"),
          judgement("code_sharing", "0..1: practice of sharing code, platforms and products"),
          judgement("early_warning", "0..1: horizon scanning on emerging issues"),
          {.key = "entry_rule", .type = ValueType::kTable, .default_text = "[]", .description = "conditions of membership ([[entry_rule]] tables)",
           .bind = [](SchemaReader& reader, const Node& node, const KeySpec&, ForumDraft& forum) {
             return forum_read::entry_rules(reader, node, forum);
           }},
          {.key = "option", .type = ValueType::kTable, .default_text = "[]", .description = "the engagement options the forum really offers ([[option]] tables, least committed first; see: whichforum schema option)",
           .bind = [](SchemaReader& reader, const Node& node, const KeySpec&, ForumDraft& forum) {
             return forum_read::options(reader, node, forum);
           }},
          {.key = "given", .type = ValueType::kTable, .default_text = "{}", .description = "scores and costs given directly, replacing computed ones ([given]; kind \"generic\" needs only this, id, name, kind and engagement_levels)",
           .bind = [](SchemaReader& reader, const Node& node, const KeySpec&, ForumDraft& forum) {
             return forum_read::given(reader, node, forum);
           }},
      }};
  return fields;
}

const Schema& forum_schema() { return forum_fields().schema(); }

const Fields<Given>& given_fields() {
  static const Fields<Given> fields{
      "[given]",
      {
          {.key = "scores", .type = ValueType::kTable, .default_text = "{}", .description = "objective id = score 0..1: the forum's whole value for it at member level (x 100, x the level's factor)",
           .bind = [](SchemaReader& reader, const Node& node, const KeySpec&, Given& g) { return forum_read::given_scores(reader, node, g); }},
          {.key = "costs", .type = ValueType::kTable, .default_text = "{}", .description = "level = { resource = amount }: costs per year (money in USD unless the profile defines [resources])",
           .bind = [](SchemaReader& reader, const Node& node, const KeySpec&, Given& g) { return forum_read::given_costs(reader, node, g); }},
          {.key = "source", .type = ValueType::kString, .description = "seed file name or \"data:S20,S22\"", .bind = in_prov<Given>(&Provenance::source)},
          {.key = "quote", .type = ValueType::kString, .description = "words of the seed that support the values", .bind = in_prov<Given>(&Provenance::quote)},
          {.key = "as_of", .type = ValueType::kDate, .description = "date the source speaks of", .bind = in_prov<Given>(&Provenance::as_of)},
          {.key = "note", .type = ValueType::kString, .description = "what the source says, e.g. the publication the instance is from", .bind = in_prov<Given>(&Provenance::note)},
          {.key = "estimate", .type = ValueType::kBool, .default_text = "false", .description = "the values are judgements", .bind = in_prov<Given>(&Provenance::estimate)},
          {.key = "reason", .type = ValueType::kString, .description = "why, for an estimate", .bind = in_prov<Given>(&Provenance::reason)},
      }};
  return fields;
}

const Schema& given_schema() { return given_fields().schema(); }

const Fields<FactDraft>& provenance_fields() {
  static const Fields<FactDraft> fields{
      "fact table",
      {
          {.key = "value", .type = ValueType::kString, .description = "the value (type per key)",
           .bind = [](SchemaReader& reader, const Node& node, const KeySpec&, FactDraft& f) {
             // A table of provenance alone (evidence, say) has no value to read; as before, a
             // "value" there is accepted and not kept.
             if (!f.value_spec) return true;
             auto v = reader.read(node, *f.value_spec);
             if (!v) return false;
             f.value = std::move(*v);
             return true;
           }},
          {.key = "source", .type = ValueType::kString, .description = "seed file name or \"data:S20,S22\"", .bind = in_prov<FactDraft>(&Provenance::source)},
          {.key = "quote", .type = ValueType::kString, .description = "words of the seed that support the value", .bind = in_prov<FactDraft>(&Provenance::quote)},
          {.key = "as_of", .type = ValueType::kDate, .description = "date the source speaks of", .bind = in_prov<FactDraft>(&Provenance::as_of)},
          {.key = "note", .type = ValueType::kString, .description = "what a data source says", .bind = in_prov<FactDraft>(&Provenance::note)},
          {.key = "estimate", .type = ValueType::kBool, .default_text = "false", .description = "the value is a judgement", .bind = in_prov<FactDraft>(&Provenance::estimate)},
          {.key = "reason", .type = ValueType::kString, .description = "why an estimate has its value", .bind = in_prov<FactDraft>(&Provenance::reason)},
          // Read by read_range once the value is known (the range must contain it).
          {.key = "range", .type = ValueType::kString, .description = "where a number may lie, \"LOW..HIGH\" (e.g. \"0.3..0.6\"): an estimate's, or a source's own; robust samples it (absent: the confidence's band)",
           .bind = [](SchemaReader& reader, const Node& node, const KeySpec& spec, FactDraft& f) {
             // Its bounds here; read_range checks them against the value once that is read.
             auto v = reader.read(node, spec);
             if (!v) return false;
             const auto& text = std::get<std::string>(*v);
             const size_t dots = text.find("..");
             std::optional<Exact> low, high;
             if (dots != std::string::npos) {
               low = parse_exact(std::string_view(text).substr(0, dots));
               high = parse_exact(std::string_view(text).substr(dots + 2));
             }
             if (!low || !high) {
               reader.error(node.pos, "range must be \"LOW..HIGH\" with two numbers, e.g. \"0.3..0.6\" (got \"" + text + "\")");
               return false;
             }
             f.prov.range = std::pair{*low, *high};
             return true;
           }},
          {.key = "confidence", .type = ValueType::kEnum, .allowed = enum_names<Confidence>(), .default_text = "medium", .description = "how sure an estimate without a range is: its default band, low +-0.2 (+-50%), medium +-0.1 (+-25%), high +-0.05 (+-10%) for a share in 0..1 (for other numbers)",
           .bind = [](FactDraft& f, Value&& v) { f.prov.confidence = enum_from_name<Confidence>(std::get<std::string>(v)); }},
      }};
  return fields;
}

const Schema& provenance_schema() { return provenance_fields().schema(); }

const Fields<EntryRule>& entry_rule_fields() {
  static const Fields<EntryRule> fields{
      "[[entry_rule]]",
      {
          {.key = "rule", .type = ValueType::kEnum, .required = true, .allowed = enum_names<EntryRuleKind>(), .description = "the kind of condition", .bind = &EntryRule::rule},
          {.key = "count", .type = ValueType::kInteger, .min = "1", .max = "10", .description = "sponsors needed (rule sponsors)", .bind = &EntryRule::count},
          {.key = "min_egdi", .type = ValueType::kExact, .min = "0", .max = "1", .description = "least EGDI (rule track_record)", .bind = &EntryRule::min_egdi},
          {.key = "principles", .type = ValueType::kEnum, .allowed = kPrinciples, .description = "principles to adhere to (rule adheres)", .bind = &EntryRule::principles},
          {.key = "on_joining", .type = ValueType::kBool, .default_text = "false", .description = "adhering is part of joining (rule adheres): signing on, not a precondition", .bind = &EntryRule::on_joining},
          {.key = "regions", .type = ValueType::kEnumList, .allowed = kRegions, .description = "World Bank regions (rule region)", .bind = &EntryRule::regions},
          {.key = "countries", .type = ValueType::kIso3List, .description = "ISO3 codes (rule region)", .bind = &EntryRule::countries},
          {.key = "groups", .type = ValueType::kEnumList, .allowed = kIncomeGroups, .description = "World Bank income groups (rule income)", .bind = &EntryRule::groups},
          {.key = "text", .type = ValueType::kString, .required = true, .description = "the condition in one line", .bind = &EntryRule::text},
          {.key = "source", .type = ValueType::kString, .description = "seed file name or \"data:S20,S22\"", .bind = in_prov<EntryRule>(&Provenance::source)},
          {.key = "quote", .type = ValueType::kString, .description = "words of the seed that support it", .bind = in_prov<EntryRule>(&Provenance::quote)},
          {.key = "as_of", .type = ValueType::kDate, .description = "date the source speaks of", .bind = in_prov<EntryRule>(&Provenance::as_of)},
          {.key = "note", .type = ValueType::kString, .description = "what a data source says", .bind = in_prov<EntryRule>(&Provenance::note)},
          {.key = "estimate", .type = ValueType::kBool, .default_text = "false", .description = "the rule is a reading of ours", .bind = in_prov<EntryRule>(&Provenance::estimate)},
          {.key = "reason", .type = ValueType::kString, .description = "why, for an estimate", .bind = in_prov<EntryRule>(&Provenance::reason)},
      }};
  return fields;
}

const Schema& entry_rule_schema() { return entry_rule_fields().schema(); }


const std::vector<std::pair<std::string_view, std::string_view>>& income_fee_keys() {
  static const std::vector<std::pair<std::string_view, std::string_view>> keys = {
      {"high", "High income"}, {"upper_middle", "Upper middle income"}, {"lower_middle", "Lower middle income"}, {"low", "Low income"}};
  return keys;
}

namespace {

using O = Field<EngagementOption>;

O option_amount(std::string_view key, std::optional<Exact> EngagementOption::*member, std::string_view max,
                std::string_view description) {
  return {.key = key, .type = ValueType::kExact, .min = "0", .max = max, .description = description, .bind = member};
}

// A table of exact numbers keyed by names the caller checks (objectives, income keys).
template <class Check>
bool exact_table(SchemaReader& reader, const Node& node, std::string_view key, std::string_view max, Check check,
                 std::map<std::string, Exact>* out) {
  if (!reader.expect_table(node, key)) return false;
  bool good = true;
  for (const auto& m : node.members) {
    if (!check(m)) {
      good = false;
      continue;
    }
    KeySpec spec{m.key, ValueType::kExact, false, false, "0", max, {}, "", ""};
    if (auto v = reader.read(*m.node(), spec)) {
      (*out)[m.key] = std::get<Exact>(*v);
    } else {
      good = false;
    }
  }
  return good;
}

}  // namespace

const Fields<EngagementOption>& option_fields() {
  static const Fields<EngagementOption> fields{
      "[[option]]",
      {
          {.key = "id", .type = ValueType::kString, .required = true, .description = "lowercase id, unique in the forum; what a profile's [memberships] names", .bind = &EngagementOption::id},
          {.key = "name", .type = ValueType::kString, .required = true, .description = "what a minister reads, e.g. \"Participating country\"", .bind = &EngagementOption::name},
          {.key = "kind", .type = ValueType::kEnum, .required = true, .allowed = enum_names<OptionKind>(), .description = "attend, join, sign, take a seat, chair, host or fund", .bind = &EngagementOption::kind},
          {.key = "entry", .type = ValueType::kEnum, .allowed = enum_names<OptionEntry>(), .default_text = "forum (join, sign, seat, fund); open (attend); members (chair, host)", .description = "who may take it: the forum's [[entry_rule]]s, anyone, or a current member",
           .bind = [](SchemaReader& reader, const Node& node, const KeySpec& spec, EngagementOption& o) {
             auto v = reader.read(node, spec);
             if (!v) return false;
             o.entry = enum_from_name<OptionEntry>(std::get<std::string>(*v));
             return true;
           }},
          {.key = "includes", .type = ValueType::kString, .description = "another option of the forum this one builds on (its costs and entry rules add up)", .bind = &EngagementOption::includes},
          option_amount("delegates", &EngagementOption::delegates, "100", "people sent to each in-person meeting"),
          option_amount("meetings_per_year", &EngagementOption::meetings_per_year, "52", "in-person meetings attended a year (\"1/2\": every two years)"),
          option_amount("meeting_days", &EngagementOption::meeting_days, "30", "days per meeting (default: the forum's meeting_days)"),
          option_amount("calls_per_year", &EngagementOption::calls_per_year, "365", "remote meetings and calls a year"),
          option_amount("minister_trips_per_year", &EngagementOption::minister_trips_per_year, "12", "minister trips a year from the real cadence (a biennial ministerial: \"1/2\")"),
          option_amount("fee_usd", &EngagementOption::fee_usd, "100000000", "yearly fee or expected contribution, USD (absent: not known)"),
          {.key = "fee_usd_by_income", .type = ValueType::kTable, .default_text = "{}", .description = "yearly fee by World Bank income group: high, upper_middle, lower_middle, low (USD; replaces fee_usd)",
           .bind = [](SchemaReader& reader, const Node& node, const KeySpec& spec, EngagementOption& o) {
             return exact_table(reader, node, spec.key, "100000000", [&](const Node::Member& m) {
               for (const auto& [k, group] : income_fee_keys()) {
                 if (m.key == k) return true;
               }
               reader.error(m.key_pos, "\"" + m.key + "\" is not an income key (high, upper_middle, lower_middle, low)");
               return false;
             }, &o.fee_usd_by_income);
           }},
          option_amount("staff_days", &EngagementOption::staff_days, "3650", "other staff days a year (a point of contact, a working-group lead)"),
          option_amount("hosting_usd", &EngagementOption::hosting_usd, "100000000", "chair or host: the cost of the year it is held, USD"),
          option_amount("rotation_years", &EngagementOption::rotation_years, "200", "chair or host: a turn comes about once in N years"),
          option_amount("lead_time_months", &EngagementOption::lead_time_months, "120", "months from the decision to the first benefit"),
          {.key = "factor", .type = ValueType::kTable, .default_text = "the criterion's level_factor for the kind", .description = "objective = yield relative to a full member's (0..10)",
           .bind = [](SchemaReader& reader, const Node& node, const KeySpec& spec, EngagementOption& o) {
             return exact_table(reader, node, spec.key, "10", [](const Node::Member&) { return true; }, &o.factor);
           }},
          {.key = "membership_events", .type = ValueType::kStringList, .default_text = "[]", .description = "data/memberships.csv events that put a country in this option", .bind = &EngagementOption::membership_events},
          {.key = "obligation", .type = ValueType::kTable, .default_text = "[]", .description = "recurring duties ([[option.obligation]]: what, staff_days, money_usd, every_years)",
           .bind = [](SchemaReader& reader, const Node& node, const KeySpec&, EngagementOption& o) {
             return forum_read::obligations(reader, node, o);
           }},
          {.key = "entry_rule", .type = ValueType::kTable, .default_text = "[]", .description = "this option's own entry rules ([[option.entry_rule]], as [[entry_rule]])",
           .bind = [](SchemaReader& reader, const Node& node, const KeySpec&, EngagementOption& o) {
             return forum_read::entry_rule_list(reader, node, &o.entry_rules);
           }},
          {.key = "source", .type = ValueType::kString, .description = "seed file name or \"data:S20,S22\"", .bind = in_prov<EngagementOption>(&Provenance::source)},
          {.key = "quote", .type = ValueType::kString, .description = "words of the seed that support it", .bind = in_prov<EngagementOption>(&Provenance::quote)},
          {.key = "as_of", .type = ValueType::kDate, .description = "date the source speaks of", .bind = in_prov<EngagementOption>(&Provenance::as_of)},
          {.key = "note", .type = ValueType::kString, .description = "which numbers are sourced, and where", .bind = in_prov<EngagementOption>(&Provenance::note)},
          {.key = "estimate", .type = ValueType::kBool, .default_text = "false", .description = "some numbers are judgements", .bind = in_prov<EngagementOption>(&Provenance::estimate)},
          {.key = "reason", .type = ValueType::kString, .description = "which numbers are estimated, and why", .bind = in_prov<EngagementOption>(&Provenance::reason)},
      }};
  return fields;
}

const Schema& option_schema() { return option_fields().schema(); }

const Fields<Obligation>& obligation_fields() {
  static const Fields<Obligation> fields{
      "[[option.obligation]]",
      {
          {.key = "what", .type = ValueType::kString, .required = true, .description = "the duty in one line", .bind = &Obligation::what},
          {.key = "staff_days", .type = ValueType::kExact, .min = "0", .max = "3650", .default_text = "0", .description = "staff days per cycle", .bind = &Obligation::staff_days},
          {.key = "money_usd", .type = ValueType::kExact, .min = "0", .max = "100000000", .default_text = "0", .description = "money per cycle, USD", .bind = &Obligation::money_usd},
          {.key = "every_years", .type = ValueType::kExact, .min = "1", .max = "20", .default_text = "1", .description = "the cycle in years", .bind = &Obligation::every_years},
          {.key = "source", .type = ValueType::kString, .description = "seed file name or \"data:S20,S22\"", .bind = in_prov<Obligation>(&Provenance::source)},
          {.key = "quote", .type = ValueType::kString, .description = "words of the seed that support it", .bind = in_prov<Obligation>(&Provenance::quote)},
          {.key = "as_of", .type = ValueType::kDate, .description = "date the source speaks of", .bind = in_prov<Obligation>(&Provenance::as_of)},
          {.key = "note", .type = ValueType::kString, .description = "what a data source says", .bind = in_prov<Obligation>(&Provenance::note)},
          {.key = "estimate", .type = ValueType::kBool, .default_text = "false", .description = "the amounts are judgements", .bind = in_prov<Obligation>(&Provenance::estimate)},
          {.key = "reason", .type = ValueType::kString, .description = "why, for an estimate", .bind = in_prov<Obligation>(&Provenance::reason)},
      }};
  return fields;
}

const Schema& obligation_schema() { return obligation_fields().schema(); }

}  // namespace whichforum
