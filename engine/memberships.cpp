// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
#include "engine/memberships.h"

#include "engine/csv.h"
#include "engine/catalogue.h"
#include "engine/freshness.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <tuple>

namespace whichforum {

Result<std::vector<MembershipEvent>> parse_membership_events(std::string_view csv_text, const std::string& file) {
  Result<std::vector<MembershipEvent>> result;
  auto table = parse_csv(csv_text, file);
  if (!table.ok()) {
    result.diagnostics = table.diagnostics;
    return result;
  }
  const CsvTable& t = *table.value;
  Diagnostics& diags = result.diagnostics;
  size_t c_forum = t.require("forum_id", &diags), c_iso = t.require("iso3", &diags),
         c_event = t.require("event", &diags), c_year = t.require("event_year", &diags),
         c_date = t.require("event_date", &diags);
  // Sources only label what `init` writes; a table without them still dates the events.
  const int c_sources = t.column("source_ids");
  if (!diags.ok()) return result;
  std::vector<MembershipEvent> events;
  for (size_t i = 0; i < t.rows.size(); ++i) {
    const auto& row = t.rows[i];
    MembershipEvent e{row[c_forum], row[c_iso], row[c_event], row[c_date].empty() ? row[c_year] : row[c_date],
                      c_sources < 0 ? std::string() : row[static_cast<size_t>(c_sources)], t.row_lines[i]};
    if (!e.date.empty() && !is_partial_date(e.date)) {
      diags.add(make_error(t.source.get(), {t.row_lines[i], 1},
                           "event date \"" + e.date + "\" is not YYYY, YYYY-MM or YYYY-MM-DD"));
      continue;
    }
    events.push_back(std::move(e));
  }
  if (diags.ok()) result.value = std::move(events);
  return result;
}

bool is_membership_event(std::string_view event) {
  static const std::set<std::string, std::less<>> kMembership = {
      "founding_member", "joined",      "member",    "observer",           "participant", "participant_snapshot",
      "signatory",       "committed_at_launch", "first_action_plan_cohort"};
  return kMembership.count(event) > 0;
}

OptionChoice option_for_event(const Forum& forum, std::string_view event) {
  for (const auto& o : forum.options)
    if (std::find(o.membership_events.begin(), o.membership_events.end(), event) != o.membership_events.end())
      return {o.id, false};
  // No option lists the event (always so for a forum that declares no options: then the options
  // are its engagement levels, observer/member/lead): the least committed option of the kind
  // the event means, an attendance for "observer", else a membership, a signature, any option
  // that is not a role. Guessed when the forum declares options, since its file could say.
  const auto options = model_options(forum);
  const bool guessed = !forum.options.empty();
  // Of a kind, the plain option first: one with no entry rules of its own, under the forum's
  // (an OECD body's "member" by right before its "participant" by invitation, which is for
  // non-members), then any.
  auto first_of = [&](OptionKind kind) -> const EngagementOption* {
    for (const auto& o : options)
      if (o.kind == kind && o.entry_rules.empty() && o.effective_entry() == OptionEntry::kForum) return &o;
    for (const auto& o : options)
      if (o.kind == kind && o.entry_rules.empty()) return &o;
    for (const auto& o : options)
      if (o.kind == kind) return &o;
    return nullptr;
  };
  if (event == "observer")
    if (const auto* o = first_of(OptionKind::kAttend)) return {o->id, guessed};
  for (OptionKind kind : {OptionKind::kJoin, OptionKind::kSign})
    if (const auto* o = first_of(kind)) return {o->id, guessed};
  for (const auto& o : options)
    if (!o.is_role()) return {o.id, guessed};
  return {"member", true};
}

namespace {

bool precedes_membership(std::string_view event) { return event == "invited" || event == "announced_intent_to_join"; }

// Where an event goes in time: dated events by date; undated ones before them when they come
// before a membership or are one, after them when they end one.
int undated_rank(const MembershipEvent& e) {
  if (!e.date.empty()) return 1;
  return is_membership_event(e.event) || precedes_membership(e.event) ? 0 : 2;
}

std::vector<std::string> split_sources(const std::string& s) {
  std::vector<std::string> out;
  size_t from = 0;
  while (from <= s.size()) {
    size_t to = s.find(';', from);
    if (to == std::string::npos) to = s.size();
    std::string id = s.substr(from, to - from);
    while (!id.empty() && id.front() == ' ') id.erase(id.begin());
    while (!id.empty() && id.back() == ' ') id.pop_back();
    if (!id.empty()) out.push_back(id);
    from = to + 1;
  }
  return out;
}

// The country's events for one forum in time order (undated_rank), and where its current spell
// starts: nullopt when the last event is no membership event (or there is none).
std::optional<size_t> current_spell(std::vector<const MembershipEvent*>& mine) {
  std::stable_sort(mine.begin(), mine.end(), [](const MembershipEvent* a, const MembershipEvent* b) {
    return std::make_tuple(undated_rank(*a), std::string_view(a->date), a->line) <
           std::make_tuple(undated_rank(*b), std::string_view(b->date), b->line);
  });
  if (mine.empty() || !is_membership_event(mine.back()->event)) return std::nullopt;
  size_t first = mine.size() - 1;
  while (first > 0 && is_membership_event(mine[first - 1]->event)) --first;
  return first;
}

}  // namespace

std::vector<RecordedMembership> recorded_memberships(const std::vector<Forum>& forums,
                                                     const std::vector<MembershipEvent>& events, std::string_view iso3,
                                                     const std::function<std::string(std::string_view)>& forum_of) {
  std::vector<RecordedMembership> out;
  for (const auto& f : forums) {
    std::vector<const MembershipEvent*> mine;
    for (const auto& e : events)
      if (e.iso3 == iso3 && forum_of(e.forum) == f.id) mine.push_back(&e);
    auto first = current_spell(mine);
    if (!first) continue;
    RecordedMembership m;
    m.forum = f.id;
    m.event = mine.back()->event;
    auto choice = option_for_event(f, m.event);
    m.option = choice.id;
    m.option_guessed = choice.guessed;
    if (!mine[*first]->date.empty()) m.since = std::stoi(mine[*first]->date.substr(0, 4));
    m.founder = mine[*first]->event == "founding_member";
    for (size_t i = *first; i < mine.size(); ++i) {
      m.lines.push_back(mine[i]->line);
      for (auto& id : split_sources(mine[i]->sources))
        if (std::find(m.sources.begin(), m.sources.end(), id) == m.sources.end()) m.sources.push_back(id);
    }
    out.push_back(std::move(m));
  }
  return out;
}

namespace {

// forum_for_event, remembered per csv forum_id (a few distinct ids, many rows).
std::function<std::string(std::string_view)> forum_lookup(const Catalogue& catalogue) {
  auto known = std::make_shared<std::map<std::string, std::string, std::less<>>>();
  return [&catalogue, known](std::string_view csv_forum) {
    auto it = known->find(csv_forum);
    if (it == known->end()) it = known->emplace(std::string(csv_forum), forum_for_event(catalogue, csv_forum)).first;
    return it->second;
  };
}

}  // namespace

std::vector<RecordedMembership> current_memberships(const Catalogue& catalogue, std::string_view iso3) {
  auto forum_of = forum_lookup(catalogue);
  auto recorded = recorded_memberships(catalogue.forums, catalogue.memberships, iso3, forum_of);
  std::set<std::string> with_events;  // forums the csv says anything of for this country
  for (const auto& e : catalogue.memberships)
    if (e.iso3 == iso3) with_events.insert(forum_of(e.forum));
  std::vector<RecordedMembership> out;
  for (const auto& f : catalogue.forums) {
    auto r = std::find_if(recorded.begin(), recorded.end(), [&](const RecordedMembership& m) { return m.forum == f.id; });
    if (r != recorded.end()) {
      out.push_back(std::move(*r));
    } else if (!with_events.count(f.id)) {
      // The csv is the record of joins and exits; a forum file's list counts only where the csv is
      // silent, so a recorded withdrawal is not undone by a list not yet updated.
      auto members = f.list("members");
      // A members list names the forum's membership: the option its entry rules govern, as
      // option_for_event finds it for a "member" event no option lists; not a guess.
      if (std::find(members.begin(), members.end(), iso3) != members.end())
        out.push_back({f.id, option_for_event(f, "member").id, std::nullopt, "", {}, {}, false, false});
    }
  }
  return out;
}

std::vector<RecordedAdherence> recorded_adherence(const Catalogue& catalogue, const CountryRecord& country,
                                                  const std::vector<RecordedMembership>& memberships) {
  // The adopters of the OECD Recommendation on AI on 22 May 2019 that were not OECD members then
  // (S174); the OECD members of that day adopted it, and later members adhere on accession.
  static const std::set<std::string, std::less<>> kAiPrinciplesNonMembers2019 = {"ARG", "BRA", "COL",
                                                                                 "CRI", "PER", "ROU"};
  // Standards memberships.csv records signatories of (no forum of the catalogue): their principle.
  static const std::pair<const char*, const char*> kSignedStandards[] = {{"EUSNS", "eu_startup_nations_standard"}};
  std::vector<RecordedAdherence> out;
  auto add = [&](const std::string& principle, std::string why) {
    for (const auto& a : out)
      if (a.principle == principle) return;
    out.push_back({principle, std::move(why)});
  };
  if (country.oecd_member) add("oecd_ai_principles", "an OECD member (data/countries.csv)");
  if (kAiPrinciplesNonMembers2019.count(country.iso3))
    add("oecd_ai_principles", "adopted them on 22 May 2019 as a non-member (S174)");
  for (const auto& m : memberships) {
    const Forum* f = catalogue.find_forum(m.forum);
    if (!f) continue;
    for (const auto& r : f->entry_rules)
      if (r.rule == EntryRuleKind::kAdheres && !r.principles.empty())
        add(r.principles, "a current member of " + f->id + ", whose entry rule asks for them");
  }
  for (const auto& [csv_forum, principle] : kSignedStandards) {
    std::vector<const MembershipEvent*> mine;
    for (const auto& e : catalogue.memberships)
      if (e.iso3 == country.iso3 && e.forum == csv_forum) mine.push_back(&e);
    auto first = current_spell(mine);
    if (first) add(principle, std::string("a ") + mine.back()->event + " (memberships.csv:" +
                                  std::to_string(mine.back()->line) + ")");
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const RecordedAdherence& a, const RecordedAdherence& b) { return a.principle < b.principle; });
  return out;
}

}  // namespace whichforum
