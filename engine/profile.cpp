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

// A scenario overlay gives only what it changes: the same keys, none required.
Schema relaxed(const Schema& s) {
  Schema out = s;
  for (auto& k : out.keys) k.required = false;
  return out;
}

// The members of an id array, each with its position (the row's check has passed).
std::vector<IdRef> id_refs(const Node& array) {
  std::vector<IdRef> out;
  for (const auto& item : array.items) out.push_back({item->text, item->pos});
  return out;
}

// Runs a reader that reports errors without a verdict, and gives it one.
template <class Read>
bool clean(SchemaReader& reader, Read read) {
  const size_t before = reader.error_count();
  read();
  return reader.error_count() == before;
}

}  // namespace

namespace profile_read {

bool country(SchemaReader& reader, const Node& node, const KeySpec& spec, ProfileDraft& p) {
  auto v = reader.read(node, spec);
  if (!v) return false;
  const auto& iso3 = std::get<std::string>(*v);
  bool good = true;
  if (p.overlay && iso3 != p.country) {
    reader.error(node.pos, "a scenario cannot change the country (" + p.country + "); make another profile");
    good = false;
  }
  p.country = iso3;
  p.country_pos = node.pos;
  return good;
}

bool ids(SchemaReader& reader, const Node& node, const KeySpec& spec, std::vector<IdRef>* out) {
  if (!reader.read(node, spec)) return false;
  *out = id_refs(node);
  return true;
}

bool id_groups(SchemaReader& reader, const Node& node, const KeySpec& spec, std::vector<std::vector<IdRef>>* out) {
  if (!reader.read(node, spec)) return false;
  out->clear();
  for (const auto& g : node.items) out->push_back(id_refs(*g));
  return true;
}

bool requires_pairs(SchemaReader& reader, const Node& node, const KeySpec& spec, Constraints& c) {
  std::vector<std::vector<IdRef>> groups;
  if (!id_groups(reader, node, spec, &groups)) return false;
  c.requires_pairs.clear();
  bool good = true;
  for (auto& g : groups) {
    if (g.size() != 2) {
      reader.error(g.front().pos, "each entry of \"requires\" is a pair [a, b]: choosing a needs b");
      good = false;
      continue;
    }
    c.requires_pairs.emplace_back(g[0], g[1]);
  }
  return good;
}

bool objectives(SchemaReader& reader, const Node& node, ProfileDraft& p) {
  return clean(reader, [&] { read_objectives(reader, node, &p); });
}

bool themes(SchemaReader& reader, const Node& node, ProfileDraft& p) {
  return clean(reader, [&] { read_themes(reader, node, &p); });
}

bool capacity(SchemaReader& reader, const Node& node, ProfileDraft& p) {
  static const Schema kRelaxed = relaxed(capacity_schema());
  const Schema& s = p.overlay ? kRelaxed : capacity_schema();
  if (!reader.expect_table(node, "capacity")) return false;
  bool good = reader.check_keys(node, s);
  Capacity* cap = &p.capacity;
  if (!capacity_fields().read(reader, node, *cap, &s)) good = false;
  if (cap->currency != "USD" && node.find("currency") && !node.find("usd_rate")) {
    reader.error(node.key_pos("currency"), "money is in " + cap->currency +
                                               ": give usd_rate (USD per " + cap->currency +
                                               ") so that costs in USD can be converted");
    good = false;
  }
  return good;
}

bool memberships(SchemaReader& reader, const Node& node, ProfileDraft& p) {
  // A table of forum id = option id, or forum id = { option = id, since = year }: its keys and
  // options are the catalogue's, checked by validate_profile.
  p.memberships.clear();
  if (!reader.expect_table(node, "memberships")) return false;
  bool good = true;
  for (const auto& m : node.members) {
    Membership ms{m.key, "", std::nullopt, m.key_pos};
    const Node& v = *m.node();
    if (v.kind == Node::Kind::kTable) {
      if (!reader.check_keys(v, membership_schema(), "[memberships] " + m.key) ||
          !membership_fields().read(reader, v, ms)) {
        good = false;
        continue;
      }
    } else {
      KeySpec spec{m.key, ValueType::kString, false, false, "", "", {}, "", ""};
      auto value = reader.read(v, spec);
      if (!value) {
        good = false;
        continue;
      }
      ms.option = std::get<std::string>(*value);
    }
    p.memberships.push_back(std::move(ms));
  }
  return good;
}

bool turns(SchemaReader& reader, const Node& node, ProfileDraft& p) {
  p.turns.clear();
  if (!reader.expect_table(node, "turns")) return false;
  bool good = true;
  for (const auto& m : node.members) {
    KeySpec spec{m.key, ValueType::kInteger, false, false, "1900", "2200", {}, "", ""};
    auto v = reader.read(*m.node(), spec);
    if (!v) {
      good = false;
      continue;
    }
    p.turns[m.key] = static_cast<int>(std::get<Exact>(*v));
    p.turn_pos[m.key] = m.key_pos;
  }
  return good;
}

bool constraints(SchemaReader& reader, const Node& node, ProfileDraft& p) {
  const Schema& s = constraints_schema();
  if (!reader.expect_table(node, "constraints")) return false;
  const bool keys_known = reader.check_keys(node, s);
  // Only the keys present replace what was there, so that a scenario overlay can change one.
  Constraints* c = &p.constraints;
  if (!constraints_fields().read(reader, node, *c)) return false;
  std::set<std::string> must;
  for (const auto& r : c->must) must.insert(r.id);
  bool good = keys_known;
  for (const auto& r : c->exclude) {
    if (must.count(r.id)) {
      reader.error(r.pos, "\"" + r.id + "\" is both in \"must\" and in \"exclude\"");
      good = false;
    }
  }
  return good;
}

bool country_facts(SchemaReader& reader, const Node& node, ProfileDraft& p) {
  if (!reader.expect_table(node, "country_facts")) return false;
  bool good = reader.check_keys(node, country_facts_schema());
  return country_facts_fields().read(reader, node, p.country_facts) && good;
}

bool remit(SchemaReader& reader, const Node& node, ProfileDraft& p) {
  if (!reader.expect_table(node, "remit")) return false;
  bool good = reader.check_keys(node, remit_schema());
  return remit_fields().read(reader, node, p.remit) && good;
}

// Overrides replace numeric forum facts; which keys those are comes from the forum schema, so
// a new estimate in forums/ is overridable without touching this code.
bool overrides(SchemaReader& reader, const Node& node, ProfileDraft& p) {
  if (!reader.expect_table(node, "overrides")) return false;
  const Schema& fs = forum_schema();
  std::vector<std::string> numeric;
  for (const auto& k : fs.keys) {
    if (k.fact && (k.type == ValueType::kExact || k.type == ValueType::kInteger)) numeric.emplace_back(k.key);
  }
  // An option's schedule numbers ([overrides.<forum>.<option>]): the numeric keys of the
  // option schema (delegates, fee_usd, staff_days, ...).
  const Schema& os = option_schema();
  std::vector<std::string> option_numeric;
  for (const auto& k : os.keys) {
    if (k.type == ValueType::kExact) option_numeric.emplace_back(k.key);
  }
  return clean(reader, [&] {
    for (const auto& f : node.members) {
      const Node& table = *f.node();
      if (table.kind != Node::Kind::kTable) {
        reader.error(table.pos, "\"overrides." + f.key + "\" must be a table of estimates to replace, "
                                "e.g. [overrides." + f.key + "] candour = \"0.6\"");
        continue;
      }
      for (const auto& m : table.members) {
        if (m.node()->kind == Node::Kind::kTable) {
          // [overrides.<forum>.<option>]: the option's id is checked against the catalogue later.
          for (const auto& o : m.node()->members) {
            const KeySpec* spec = os.find(o.key);
            if (!spec || spec->type != ValueType::kExact) {
              reader.error(o.key_pos, "\"" + o.key + "\" is not a number of an option's schedule that a profile can "
                                      "override" + did_you_mean(o.key, option_numeric));
              continue;
            }
            auto v = reader.read(*o.node(), *spec);
            if (v) p.overrides.push_back({f.key, f.key_pos, m.key, m.key_pos, o.key, std::get<Exact>(*v), o.key_pos});
          }
          continue;
        }
        const KeySpec* spec = fs.find(m.key);
        bool is_numeric = spec && spec->fact &&
                          (spec->type == ValueType::kExact || spec->type == ValueType::kInteger);
        if (!is_numeric) {
          reader.error(m.key_pos, "\"" + m.key + "\" is not a numeric forum fact that a profile can "
                                  "override" + did_you_mean(m.key, numeric) +
                                  " (an option's numbers go in [overrides." + f.key + ".OPTION])");
          continue;
        }
        auto v = reader.read(*m.node(), *spec);
        if (v) p.overrides.push_back({f.key, f.key_pos, "", {}, m.key, std::get<Exact>(*v), m.key_pos});
      }
    }
  });
}

bool assumptions(SchemaReader& reader, const Node& node, ProfileDraft& p) {
  if (!reader.expect_table(node, "assumptions")) return false;
  const Schema& s = assumptions_schema();
  std::vector<std::string> names;
  for (const auto& k : s.keys) {
    if (k.fact) names.emplace_back(k.key);
  }
  return clean(reader, [&] {
    for (const auto& m : node.members) {
      const KeySpec* spec = s.find(m.key);
      if (!spec || !spec->fact) {
        reader.error(m.key_pos, "unknown assumption \"" + m.key + "\"" + did_you_mean(m.key, names) +
                                " (see: whichforum schema assumptions)");
        continue;
      }
      auto v = reader.read(*m.node(), *spec);
      if (!v) continue;
      p.assumptions[m.key] = std::get<Exact>(*v);
      p.assumption_pos[m.key] = m.key_pos;
    }
  });
}

bool resources(SchemaReader& reader, const Node& node, ProfileDraft& p) {
  p.resources.clear();
  if (!reader.expect_table(node, "resources")) return false;
  if (node.members.empty() || node.members.size() > 8) {
    reader.error(node.pos, "[resources] names 1 to 8 resources with their budgets, e.g. cost = 22");
    return false;
  }
  return clean(reader, [&] {
    for (const auto& m : node.members) {
      KeySpec spec{m.key, ValueType::kExact, false, false, "0", "1000000000000", {}, "", ""};
      if (auto v = reader.read(*m.node(), spec)) p.resources.push_back({m.key, std::get<Exact>(*v), m.key_pos});
    }
  });
}

}  // namespace profile_read

