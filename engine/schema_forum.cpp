// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The forum file's keys: the single declaration of each (type, range, meaning).
#include "engine/forum.h"

namespace whichforum {

namespace {

const std::vector<std::string_view> kKinds = {"minilateral_network", "multilateral_body",
                                              "convening", "multi_stakeholder",
                                              "regional_network", "generic"};
const std::vector<std::string_view> kModes = {"open", "registration", "invitation",
                                              "application", "org_membership", "endorsement"};
const std::vector<std::string_view> kVenueModes = {"fixed", "rotating", "virtual", "mixed"};
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
const std::vector<std::string_view> kSecretariats = {"funded", "member_funded", "rotating",
                                                     "volunteer", "commercial",
                                                     "international_org"};
const std::vector<std::string_view> kRules = {"open", "invitation", "sponsors", "track_record",
                                              "oecd_member", "adheres", "region", "income",
                                              "application", "values_check"};
const std::vector<std::string_view> kPrinciples = {
    "oecd_ai_principles", "open_government_declaration", "dn_charter", "christchurch_call",
    "paris_call", "foc_declaration", "eu_startup_nations_standard"};
const std::vector<std::string_view> kRegions = {
    "East Asia & Pacific", "Europe & Central Asia", "Latin America & Caribbean",
    "Middle East & North Africa", "North America", "South Asia", "Sub-Saharan Africa"};
const std::vector<std::string_view> kIncomeGroups = {"Low income", "Lower middle income",
                                                     "Upper middle income", "High income"};
const std::vector<std::string_view> kLevels = {"observer", "member", "lead"};

KeySpec judgement(std::string_view key, std::string_view description) {
  return {key, ValueType::kExact, false, true, "0", "1", {}, "", description};
}

}  // namespace

const std::vector<std::string_view>& principle_names() { return kPrinciples; }
const std::vector<std::string_view>& engagement_level_names() { return kLevels; }

const Schema& forum_schema() {
  static const Schema schema{
      "forum",
      {
          {"schema", ValueType::kEnum, false, false, "", "", {"whichforum.forum/1"}, "whichforum.forum/1", "format version of the file"},
          {"id", ValueType::kString, true, false, "", "", {}, "", "lowercase id, equal to the file name"},
          {"name", ValueType::kString, true, false, "", "", {}, "", "the forum's name"},
          {"aliases", ValueType::kStringList, false, false, "", "", {}, "[]", "other names and abbreviations"},
          {"kind", ValueType::kEnum, true, false, "", "", kKinds, "", "what sort of forum it is"},
          {"summary", ValueType::kString, false, false, "", "", {}, "", "one line for listings"},
          {"founded", ValueType::kInteger, true, true, "1900", "2100", {}, "", "year founded"},
          {"membership_mode", ValueType::kEnum, true, true, "", "", kModes, "", "how one comes to take part"},
          {"members", ValueType::kIso3List, false, true, "", "", {}, "", "ISO3 codes of member states the source names (may be partial)"},
          {"other_members", ValueType::kStringList, false, true, "", "", {}, "", "members that are not states"},
          {"member_count", ValueType::kInteger, true, true, "1", "250", {}, "", "total member states"},
          {"meetings_per_year", ValueType::kExact, true, true, "0", "52", {}, "", "in-person meetings a year"},
          {"meeting_days", ValueType::kExact, false, true, "0", "30", {}, "", "days per meeting"},
          {"calls_per_year", ValueType::kExact, false, true, "0", "365", {}, "", "remote meetings and calls a year"},
          {"venue_mode", ValueType::kEnum, true, true, "", "", kVenueModes, "", "where meetings happen"},
          {"venues", ValueType::kVenueList, true, true, "", "", {}, "", "\"ISO3:City\" where it meets or has met recently"},
          {"tiers", ValueType::kEnumList, true, true, "", "", kTiers, "", "levels of people it convenes"},
          {"engagement_levels", ValueType::kEnumList, true, true, "", "", kLevels, "", "whichforum levels open to a country"},
          {"themes", ValueType::kEnumList, true, true, "", "", kThemes, "", "topics it works on"},
          {"outputs", ValueType::kEnumList, false, true, "", "", kOutputs, "[]", "what it produces"},
          {"multilateral_links", ValueType::kStringList, false, true, "", "", {}, "[]", "multilateral processes it feeds"},
          {"obligations", ValueType::kEnumList, false, true, "", "", kObligations, "[]", "what members must do"},
          {"annual_fee_usd", ValueType::kExact, false, true, "0", "100000000", {}, "", "what a member pays a year, USD"},
          {"secretariat", ValueType::kEnum, false, true, "", "", kSecretariats, "", "who runs it day to day"},
          {"languages", ValueType::kStringList, false, true, "", "", {}, "", "working languages"},
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
          {"entry_rule", ValueType::kTable, false, false, "", "", {}, "[]", "conditions of membership ([[entry_rule]] tables)"},
          {"given", ValueType::kTable, false, false, "", "", {}, "{}", "scores and costs given directly, replacing computed ones ([given]; kind \"generic\" needs only this, id, name, kind and engagement_levels)"},
      }};
  return schema;
}

const Schema& given_schema() {
  static const Schema schema{
      "[given]",
      {
          {"scores", ValueType::kTable, false, false, "", "", {}, "{}", "objective id = score 0..1: the forum's whole value for it at member level (x 100, x the level's factor)"},
          {"costs", ValueType::kTable, false, false, "", "", {}, "{}", "level = { resource = amount }: costs per year (money in USD unless the profile defines [resources])"},
          {"source", ValueType::kString, false, false, "", "", {}, "", "seed file name or \"data:S20,S22\""},
          {"quote", ValueType::kString, false, false, "", "", {}, "", "words of the seed that support the values"},
          {"as_of", ValueType::kDate, false, false, "", "", {}, "", "date the source speaks of"},
          {"note", ValueType::kString, false, false, "", "", {}, "", "what the source says, e.g. the publication the instance is from"},
          {"estimate", ValueType::kBool, false, false, "", "", {}, "false", "the values are judgements"},
          {"reason", ValueType::kString, false, false, "", "", {}, "", "why, for an estimate"},
      }};
  return schema;
}

const Schema& provenance_schema() {
  static const Schema schema{
      "fact table",
      {
          {"value", ValueType::kString, false, false, "", "", {}, "", "the value (type per key)"},
          {"source", ValueType::kString, false, false, "", "", {}, "", "seed file name or \"data:S20,S22\""},
          {"quote", ValueType::kString, false, false, "", "", {}, "", "words of the seed that support the value"},
          {"as_of", ValueType::kDate, false, false, "", "", {}, "", "date the source speaks of"},
          {"note", ValueType::kString, false, false, "", "", {}, "", "what a data source says"},
          {"estimate", ValueType::kBool, false, false, "", "", {}, "false", "the value is a judgement"},
          {"reason", ValueType::kString, false, false, "", "", {}, "", "why an estimate has its value"},
      }};
  return schema;
}

const Schema& entry_rule_schema() {
  static const Schema schema{
      "[[entry_rule]]",
      {
          {"rule", ValueType::kEnum, true, false, "", "", kRules, "", "the kind of condition"},
          {"count", ValueType::kInteger, false, false, "1", "10", {}, "", "sponsors needed (rule sponsors)"},
          {"min_egdi", ValueType::kExact, false, false, "0", "1", {}, "", "least EGDI (rule track_record)"},
          {"principles", ValueType::kEnum, false, false, "", "", kPrinciples, "", "principles to adhere to (rule adheres)"},
          {"on_joining", ValueType::kBool, false, false, "", "", {}, "false", "adhering is part of joining (rule adheres): signing on, not a precondition"},
          {"regions", ValueType::kEnumList, false, false, "", "", kRegions, "", "World Bank regions (rule region)"},
          {"countries", ValueType::kIso3List, false, false, "", "", {}, "", "ISO3 codes (rule region)"},
          {"groups", ValueType::kEnumList, false, false, "", "", kIncomeGroups, "", "World Bank income groups (rule income)"},
          {"text", ValueType::kString, true, false, "", "", {}, "", "the condition in one line"},
          {"source", ValueType::kString, false, false, "", "", {}, "", "seed file name or \"data:S20,S22\""},
          {"quote", ValueType::kString, false, false, "", "", {}, "", "words of the seed that support it"},
          {"as_of", ValueType::kDate, false, false, "", "", {}, "", "date the source speaks of"},
          {"note", ValueType::kString, false, false, "", "", {}, "", "what a data source says"},
          {"estimate", ValueType::kBool, false, false, "", "", {}, "false", "the rule is a reading of ours"},
          {"reason", ValueType::kString, false, false, "", "", {}, "", "why, for an estimate"},
      }};
  return schema;
}

}  // namespace whichforum
