// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Reading a profile: the checks that need no catalogue.
#include "engine/profile.h"

#include "engine/assumptions.h"
#include "engine/forum.h"
#include "engine/preferences.h"
#include "engine/spelling.h"

#include <set>

namespace whichforum {

namespace {

std::vector<IdRef> id_list(const Node& table, std::string_view key) {
  std::vector<IdRef> out;
  if (const Node* n = table.find(key)) {
    for (const auto& item : n->items) out.push_back({item->text, item->pos});
  }
  return out;
}

// A scenario overlay gives only what it changes: the same keys, none required.
Schema relaxed(const Schema& s) {
  Schema out = s;
  for (auto& k : out.keys) k.required = false;
  return out;
}

void read_capacity(SchemaReader& reader, const Node& node, Capacity* cap, bool overlay) {
  const Schema s = overlay ? relaxed(capacity_schema()) : capacity_schema();
  if (!reader.expect_table(node, "capacity")) return;
  reader.check_keys(node, s);
  for (const auto& m : node.members) {
    const KeySpec* spec = s.find(m.key);
    if (!spec) continue;
    auto v = reader.read(*m.node(), *spec);
    if (!v) continue;
    if (m.key == "money") cap->money = std::get<Exact>(*v);
    if (m.key == "currency") cap->currency = std::get<std::string>(*v);
    if (m.key == "usd_rate") cap->usd_rate = std::get<Exact>(*v);
    if (m.key == "staff_days") cap->staff_days = std::get<Exact>(*v);
    if (m.key == "ministerial_days") cap->ministerial_days = std::get<Exact>(*v);
  }
  if (cap->currency != "USD" && node.find("currency") && !node.find("usd_rate")) {
    reader.error(node.key_pos("currency"), "money is in " + cap->currency +
                                               ": give usd_rate (USD per " + cap->currency +
                                               ") so that costs in USD can be converted");
  }
}

void read_memberships(SchemaReader& reader, const Node& node, std::vector<Membership>* out) {
  if (!reader.expect_table(node, "memberships")) return;
  const auto& levels = engagement_level_names();
  KeySpec spec{"", ValueType::kEnum, false, false, "", "", levels, "", ""};
  for (const auto& m : node.members) {
    spec.key = m.key;
    auto v = reader.read(*m.node(), spec);
    if (v) out->push_back({m.key, std::get<std::string>(*v), m.key_pos});
  }
}

void read_constraints(SchemaReader& reader, const Node& node, Constraints* c) {
  const Schema& s = constraints_schema();
  if (!reader.expect_table(node, "constraints")) return;
  reader.check_keys(node, s);
  bool good = true;
  for (const auto& m : node.members) {
    const KeySpec* spec = s.find(m.key);
    if (!spec) continue;
    auto v = reader.read(*m.node(), *spec);
    if (!v) {
      good = false;
      continue;
    }
    if (m.key == "max_forums") c->max_forums = static_cast<int>(std::get<Exact>(*v));
  }
  if (!good) return;
  // Only the keys present replace what was there, so that a scenario overlay can change one.
  if (node.find("must")) c->must = id_list(node, "must");
  if (node.find("exclude")) c->exclude = id_list(node, "exclude");
  auto groups = [&](std::string_view key) {
    std::vector<std::vector<IdRef>> out;
    if (const Node* n = node.find(key)) {
      for (const auto& g : n->items) {
        std::vector<IdRef> refs;
        for (const auto& id : g->items) refs.push_back({id->text, id->pos});
        out.push_back(std::move(refs));
      }
    }
    return out;
  };
  if (node.find("requires")) c->requires_pairs.clear();
  for (auto& g : groups("requires")) {
    if (g.size() != 2) {
      reader.error(g.front().pos, "each entry of \"requires\" is a pair [a, b]: choosing a needs b");
      continue;
    }
    c->requires_pairs.emplace_back(g[0], g[1]);
  }
  if (node.find("at_most_one_of")) c->at_most_one_of = groups("at_most_one_of");
  std::set<std::string> must;
  for (const auto& r : c->must) must.insert(r.id);
  for (const auto& r : c->exclude) {
    if (must.count(r.id)) {
      reader.error(r.pos, "\"" + r.id + "\" is both in \"must\" and in \"exclude\"");
    }
  }
}

void read_country_facts(SchemaReader& reader, const Node& node, CountryFacts* f) {
  const Schema& s = country_facts_schema();
  if (!reader.expect_table(node, "country_facts")) return;
  reader.check_keys(node, s);
  for (const auto& m : node.members) {
    const KeySpec* spec = s.find(m.key);
    if (!spec) continue;
    auto v = reader.read(*m.node(), *spec);
    if (!v) continue;
    if (m.key == "egdi") f->egdi = std::get<Exact>(*v);
    if (m.key == "egdi_rank") f->egdi_rank = static_cast<int>(std::get<Exact>(*v));
    if (m.key == "wb_region") f->wb_region = std::get<std::string>(*v);
    if (m.key == "income_group") f->income_group = std::get<std::string>(*v);
    if (m.key == "oecd_member") f->oecd_member = std::get<bool>(*v);
    if (m.key == "adheres") f->adheres = std::get<std::vector<std::string>>(*v);
  }
}

// Overrides replace numeric forum facts; which keys those are comes from the forum schema, so
// a new estimate in forums/ is overridable without touching this code.
void read_overrides(SchemaReader& reader, const Node& node, std::vector<Override>* out) {
  if (!reader.expect_table(node, "overrides")) return;
  const Schema& fs = forum_schema();
  std::vector<std::string> numeric;
  for (const auto& k : fs.keys) {
    if (k.fact && (k.type == ValueType::kExact || k.type == ValueType::kInteger)) numeric.emplace_back(k.key);
  }
  for (const auto& f : node.members) {
    const Node& table = *f.node();
    if (table.kind != Node::Kind::kTable) {
      reader.error(table.pos, "\"overrides." + f.key + "\" must be a table of estimates to replace, "
                              "e.g. [overrides." + f.key + "] candour = \"0.6\"");
      continue;
    }
    for (const auto& m : table.members) {
      const KeySpec* spec = fs.find(m.key);
      bool is_numeric = spec && spec->fact &&
                        (spec->type == ValueType::kExact || spec->type == ValueType::kInteger);
      if (!is_numeric) {
        reader.error(m.key_pos, "\"" + m.key + "\" is not a numeric forum fact that a profile can "
                                "override" + did_you_mean(m.key, numeric));
        continue;
      }
      auto v = reader.read(*m.node(), *spec);
      if (v) out->push_back({f.key, f.key_pos, m.key, std::get<Exact>(*v), m.key_pos});
    }
  }
}

void read_assumptions(SchemaReader& reader, const Node& node, Profile* p) {
  if (!reader.expect_table(node, "assumptions")) return;
  const Schema& s = assumptions_schema();
  std::vector<std::string> names;
  for (const auto& k : s.keys) {
    if (k.fact) names.emplace_back(k.key);
  }
  for (const auto& m : node.members) {
    const KeySpec* spec = s.find(m.key);
    if (!spec || !spec->fact) {
      reader.error(m.key_pos, "unknown assumption \"" + m.key + "\"" + did_you_mean(m.key, names) +
                              " (see: whichforum schema assumptions)");
      continue;
    }
    auto v = reader.read(*m.node(), *spec);
    if (!v) continue;
    p->assumptions[m.key] = std::get<Exact>(*v);
    p->assumption_pos[m.key] = m.key_pos;
  }
}

}  // namespace

namespace {

// Reads the members of `root` into `p`. A scenario overlay reads into a copy of its base
// profile: tables it gives replace the base's (objectives, memberships) or its keys (capacity,
// constraints, country facts, assumptions); overrides add to the base's.
void read_resources(SchemaReader& reader, const Node& node, Profile* p) {
  p->resources.clear();
  if (!reader.expect_table(node, "resources")) return;
  if (node.members.empty() || node.members.size() > 8) {
    reader.error(node.pos, "[resources] names 1 to 8 resources with their budgets, e.g. cost = 22");
    return;
  }
  for (const auto& m : node.members) {
    KeySpec spec{m.key, ValueType::kExact, false, false, "0", "1000000000000", {}, "", ""};
    if (auto v = reader.read(*m.node(), spec)) p->resources.push_back({m.key, std::get<Exact>(*v), m.key_pos});
  }
}

void read_profile(SchemaReader& reader, const Node& root, const Schema& ps, Profile& p, bool overlay) {
  if (!reader.check_kind(root, ps)) return;
  // Abstract resources take the place of [capacity], which is then not needed.
  Schema with_resources;
  const Schema* schema = &ps;
  if (root.find("resources")) {
    with_resources = ps;
    for (auto& k : with_resources.keys) {
      if (k.key == "capacity") k.required = false;
    }
    schema = &with_resources;
    if (root.find("capacity")) reader.error(root.key_pos("resources"), "give either [capacity] or [resources], not both");
  }
  reader.check_keys(root, *schema);
  for (const auto& m : root.members) {
    const KeySpec* spec = ps.find(m.key);
    if (!spec) continue;
    const Node& node = *m.node();
    if (m.key == "objectives") {
      read_objectives(reader, node, &p);
    } else if (m.key == "capacity") {
      read_capacity(reader, node, &p.capacity, overlay);
    } else if (m.key == "memberships") {
      p.memberships.clear();
      read_memberships(reader, node, &p.memberships);
    } else if (m.key == "constraints") {
      read_constraints(reader, node, &p.constraints);
    } else if (m.key == "country_facts") {
      read_country_facts(reader, node, &p.country_facts);
    } else if (m.key == "overrides") {
      read_overrides(reader, node, &p.overrides);
    } else if (m.key == "assumptions") {
      read_assumptions(reader, node, &p);
    } else if (m.key == "resources") {
      read_resources(reader, node, &p);
    } else if (auto v = reader.read(node, *spec)) {
      if (m.key == "country") {
        if (overlay && std::get<std::string>(*v) != p.country) {
          reader.error(node.pos, "a scenario cannot change the country (" + p.country + "); make another profile");
        }
        p.country = std::get<std::string>(*v);
        p.country_pos = node.pos;
      }
      if (m.key == "name") p.name = std::get<std::string>(*v);
      if (m.key == "scenario") p.scenario = std::get<std::string>(*v);
      if (m.key == "themes") p.themes = id_list(root, "themes");
      if (m.key == "invitations") p.invitations = id_list(root, "invitations");
    }
  }
}

const Schema& overlay_schema() {
  static const Schema schema = [] {
    Schema s = relaxed(profile_schema());
    s.name = "scenario";
    return s;
  }();
  return schema;
}

}  // namespace

Result<Profile> parse_profile(const Document& doc) {
  Result<Profile> result;
  SchemaReader reader(doc, &result.diagnostics);
  Profile p;
  p.source = doc.source;
  read_profile(reader, doc.root, profile_schema(), p, false);
  if (result.diagnostics.ok()) result.value = std::move(p);
  return result;
}

Result<Profile> apply_overlay(const Profile& base, const Document& overlay) {
  Result<Profile> result;
  SchemaReader reader(overlay, &result.diagnostics);
  Profile p = base;
  // Ids the overlay names are checked against the catalogue later; their positions are the
  // overlay's, so messages must quote the overlay's lines.
  p.source = overlay.source;
  p.scenario.clear();
  read_profile(reader, overlay.root, overlay_schema(), p, true);
  if (p.scenario.empty()) p.scenario = overlay.source->file;
  if (result.diagnostics.ok()) result.value = std::move(p);
  return result;
}

}  // namespace whichforum