namespace {

// Reads the members of `root` into `p`. A scenario overlay reads into a copy of its base
// profile: tables it gives replace the base's (objectives, memberships) or its keys (capacity,
// constraints, country facts, assumptions); overrides add to the base's.
void read_profile(SchemaReader& reader, const Node& root, const Schema& ps, ProfileDraft& p) {
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
  profile_fields().read(reader, root, p, &ps);
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
  ProfileDraft p;
  p.source = doc.source;
  read_profile(reader, doc.root, profile_schema(), p);
  if (result.diagnostics.ok()) result.value = std::move(static_cast<Profile&>(p));
  return result;
}

Result<Profile> apply_overlay(const Profile& base, const Document& overlay) {
  Result<Profile> result;
  SchemaReader reader(overlay, &result.diagnostics);
  ProfileDraft p{base, true};
  // Ids the overlay names are checked against the catalogue later; their positions are the
  // overlay's, so messages must quote the overlay's lines.
  p.source = overlay.source;
  p.scenario.clear();
  read_profile(reader, overlay.root, overlay_schema(), p);
  if (p.scenario.empty()) p.scenario = overlay.source->file;
  if (result.diagnostics.ok()) result.value = std::move(static_cast<Profile&>(p));
  return result;
}

}  // namespace whichforum
