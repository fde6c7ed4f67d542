// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
#include "engine/freshness.h"

#include "engine/csv.h"
#include "engine/enum_names.h"

#include <algorithm>
#include <cctype>
#include <tuple>

namespace whichforum {

bool is_partial_date(std::string_view d) {
  auto digits = [&](size_t from, size_t n) {
    for (size_t i = from; i < from + n; ++i)
      if (!std::isdigit(static_cast<unsigned char>(d[i]))) return false;
    return true;
  };
  if (d.size() == 4) return digits(0, 4);
  if (d.size() == 7) return digits(0, 4) && d[4] == '-' && digits(5, 2);
  if (d.size() == 10) return digits(0, 4) && d[4] == '-' && digits(5, 2) && d[7] == '-' && digits(8, 2);
  return false;
}

int compare_partial_dates(std::string_view a, std::string_view b) {
  // The forms are fixed-width and zero-padded, so the shared prefix compares as text.
  size_t n = std::min(a.size(), b.size());
  return a.substr(0, n).compare(b.substr(0, n));
}

std::vector<DatedFact> facts_by_age(const Catalogue& catalogue, const FreshnessOptions& options) {
  std::vector<DatedFact> out;
  auto add = [&](const Forum& f, std::string key, const Provenance& p, SourcePos pos) {
    DatedFact d{f.id, std::move(key), p.as_of, p.source, p.estimate, pos};
    if (d.as_of.empty()) {
      if (options.include_undated) out.push_back(std::move(d));
      return;
    }
    if (options.before && compare_partial_dates(d.as_of, *options.before) >= 0) return;
    out.push_back(std::move(d));
  };
  for (const auto& f : catalogue.forums) {
    for (const auto& [key, fact] : f.facts) add(f, key, fact.prov, fact.pos);
    for (size_t i = 0; i < f.entry_rules.size(); ++i) {
      const auto& r = f.entry_rules[i];
      add(f, "entry_rule " + std::to_string(i + 1) + " (" + std::string(enum_name(r.rule)) + ")", r.prov, r.pos);
    }
    if (f.given) add(f, "given", f.given->prov, f.given->pos);
  }
  // Undated first (no age is known, so they are the least trusted), then by date at full
  // precision, so "2021" sorts before "2021-05"; ties by forum and position in the file.
  std::stable_sort(out.begin(), out.end(), [](const DatedFact& a, const DatedFact& b) {
    return std::tie(a.as_of, a.forum_id, a.pos.line, a.pos.col, a.key) <
           std::tie(b.as_of, b.forum_id, b.pos.line, b.pos.col, b.key);
  });
  return out;
}

namespace {

std::string squeeze(std::string_view s) {
  std::string out;
  for (char c : s)
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string forum_for_event(const Catalogue& catalogue, std::string_view csv_forum) {
  const std::string want = squeeze(csv_forum);
  if (want.empty()) return "";
  for (const auto& f : catalogue.forums) {
    if (squeeze(f.id) == want) return f.id;
    for (const auto& a : f.aliases)
      if (squeeze(a) == want) return f.id;
  }
  return "";
}

std::vector<StaleFact> find_stale_facts(const Catalogue& catalogue, const std::vector<MembershipEvent>& events) {
  static const char* const kMembershipKeys[] = {"members", "other_members", "member_count"};
  std::vector<StaleFact> out;
  for (const auto& f : catalogue.forums) {
    const Fact* venues = f.fact("venues");
    // The forum's events, resolved once; "other_members" lists bodies that are not states, so
    // only events without an ISO3 code (the European Union's rows) bear on it.
    std::vector<const MembershipEvent*> mine;
    for (const auto& e : events)
      if (!e.date.empty() && forum_for_event(catalogue, e.forum) == f.id) mine.push_back(&e);
    for (const char* key : kMembershipKeys) {
      const Fact* fact = f.fact(key);
      if (!fact || fact->prov.as_of.empty()) continue;
      const std::string& as_of = fact->prov.as_of;
      if (venues && !venues->prov.as_of.empty() && compare_partial_dates(as_of, venues->prov.as_of) < 0)
        out.push_back({f.id, key, as_of, "venues", venues->prov.as_of});
      // The newest event the fact is older than: one line per fact, not one per event.
      const MembershipEvent* newest = nullptr;
      for (const MembershipEvent* e : mine) {
        if ((std::string_view(key) == "other_members") != e->iso3.empty()) continue;
        if (compare_partial_dates(as_of, e->date) >= 0) continue;
        if (!newest || e->date > newest->date) newest = e;
      }
      if (newest)
        out.push_back({f.id, key, as_of,
                       "memberships.csv:" + std::to_string(newest->line) + " " + newest->iso3 + " " + newest->event,
                       newest->date});
    }
  }
  return out;
}

}  // namespace whichforum
