// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The world view of `batch` (world.h): one country at a time, then the sums and the lists.
#include "engine/world.h"

#include "engine/infer.h"

#include <algorithm>
#include <tuple>

namespace whichforum {

namespace {

// Forums in a portfolio that are also held today (same forum, any option).
size_t kept(const std::vector<int>& today, const std::vector<int>& choice) {
  size_t n = 0;
  for (size_t i = 0; i < today.size() && i < choice.size(); ++i) n += today[i] >= 0 && choice[i] >= 0 ? 1 : 0;
  return n;
}

// Whether what keeps the option closed is only the forum's own decision to invite (an invitation,
// its sponsors): the step an invitation list is about. A values check, an application or
// principles to adopt depend on the country's record or its own act, and keep it off the list.
bool only_an_invitation_away(const OptionAssessment& oa) {
  if (oa.open) return true;
  if (oa.eligibility.status != EligibilityStatus::kReachable) return false;
  for (const auto& c : oa.eligibility.checks) {
    if (c.met) continue;
    if (c.rule.rule != EntryRuleKind::kInvitation && c.rule.rule != EntryRuleKind::kSponsors) return false;
  }
  return true;
}

std::optional<Exact> latest_egdi(const CountryRecord& record) {
  if (record.egdi.empty()) return std::nullopt;
  return record.egdi.rbegin()->second.egdi;
}

}  // namespace

void add_world_country(World& world, const Recommendation& rec, const Profile& profile, const CountryRecord& record) {
  WorldCountry c;
  c.iso3 = record.iso3;
  c.country = record.name;
  c.region = record.wb_region;
  if (world.objectives.empty()) world.objectives = rec.objectives;
  const bool solved = rec.status == AnswerStatus::kOptimal;
  const std::vector<int> today = today_choice(rec);
  for (int o : today) c.held += o >= 0 ? 1 : 0;
  if (solved) {
    c.kept_default = kept(today, rec.solution.choice);
    c.recommended = rec.portfolio.size();
    c.no_seat = rec.portfolio.empty();
    // Rules that keep today's portfolio by fiat would make it best everywhere; init writes none.
    if (!profile.constraints.keep_current && !profile.constraints.max_changes && profile.weight_set) {
      SearchBudget budget;
      Inference inf = infer_weights(linear_problem(rec), *profile.weight_set, today, budget);
      c.infer_status = inf.status;
      if (inf.status == AnswerStatus::kOptimal) {
        c.regret = inf.regret;
        c.inferred = inf.centre;
        c.distance = inf.distance;
        c.kept_inferred = kept(today, inf.best_at_centre);
      }
    } else {
      c.infer_status = AnswerStatus::kInfeasible;
    }
  } else {
    c.infer_status = rec.status;
  }
  if (c.infer_status == AnswerStatus::kOptimal) {
    ++world.inferred;
    world.best_somewhere += c.regret == 0 ? 1 : 0;
    world.held += c.held;
    world.kept_default += c.kept_default;
    world.kept_inferred += c.kept_inferred;
  }

  // Reach and candidates, forum by forum: a forum with nothing to take part in counts nowhere.
  std::map<std::string, NotChosenStatus> left_out;
  for (const auto& nc : rec.not_chosen) left_out[nc.forum] = nc.status;
  for (const auto& as : rec.assessments) {
    if (as.dormant) continue;
    const std::string& id = as.forum.id;
    bool reach = false;
    std::optional<WorldCandidate> best;
    for (const auto& oa : as.options) {
      const bool step = oa.eligibility.status == EligibilityStatus::kReachable;
      if (!oa.open && !step) continue;
      reach = true;
      // Whom to invite: to join or sign, not to attend an open event or take a role.
      if (as.current || (oa.option.kind != OptionKind::kJoin && oa.option.kind != OptionKind::kSign)) continue;
      if (!only_an_invitation_away(oa)) continue;
      const Exact net = oa.value - oa.price;
      if (!best || net > best->value) best = WorldCandidate{record.iso3, record.name, net, oa.option.id, latest_egdi(record)};
    }
    auto& [countries, reachable] = world.reach[id][record.wb_region];
    ++countries;
    reachable += reach ? 1 : 0;
    if (best && best->value > 0) world.candidates[id].push_back(std::move(*best));
  }
  world.countries.push_back(std::move(c));
}

void finish_world(World& world) {
  std::sort(world.countries.begin(), world.countries.end(),
            [](const WorldCountry& a, const WorldCountry& b) { return a.iso3 < b.iso3; });
  for (const auto& [forum, regions] : world.reach) {
    for (const auto& [region, counts] : regions) {
      if (counts.second == 0) world.unreachable.push_back({forum, region, counts.first});
    }
  }
  for (auto& [forum, list] : world.candidates) {
    WorldInvite inv{forum, {}, {}};
    std::sort(list.begin(), list.end(), [](const WorldCandidate& a, const WorldCandidate& b) {
      return a.value != b.value ? a.value > b.value : a.iso3 < b.iso3;
    });
    inv.top.assign(list.begin(), list.begin() + static_cast<long>(std::min(list.size(), kWorldInvites)));
    // What they bring their peers: the most advanced first (no EGDI: last).
    std::sort(list.begin(), list.end(), [](const WorldCandidate& a, const WorldCandidate& b) {
      const Exact ea = a.egdi.value_or(-1), eb = b.egdi.value_or(-1);
      return ea != eb ? ea > eb : a.iso3 < b.iso3;
    });
    inv.bring.assign(list.begin(), list.begin() + static_cast<long>(std::min(list.size(), kWorldInvites)));
    world.invites.push_back(std::move(inv));
  }
  world.reach.clear();
  world.candidates.clear();
}

}  // namespace whichforum
