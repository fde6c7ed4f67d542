// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Reading a forum file: identity keys, fact tables with provenance, entry rules.
#include "engine/forum.h"

#include <algorithm>
#include <cctype>
#include <regex>

namespace whichforum {

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

std::string str(const std::optional<Value>& v) {
  if (!v) return "";
  if (const auto* s = std::get_if<std::string>(&*v)) return *s;
  return "";
}

}  // namespace

bool read_provenance(SchemaReader& reader, const Node& table, std::string_view what, Provenance* out) {
  const Schema& ps = provenance_schema();
  bool good = true;
  out->pos = table.pos;
  auto get = [&](std::string_view key) -> std::string {
    const KeySpec* spec = ps.find(key);
    auto v = reader.read_member(table, *spec);
    if (table.find(key) && !v) good = false;
    return str(v);
  };
  out->source = get("source");
  out->quote = get("quote");
  out->as_of = get("as_of");
  out->note = get("note");
  out->reason = get("reason");
  if (const Node* e = table.find("estimate")) {
    auto v = reader.read(*e, *ps.find("estimate"));
    if (!v) return false;
    out->estimate = std::get<bool>(*v);
  }
  if (!good) return false;
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

namespace {

bool read_fact(SchemaReader& reader, const Node& node, const KeySpec& spec, Fact* out) {
  std::string key(spec.key);
  if (node.kind != Node::Kind::kTable) {
    reader.error(node.pos, "\"" + key + "\" must be a fact table: { value = ..., source = \"...\", "
                           "as_of = \"...\" } or { value = ..., estimate = true, reason = \"...\" }");
    return false;
  }
  if (!reader.check_keys(node, provenance_schema(), "fact \"" + key + "\"")) return false;
  const Node* value = node.find("value");
  if (!value) {
    reader.error(node.pos, "fact \"" + key + "\" has no \"value\"");
    return false;
  }
  auto v = reader.read(*value, spec);
  if (!v) return false;
  out->value = std::move(*v);
  out->pos = node.pos;
  return read_provenance(reader, node, key, &out->prov);
}

bool read_entry_rule(SchemaReader& reader, const Node& node, EntryRule* out) {
  const Schema& es = entry_rule_schema();
  if (!reader.expect_table(node, "entry_rule")) return false;
  if (!reader.check_keys(node, es)) return false;
  out->pos = node.pos;
  bool good = true;
  for (const auto& m : node.members) {
    const KeySpec* spec = es.find(m.key);
    auto v = reader.read(*m.node(), *spec);
    if (!v) {
      good = false;
      continue;
    }
    if (m.key == "rule") out->rule = std::get<std::string>(*v);
    if (m.key == "text") out->text = std::get<std::string>(*v);
    if (m.key == "count") out->count = static_cast<int>(std::get<Exact>(*v));
    if (m.key == "min_egdi") out->min_egdi = std::get<Exact>(*v);
    if (m.key == "principles") out->principles = std::get<std::string>(*v);
    if (m.key == "on_joining") out->on_joining = std::get<bool>(*v);
    if (m.key == "regions") out->regions = std::get<std::vector<std::string>>(*v);
    if (m.key == "countries") out->countries = std::get<std::vector<std::string>>(*v);
    if (m.key == "groups") out->groups = std::get<std::vector<std::string>>(*v);
  }
  if (!good) return false;
  if (!read_provenance(reader, node, "entry_rule " + out->rule, &out->prov)) return false;
  auto need = [&](bool present, const char* key) {
    if (present) return true;
    reader.error(node.pos, "entry rule \"" + out->rule + "\" needs \"" + key + "\"");
    return false;
  };
  if (out->rule == "sponsors") return need(out->count > 0, "count");
  if (out->rule == "track_record") return need(out->min_egdi.has_value(), "min_egdi");
  if (out->rule == "adheres") return need(!out->principles.empty(), "principles");
  if (out->rule == "income") return need(!out->groups.empty(), "groups");
  if (out->rule == "region") return need(!out->regions.empty() || !out->countries.empty(), "regions\" or \"countries");
  return true;
}

bool read_given(SchemaReader& reader, const Node& node, Given* out) {
  if (!reader.expect_table(node, "given")) return false;
  if (!reader.check_keys(node, given_schema())) return false;
  out->pos = node.pos;
  const size_t errors = reader.error_count();
  if (const Node* scores = node.find("scores")) {
    if (reader.expect_table(*scores, "scores")) {
      for (const auto& m : scores->members) {
        KeySpec spec{m.key, ValueType::kExact, false, false, "0", "1", {}, "", ""};
        if (auto v = reader.read(*m.node(), spec)) out->scores[m.key] = std::get<Exact>(*v);
      }
    }
  }
  if (const Node* costs = node.find("costs")) {
    if (reader.expect_table(*costs, "costs")) {
      const auto& levels = engagement_level_names();
      for (const auto& l : costs->members) {
        if (std::find(levels.begin(), levels.end(), l.key) == levels.end()) {
          reader.error(l.key_pos, "\"" + l.key + "\" is not an engagement level (observer, member, lead)");
          continue;
        }
        if (!reader.expect_table(*l.node(), l.key)) continue;
        for (const auto& m : l.node()->members) {
          KeySpec spec{m.key, ValueType::kExact, false, false, "0", "1000000000000", {}, "", ""};
          if (auto v = reader.read(*m.node(), spec)) out->costs[l.key][m.key] = std::get<Exact>(*v);
        }
      }
    }
  }
  if (reader.error_count() != errors) return false;
  return read_provenance(reader, node, "given", &out->prov);
}

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
  const bool generic = kind && kind->kind == Node::Kind::kString && kind->text == "generic";
  static const Schema generic_schema = generic_forum_schema();
  const Schema& fs = generic ? generic_schema : forum_schema();
  if (!reader.check_kind(root, fs)) return result;
  reader.check_keys(root, fs);
  Forum forum;
  forum.source = doc.source;
  for (const auto& m : root.members) {
    const KeySpec* spec = fs.find(m.key);
    if (!spec) continue;
    const Node& node = *m.node();
    if (m.key == "given") {
      Given g;
      if (read_given(reader, node, &g)) forum.given = std::move(g);
      continue;
    }
    if (m.key == "entry_rule") {
      if (node.kind != Node::Kind::kArray) {
        reader.error(node.pos, "\"entry_rule\" must be an array of tables: write [[entry_rule]]");
        continue;
      }
      for (const auto& item : node.items) {
        EntryRule rule;
        if (read_entry_rule(reader, *item, &rule)) forum.entry_rules.push_back(std::move(rule));
      }
      continue;
    }
    if (spec->fact) {
      Fact f;
      if (read_fact(reader, node, *spec, &f)) forum.facts.emplace(m.key, std::move(f));
      continue;
    }
    auto v = reader.read(node, *spec);
    if (!v) continue;
    if (m.key == "id") {
      forum.id = std::get<std::string>(*v);
      forum.id_pos = node.pos;
      if (!is_forum_id(forum.id)) {
        reader.error(node.pos, "forum id \"" + forum.id + "\" must be lowercase letters, digits and _, "
                               "starting with a letter");
      } else if (!expected_id.empty() && forum.id != expected_id) {
        reader.error(node.pos, "forum id \"" + forum.id + "\" differs from the file name \"" +
                                   std::string(expected_id) + ".toml\"");
      }
    }
    if (m.key == "name") forum.name = std::get<std::string>(*v);
    if (m.key == "kind") forum.kind = std::get<std::string>(*v);
    if (m.key == "summary") forum.summary = std::get<std::string>(*v);
    if (m.key == "aliases") {
      forum.aliases = std::get<std::vector<std::string>>(*v);
      forum.aliases_pos = node.pos;
    }
  }
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
  if (result.diagnostics.ok()) result.value = std::move(forum);
  return result;
}

}  // namespace whichforum
