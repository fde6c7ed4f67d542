// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Rendering the catalogue and a profile summary as aligned plain text.
#include "engine/report.h"
#include "engine/freshness.h"

#include "engine/preferences.h"
#include "engine/report_format.h"
#include "engine/scoring.h"

#include <algorithm>

#include <boost/algorithm/string/join.hpp>

namespace whichforum {

namespace {



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
  // The name last, so that a long one wraps under itself within the terminal's width.
  std::vector<std::vector<std::string>> rows = {{"id", "kind", "members", "as_of", "name"}};
  for (const auto& f : cat.forums) {
    const Fact* count = f.fact("member_count");
    std::string members = count ? value_text(count->value) : "?";
    if (count && count->prov.estimate) members += "~";
    rows.push_back({f.id, std::string(enum_name(f.kind)), members, count ? count->prov.as_of : "", f.name});
  }
  std::string out = detail::aligned_table(rows, {false, false, true, false, false});
  out += "\n" + std::to_string(cat.forums.size()) +
         " forums. ~ marks an estimated member count. whichforum forums show ID for one in full.\n";
  return out;
}

std::string render_stale_facts(const std::vector<DatedFact>& facts, const std::optional<std::string>& before) {
  std::vector<std::vector<std::string>> rows = {{"as_of", "forum", "fact", "source"}};
  for (const auto& f : facts) {
    rows.push_back({f.as_of.empty() ? "-" : f.as_of, f.forum_id, f.key,
                    f.source.empty() ? (f.estimate ? "estimate" : "-") : f.source + (f.estimate ? " (estimate)" : "")});
  }
  std::string out = detail::aligned_table(rows, {false, false, false, false});
  out += "\n" + std::to_string(facts.size()) + " facts" + (before ? " dated before " + *before : std::string()) +
         ", oldest first. Each forum file's last check is in its first lines.\n";
  return out;
}

std::string render_forum(const Forum& f) {
  std::string out = f.name + " (" + f.id + ")\n";
  if (!f.summary.empty()) out += f.summary + "\n";
  out += "kind: " + std::string(enum_name(f.kind)) + "\n";
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
      out += "  - " + std::string(enum_name(r.rule)) + ": " + r.text + "\n";
      out += "    " + provenance_text(r.prov) + "\n";
    }
  }
  if (!f.options.empty()) {
    out += "\nengagement options (a country takes at most one):\n";
    for (const auto& o : f.options) {
      out += "  - " + o.id + ": " + o.name + " (" + std::string(enum_name(o.kind)) + "; entry: " +
             std::string(enum_name(o.effective_entry())) + (o.includes.empty() ? "" : "; includes " + o.includes) + ")\n";
      std::vector<std::string> terms;
      auto add = [&](const char* what, const std::optional<Exact>& x) {
        if (x) terms.push_back(std::string(what) + " " + format_exact(*x));
      };
      add("delegates", o.delegates);
      add("meetings a year", o.meetings_per_year);
      add("calls a year", o.calls_per_year);
      add("minister trips a year", o.minister_trips_per_year);
      add("fee USD", o.fee_usd);
      for (const auto& [k, v] : o.fee_usd_by_income) terms.push_back("fee USD (" + k + ") " + format_exact(v));
      add("staff days", o.staff_days);
      add("hosting USD", o.hosting_usd);
      add("a turn once in (years)", o.rotation_years);
      add("lead time (months)", o.lead_time_months);
      for (const auto& [k, v] : o.factor) terms.push_back("factor " + k + " " + format_exact(v));
      if (!terms.empty()) out += "    " + boost::algorithm::join(terms, "; ") + "\n";
      for (const auto& ob : o.obligations) {
        out += "    obligation: " + ob.what + " (" + format_exact(ob.staff_days) + " staff days, " + format_exact(ob.money_usd) +
               " USD, every " + format_exact(ob.every_years) + " years)\n";
      }
      for (const auto& r : o.entry_rules) out += "    entry rule: " + std::string(enum_name(r.rule)) + ": " + r.text + "\n";
      out += "    " + provenance_text(o.prov) + "\n";
    }
  }
  return detail::wrap_lines(out, detail::kTextWidth);
}

}  // namespace whichforum
