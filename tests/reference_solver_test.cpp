// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Reference solvers: the exported LP of every shipped profile solved by CBC and GLPK, and of
// seeded random instances by CBC, must be worth exactly whichforum's optimum.
//
// How "exactly" is checked: a solver computes in doubles, and the exported coefficients go up
// to about 10^15 (each forum's value on its own denominator), so its objective is only near the
// exact rational. What a solver returns exactly is its portfolio: the x columns at 1. That
// portfolio is valued again here with whichforum's own exact evaluate(), and must meet every
// constraint and be worth exactly (as a rational) whichforum's optimum: a better one would show
// whichforum missed it; a worse one that the solver's answer is not optimal. The solver's own
// objective must also be within 1e-6 (relative) of that exact value, its feasibility tolerance.
// Two portfolios whose values differ by less than a double can tell apart could in principle
// make a solver return the worse; the test would then fail and say so, never pass wrongly.
#include "bench/generator.h"
#include "engine/engine.h"

#include <doctest/doctest.h>

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

namespace whichforum {

namespace {

namespace fs = std::filesystem;

const std::string kSource = WHICHFORUM_SOURCE_DIR;

CatalogueDirs shipped() { return {kSource + "/forums", kSource + "/criteria", kSource + "/data"}; }

// A scratch directory for the LP and solution files of this run.
fs::path scratch() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("whichforum-reference-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// What a solver said: whether it proved an optimum, its objective, and the columns at 1.
struct SolverAnswer {
  bool ran = false;
  bool optimal = false;
  bool infeasible = false;
  double objective = 0;
  std::set<std::string> ones;
};

SolverAnswer run_cbc(const fs::path& lp) {
  SolverAnswer a;
  const fs::path sol = lp.string() + ".cbc", log = lp.string() + ".cbclog";
  fs::remove(sol);
  // Probing off: on synthetic seed 71 (12-digit chain rows, events' parts of needs) CBC 2.10's
  // probing cuts cut off the optimum and it reports "Optimal" at 111.81 where the optimum is
  // 112.34 (GLPK, CBC without probing and whichforum's exact search agree); branch and bound
  // with the other cuts is still a full proof.
  std::string cmd = "cbc '" + lp.string() + "' probing off ratioGap 0 allowableGap 0 solve solu '" + sol.string() + "' > '" +
                    log.string() + "' 2>&1";
  a.ran = std::system(cmd.c_str()) == 0 && fs::exists(sol);
  if (!a.ran) return a;
  // "Optimal - objective value 161.71256624", then "index name value reduced-cost" lines.
  std::istringstream in(slurp(sol));
  std::string status;
  in >> status;
  a.optimal = status == "Optimal";
  a.infeasible = status == "Infeasible";
  std::string line;
  std::getline(in, line);
  auto at = line.find("objective value");
  if (at != std::string::npos) a.objective = std::stod(line.substr(at + 15));
  while (std::getline(in, line)) {
    std::istringstream cols(line);
    std::string first, name;
    double value = 0;
    cols >> first;
    if (first == "**") cols >> first;  // CBC marks infeasible rows or columns with "**"
    cols >> name >> value;
    if (name.starts_with("x_") && value > 0.5) a.ones.insert(name);
  }
  return a;
}

SolverAnswer run_glpk(const fs::path& lp) {
  SolverAnswer a;
  const fs::path out = lp.string() + ".glpk", log = lp.string() + ".glpklog";
  fs::remove(out);
  std::string cmd = "glpsol --lp '" + lp.string() + "' -o '" + out.string() + "' > '" + log.string() + "' 2>&1";
  a.ran = std::system(cmd.c_str()) == 0 && fs::exists(out);
  if (!a.ran) return a;
  std::string text = slurp(out);
  a.optimal = text.find("Status:     INTEGER OPTIMAL") != std::string::npos;
  a.infeasible = text.find("INTEGER EMPTY") != std::string::npos || text.find("INFEASIBLE") != std::string::npos;
  auto at = text.find("Objective:  value = ");
  if (at != std::string::npos) a.objective = std::stod(text.substr(at + 20));
  // The column section: "No. Column name  Activity ...", a long name alone on its line with
  // its numbers on the next; integer columns carry a "*" before the activity.
  std::istringstream in(text.substr(text.find("Column name")));
  std::string line, pending;
  while (std::getline(in, line)) {
    std::istringstream cols(line);
    std::vector<std::string> tok;
    for (std::string t; cols >> t;) tok.push_back(t);
    if (tok.size() == 2 && std::isdigit(static_cast<unsigned char>(tok[0][0]))) {
      pending = tok[1];
      continue;
    }
    std::string name;
    size_t k = 0;
    if (!pending.empty()) {
      name = pending;
      pending.clear();
    } else if (tok.size() >= 3 && std::isdigit(static_cast<unsigned char>(tok[0][0]))) {
      name = tok[1];
      k = 2;
    } else {
      continue;
    }
    if (k < tok.size() && tok[k] == "*") ++k;
    if (k < tok.size() && name.starts_with("x_") && std::stod(tok[k]) > 0.5) a.ones.insert(name);
  }
  return a;
}

// Exports `p`, runs `solver` on it, and checks its answer against whichforum's `best`.
// `scaled`: the rows as scaled_lp writes them for floating-point solvers; the same portfolio,
// evaluated exactly, must be worth exactly the optimum.
template <class Solver>
void check_against(const Problem& p, const Solution& best, const std::string& name, Solver solver, bool scaled = false) {
  CAPTURE(name);
  CAPTURE(scaled);
  REQUIRE_FALSE(best.limit_reached());
  LpExport lp = export_lp(p, "reference test: " + name, &best);
  const fs::path file = scratch() / (name + (scaled ? "_scaled" : "") + ".lp");
  std::ofstream(file) << (scaled ? scaled_lp(lp.text) : lp.text);
  SolverAnswer a = solver(file);
  REQUIRE(a.ran);
  if (!best.optimal()) {
    CHECK(a.infeasible);
    CHECK_FALSE(a.optimal);
    return;
  }
  REQUIRE(a.optimal);
  std::vector<int> choice(p.items.size(), -1);
  size_t matched = 0;
  for (size_t i = 0; i < p.items.size(); ++i) {
    for (size_t o = 0; o < lp.columns[i].size(); ++o) {
      if (a.ones.count(lp.columns[i][o])) {
        CHECK(choice[i] == -1);  // one level per forum
        choice[i] = static_cast<int>(o);
        ++matched;
      }
    }
  }
  CHECK(matched == a.ones.size());  // every column at 1 is a forum's level
  Evaluation theirs = evaluate(p, choice);
  CHECK(theirs.meets_constraints);
  CHECK(theirs.value == best.value);  // exact rational equality
  INFO("whichforum: " << format_exact_full(best.value) << ", the solver's portfolio: " << format_exact_full(theirs.value));
  // The LP values options relative to leaving (its none values), so its optimum is the total
  // minus their sum (lp_export.cpp).
  Exact constant = 0;
  for (const auto& item : p.items) constant += item.none_value;
  const double exact = (best.value - constant).convert_to<double>();
  CHECK(std::abs(a.objective - exact) <= 1e-6 * std::max(1.0, std::abs(exact)));
}

// Recommends `profile_path` against `dirs` read through `files`.
Recommendation recommend_from(FileSystem& files, const CatalogueDirs& dirs, const std::string& profile_path) {
  auto cat = load_catalogue(files, dirs);
  REQUIRE(cat.ok());
  auto doc = load_document(files, profile_path);
  REQUIRE(doc.ok());
  auto profile = parse_profile(*doc.value);
  REQUIRE(profile.ok());
  auto rec = recommend(*profile.value, *cat.value);
  REQUIRE(rec.ok());
  return *rec.value;
}

}  // namespace

TEST_SUITE("reference") {
  TEST_CASE("reference: CBC and GLPK on the shipped profiles' exported LPs find exactly whichforum's optimum") {
    RealFileSystem disk;
    int profiles = 0;
    for (const auto& entry : fs::directory_iterator(kSource + "/profiles")) {
      if (entry.path().extension() != ".toml") continue;
      Recommendation rec = recommend_from(disk, shipped(), entry.path().string());
      const std::string name = entry.path().stem().string();
      check_against(rec.problem, rec.solution, name + "_cbc", run_cbc);
      check_against(rec.problem, rec.solution, name + "_glpk", run_glpk);
      check_against(rec.problem, rec.solution, name + "_cbc", run_cbc, true);
      check_against(rec.problem, rec.solution, name + "_glpk", run_glpk, true);
      ++profiles;
    }
    CHECK(profiles >= 3);
  }
  TEST_CASE("reference: CBC on 120 seeded synthetic instances (3-15 forums, 1-3 levels and resources, constraints)") {
    int feasible = 0, stopped = 0;
    for (std::uint64_t seed = 1; seed <= 120; ++seed) {
      CAPTURE(seed);
      bench::InstanceSpec spec;
      spec.seed = seed;
      // 3-15 forums: a test's time (one CBC run each). With the saturation bound none of these
      // stops; of the same seeds at 3-30 forums, 15 with two levels and 20-30 forums still reach
      // the step limit in recommend (bench/RESULTS.md, issue 14 item 7).
      spec.forums = 3 + static_cast<int>(seed % 13);
      spec.levels = 1 + static_cast<int>(seed % 3);
      spec.resources = 1 + static_cast<int>((seed / 3) % 3);
      spec.constraints = seed % 2 == 0;
      auto files = bench::generate_instance(spec, shipped());
      REQUIRE(files.ok());
      const std::string root = "instance-" + std::to_string(seed);
      bench::InstanceFileSystem memory(root, *files.value);
      CatalogueDirs dirs = shipped();
      dirs.forums = root + "/forums";
      Recommendation rec = recommend_from(memory, dirs, root + "/profile.toml");
      // A search stopped at its step limit gives no portfolio (never a wrong one); counted, and
      // none may stop.
      if (rec.status == AnswerStatus::kLimitReached) {
        ++stopped;
        continue;
      }
      check_against(rec.problem, rec.solution, "synthetic_" + std::to_string(seed), run_cbc);
      // The scaled rows on every fourth instance (each CBC run costs about a second).
      if (seed % 4 == 0) check_against(rec.problem, rec.solution, "synthetic_" + std::to_string(seed), run_cbc, true);
      feasible += rec.feasible() ? 1 : 0;
    }
    MESSAGE(stopped << " of 120 stopped at the step limit");
    CHECK(stopped == 0);
    CHECK(feasible >= 90);  // most instances have an optimum to compare, not only "infeasible"
  }
}

}  // namespace whichforum
