// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Working out a briefing: what each chosen forum serves, its risks, the change against the
// current memberships, the assumptions and sources, the value-against-budget curve.
#include "engine/brief.h"
#include "engine/version.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace whichforum {

namespace {

std::vector<std::string> risks_of(const Forum& f, const std::string& level) {
  std::vector<std::string> out;
  auto judged = [&](const char* key) { return f.number(key); };
  if (auto v = judged("core_stability"); v && *v < Exact(1, 2)) {
    out.push_back("turnover: a weak stable core (core_stability " + format_exact(*v) + ")");
  }
  if (auto v = judged("candour"); v && *v < Exact(1, 2)) {
    out.push_back("guarded conversations (candour " + format_exact(*v) + ")");
  }
  std::string sec = f.text("secretariat");
  if (sec == "member_funded" || sec == "volunteer" || sec == "rotating") {
    out.push_back("secretariat: " + sec + ", fragile if its backers step back");
  }
  if (auto v = judged("visibility"); v && *v < Exact(2, 5)) {
    out.push_back("low public visibility (" + format_exact(*v) + ")");
  }
  if (const Fact* fee = f.fact("annual_fee_usd"); fee && fee->prov.estimate && std::get<Exact>(fee->value) > 0) {
    out.push_back("contribution is an estimate");
  }
  if (level == "lead") out.push_back("chair and host: about a year's lead time; staff doing two jobs at once");
  return out;
}

std::string path_of(bool current, const OptionAssessment& o) {
  if (current) return "current member";
  if (o.option.effective_entry() == OptionEntry::kOpen && o.option.entry_rules.empty()) return "open to all: register and attend";
  std::string steps;
  for (const auto& c : o.eligibility.checks) {
    if (c.procedural || c.rule.on_joining || c.rule.rule == EntryRuleKind::kApplication) {
      steps += (steps.empty() ? "" : "; ") + c.rule.text;
    }
  }
  return steps.empty() ? "open: register and attend" : "to join: " + steps;
}

std::string hex(std::uint64_t h) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace

Briefing make_briefing(const Recommendation& rec, const Profile& profile, const Catalogue& cat) {
  Briefing b;
  b.country = rec.country.name;
  b.iso3 = rec.country.iso3;
  b.currency = rec.currency;
  b.budget = rec.budget;
  for (const auto& [k, w] : rec.weights) {
    const Criterion* c = cat.find_criterion(k);
    if (w > 0) b.objectives.emplace_back(c ? c->name : k, w);
  }
  std::stable_sort(b.objectives.begin(), b.objectives.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
  b.weights_basis = std::string(enum_name(rec.weights_basis));
  // Robustness per chosen forum, as `whichforum robust` works it out (default samples and seed;
  // the smallest weight change is left to that command).
  std::optional<Robustness> robust;
  const bool point = !profile.weight_set || profile.weight_set->is_point();
  if (rec.feasible() && !point) {
    RobustOptions ro;
    ro.smallest_change = false;
    Robustness r = robustness(rec, profile, ro);
    if (r.status != AnswerStatus::kLimitReached) robust = std::move(r);
  }
  if (point) {
    b.robustness_note = "The profile gives exact weights, so there is no spread to test; state a ranking or intervals "
                        "in [objectives] to see how sure this is.";
  } else if (robust) {
    b.robustness_note = "Robustness: core = in every portfolio that no other matches or beats for all weightings the "
                        "stated preferences allow; borderline = in some; the share is how often it is in the best "
                        "portfolio over " + std::to_string(robust->samples) + " weightings drawn at random (seed " +
                        std::to_string(robust->seed) + "). whichforum robust gives the detail.";
  } else {
    b.robustness_note = "Robustness: too many portfolios to compare exactly under these preferences.";
  }
  b.status = rec.status;
  b.infeasible_why = rec.infeasible_why;
  b.total_value = rec.total_value;
  b.overlap_loss = rec.overlap_loss;
  b.coverage = coverage_sentence(rec);
  b.leave_loss = rec.leave_loss;
  b.price_total = rec.price_total;
  b.total_cost = rec.total_cost;
  // A membership in another ministry's file is in the change table as "coordinate": not left out.
  for (const auto& n : rec.not_chosen) {
    if (!n.held_elsewhere) b.left_out.push_back(n);
  }
  Assumptions a = effective_assumptions(cat, profile);

  std::map<std::string, std::string> chosen;
  for (const auto& c : rec.portfolio) {
    const Assessment* as = nullptr;
    for (const auto& x : rec.assessments) {
      if (x.forum.id == c.forum) as = &x;
    }
    BriefRow row;
    row.forum = c.forum;
    row.name = as->forum.name;
    row.level = c.name;
    row.option = c.option;
    row.change = c.change;
    const OptionAssessment* oa = as->find_option(c.option);
    row.eligibility = status_name(oa->eligibility.status);
    row.value = c.value;
    row.cost = c.cost;
    row.serves = serves_most(rec, c);
    row.risks = risks_of(as->forum, std::string(oa->option.level_name()));
    row.path = path_of(as->current.has_value() && as->options[*as->current].option.id == c.option, *oa);
    row.robustness = point ? "exact weights" : "n/a";
    if (robust) {
      for (const auto& f : robust->forums) {
        if (rec.problem.items[f.item].id != c.forum) continue;
        row.robust = f;
        row.robustness = f.label_name() + ", " + format_exact(f.acceptability * 100, 0) + "%";
      }
    }
    b.portfolio.push_back(std::move(row));
    chosen[c.forum] = c.option;
    for (const auto& [key, fact] : as->forum.facts) {
      if (fact.prov.estimate || fact.prov.source == "profile") {
        if (!std::holds_alternative<Exact>(fact.value)) continue;
        b.estimates.push_back({c.forum + "." + key, format_exact(std::get<Exact>(fact.value)),
                               fact.prov.reason, fact.prov.source == "profile"});
      }
    }
  }

  for (const auto& as : rec.assessments) {
    auto cur = rec.country.memberships.find(as.forum.id);
    auto now = chosen.find(as.forum.id);
    if (cur == rec.country.memberships.end() && now == chosen.end()) continue;
    ChangeRow ch;
    ch.forum = as.forum.id;
    ch.name = as.forum.name;
    const size_t item = index_of(rec.problem, as.forum.id);
    const OptionAssessment* before = as.current ? &as.options[*as.current] : nullptr;
    const OptionAssessment* after = now != chosen.end() ? as.find_option(now->second) : nullptr;
    if (rec.baseline == Baseline::kNone) before = nullptr;
    ch.from_level = before ? before->option.name : "";
    ch.to_level = after ? after->option.name : "";
    ch.cost_change.assign(rec.resources.size(), Exact(0));
    if (as.other_remit) {
      // Another ministry's file: nothing changes here (not in today's costs, not in the
      // recommendation); the row says whom to coordinate with.
      ch.action = "coordinate";
      ch.to_level = ch.from_level;  // held on by the ministry whose file it is
      ch.note = other_remit_text(as);
      b.changes.push_back(std::move(ch));
      continue;
    }
    for (size_t r = 0; r < rec.resources.size(); ++r) {
      ch.cost_change[r] = (after ? after->cost_vec[r] : Exact(0)) - (before ? before->cost_vec[r] : Exact(0));
    }
    // Valued as the problem values them, so that the rows and the overlap row add up to the
    // recommended total minus today's (a membership today that the model cannot offer, e.g.
    // excluded, counts as left today already).
    auto in_problem = [](const OptionAssessment* o) { return o && o->problem_option >= 0; };
    const Exact none = rec.problem.items[item].none_value;
    ch.value_change = (in_problem(after) ? after->net() : none) - (in_problem(before) ? before->net() : none);
    if (before && after) {
      const auto rank = [&](const OptionAssessment* o) { return o - as.options.data(); };
      const auto d = rank(after) - rank(before);
      ch.action = d == 0 ? "keep" : d > 0 ? "upgrade" : "downgrade";
      for (const auto& c : rec.portfolio) {
        if (c.forum == as.forum.id) ch.note = c.change;
      }
    } else if (after) {
      ch.action = "join";
    } else {
      ch.action = "leave";
      std::string reentry;
      for (const auto& c : as.eligibility.checks) {
        if (c.procedural) reentry += (reentry.empty() ? "" : "; ") + c.rule.text;
      }
      for (const auto& nc : rec.not_chosen) {
        if (nc.forum == as.forum.id) ch.note = nc.leave.empty() ? nc.detail : nc.leave;
      }
      ch.note += "; includes " + format_exact(as.leave_cost, 2) + " that leaving costs (leave_reputation_share)" +
                 (reentry.empty() ? std::string() : "; re-entry would need: " + reentry);
    }
    b.changes.push_back(std::move(ch));
  }

  // Overlap has its own row: today's overlap losses against the recommendation's.
  {
    const std::vector<int> today = today_choice(rec);
    const Exact overlap_today = shared_loss(rec.problem, today);
    b.overlap_change = overlap_today - rec.overlap_loss;
    b.current_value = rec.baseline == Baseline::kCurrent ? evaluate(rec.problem, today).value : Exact(0);
  }

  for (const auto& spec : assumptions_schema().keys) {
    if (!spec.fact) continue;
    const Fact& f = a.values.at(std::string(spec.key));
    b.assumptions.push_back({std::string(spec.key), format_exact(std::get<Exact>(f.value)), f.prov.reason,
                             a.overridden.count(std::string(spec.key)) > 0});
  }

  // What the value rests on besides data/assumptions.toml: the theme priorities, the languages
  // and each weighed objective's theme relevance (estimates in criteria/).
  const CountryView& cv = rec.country;
  std::string themes;
  if (cv.themes_given) {
    for (const auto& [theme, p] : cv.themes) themes += (themes.empty() ? "" : ", ") + theme + " " + format_exact(p, 3);
  } else {
    themes = "none stated";
  }
  b.assumptions.push_back({"themes", themes,
                           cv.themes_given ? "the profile's theme priorities"
                                           : "the profile states no themes: themes change no value",
                           cv.themes_given});
  std::string langs;
  for (const auto& l : cv.languages) langs += (langs.empty() ? "" : ", ") + l;
  b.assumptions.push_back({"languages", langs,
                           cv.languages_given ? "the profile's working languages"
                                              : "estimate: the profile states no languages; English, a working language of every forum here",
                           cv.languages_given});
  // One row for all objectives (their reasons are in criteria/ and explain's chain): the
  // briefing must still print on a few pages.
  std::string relevance;
  for (const auto& [objective, w] : rec.weights) {
    const Criterion* crit = cat.find_criterion(objective);
    if (!crit || w == 0) continue;
    relevance += (relevance.empty() ? "" : ", ") + objective + " " + format_exact(crit->theme_relevance.value);
  }
  if (!relevance.empty()) {
    b.assumptions.push_back({"theme_relevance", relevance,
                             "estimates: the share of each objective that depends on the forum working on the country's "
                             "themes; the reasons are in criteria/*.toml",
                             false});
  }

  std::set<std::string> sources;
  for (const auto& c : rec.portfolio) {
    const Forum* f = cat.find_forum(c.forum);
    for (const auto& [key, fact] : f->facts) {
      if (!fact.prov.source.empty()) sources.insert(fact.prov.source);
    }
    for (const auto& r : f->entry_rules) {
      if (!r.prov.source.empty()) sources.insert(r.prov.source);
    }
  }
  for (const auto& c : cat.criteria) {
    for (const auto& e : c.evidence) sources.insert(e.source);
  }
  b.sources.assign(sources.begin(), sources.end());

  if (rec.budget[0] > 0) {
    WhatIf w = what_if_budgets(rec, {{0, Exact(0), rec.budget[0] * 2, rec.budget[0] / 5}}, false);
    for (const auto& p : w.points) {
      // A sweep cut short by the search limit draws no chart rather than part of one.
      if (p.feasible && w.status == AnswerStatus::kOptimal) b.chart.emplace_back(p.budget[0], p.value);
    }
  }

  if (rec.feasible()) b.sensitivity = priority_sensitivity(profile, cat, rec);

  std::string profile_text;
  for (const auto& line : profile.source->lines) profile_text += line + "\n";
  b.version = kVersion;
  b.input_hash = hex(fnv1a(profile_text, cat.digest));
  b.data_as_of = cat.data.data_as_of;
  return b;
}

}  // namespace whichforum
