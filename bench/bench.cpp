// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// whichforum-bench: writes seeded synthetic instances and times the engine on them in-process.
//
//   whichforum-bench generate --seed S --forums N [--levels L] [--resources R] [--constraints] [--rough] -o DIR
//   whichforum-bench time --profile FILE --forums DIR [--repeat K] [--frontier | --robust [--samples S]]
//   whichforum-bench lp --profile FILE --forums DIR [--scaled] -o FILE
//
// `time` loads the catalogue and profile once, then times recommend() K times and prints
// "recommend_ms=... solve_ms=... value=..." (medians of recommend() and of its one optimisation,
// and whichforum's exact optimum); with --frontier it
// times the efficient frontier over the money range (what `whatif --frontier` computes) instead:
// "frontier_ms=... frontier_points=..."; with --robust it times robust's analysis (the
// non-dominated set, S samples (default 10,000), the decision rules and the smallest weight
// change: what `whichforum robust` computes): "robust_ms=... nondominated=...". Not a test: timings live in bench/RESULTS.md only. `lp` writes
// the problem in LP format without solving it, for CBC where whichforum's search stops.
#include "bench/generator.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace {

using namespace whichforum;

constexpr const char* kUsage =
    "usage: whichforum-bench generate --seed S --forums N [--levels L] [--resources R] [--constraints] [--rough] -o DIR\n"
    "       whichforum-bench time --profile FILE --forums DIR [--repeat K] [--frontier | --robust [--samples S]]\n"
    "       whichforum-bench lp --profile FILE --forums DIR [--scaled] -o FILE\n";

std::string source_dir(const char* sub) { return std::string(WHICHFORUM_SOURCE_DIR) + "/" + sub; }

CatalogueDirs shipped_dirs() { return {source_dir("forums"), source_dir("criteria"), source_dir("data")}; }

void print(const Diagnostics& d) {
  for (const auto& x : d.items()) std::fputs(format_diagnostic(x).c_str(), stderr);
}

// "--key value" pairs and bare flags after the subcommand.
std::map<std::string, std::string> options(int argc, char** argv) {
  std::map<std::string, std::string> out;
  for (int i = 2; i < argc; ++i) {
    std::string key = argv[i];
    if (key == "--constraints" || key == "--frontier" || key == "--rough" || key == "--robust" || key == "--scaled") {
      out[key] = "1";
    } else if (i + 1 < argc) {
      out[key] = argv[++i];
    } else {
      out["?"] = key;
    }
  }
  return out;
}

int generate(std::map<std::string, std::string> opt) {
  if (!opt.count("--seed") || !opt.count("--forums") || !opt.count("-o")) {
    std::fputs(kUsage, stderr);
    return 2;
  }
  bench::InstanceSpec spec;
  spec.seed = std::stoull(opt["--seed"]);
  spec.forums = std::stoi(opt["--forums"]);
  if (opt.count("--levels")) spec.levels = std::stoi(opt["--levels"]);
  if (opt.count("--resources")) spec.resources = std::stoi(opt["--resources"]);
  spec.constraints = opt.count("--constraints") > 0;
  spec.rough = opt.count("--rough") > 0;
  if (spec.forums < 1 || spec.forums > 20000 || spec.levels < 1 || spec.levels > 3 || spec.resources < 1 ||
      spec.resources > 3) {
    std::fputs("whichforum-bench: error: need 1 <= N <= 20000, 1 <= L <= 3, 1 <= R <= 3\n", stderr);
    return 2;
  }
  auto files = bench::generate_instance(spec, shipped_dirs());
  print(files.diagnostics);
  if (!files.ok()) return 2;
  const std::filesystem::path dir = opt["-o"];
  std::filesystem::remove_all(dir / "forums");
  std::filesystem::create_directories(dir / "forums");
  for (const auto& [path, text] : *files.value) {
    std::ofstream out(dir / path, std::ios::binary);
    out << text;
    if (!out) {
      std::fprintf(stderr, "whichforum-bench: error: cannot write %s\n", (dir / path).c_str());
      return 1;
    }
  }
  return 0;
}

