// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Reading a forum file: identity keys, fact tables with provenance, entry rules.
#include "engine/forum.h"
#include "engine/spelling.h"

#include <algorithm>
#include <cctype>
#include <regex>

namespace whichforum {

OptionEntry EngagementOption::effective_entry() const {
  if (entry) return *entry;
  switch (kind) {
    case OptionKind::kAttend: return OptionEntry::kOpen;
    case OptionKind::kChair:
    case OptionKind::kHost: return OptionEntry::kMembers;
    case OptionKind::kJoin:
    case OptionKind::kSign:
    case OptionKind::kSeat:
    case OptionKind::kFund: return OptionEntry::kForum;
  }
  return OptionEntry::kForum;
}

std::string_view EngagementOption::level_name() const {
  switch (kind) {
    case OptionKind::kAttend: return "observer";
    case OptionKind::kChair:
    case OptionKind::kHost: return "lead";
    case OptionKind::kJoin:
    case OptionKind::kSign:
    case OptionKind::kSeat:
    case OptionKind::kFund: return "member";
  }
  return "member";
}

std::vector<EngagementOption> model_options(const Forum& forum) {
  if (!forum.options.empty()) return forum.options;
  std::vector<EngagementOption> out;
  for (const auto& level : forum.list("engagement_levels")) {
    EngagementOption o;
    o.id = level;
    o.name = level;
    o.generic_level = level;
    o.kind = level == "observer" ? OptionKind::kAttend : level == "lead" ? OptionKind::kChair : OptionKind::kJoin;
    o.prov.estimate = true;
    o.prov.reason = "an engagement level of a forum that declares no options";
    out.push_back(std::move(o));
  }
  return out;
}

std::vector<std::string> offered_option_ids(const Forum& forum) {
  std::vector<std::string> ids;
  for (const auto& o : forum.options) ids.push_back(o.id);
  if (ids.empty()) ids = forum.list("engagement_levels");
  return ids;
}

const EngagementOption* Forum::option(std::string_view option_id) const {
  for (const auto& o : options) {
    if (o.id == option_id) return &o;
  }
  return nullptr;
}

const Fact* Forum::fact(std::string_view key) const {
  auto it = facts.find(std::string(key));
  return it == facts.end() ? nullptr : &it->second;
}

std::optional<Exact> Forum::number(std::string_view key) const {
  const Fact* f = fact(key);
  if (!f) return std::nullopt;
  if (const auto* e = std::get_if<Exact>(&f->value)) return *e;
  return std::nullopt;
}

std::string Forum::text(std::string_view key) const {
  const Fact* f = fact(key);
  if (!f) return "";
  if (const auto* s = std::get_if<std::string>(&f->value)) return *s;
  return "";
}

std::vector<std::string> Forum::list(std::string_view key) const {
  const Fact* f = fact(key);
  if (!f) return {};
  if (const auto* l = std::get_if<std::vector<std::string>>(&f->value)) return *l;
  return {};
}

namespace {

bool is_seed_name(const std::string& s) {
  static const std::regex kSeed("[0-9]{3}_[0-9a-f]{16}\\.txt");
  return std::regex_match(s, kSeed);
}

bool is_data_source(const std::string& s) {
  static const std::regex kData("data:S[0-9]+[a-z]?(,S[0-9]+[a-z]?)*");
  return std::regex_match(s, kData);
}

bool is_forum_id(const std::string& s) {
  if (s.empty() || s.size() > 40 || !std::islower(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s) {
    if (!std::islower(static_cast<unsigned char>(c)) && !std::isdigit(static_cast<unsigned char>(c)) && c != '_') {
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<VenueMode> Forum::venue_mode() const { return enum_from_name<VenueMode>(text("venue_mode")); }
std::optional<Secretariat> Forum::secretariat() const { return enum_from_name<Secretariat>(text("secretariat")); }

bool read_provenance(SchemaReader& reader, const Node& table, std::string_view what, Provenance* out) {
  FactDraft draft;  // no value_spec: a "value" key is not read here
  if (!provenance_fields().read(reader, table, draft)) return false;
  *out = std::move(draft.prov);
  return check_provenance(reader, table, what, out);
}

bool check_provenance(SchemaReader& reader, const Node& table, std::string_view what, Provenance* out) {
  out->pos = table.pos;
  std::string w(what);
  if (!out->source.empty() && !is_seed_name(out->source) && !is_data_source(out->source)) {
    reader.error(table.find("source")->pos,
                 "source of \"" + w + "\" must be a seed file name such as "
                 "\"002_e132a8afec64e78b.txt\" or data source ids such as \"data:S20,S22\"");
    return false;
  }
  if (out->estimate) {
    if (out->reason.empty()) {
      reader.error(table.pos, "\"" + w + "\" is an estimate without a reason; add reason = \"...\"");
      return false;
    }
  } else {
    if (out->source.empty() || out->as_of.empty()) {
      reader.error(table.pos, "\"" + w + "\" has no " +
                                  std::string(out->source.empty() ? "source" : "as_of") +
                                  "; every fact needs source and as_of, or estimate = true "
                                  "with a reason");
      return false;
    }
  }
  if (is_seed_name(out->source) && out->quote.empty()) {
    reader.error(table.pos, "\"" + w + "\" cites seed " + out->source +
                                " without a quote; add quote = \"...\" with the supporting words");
    return false;
  }
  return true;
}

bool read_range(SchemaReader& reader, const Node& table, const KeySpec& spec, Fact* fact) {
  // The provenance rows have read `range` and `confidence` (their form); what is checked here
  // needs the value and the rest of the provenance.
  const std::string key(spec.key);
  const Node* range = table.find("range");
  const Node* confidence = table.find("confidence");
  if (confidence) {
    if (!fact->prov.estimate) {
      reader.error(confidence->pos, "\"" + key + "\" is sourced: a confidence is for estimates (where the source "
                                    "gives a range, write it as range = \"LOW..HIGH\")");
      return false;
    }
    if (range) {
      reader.error(confidence->pos, "\"" + key + "\" states a range and a confidence: keep one (the range wins "
                                    "over the confidence's default band)");
      return false;
    }
  }
  if (!range || !fact->prov.range) return true;
  const auto* value = std::get_if<Exact>(&fact->value);
  if (!value) {
    reader.error(range->pos, "\"" + key + "\" is not a number: a range is for numbers only");
    return false;
  }
  const auto& [low, high] = *fact->prov.range;
  const std::string written = format_exact_full(low) + ".." + format_exact_full(high);
  if (!(low < high)) {
    reader.error(range->pos, "range " + written + " of \"" + key + "\" is empty: LOW must be below HIGH (a value known "
                             "exactly needs no range)");
    return false;
  }
  if (*value < low || *value > high) {
    reader.error(range->pos, "range " + written + " of \"" + key + "\" does not contain its value " +
                             format_exact_full(*value));
    return false;
  }
  const auto min = spec.min.empty() ? std::nullopt : parse_exact(spec.min);
  const auto max = spec.max.empty() ? std::nullopt : parse_exact(spec.max);
  if ((min && low < *min) || (max && high > *max)) {
    reader.error(range->pos, "range " + written + " of \"" + key + "\" goes outside what the key allows (" +
                             std::string(spec.min.empty() ? "-inf" : spec.min) + ".." +
                             std::string(spec.max.empty() ? "inf" : spec.max) + ")");
    return false;
  }
  return true;
}

namespace forum_read {

bool fact(SchemaReader& reader, const Node& node, const KeySpec& spec, Fact* out) {
  std::string key(spec.key);
  if (node.kind != Node::Kind::kTable) {
    reader.error(node.pos, "\"" + key + "\" must be a fact table: { value = ..., source = \"...\", "
                           "as_of = \"...\" } or { value = ..., estimate = true, reason = \"...\" }");
    return false;
  }
  if (!reader.check_keys(node, provenance_schema(), "fact \"" + key + "\"")) return false;
  if (!node.find("value")) {
    reader.error(node.pos, "fact \"" + key + "\" has no \"value\"");
    return false;
  }
  FactDraft draft;
  draft.value_spec = &spec;
  if (!provenance_fields().read(reader, node, draft)) return false;
  *out = std::move(static_cast<Fact&>(draft));
  out->pos = node.pos;
  return check_provenance(reader, node, key, &out->prov) && read_range(reader, node, spec, out);
}

bool id(SchemaReader& reader, const Node& node, const KeySpec& spec, ForumDraft& forum) {
  auto v = reader.read(node, spec);
  if (!v) return false;
  forum.id = std::get<std::string>(*v);
  forum.id_pos = node.pos;
  if (!is_forum_id(forum.id)) {
    reader.error(node.pos, "forum id \"" + forum.id + "\" must be lowercase letters, digits and _, "
                           "starting with a letter");
    return false;
  }
  if (!forum.expected_id.empty() && forum.id != forum.expected_id) {
    reader.error(node.pos, "forum id \"" + forum.id + "\" differs from the file name \"" +
                               std::string(forum.expected_id) + ".toml\"");
    return false;
  }
  return true;
}

namespace {

bool entry_rule(SchemaReader& reader, const Node& node, EntryRule* out) {
  if (!reader.expect_table(node, "entry_rule")) return false;
  if (!reader.check_keys(node, entry_rule_schema())) return false;
  out->pos = node.pos;
  if (!entry_rule_fields().read(reader, node, *out)) return false;
  const std::string name(enum_name(out->rule));
  if (!check_provenance(reader, node, "entry_rule " + name, &out->prov)) return false;
  auto need = [&](bool present, const char* key) {
    if (present) return true;
    reader.error(node.pos, "entry rule \"" + name + "\" needs \"" + key + "\"");
    return false;
  };
  switch (out->rule) {
    case EntryRuleKind::kSponsors: return need(out->count > 0, "count");
    case EntryRuleKind::kTrackRecord: return need(out->min_egdi.has_value(), "min_egdi");
    case EntryRuleKind::kAdheres: return need(!out->principles.empty(), "principles");
    case EntryRuleKind::kIncome: return need(!out->groups.empty(), "groups");
    case EntryRuleKind::kRegion: return need(!out->regions.empty() || !out->countries.empty(), "regions\" or \"countries");
    case EntryRuleKind::kOpen:
    case EntryRuleKind::kInvitation:
    case EntryRuleKind::kOecdMember:
    case EntryRuleKind::kApplication:
    case EntryRuleKind::kValuesCheck: return true;
  }
  return true;
}

}  // namespace

bool entry_rule_list(SchemaReader& reader, const Node& node, std::vector<EntryRule>* out) {
  if (node.kind != Node::Kind::kArray) {
    reader.error(node.pos, "\"entry_rule\" must be an array of tables: write [[entry_rule]] (or [[option.entry_rule]])");
    return false;
  }
  bool good = true;
  for (const auto& item : node.items) {
    EntryRule rule;
    if (entry_rule(reader, *item, &rule)) {
      out->push_back(std::move(rule));
    } else {
      good = false;
    }
  }
  return good;
}

bool entry_rules(SchemaReader& reader, const Node& node, ForumDraft& forum) {
  return entry_rule_list(reader, node, &forum.entry_rules);
}

bool obligations(SchemaReader& reader, const Node& node, EngagementOption& option) {
  if (node.kind != Node::Kind::kArray) {
    reader.error(node.pos, "\"obligation\" must be an array of tables: write [[option.obligation]]");
    return false;
  }
  bool good = true;
  for (const auto& item : node.items) {
    if (!reader.expect_table(*item, "obligation") || !reader.check_keys(*item, obligation_schema())) {
      good = false;
      continue;
    }
    Obligation o;
    o.pos = item->pos;
    if (!obligation_fields().read(reader, *item, o) || !check_provenance(reader, *item, "obligation", &o.prov)) {
      good = false;
      continue;
    }
    option.obligations.push_back(std::move(o));
  }
  return good;
}

namespace {

bool option_id_ok(std::string_view id) {
  if (id.empty() || id[0] < 'a' || id[0] > 'z') return false;
  return std::all_of(id.begin(), id.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

}  // namespace

bool options(SchemaReader& reader, const Node& node, ForumDraft& forum) {
  if (node.kind != Node::Kind::kArray) {
    reader.error(node.pos, "\"option\" must be an array of tables: write [[option]]");
    return false;
  }
  bool good = true;
  for (const auto& item : node.items) {
    if (!reader.expect_table(*item, "option") || !reader.check_keys(*item, option_schema())) {
      good = false;
      continue;
    }
    EngagementOption o;
    o.pos = item->pos;
    if (!option_fields().read(reader, *item, o) || !check_provenance(reader, *item, "option " + o.id, &o.prov)) {
      good = false;
      continue;
    }
    const SourcePos id_pos = item->find("id") ? item->find("id")->pos : item->pos;
    if (!option_id_ok(o.id)) {
      reader.error(id_pos, "option id \"" + o.id + "\" must be lowercase letters, digits and '_', starting with a letter");
      good = false;
      continue;
    }
    if (forum.option(o.id)) {
      reader.error(id_pos, "option \"" + o.id + "\" is declared twice in this forum");
      good = false;
      continue;
    }
    if (!o.includes.empty() && !forum.option(o.includes)) {
      std::vector<std::string> ids;
      for (const auto& p : forum.options) ids.push_back(p.id);
      reader.error(item->find("includes")->pos, "option \"" + o.id + "\" includes \"" + o.includes +
                                                    "\", which is not an option declared before it" +
                                                    did_you_mean(o.includes, ids));
      good = false;
      continue;
    }
    if ((!o.is_role() && o.hosting_usd) || (!o.rotates() && o.rotation_years)) {
      reader.error(item->find(o.hosting_usd ? "hosting_usd" : "rotation_years")->pos,
                   std::string(o.hosting_usd ? "hosting_usd belongs to a chair or host option" : "rotation_years belongs to a chair, host or seat option") +
                       ", not to kind \"" + std::string(enum_name(o.kind)) + "\"");
      good = false;
      continue;
    }
    if (o.fee_usd && !o.fee_usd_by_income.empty()) {
      reader.error(item->find("fee_usd")->pos, "give fee_usd or fee_usd_by_income, not both");
      good = false;
      continue;
    }
    for (const auto& e : o.membership_events) {
      for (const auto& other : forum.options) {
        if (std::find(other.membership_events.begin(), other.membership_events.end(), e) != other.membership_events.end()) {
          reader.error(item->find("membership_events")->pos, "membership event \"" + e + "\" is already option \"" +
                                                                 other.id + "\"'s; an event means one option");
          good = false;
        }
      }
    }
    forum.options.push_back(std::move(o));
  }
  return good;
}

bool given_scores(SchemaReader& reader, const Node& node, Given& given) {
  if (!reader.expect_table(node, "scores")) return false;
  bool good = true;
  for (const auto& m : node.members) {
    KeySpec spec{m.key, ValueType::kExact, false, false, "0", "1", {}, "", ""};
    if (auto v = reader.read(*m.node(), spec)) {
      given.scores[m.key] = std::get<Exact>(*v);
    } else {
      good = false;
    }
  }
  return good;
}

bool given_costs(SchemaReader& reader, const Node& node, Given& given) {
  if (!reader.expect_table(node, "costs")) return false;
  const auto& levels = engagement_level_names();
  bool good = true;
  for (const auto& l : node.members) {
    if (std::find(levels.begin(), levels.end(), l.key) == levels.end()) {
      reader.error(l.key_pos, "\"" + l.key + "\" is not an engagement level (observer, member, lead)");
      good = false;
      continue;
    }
    if (!reader.expect_table(*l.node(), l.key)) {
      good = false;
      continue;
    }
    for (const auto& m : l.node()->members) {
      KeySpec spec{m.key, ValueType::kExact, false, false, "0", "1000000000000", {}, "", ""};
      if (auto v = reader.read(*m.node(), spec)) {
        given.costs[l.key][m.key] = std::get<Exact>(*v);
      } else {
        good = false;
      }
    }
  }
  return good;
}

bool given(SchemaReader& reader, const Node& node, ForumDraft& forum) {
  if (!reader.expect_table(node, "given")) return false;
  if (!reader.check_keys(node, given_schema())) return false;
  Given g;
  g.pos = node.pos;
  if (!given_fields().read(reader, node, g)) return false;
  if (!check_provenance(reader, node, "given", &g.prov)) return false;
  forum.given = std::move(g);
  return true;
}

}  // namespace forum_read

namespace {

// A generic forum is posed by its given scores and costs; the facts that would compute them
// are not needed.
Schema generic_forum_schema() {
  Schema s = forum_schema();
  for (auto& k : s.keys) {
    if (k.key != "id" && k.key != "name" && k.key != "kind" && k.key != "engagement_levels") k.required = false;
  }
  return s;
}

}  // namespace

Result<Forum> parse_forum(const Document& doc, std::string_view expected_id) {
  Result<Forum> result;
  SchemaReader reader(doc, &result.diagnostics);
  const Node& root = doc.root;
  const Node* kind = root.find("kind");
  const bool generic = kind && kind->kind == Node::Kind::kString && kind->text == enum_name(ForumKind::kGeneric);
  static const Schema generic_schema = generic_forum_schema();
  const Schema& fs = generic ? generic_schema : forum_schema();
  if (!reader.check_kind(root, fs)) return result;
  reader.check_keys(root, fs);
  ForumDraft forum;
  forum.source = doc.source;
  forum.expected_id = expected_id;
  forum_fields().read(reader, root, forum, &fs);
  if (result.diagnostics.ok() && generic && (!forum.given || forum.given->scores.empty() || forum.given->costs.empty())) {
    reader.error(root.pos, "a generic forum is posed by its scores and costs: give [given] scores = { objective = 0..1 } "
                           "and costs.<level> = { resource = amount }");
  }
  if (result.diagnostics.ok()) {
    if (auto members = forum.fact("members")) {
      auto count = forum.number("member_count");
      const auto& list = std::get<std::vector<std::string>>(members->value);
      if (count && Exact(static_cast<long long>(list.size())) > *count) {
        reader.error(members->pos, "\"members\" names " + std::to_string(list.size()) +
                                       " states but \"member_count\" is " + format_exact(*count));
      }
    }
  }
  if (result.diagnostics.ok()) result.value = std::move(static_cast<Forum&>(forum));
  return result;
}

}  // namespace whichforum
