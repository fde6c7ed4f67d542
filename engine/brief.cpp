// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Working out a briefing: what each chosen forum serves, its risks, the change against the
// current memberships, the assumptions and sources, the value-against-budget curve.
#include "engine/brief.h"
#include "engine/numbers.h"
#include "engine/report_format.h"
#include "engine/version.h"

#include <boost/algorithm/string/join.hpp>
#include <boost/algorithm/string/replace.hpp>

#include <algorithm>
#include <cstdio>
#include <set>

namespace whichforum {

using detail::join_words;
using detail::mid_sentence;

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

std::string capitalised(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

const Assessment* assessment_of(const Recommendation& rec, std::string_view forum) {
  for (const auto& as : rec.assessments) {
    if (as.forum.id == forum) return &as;
  }
  return nullptr;
}

std::string forum_name(const Recommendation& rec, const std::string& forum) {
  const Assessment* as = assessment_of(rec, forum);
  return as ? as->forum.name : forum;
}

// "Digital Nations (member)": the forum's name and the option's id, short enough for a sentence.
std::string pick_text(const Recommendation& rec, const Pick& p) { return forum_name(rec, p.forum) + " (" + p.level + ")"; }

// What `after` changes against `before`, in words: "add X (o); drop Y; move Z from a to b"; ""
// when nothing changes. Forum id order (the portfolios' order), so the words are stable.
std::string portfolio_change(const Recommendation& rec, const std::vector<Pick>& before, const std::vector<Pick>& after) {
  std::map<std::string, std::string> was, now;
  for (const auto& p : before) was[p.forum] = p.level;
  for (const auto& p : after) now[p.forum] = p.level;
  std::vector<std::string> adds, drops, moves;
  for (const auto& [f, o] : now) {
    auto it = was.find(f);
    if (it == was.end()) {
      adds.push_back(pick_text(rec, {f, o}));
    } else if (it->second != o) {
      moves.push_back(forum_name(rec, f) + " from " + it->second + " to " + o);
    }
  }
  for (const auto& [f, o] : was) {
    if (!now.count(f)) drops.push_back(pick_text(rec, {f, o}));
  }
  std::vector<std::string> parts;
  if (!adds.empty()) parts.push_back("add " + join_words(adds));
  if (!moves.empty()) parts.push_back("move " + join_words(moves));
  if (!drops.empty()) parts.push_back("drop " + join_words(drops));
  return join_words(parts);
}

std::vector<Pick> picks_of(const Recommendation& rec) {
  std::vector<Pick> out;
  for (const auto& c : rec.portfolio) out.push_back({c.forum, c.option});
  return out;
}

std::string signed_points(const Exact& x) { return (x > 0 ? "+" : "") + display::points(x); }

// The optimum with budget `r` at `amount`, everything else as `rec`: one what-if point.
std::optional<WhatIfPoint> solve_at(const Recommendation& rec, size_t r, const Exact& amount) {
  WhatIf w = what_if_budgets(rec, {{r, amount, amount, Exact(1)}}, false);
  if (w.status != AnswerStatus::kOptimal || w.points.empty()) return std::nullopt;
  return w.points.front();
}

// The trade-off sentences (issue 18 item 1): what the next step of money and the next
// ministerial day buy, and what a 30% cut of the money drops. The money step is 10,000 USD in
// the profile's currency, or a fifth of the budget when that is less (a small budget's next
// 10,000 USD is not a margin), rounded as the briefing shows money, so the sentence states the
// amount that was solved for.
std::vector<std::string> trade_offs(const Recommendation& rec) {
  std::vector<std::string> out;
  if (!rec.feasible() || rec.resources != kResources) return out;
  const std::string& cur = rec.currency;
  const std::vector<Pick> base = picks_of(rec);
  auto outcome = [&](const std::optional<WhatIfPoint>& p) -> std::string {
    if (!p) return "take longer to work out than the search allows (whichforum whatif gives the table)";
    if (!p->feasible) return "leave no portfolio that meets the constraints: " + p->infeasible_why;
    std::string d = portfolio_change(rec, base, p->portfolio);
    if (d.empty()) return "change nothing";
    return d + " (" + signed_points(p->value - rec.total_value) + " points)";
  };
  if (rec.budget[0] > 0) {
    const Exact usd_step = Exact(10000) / rec.usd_rate;
    const bool in_usd = usd_step <= rec.budget[0] / 5 && cur != "USD";
    const Exact step = display::money_rounded(std::min<Exact>(usd_step, rec.budget[0] / 5));
    if (step > 0) {
      std::string o = outcome(solve_at(rec, 0, rec.budget[0] + step));
      out.push_back("The next " + display::money(step, cur) + (in_usd ? " (about 10,000 USD)" : "") + " a year would " +
                    (o == "change nothing" ? "buy nothing more: money is not what holds the portfolio back" : o) + ".");
    }
  }
  {
    std::string o = outcome(solve_at(rec, 2, rec.budget[2] + 1));
    out.push_back("One more ministerial day a year would " +
                  (o == "change nothing" ? std::string("buy nothing more: ministers' time is not what holds it back") : o) + ".");
  }
  if (rec.budget[0] > 0) {
    const Exact cut = rec.budget[0] * Exact(7, 10);
    std::string o = outcome(solve_at(rec, 0, cut));
    out.push_back("A 30% cut in money (to " + display::money(cut, cur) + ") would " +
                  (o == "change nothing" ? "change nothing: the portfolio uses " + display::money(rec.total_cost[0], cur) : o) + ".");
  }
  return out;
}

// Page one's three sentences: the decision, what it serves at what cost against today, and why
// by the priorities weighed most. Made from the change table, so page one and the annex agree.
std::vector<std::string> summary_sentences(const Briefing& b, const Recommendation& rec, const Catalogue& cat) {
  if (!rec.feasible()) return {"No portfolio meets the constraints: " + rec.infeasible_why + "."};
  std::vector<std::string> keep, join, move, leave, coordinate;
  for (const auto& c : b.changes) {
    if (c.action == "keep") keep.push_back(c.name);
    else if (c.action == "join") join.push_back(c.name + " as " + c.to_option);
    else if (c.action == "upgrade" || c.action == "downgrade") move.push_back(c.name + " from " + c.from_option + " to " + c.to_option);
    else if (c.action == "leave") leave.push_back(c.name);
    else if (c.action == "coordinate") coordinate.push_back(c.name);
  }
  std::vector<std::string> parts;
  if (!keep.empty()) parts.push_back("keep " + join_words(keep));
  if (!join.empty()) parts.push_back("join " + join_words(join));
  if (!move.empty()) parts.push_back("move " + join_words(move));
  if (parts.empty()) parts.push_back("take part in no forum: none adds more than it costs within these budgets");
  parts.push_back(leave.empty() ? "leave nothing" : "leave " + join_words(leave));
  std::string decision;
  for (const auto& p : parts) decision += (decision.empty() ? "" : "; ") + p;
  if (!coordinate.empty()) {
    decision += "; coordinate on " + join_words(coordinate) + " with the ministry whose file " +
                (coordinate.size() == 1 ? "it is" : "they are");
  }
  std::vector<std::string> out{capitalised(decision) + "."};

  std::string serves = "This serves " + display::percent(b.coverage_total) + " of what these priorities could gain from forums";
  if (rec.baseline == Baseline::kCurrent) serves += " (today's memberships: " + display::percent(b.current_coverage) + ")";
  if (rec.resources == kResources) {
    serves += ", at " + display::money(rec.total_cost[0], rec.currency) + ", " + display::days_of(rec.total_cost[1], "staff") + " and " +
              display::days_of(rec.total_cost[2], "ministerial") + " a year";
  }
  out.push_back(serves + ".");

  // The two objectives weighed most: how much of each is served, and by which chosen forum most.
  std::vector<std::pair<Exact, size_t>> order;
  for (size_t k = 0; k < rec.objectives.size(); ++k) {
    const Exact w = rec.weights.at(rec.objectives[k]);
    if (w > 0) order.emplace_back(w, k);
  }
  std::stable_sort(order.begin(), order.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
  std::vector<std::string> why;
  for (size_t i = 0; i < order.size() && i < 2; ++i) {
    const size_t k = order[i].second;
    const Criterion* crit = cat.find_criterion(rec.objectives[k]);
    std::string name = mid_sentence(crit ? crit->name : rec.objectives[k]);
    const Exact cov = k < rec.objective_coverage.size() ? rec.objective_coverage[k] : Exact(0);
    const Choice* most = nullptr;
    Exact best = 0;
    for (const auto& c : rec.portfolio) {
      auto it = c.by_objective.find(rec.objectives[k]);
      if (it != c.by_objective.end() && it->second > best) best = it->second, most = &c;
    }
    std::string part = i == 0 ? name + " (" + display::percent(order[i].first * 100) + " of the weight) is " + display::percent(cov) + " served"
                              : name + " (" + display::percent(order[i].first * 100) + ") " + display::percent(cov);
    if (most) part += ", most by " + forum_name(rec, most->forum);
    why.push_back(part);
  }
  if (!why.empty()) {
    std::string w;
    for (const auto& part : why) w += (w.empty() ? "" : "; ") + part;
    out.push_back("Of the priorities weighed most, " + w + ".");
  }
  return out;
}

// How sure: the robustness over the weights, forum by forum, and the priority cases.
std::string how_sure(const Briefing& b, bool robust, bool point) {
  if (!b.feasible()) return "";
  std::string s;
  if (point) {
    s = "The profile gives exact weights, so there is no spread of weightings to test.";
  } else if (!robust) {
    s = "Too many portfolios to compare exactly under these preferences (whichforum robust says more).";
  } else {
    std::vector<std::string> core, other;
    for (const auto& r : b.portfolio) {
      if (!r.robust) continue;
      if (r.robust->label == RobustnessLabel::kCore) {
        core.push_back(r.name);
      } else {
        other.push_back(r.name + " in " + display::percent(r.robust->acceptability * 100) + " (" + r.robust->label_name() + ")");
      }
    }
    s = "Over the weightings the stated priorities allow";
    if (!core.empty()) s += ", " + join_words(core) + (core.size() == 1 ? " is" : " are") + " in every best portfolio (core)";
    if (!other.empty()) s += std::string(core.empty() ? ", " : "; ") + join_words(other) + " of the weightings sampled";
    if (core.empty() && other.empty()) s += ", no chosen forum could be rated";
    s += ".";
  }
  if (b.estimate_samples > 0) {
    std::vector<std::string> moved;
    for (const auto& r : b.portfolio) {
      if (r.joint_acceptability && *r.joint_acceptability < 1) {
        moved.push_back(r.name + " in " + display::percent(*r.joint_acceptability * 100));
      }
    }
    s += " Drawing every estimate within its range as well (" + std::to_string(b.estimate_samples) + " samples), " +
         (moved.empty() ? std::string("every chosen forum is in the best portfolio of every sample")
                        : join_words(moved) + " of them") + ".";
    s += b.estimate_flips.empty()
             ? " No estimate changes the recommendation within its range on its own (" + std::to_string(b.estimates_checked) + " checked)."
             : " Alone, " + std::to_string(b.estimate_flips.size()) + " of " + std::to_string(b.estimates_checked) +
                   " estimates can change it within their ranges; the nearest: " + b.estimate_flips.front() + ".";
  }
  size_t run = 0, changed = 0;
  const PriorityCase* first = nullptr;
  for (const auto& c : b.sensitivity.cases) {
    if (!c.skipped.empty()) continue;
    ++run;
    if (!c.same()) {
      ++changed;
      if (!first) first = &c;
    }
  }
  if (run > 0) {
    s += " Doubling or dropping one priority at a time ";
    std::string first_text = first ? priority_case_text(*first) : "";
    boost::algorithm::replace_all(first_text, " -> ", " to ");
    s += changed == 0 ? "leaves the portfolio as it is in all " + std::to_string(run) + " cases."
                      : "changes the portfolio in " + std::to_string(changed) + " of " + std::to_string(run) + " cases; the first: " +
                            first_text + ".";
  }
  return s;
}

}  // namespace

Briefing make_briefing(const Recommendation& rec, const Profile& profile, const Catalogue& cat,
                       const EstimateRobustness* estimates) {
  Briefing b;
  b.country = rec.country.name;
  b.iso3 = rec.country.iso3;
  b.currency = rec.currency;
  b.resources = rec.resources;
  b.budget = rec.budget;
  b.current_cost = rec.current_cost;
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
  if (estimates) {
    b.robustness_note += " Over estimates: the share of " + std::to_string(estimates->samples) +
                         " draws of the weights and of every estimate within its range together (seed " +
                         std::to_string(estimates->seed) + "); hinges on: the estimates that change the forum's place "
                         "within their ranges on their own.";
    b.estimate_flips.clear();
    for (const auto& f : estimates->flips) b.estimate_flips.push_back(flip_text(*estimates, f));
    b.estimates_checked = estimates->estimates_checked;
    b.estimate_count = estimates->estimates.size();
    b.estimate_samples = estimates->samples;
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
    if (estimates) {
      for (const auto& f : estimates->forums) {
        if (f.forum == c.forum) row.joint_acceptability = f.acceptability;
      }
      for (const auto* flip : flips_of(*estimates, c.forum)) {
        const std::string id = estimates->estimates[flip->estimate].id();
        if (std::find(row.hinges_on.begin(), row.hinges_on.end(), id) == row.hinges_on.end()) row.hinges_on.push_back(id);
      }
      // "core over weights; in 72% of samples over estimates; hinges on dn.early_warning".
      std::string over_weights = point ? "exact weights" : row.robust ? row.robust->label_name() + " over weights" : "n/a";
      if (row.robust && row.robust->label != RobustnessLabel::kCore) {
        over_weights += " (" + display::percent(row.robust->acceptability * 100) + ")";
      }
      row.robustness = over_weights + "; in " + display::percent(row.joint_acceptability.value_or(Exact(0)) * 100) +
                       " of samples over estimates";
      if (!row.hinges_on.empty()) {
        constexpr size_t kShown = 3;
        std::vector<std::string> shown(row.hinges_on.begin(),
                                       row.hinges_on.begin() + static_cast<long>(std::min(kShown, row.hinges_on.size())));
        row.robustness += "; hinges on " + boost::algorithm::join(shown, ", ");
        if (row.hinges_on.size() > kShown) row.robustness += " and " + std::to_string(row.hinges_on.size() - kShown) + " more";
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
    ch.from_option = before ? before->option.id : "";
    ch.to_option = after ? after->option.id : "";
    ch.cost_change.assign(rec.resources.size(), Exact(0));
    if (as.other_remit) {
      // Another ministry's file: nothing changes here (not in today's costs, not in the
      // recommendation); the row says whom to coordinate with.
      ch.action = "coordinate";
      ch.to_level = ch.from_level;  // held on by the ministry whose file it is
      ch.to_option = ch.from_option;
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
      for (const auto& c : rec.portfolio) {
        if (c.forum == as.forum.id) ch.note = c.change;
      }
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
    // A sweep cut short by the search limit draws no chart rather than part of one.
    const std::vector<Pick>* before = nullptr;
    static const std::vector<Pick> kNothing;
    for (const auto& p : w.points) {
      if (!p.feasible || w.status != AnswerStatus::kOptimal) continue;
      ChartPoint cp{p.budget[0], p.value, {}, {}};
      // What enters or leaves against the point before (against nothing at the first).
      std::map<std::string, std::string> was, now;
      for (const auto& x : before ? *before : kNothing) was[x.forum] = x.level;
      for (const auto& x : p.portfolio) now[x.forum] = x.level;
      for (const auto& [f, o] : now) {
        auto it = was.find(f);
        if (it == was.end() || it->second != o) cp.entered.push_back(pick_text(rec, {f, o}));
      }
      for (const auto& [f, o] : was) {
        auto it = now.find(f);
        if (it == now.end() || it->second != o) cp.left.push_back(pick_text(rec, {f, o}));
      }
      b.chart.push_back(std::move(cp));
      before = &p.portfolio;
    }
  }

  if (rec.feasible()) b.sensitivity = priority_sensitivity(profile, cat, rec);

  // Coverage by objective, today and recommended, objectives by weight (the first chart).
  {
    const std::vector<Exact> today = rec.baseline == Baseline::kCurrent
                                         ? objective_coverage(rec, today_choice(rec), &b.current_coverage)
                                         : std::vector<Exact>(rec.objectives.size(), Exact(0));
    b.coverage_total = rec.coverage_total;
    std::vector<std::pair<Exact, CoverageRow>> by_weight;
    for (size_t k = 0; k < rec.objectives.size(); ++k) {
      const Exact w = rec.weights.at(rec.objectives[k]);
      if (w == 0) continue;
      const Criterion* crit = cat.find_criterion(rec.objectives[k]);
      by_weight.emplace_back(w, CoverageRow{crit ? crit->name : rec.objectives[k], today[k],
                                            k < rec.objective_coverage.size() ? rec.objective_coverage[k] : Exact(0)});
    }
    std::stable_sort(by_weight.begin(), by_weight.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
    for (auto& [w, row] : by_weight) b.coverage_rows.push_back(std::move(row));
  }

  b.summary = summary_sentences(b, rec, cat);
  b.trade_offs = trade_offs(rec);
  b.how_sure = how_sure(b, robust.has_value(), point);

  std::string profile_text;
  for (const auto& line : profile.source->lines) profile_text += line + "\n";
  b.version = kVersion;
  b.input_hash = hex(fnv1a(profile_text, cat.digest));
  b.data_as_of = cat.data.data_as_of;
  return b;
}

}  // namespace whichforum