template <class F>
double median_ms(int repeat, F&& f) {
  std::vector<double> ms;
  for (int k = 0; k < repeat; ++k) {
    auto t0 = std::chrono::steady_clock::now();
    f();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

// The session and profile `opt` names; false (after printing why) when either is invalid.
bool load(std::map<std::string, std::string>& opt, std::optional<Session>* session, std::optional<Profile>* profile) {
  if (!opt.count("--profile") || !opt.count("--forums")) {
    std::fputs(kUsage, stderr);
    return false;
  }
  CatalogueDirs dirs = shipped_dirs();
  dirs.forums = opt["--forums"];
  auto s = Session::open(dirs);
  print(s.diagnostics);
  if (!s.ok()) return false;
  auto p = s.value->load_profile(opt["--profile"]);
  print(p.diagnostics);
  if (!p.ok()) return false;
  *session = std::move(s.value);
  *profile = std::move(p.value);
  return true;
}

int write_lp(std::map<std::string, std::string> opt) {
  std::optional<Session> session;
  std::optional<Profile> profile;
  if (!load(opt, &session, &profile) || !opt.count("-o")) return 2;
  auto problem = portfolio_problem(*profile, session->catalogue());
  print(problem.diagnostics);
  if (!problem.ok()) return 2;
  const Problem& p = *problem.value;
  std::ofstream out(opt["-o"], std::ios::binary);
  const std::string text = export_lp(p, "whichforum-bench: the problem of " + opt["--profile"] + ", not solved by whichforum", nullptr).text;
  out << (opt.count("--scaled") ? scaled_lp(text) : text);
  return out ? 0 : 1;
}

int time_engine(std::map<std::string, std::string> opt) {
  std::optional<Session> session;
  std::optional<Profile> profile;
  if (!load(opt, &session, &profile)) return 2;
  int repeat = opt.count("--repeat") ? std::max(1, std::stoi(opt["--repeat"])) : 5;
  std::optional<Recommendation> rec;
  double recommend_ms = median_ms(repeat, [&] {
    auto r = session->recommend(*profile);
    print(r.diagnostics);
    rec = std::move(r.value);
  });
  if (!rec) return 2;
  // A search stopped at its limit gives no value to compare (bench/run then prints "limit").
  if (rec->status == AnswerStatus::kLimitReached) {
    std::fprintf(stderr, "whichforum-bench: the search stopped at its step limit\n");
    return 2;
  }
  if (opt.count("--robust")) {
    if (!rec->feasible()) return 2;
    RobustOptions ro;
    if (opt.count("--samples")) ro.samples = std::stoull(opt["--samples"]);
    std::optional<Robustness> r;
    double robust_ms = median_ms(repeat, [&] { r = robustness(*rec, *profile, ro); });
    if (r->status == AnswerStatus::kLimitReached) {
      std::fprintf(stderr, "whichforum-bench: robust stopped at its node limit\n");
      return 1;
    }
    std::printf("robust_ms=%.3f nondominated=%zu extreme_points=%zu\n", robust_ms, r->nondominated.size(),
                profile->weight_set->vertices.size());
    return 0;
  }
  if (!opt.count("--frontier")) {
    // The one optimisation CBC is compared with: recommend() also solves once per forum left
    // out, to say why.
    double solve_ms = median_ms(repeat, [&] { (void)solve(rec->problem); });
    // The exported LP values options relative to leaving today's memberships (their none
    // values), so its optimum is the total minus their sum: that is what CBC reports.
    Exact constant = 0;
    for (const auto& item : rec->problem.items) constant += item.none_value;
    std::printf("recommend_ms=%.3f solve_ms=%.3f value=%s\n", recommend_ms, solve_ms,
                rec->feasible() ? format_exact_full(rec->solution.value - constant).c_str() : "infeasible");
    return 0;
  }
  size_t points = 0;
  bool stopped = false;
  double frontier_ms = median_ms(repeat, [&] {
    WhatIf w = what_if_budgets(*rec, {}, true);
    points = w.frontier.size();
    stopped = w.status == AnswerStatus::kLimitReached;
  });
  if (stopped) {
    std::fprintf(stderr, "whichforum-bench: the frontier stopped at the search limit\n");
    return 1;
  }
  std::printf("frontier_ms=%.3f frontier_points=%zu\n", frontier_ms, points);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string cmd = argc > 1 ? argv[1] : "";
  try {
    if (cmd == "generate") return generate(options(argc, argv));
    if (cmd == "time") return time_engine(options(argc, argv));
    if (cmd == "lp") return write_lp(options(argc, argv));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "whichforum-bench: error: %s\n", e.what());
    return 2;
  }
  std::fputs(kUsage, stderr);
  return 2;
}
