// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The seeded instance generator: the same files for a seed on every compiler, valid and shaped.
#include "bench/generator.h"

#include <doctest/doctest.h>

namespace whichforum {

namespace {

CatalogueDirs shipped() {
  const std::string src = WHICHFORUM_SOURCE_DIR;
  return {src + "/forums", src + "/criteria", src + "/data"};
}

std::uint64_t digest(const std::map<std::string, std::string>& files) {
  std::uint64_t h = fnv1a("");
  for (const auto& [path, text] : files) h = fnv1a(text, fnv1a(path, h));
  return h;
}

// A generated instance loaded as the CLI would: its catalogue (with the shipped criteria and
// data) and its profile.
struct Loaded {
  Catalogue catalogue;
  Profile profile;
};

std::optional<Loaded> load_instance(const std::map<std::string, std::string>& files) {
  bench::InstanceFileSystem memory("g", files);
  CatalogueDirs dirs = shipped();
  dirs.forums = "g/forums";
  auto cat = load_catalogue(memory, dirs);
  auto doc = load_document(memory, "g/profile.toml");
  if (!cat.ok() || !doc.ok()) return std::nullopt;
  auto profile = parse_profile(*doc.value);
  if (!profile.ok()) return std::nullopt;
  return Loaded{std::move(*cat.value), std::move(*profile.value)};
}

}  // namespace

TEST_SUITE("generator") {
  TEST_CASE("generator: splitmix64 gives the published first outputs for seed 1234567") {
    // Reference values of splitmix64 (Vigna's splitmix64.c) from seed 1234567.
    bench::SplitMix64 rng(1234567);
    CHECK(rng.next() == 6457827717110365317ULL);
    CHECK(rng.next() == 3203168211198807973ULL);
    CHECK(rng.next() == 9817491932198370423ULL);
  }
  TEST_CASE("generator: one seed gives the same files every time and on every compiler") {
    bench::InstanceSpec spec;
    spec.seed = 7;
    spec.forums = 6;
    auto a = bench::generate_instance(spec, shipped());
    auto b = bench::generate_instance(spec, shipped());
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(*a.value == *b.value);
    // The digest pins the stream: gcc and clang (./dev test-clang) must both give it.
    CHECK(digest(*a.value) == 6512735033792209410ULL);
    spec.seed = 8;
    auto c = bench::generate_instance(spec, shipped());
    REQUIRE(c.ok());
    CHECK(digest(*c.value) != digest(*a.value));
  }
  TEST_CASE("generator: every fact is an estimate saying it is synthetic, and budgets bind") {
    bench::InstanceSpec spec;
    spec.seed = 11;
    spec.forums = 12;
    spec.constraints = true;
    auto files = bench::generate_instance(spec, shipped());
    REQUIRE(files.ok());
    CHECK(files.value->size() == 13);
    const std::string& forum = files.value->at("forums/s001.toml");
    size_t facts = 0, synthetic = 0;
    for (size_t at = forum.find("{ value = "); at != std::string::npos; at = forum.find("{ value = ", at + 1)) ++facts;
    for (size_t at = forum.find("estimate = true, reason = \"synthetic instance, seed 11\""); at != std::string::npos;
         at = forum.find("estimate = true, reason = \"synthetic instance, seed 11\"", at + 1)) {
      ++synthetic;
    }
    CHECK(facts >= 20);
    CHECK(synthetic == facts);
    auto loaded = load_instance(*files.value);
    REQUIRE(loaded.has_value());
    CHECK(loaded->catalogue.forums.size() == 12);
    auto rec = recommend(loaded->profile, loaded->catalogue);
    REQUIRE(rec.ok());
    // Money binds: the budget is 20-60% of taking every forum at its most committed level.
    Exact most = 0;
    for (const auto& item : rec.value->problem.items) {
      Exact m = 0;
      for (const auto& o : item.options) m = std::max(m, o.cost[0]);
      most += m;
    }
    CHECK(rec.value->budget[0] * 5 >= most);
    CHECK(rec.value->budget[0] * 5 <= most * 3 + 5);
  }
  TEST_CASE("generator: --rough states the drawn weights' order as a ranking, all else the same") {
    bench::InstanceSpec spec;
    spec.seed = 1015;
    spec.forums = 15;
    auto exact = bench::generate_instance(spec, shipped());
    spec.rough = true;
    auto rough = bench::generate_instance(spec, shipped());
    REQUIRE(exact.ok());
    REQUIRE(rough.ok());
    for (const auto& [path, text] : *exact.value) {
      if (path != "profile.toml") CHECK(rough.value->at(path) == text);
    }
    auto weights = [](const std::string& files_profile) {
      const std::map<std::string, std::string> files = {{"profile.toml", files_profile}};
      bench::InstanceFileSystem memory("g", files);
      auto doc = load_document(memory, "g/profile.toml");
      REQUIRE(doc.ok());
      auto profile = parse_profile(*doc.value);
      REQUIRE(profile.ok());
      return *profile.value;
    };
    const Profile a = weights(exact.value->at("profile.toml")), b = weights(rough.value->at("profile.toml"));
    CHECK(a.capacity.money == b.capacity.money);
    CHECK(a.weight_set->vertices.size() == 1);
    // Seed 1015 draws peer_learning 15 > professional_network 14 > code_sharing = digital_trade 10
    // > early_warning = norm_setting 8 > branding 1.
    CHECK(exact.value->at("profile.toml").find("peer_learning = 15\nprofessional_network = 14\n") != std::string::npos);
    CHECK(rough.value->at("profile.toml").find(
              "ranking = [\"peer_learning\", \"professional_network\", [\"code_sharing\", \"digital_trade\"], "
              "[\"early_warning\", \"norm_setting\"], \"branding\"]\n") != std::string::npos);
    // The exact weights lie in the ranking's weight set: the ranking only forgets the numbers.
    CHECK(b.weight_set->vertices.size() == 5);
    std::vector<Exact> w;
    for (const auto& id : b.weight_set->objectives) w.push_back(normalised_weights(a).at(id));
    CHECK(b.weight_set->contains(w));
    // ... and not every weighting is: all weight on the last-ranked objective breaks the ranking.
    std::vector<Exact> last(w.size(), Exact(0));
    for (size_t k = 0; k < w.size(); ++k) {
      if (b.weight_set->objectives[k] == "branding") last[k] = 1;
    }
    CHECK_FALSE(b.weight_set->contains(last));
  }
  TEST_CASE("generator/robust: the non-dominated search finishes a 15-forum ranking, and its set is right") {
    // Seed 1015, 15 forums x 3 levels, 3 binding budgets, overlap, a ranking of 7 objectives
    // (5 extreme points): 9 non-dominated portfolios. Too many portfolios (4^15) for the brute
    // force, so the set is checked against what the exact solver proves: at every extreme point
    // and at the centre the best of the set is worth the optimum there, no member dominates
    // another, and each meets every constraint. The node limit only says "quickly" (the
    // Lagrangian bounds took 125,974 nodes; the older knapsack bounds 457,375): a better bound
    // passes this test, a worse one fails it by taking longer, not by a count it must equal.
    bench::InstanceSpec spec;
    spec.seed = 1015;
    spec.forums = 15;
    spec.rough = true;
    auto files = bench::generate_instance(spec, shipped());
    REQUIRE(files.ok());
    auto loaded = load_instance(*files.value);
    REQUIRE(loaded.has_value());
    // Unpriced resources, so that many portfolios compete (prices make most options dominated:
    // 2 non-dominated portfolios instead of 7), which is what this search test needs.
    for (const char* k : {"price_per_1000_usd", "price_per_staff_day", "price_per_ministerial_day"})
      loaded->profile.assumptions[k] = 0;
    auto rec = recommend(loaded->profile, loaded->catalogue);
    REQUIRE(rec.ok());
    REQUIRE(rec.value->feasible());
    const LinearProblem lp = linear_problem(*rec.value);
    const WeightSet& set = *loaded->profile.weight_set;
    // A limit far below what the search needs gives "limit reached" and no portfolio, never a
    // partial set.
    const NondominatedSet stopped = nondominated(lp, set, 10);
    CHECK(stopped.status == AnswerStatus::kLimitReached);
    CHECK(stopped.portfolios.empty());
    // With coverage the search's bound per vertex is weaker than the linear model's Lagrangian
    // one (the sum of each free forum's gain given what is held): it needs more than 2 x 10^5
    // nodes here, within 2 x 10^6 (about a second).
    const NondominatedSet nd = nondominated(lp, set, 2000000);
    REQUIRE(nd.status == AnswerStatus::kOptimal);
    const std::vector<Nondominated>& all = nd.portfolios;
    CHECK(all.size() == 2);  // 9 before issue 13 (leaving costs), 7 after it; 6 with prices, theme relevance
                             // and no stated themes (factor 1); 2 with coverage (a forum adds less
                             // next to others, so most portfolios are dominated); the checks below
                             // prove the set
    std::vector<std::vector<Exact>> points = set.vertices;
    points.push_back(set.central);
    for (const auto& w : points) {
      const Problem at = at_weights(lp, w);
      const Solution best = solve(at);
      REQUIRE(best.optimal());
      Exact top = evaluate(at, all.front().choice).value;
      for (const auto& p : all) top = std::max(top, evaluate(at, p.choice).value);
      // A portfolio optimal there is in the set or matched there by one that dominates it.
      CHECK(top == best.value);
    }
    for (size_t a = 0; a < all.size(); ++a) {
      CHECK(evaluate(lp.problem, all[a].choice).meets_constraints);
      for (size_t b = 0; b < all.size(); ++b) {
        if (a == b) continue;
        bool ge = true, gt = false;
        for (size_t j = 0; j < set.vertices.size(); ++j) {
          ge = ge && all[b].values[j] >= all[a].values[j];
          gt = gt || all[b].values[j] > all[a].values[j];
        }
        CHECK_FALSE((ge && gt));  // b does not dominate a
      }
    }
    // The recommendation (optimal at the central weights) is among them.
    bool found = false;
    for (const auto& p : all) found = found || p.choice == rec.value->solution.choice;
    CHECK(found);
  }
}

}  // namespace whichforum
