// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Properties of the model that hold on any input, checked exactly (rationals, never floats) over
// seeded random problems, seeded synthetic instances (bench/generator.h) and the shipped profiles:
//  - more of any budget never lowers the optimum, nor makes a feasible problem infeasible;
//  - adding an option (a level, a forum, or lifting an exclusion) never lowers it;
//  - every report's rows sum to its totals: values minus overlap equal the total value, costs per
//    resource equal the total cost, in the recommendation, the briefing, each what-if row and
//    frontier point, and the robustness counts;
//  - the same input gives byte-identical output twice in one process (every renderer, every
//    format), from a catalogue loaded anew each time.
#include "bench/generator.h"
#include "engine/solve/lp_export.h"
#include "engine/solve/solver.h"
#include "random_problems.h"
#include "engine/whatif.h"
#include "tests/test_support.h"

#include <doctest/doctest.h>

#include "engine/report_format.h"

#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace whichforum {

namespace {

using test::Rng;
using test::item_id;

// The random instances of tests/solver_test.cpp, up to 14 items here.
Problem small_problem(Rng& rng, bool small_integers) { return test::random_problem(rng, small_integers, 14); }

// A random option for a problem with `resources` resources: any value (negative too, which the
// optimum may simply not take) and cost.
Option random_option(Rng& rng, size_t resources) {
  Option o{"extra", Exact(rng.between(-200, 4000), rng.between(1, 40)), {}, {}};
  for (size_t r = 0; r < resources; ++r) o.cost.push_back(Exact(rng.between(0, 5000), rng.between(1, 7)));
  return o;
}

// `with` is a relaxation of `base` (more budget, one more option): its optimum is at least base's.
void check_not_lower(const Solution& base, const Solution& with) {
  REQUIRE(!base.limit_reached());
  REQUIRE(!with.limit_reached());
  if (!base.optimal()) return;
  REQUIRE(with.optimal());
  CHECK(with.value >= base.value);
}

// A solution's value and costs worked out again from its choice alone.
void check_solution_sums(const Problem& p, const Solution& s) {
  Exact value = 0;
  std::vector<Exact> cost(p.resources.size(), Exact(0));
  size_t count = 0;
  for (size_t i = 0; i < s.choice.size(); ++i) {
    if (s.choice[i] < 0) {
      value += p.items[i].none_value;  // leaving a current membership
      continue;
    }
    const Option& o = p.items[i].options[static_cast<size_t>(s.choice[i])];
    value += o.value;
    for (size_t r = 0; r < cost.size(); ++r) cost[r] += o.cost[r];
    ++count;
  }
  for (const auto& q : p.penalties) {
    if (s.choice[q.a] >= 0 && s.choice[q.b] >= 0) value -= q.amount;
  }
  value += coverage_value(p, s.choice);
  CHECK(s.value == value);
  CHECK(s.cost == cost);
  CHECK(s.count == count);
  for (size_t r = 0; r < cost.size(); ++r) CHECK(cost[r] <= p.budget[r]);
}

// One model input: a profile and the catalogue it is recommended from.
struct Instance {
  std::string name;
  const Catalogue* catalogue;
  Profile profile;
};

// Catalogues of the synthetic instances, kept for the process: a recommendation points into its.
std::vector<std::unique_ptr<Catalogue>>& kept_catalogues() {
  static std::vector<std::unique_ptr<Catalogue>> kept;
  return kept;
}

// The shipped profiles, and seeded synthetic instances with constraints (must, exclude,
// max_forums, requires, at_most_one_of) loaded as the CLI loads them.
const std::vector<Instance>& instances() {
  static const std::vector<Instance> all = [] {
    std::vector<Instance> out;
    for (const char* name : {"uruguay", "canada", "estonia"}) {
      out.push_back({name, &test::shipped(), test::shipped_profile(name)});
    }
    const std::string src = WHICHFORUM_SOURCE_DIR;
    const CatalogueDirs shipped_dirs{src + "/forums", src + "/criteria", src + "/data"};
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
      bench::InstanceSpec spec;
      spec.seed = seed;
      spec.forums = 10;
      spec.constraints = true;
      auto files = bench::generate_instance(spec, shipped_dirs);
      REQUIRE(files.ok());
      bench::InstanceFileSystem memory("g", *files.value);
      CatalogueDirs dirs = shipped_dirs;
      dirs.forums = "g/forums";
      auto cat = load_catalogue(memory, dirs);
      INFO(test::messages(cat.diagnostics));
      REQUIRE(cat.ok());
      auto doc = load_document(memory, "g/profile.toml");
      REQUIRE(doc.ok());
      auto profile = parse_profile(*doc.value);
      INFO(test::messages(profile.diagnostics));
      REQUIRE(profile.ok());
      kept_catalogues().push_back(std::make_unique<Catalogue>(std::move(*cat.value)));
      REQUIRE(validate_profile(*profile.value, *kept_catalogues().back()).ok());
      out.push_back({"synthetic seed " + std::to_string(seed), kept_catalogues().back().get(), std::move(*profile.value)});
    }
    return out;
  }();
  return all;
}

