// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Rendering the catalogue and a profile summary as aligned plain text.
#include "engine/report.h"

#include "engine/preferences.h"
#include "engine/scoring.h"

#include <algorithm>

namespace whichforum {

namespace {

size_t width(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

std::string pad(std::string_view s, size_t w) {
  std::string out(s);
  size_t n = width(s);
  if (n < w) out.append(w - n, ' ');
  return out;
}

std::string table(const std::vector<std::vector<std::string>>& rows, const std::vector<bool>& right) {
  std::vector<size_t> widths(rows.front().size(), 0);
  for (const auto& r : rows) {
    for (size_t i = 0; i < r.size(); ++i) widths[i] = std::max(widths[i], width(r[i]));
  }
  std::string out;
  for (const auto& r : rows) {
    std::string line;
    for (size_t i = 0; i < r.size(); ++i) {
      if (i) line += "  ";
      if (right[i]) {
        line += std::string(widths[i] - width(r[i]), ' ') + r[i];
      } else {
        line += i + 1 == r.size() ? r[i] : pad(r[i], widths[i]);
      }
    }
    out += line + "\n";
  }
  return out;
}

std::string provenance_text(const Provenance& p) {
  std::string out;
  if (p.estimate) {
    out = "estimate: " + p.reason;
    if (!p.source.empty()) out += " [based on " + p.source + (p.as_of.empty() ? "" : ", " + p.as_of) + "]";
    return out;
  }
  out = "source: " + p.source + ", as of " + p.as_of;
  if (!p.quote.empty()) out += ": \"" + p.quote + "\"";
  if (!p.note.empty()) out += " (" + p.note + ")";
  return out;
}

}  // namespace

std::string value_text(const Value& value) {
  if (const auto* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
  if (const auto* e = std::get_if<Exact>(&value)) return format_exact(*e);
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (const auto* l = std::get_if<std::vector<std::string>>(&value)) {
    std::string out;
    for (const auto& item : *l) out += (out.empty() ? "" : ", ") + item;
    return out.empty() ? "(none)" : out;
  }
  if (const auto* groups = std::get_if<IdGroups>(&value)) {
    std::string out;
    for (const auto& g : *groups) out += (out.empty() ? "[" : ", [") + value_text(Value(g)) + "]";
    return out;
  }
  const auto& points = std::get<PointList>(value);
  std::string out;
  for (const auto& [x, y] : points) {
    out += (out.empty() ? "" : " ") + std::string("(") + format_exact(x) + ", " + format_exact(y) + ")";
  }
  return out;
}

std::string render_forum_list(const Catalogue& cat) {
  std::vector<std::vector<std::string>> rows = {{"id", "name", "kind", "members", "as_of"}};
  for (const auto& f : cat.forums) {
    const Fact* count = f.fact("member_count");
    std::string members = count ? value_text(count->value) : "?";
    if (count && count->prov.estimate) members += "~";
    rows.push_back({f.id, f.name, f.kind, members, count ? count->prov.as_of : ""});
  }
  std::string out = table(rows, {false, false, false, true, false});
  out += "\n" + std::to_string(cat.forums.size()) +
         " forums. ~ marks an estimated member count. whichforum forums show ID for one in full.\n";
  return out;
}

std::string render_forum(const Forum& f) {
  std::string out = f.name + " (" + f.id + ")\n";
  if (!f.summary.empty()) out += f.summary + "\n";
  out += "kind: " + f.kind + "\n";
  if (!f.aliases.empty()) out += "aliases: " + value_text(Value(f.aliases)) + "\n";
  out += "\n";
  for (const auto& spec : forum_schema().keys) {
    const Fact* fact = f.fact(spec.key);
    if (!fact) continue;
    out += std::string(spec.key) + ": " + value_text(fact->value) + "\n";
    out += "    " + provenance_text(fact->prov) + "\n";
  }
  if (!f.entry_rules.empty()) {
    out += "\nentry rules (all must be met to join as a member):\n";
    for (const auto& r : f.entry_rules) {
      out += "  - " + r.rule + ": " + r.text + "\n";
      out += "    " + provenance_text(r.prov) + "\n";
    }
  }
  return out;
}

std::string render_profile_summary(const Profile& p, const Catalogue& cat) {
  const CountryRecord* c = cat.data.find(p.country);
  const EgdiRecord* e = cat.data.latest_egdi(p.country);
  const CountryFacts& cf = p.country_facts;
  std::string out = "Profile: " + p.name + " (" + p.country + ")\n";
  auto from = [](bool overridden, const std::string& source) {
    return overridden ? std::string(" [profile]") : " [" + source + "]";
  };
  if (cf.egdi || e) {
    out += "  EGDI: " + format_exact(cf.egdi ? *cf.egdi : e->egdi, 4);
    if (cf.egdi_rank || e) out += ", rank " + std::to_string(cf.egdi_rank ? *cf.egdi_rank : e->rank);
    out += from(cf.egdi.has_value(), e ? "UN EGDI " + std::to_string(e->year) : "") + "\n";
  }
  if (c) {
    out += "  region: " + cf.wb_region.value_or(c->wb_region) + from(cf.wb_region.has_value(), "World Bank") + "\n";
    std::string income = cf.income_group.value_or(c->income_group);
    out += "  income group: " + (income.empty() ? std::string("(none given)") : income) +
           from(cf.income_group.has_value(), "World Bank FY2025") + "\n";
    bool oecd = cf.oecd_member.value_or(c->oecd_member);
    out += "  OECD member: " + std::string(oecd ? "yes" : "no") + from(cf.oecd_member.has_value(), "OECD") + "\n";
  }
  if (!cf.adheres.empty()) out += "  adheres to: " + value_text(Value(cf.adheres)) + " [profile]\n";
  auto weights = normalised_weights(p);
  out += "\nObjectives (" + weights_basis(p) + ", normalised to sum 1):\n";
  size_t name_width = 0;
  for (const auto& [k, w] : weights) name_width = std::max(name_width, width(k));
  for (const auto& [k, w] : weights) out += "  " + pad(k, name_width) + "  " + format_exact(w, 4) + "\n";
  out += "\nCapacity a year: money " + format_exact(p.capacity.money) + " " + p.capacity.currency +
         ", staff days " + format_exact(p.capacity.staff_days) + ", ministerial days " +
         format_exact(p.capacity.ministerial_days) + "\n";
  if (!p.memberships.empty()) {
    out += "Current memberships:";
    for (const auto& m : p.memberships) out += " " + m.forum + " (" + m.level + ")";
    out += "\n";
  }
  auto ids = [](const std::vector<IdRef>& refs) {
    std::string s;
    for (const auto& r : refs) s += (s.empty() ? "" : ", ") + r.id;
    return s;
  };
  if (!p.constraints.must.empty()) out += "Must include: " + ids(p.constraints.must) + "\n";
  if (!p.constraints.exclude.empty()) out += "Exclude: " + ids(p.constraints.exclude) + "\n";
  if (p.constraints.max_forums) out += "At most " + std::to_string(*p.constraints.max_forums) + " forums\n";
  if (!p.overrides.empty()) out += "Overrides of forum estimates: " + std::to_string(p.overrides.size()) + "\n";
  out += "\nCatalogue: " + std::to_string(cat.forums.size()) + " forums, " +
         std::to_string(cat.criteria.size()) + " objectives; reference data: " + cat.data.data_as_of + "\n";
  return out;
}

}  // namespace whichforum