Recommendation recommend_ok(const Profile& profile, const Catalogue& catalogue) {
  auto r = recommend(profile, catalogue);
  INFO(test::messages(r.diagnostics));
  REQUIRE(r.ok());
  return std::move(*r.value);
}

// `profile` with budget `r` raised to budget * factor + add.
Profile with_budget(const Profile& profile, size_t r, const Exact& factor, const Exact& add) {
  Profile p = profile;
  auto raise = [&](Exact& b) { b = b * factor + add; };
  if (!p.resources.empty()) {
    raise(p.resources[r].budget);
  } else if (r == 0) {
    raise(p.capacity.money);
  } else if (r == 1) {
    raise(p.capacity.staff_days);
  } else {
    raise(p.capacity.ministerial_days);
  }
  return p;
}

bool is_must(const Profile& p, const std::string& id) {
  for (const auto& m : p.constraints.must) {
    if (m.id == id) return true;
  }
  return false;
}

// The problem's choice for a list of (forum, level) picks, through the recommendation's items.
std::vector<int> choice_of(const Recommendation& rec, const std::vector<Pick>& picks) {
  std::vector<int> choice(rec.problem.items.size(), -1);
  for (const auto& pick : picks) {
    bool found = false;
    for (size_t i = 0; i < rec.problem.items.size(); ++i) {
      if (rec.problem.items[i].id != pick.forum) continue;
      for (size_t o = 0; o < rec.problem.items[i].options.size(); ++o) {
        if (rec.problem.items[i].options[o].label == pick.level) {
          choice[i] = static_cast<int>(o);
          found = true;
        }
      }
    }
    INFO(pick.forum << " at " << pick.level);
    CHECK(found);
  }
  return choice;
}

// A row of a report (value and cost per resource) is the model's own evaluation of its picks
// under `budget`, and within it.
void check_row(const Recommendation& rec, const std::vector<Pick>& picks, const std::vector<Exact>& budget,
               const Exact& value, const std::vector<Exact>& cost) {
  Problem p = rec.problem;
  for (size_t r = 0; r < budget.size(); ++r) p.budget[r] = budget[r];  // the problem's own rows after them stay
  Evaluation s = evaluate(p, choice_of(rec, picks));
  CHECK(s.meets_constraints);
  CHECK(s.value == value);
  CHECK(std::vector<Exact>(s.cost.begin(), s.cost.begin() + static_cast<long>(cost.size())) == cost);
}

}  // namespace

TEST_SUITE("properties") {
  TEST_CASE("property: more of any budget never lowers the optimum (random problems)") {
    Rng rng(1901);
    int compared = 0;
    for (int trial = 0; trial < 300; ++trial) {
      Problem p = small_problem(rng, trial % 2 == 0);
      Solution base = solve(p);
      CAPTURE(trial);
      for (size_t r = 0; r < p.resources.size(); ++r) {
        Problem more = p;
        // Sometimes a sliver (a fraction of a unit), sometimes up to as much again.
        more.budget[r] += rng.between(0, 1) == 0 ? Exact(1, rng.between(1, 9)) : p.budget[r] * rng.between(0, 100) / 100;
        check_not_lower(base, solve(more));
      }
      Problem all = p;
      for (auto& b : all.budget) b = b * 2 + 1;
      check_not_lower(base, solve(all));
      compared += base.optimal() ? 1 : 0;
    }
    CHECK(compared > 150);  // most instances are feasible, so the comparisons are real
  }

  TEST_CASE("property: adding an option or an item never lowers the optimum (random problems)") {
    Rng rng(1902);
    int compared = 0;
    for (int trial = 0; trial < 300; ++trial) {
      Problem p = small_problem(rng, trial % 2 == 0);
      Solution base = solve(p);
      CAPTURE(trial);
      // One more option for an item (after its others: the most committed level).
      Problem more = p;
      size_t i = static_cast<size_t>(rng.between(0, static_cast<long long>(p.items.size()) - 1));
      more.items[i].options.push_back(random_option(rng, p.resources.size()));
      check_not_lower(base, solve(more));
      // One more item, last in id order, with one or two options and an overlap with item 0.
      Problem bigger = p;
      Item extra{"zz", {random_option(rng, p.resources.size())}, {}};
      if (rng.between(0, 1) == 0) extra.options.push_back(random_option(rng, p.resources.size()));
      bigger.items.push_back(extra);
      bigger.penalties.push_back({0, bigger.items.size() - 1, Exact(rng.between(0, 900), rng.between(1, 9))});
      check_not_lower(base, solve(bigger));
      compared += base.optimal() ? 1 : 0;
    }
    CHECK(compared > 150);
  }

  TEST_CASE("property: a solution's value and costs are its options' minus overlaps (random problems)") {
    Rng rng(1903);
    for (int trial = 0; trial < 300; ++trial) {
      Problem p = small_problem(rng, trial % 2 == 0);
      Solution s = solve(p);
      CAPTURE(trial);
      if (s.optimal()) check_solution_sums(p, s);
    }
  }

  TEST_CASE("property: more of any budget never lowers the model's optimum (shipped and synthetic)") {
    for (const auto& in : instances()) {
      CAPTURE(in.name);
      Recommendation base = recommend_ok(in.profile, *in.catalogue);
      REQUIRE(base.feasible());
      for (size_t r = 0; r < base.resources.size(); ++r) {
        CAPTURE(r);
        for (const auto& [factor, add] : {std::pair{Exact(1), Exact(1, 100)}, std::pair{Exact(3, 2), Exact(1)},
                                          std::pair{Exact(4), Exact(0)}}) {
          Recommendation more = recommend_ok(with_budget(in.profile, r, factor, add), *in.catalogue);
          REQUIRE(more.feasible());
          CHECK(more.total_value >= base.total_value);
        }
      }
      // Along a what-if sweep of each budget from nothing to twice it, the optimum never falls
      // and, once feasible, stays so.
      for (size_t r = 0; r < base.resources.size(); ++r) {
        CAPTURE(r);
        Exact hi = base.budget[r] * 2;
        if (hi == 0) continue;
        WhatIf w = what_if_budgets(base, {{r, Exact(0), hi, hi / 10}}, false);
        REQUIRE(w.status == AnswerStatus::kOptimal);
        REQUIRE(w.points.size() == 11);
        for (size_t k = 1; k < w.points.size(); ++k) {
          if (!w.points[k - 1].feasible) continue;
          REQUIRE(w.points[k].feasible);
          CHECK(w.points[k].value >= w.points[k - 1].value);
        }
      }
      // The briefing's chart (money budget, optimal value) never falls either.
      Briefing b = make_briefing(base, in.profile, *in.catalogue);
      for (size_t k = 1; k < b.chart.size(); ++k) {
        CHECK(b.chart[k].money > b.chart[k - 1].money);
        CHECK(b.chart[k].value >= b.chart[k - 1].value);
      }
    }
  }

  TEST_CASE("property: lifting an exclusion or adding a level never lowers the model's optimum") {
    for (const auto& in : instances()) {
      CAPTURE(in.name);
      Recommendation base = recommend_ok(in.profile, *in.catalogue);
      REQUIRE(base.feasible());
      // Excluding a forum takes options away: the optimum without it is at most the optimum
      // with it, and exactly it when the forum was not chosen.
      int chosen_excluded = 0;
      for (const auto& f : in.catalogue->forums) {
        if (is_must(in.profile, f.id)) continue;
        bool excluded = false;
        for (const auto& e : in.profile.constraints.exclude) excluded = excluded || e.id == f.id;
        if (excluded) continue;
        CAPTURE(f.id);
        Profile fewer = in.profile;
        fewer.constraints.exclude.push_back({f.id, {}});
        Recommendation without = recommend_ok(fewer, *in.catalogue);
        bool chosen = false;
        for (const auto& c : base.portfolio) chosen = chosen || c.forum == f.id;
        if (!chosen) {
          REQUIRE(without.feasible());
          CHECK(without.total_value == base.total_value);
        } else {
          ++chosen_excluded;
          if (without.feasible()) CHECK(without.total_value <= base.total_value);
        }
      }
      CHECK(chosen_excluded > 0);
      // The model's own problem less an item's most committed option (or its only one): the
      // full problem, with that option added back, is worth at least as much.
      for (size_t i = 0; i < base.problem.items.size(); ++i) {
        if (base.problem.items[i].options.empty()) continue;
        CAPTURE(base.problem.items[i].id);
        Problem fewer = base.problem;
        fewer.items[i].options.pop_back();
        Solution s = solve(fewer);
        REQUIRE(!s.limit_reached());
        if (s.optimal()) CHECK(s.value <= base.total_value);
      }
    }
  }

  TEST_CASE("property: every report's rows sum to its totals (shipped and synthetic)") {
    for (const auto& in : instances()) {
      CAPTURE(in.name);
      Recommendation rec = recommend_ok(in.profile, *in.catalogue);
      REQUIRE(rec.feasible());
      const size_t nr = rec.resources.size();
      // The recommendation: its portfolio rows, less the overlap of the chosen pairs.
      Exact value = 0, overlap = 0;
      std::vector<Exact> cost(nr, Exact(0));
      std::vector<Pick> picks;
      for (const auto& c : rec.portfolio) {
        value += c.value;
        for (size_t r = 0; r < nr; ++r) cost[r] += c.cost[r];
        picks.push_back({c.forum, c.option});
        // A row's split by objective adds up to its value.
        Exact split = 0;
        for (const auto& [objective, part] : c.by_objective) split += part;
        CAPTURE(c.forum);
        CHECK(split == c.value);
      }
      // What the chosen forums alone add up to beyond what they serve together: recomputed
      // here from each option's shares (the product over the chosen, need by need).
      {
        std::vector<Exact> left(rec.problem.needs.size(), Exact(1));
        Exact alone = 0;
        for (size_t i = 0; i < rec.problem.items.size(); ++i) {
          if (rec.solution.choice[i] < 0) continue;
          for (const auto& [k, share] : rec.problem.items[i].options[static_cast<size_t>(rec.solution.choice[i])].shares) {
            left[k] *= 1 - share;
            alone += rec.problem.needs[k].weight * share;
          }
        }
        Exact together = 0;
        for (size_t k = 0; k < left.size(); ++k) together += rec.problem.needs[k].weight * (1 - left[k]);
        overlap = alone - together;
        CHECK(together <= 100);
        CHECK(rec.coverage_total == together);
      }
      CHECK(rec.overlap_loss == overlap);
      Exact left = 0;
      for (size_t i = 0; i < rec.problem.items.size(); ++i) {
        if (rec.solution.choice[i] < 0) left -= rec.problem.items[i].none_value;
      }
      CHECK(rec.leave_loss == left);
      CHECK(value - rec.overlap_loss - rec.leave_loss - rec.price_total == rec.total_value);
      CHECK(cost == rec.total_cost);
      check_row(rec, picks, rec.budget, rec.total_value, rec.total_cost);
      check_solution_sums(rec.problem, rec.solution);

      // The briefing: its rows the same way.
      Briefing b = make_briefing(rec, in.profile, *in.catalogue);
      Exact bvalue = 0;
      std::vector<Exact> bcost(nr, Exact(0));
      for (const auto& row : b.portfolio) {
        bvalue += row.value;
        for (size_t r = 0; r < nr; ++r) bcost[r] += row.cost[r];
      }
      CHECK(b.portfolio.size() == rec.portfolio.size());
      CHECK(bvalue - b.overlap_loss - b.leave_loss - b.price_total == b.total_value);
      // Its change table adds up to the recommended total minus today's (issue 13 item 5).
      Exact changes = b.overlap_change;
      for (const auto& ch : b.changes) changes += ch.value_change;
      CHECK(changes == b.total_value - b.current_value);
      CHECK(b.total_value == rec.total_value);
      CHECK(bcost == b.total_cost);

      // Each what-if row (a sweep of the first budget from a quarter to twice it) and each
      // point of the efficient frontier: its value and costs are its portfolio's.
      Exact b0 = rec.budget[0];
      if (b0 > 0) {
        WhatIf w = what_if_budgets(rec, {{0, b0 / 4, b0 * 2, b0 / 4}}, true);
        REQUIRE(w.status == AnswerStatus::kOptimal);
        REQUIRE(w.points.size() == 8);
        for (const auto& pt : w.points) {
          CAPTURE(pt.label);
          if (pt.feasible) check_row(rec, pt.portfolio, pt.budget, pt.value, pt.cost);
        }
        REQUIRE(!w.frontier.empty());
        for (const auto& fp : w.frontier) {
          std::vector<Exact> roomy = rec.budget;
          roomy[w.frontier_resource] = fp.cost[w.frontier_resource];
          check_row(rec, fp.portfolio, roomy, fp.value, fp.cost);
        }
      }

      // Robustness: every sample has one winner, so the portfolios' wins add up to the samples,
      // a forum's wins are those of the portfolios holding it, and acceptability is wins over
      // samples exactly.
      RobustOptions opts;
      opts.samples = 1000;
      opts.smallest_change = false;
      auto rob = robustness(rec, in.profile, opts);
      REQUIRE(rob.status == AnswerStatus::kOptimal);
      CHECK(rob.samples == 1000);
      std::uint64_t wins = 0;
      for (const auto& pr : rob.portfolios) {
        wins += pr.wins;
        CHECK(pr.acceptability == Exact(pr.wins) / Exact(rob.samples));
      }
      CHECK(wins == rob.samples);
      for (const auto& fr : rob.forums) {
        std::uint64_t holding = 0;
        for (const auto& pr : rob.portfolios) {
          if (rob.nondominated[pr.index].choice[fr.item] >= 0) holding += pr.wins;
        }
        CAPTURE(fr.item);
        CHECK(fr.wins == holding);
        CHECK(fr.acceptability == Exact(fr.wins) / Exact(rob.samples));
      }
    }
  }

  TEST_CASE("property: keep_current keeps every current membership, or says which budget forbids it") {
    // Shipped profiles with a budget cut that today's memberships no longer fit, and init profiles.
    std::vector<Profile> profiles;
    for (const char* name : {"uruguay", "canada", "estonia"}) {
      Profile p = test::shipped_profile(name);
      profiles.push_back(p);
      p.capacity.staff_days = p.capacity.staff_days / 2;
      profiles.push_back(p);
    }
    for (const char* iso3 : {"KEN", "JPN", "BRA", "EST", "MEX", "GBR", "KOR", "URY"}) {
      auto text = test::shipped_session().starter_profile(iso3);
      REQUIRE(text.ok());
      profiles.push_back(test::profile_text(*text.value));
    }
    size_t kept_all = 0, refused = 0;
    for (Profile p : profiles) {
      p.constraints.keep_current = true;
      const Recommendation rec = test::run(p);
      CAPTURE(rec.country.iso3);
      if (rec.feasible()) {
        ++kept_all;
        for (const auto& as : rec.assessments) {
          if (!as.current || as.other_remit || as.excluded) continue;
          bool in = false;
          for (const auto& c : rec.portfolio) in = in || c.forum == as.forum.id;
          CHECK_MESSAGE(in, as.forum.id);
        }
      } else {
        ++refused;
        CHECK(rec.status == AnswerStatus::kInfeasible);
        // The reason names the budget and the shortfall.
        CHECK((rec.infeasible_why.find("staff days") != std::string::npos ||
               rec.infeasible_why.find("USD") != std::string::npos ||
               rec.infeasible_why.find("EUR") != std::string::npos ||
               rec.infeasible_why.find("ministerial days") != std::string::npos));
      }
    }
    CHECK(kept_all > 0);
    CHECK(refused > 0);  // the halved staff budgets cannot hold today's memberships
  }
  TEST_CASE("property: the recommendation's text fits a 100-column terminal, with one reason per chosen forum") {
    // Issue 18 item 4: shipped profiles and init profiles (long names, many not-chosen reasons).
    std::vector<Profile> profiles;
    for (const char* name : {"uruguay", "canada", "estonia"}) profiles.push_back(test::shipped_profile(name));
    for (const char* iso3 : {"KEN", "JPN", "BRA", "EST", "MEX", "GBR", "KOR", "URY", "PNG", "SAU"}) {
      auto text = test::shipped_session().starter_profile(iso3);
      REQUIRE(text.ok());
      profiles.push_back(test::profile_text(*text.value));
    }
    for (const Profile& p : profiles) {
      const Recommendation rec = test::run(p);
      CAPTURE(rec.country.iso3);
      REQUIRE(rec.feasible());
      const std::string text = render_recommendation(rec, Format::kText);
      size_t start = 0, widest = 0;
      while (start < text.size()) {
        const size_t end = text.find('\n', start);
        widest = std::max(widest, detail::display_width(std::string_view(text).substr(start, end - start)));
        start = end + 1;
      }
      CHECK(widest <= detail::kTextWidth);
      for (const auto& c : rec.portfolio) CHECK(text.find("\n  " + c.forum + ": ") != std::string::npos);
      // --wide keeps the per-objective columns the default leaves out.
      const std::string wide = render_recommendation(rec, Format::kText, true);
      for (const auto& [k, w] : rec.weights) {
        if (w > 0) CHECK(wide.find(k + " ") != std::string::npos);
      }
    }
  }
  TEST_CASE("property: the same input gives byte-identical output twice in one process") {
    const std::string src = WHICHFORUM_SOURCE_DIR;
    // Everything each renderer prints for one profile, from a catalogue and profile loaded anew.
    auto outputs = [&](const std::string& name) {
      RealFileSystem fs;
      auto cat = load_catalogue(fs, {src + "/forums", src + "/criteria", src + "/data"});
      REQUIRE(cat.ok());
      auto doc = load_document(fs, src + "/profiles/" + name + ".toml");
      REQUIRE(doc.ok());
      auto profile = parse_profile(*doc.value);
      REQUIRE(profile.ok());
      REQUIRE(validate_profile(*profile.value, *cat.value).ok());
      Recommendation rec = recommend_ok(*profile.value, *cat.value);
      std::vector<std::string> out;
      for (Format f : {Format::kText, Format::kJson, Format::kMarkdown, Format::kCsv}) {
        out.push_back(render_recommendation(rec, f));
      }
      Briefing b = make_briefing(rec, *profile.value, *cat.value);
      for (BriefFormat f : {BriefFormat::kMarkdown, BriefFormat::kHtml, BriefFormat::kCsv, BriefFormat::kJson}) {
        out.push_back(render_brief(b, f));
      }
      WhatIf w = what_if_budgets(rec, {{0, rec.budget[0] / 2, rec.budget[0] * 2, rec.budget[0] / 2}}, true);
      for (Format f : {Format::kText, Format::kJson, Format::kMarkdown, Format::kCsv}) out.push_back(render_whatif(w, f));
      for (const auto& f : cat.value->forums) out.push_back(render_explain(explain_forum(rec, f.id)));
      RobustOptions opts;
      opts.samples = 500;
      auto rob = robustness(rec, *profile.value, opts);
      REQUIRE(rob.status == AnswerStatus::kOptimal);
      for (Format f : {Format::kText, Format::kJson}) out.push_back(render_robust(rec, *profile.value, rob, nullptr, f));
      out.push_back(export_lp(rec.problem, name, &rec.solution).text);
      return out;
    };
    for (const char* name : {"uruguay", "canada", "estonia"}) {
      CAPTURE(name);
      auto first = outputs(name);
      auto second = outputs(name);
      REQUIRE(first.size() == second.size());
      for (size_t k = 0; k < first.size(); ++k) {
        CAPTURE(k);
        CHECK(!first[k].empty());
        CHECK(first[k] == second[k]);
      }
    }
  }
}

}  // namespace whichforum
