// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The command table and the CLI11 set-up: the one file that includes CLI11.
#include "cli/commands.h"

#include "cli/exit_status.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>

namespace whichforum::cli {

namespace {

/// One subcommand: its name, the line `help` shows, and nothing else; the CLI11 wiring below
/// gives each its options and handler.
struct CommandInfo {
  std::string_view name;
  std::string_view summary;
};

constexpr CommandInfo kCommands[] = {
    {"brief", "a briefing for a minister: md, html, csv or json"},
    {"check", "validate profiles, forum files and criteria files"},
    {"explain", "explain one forum for a profile: score chain, eligibility, costs, decision"},
    {"export", "write the exact optimisation problem of a profile in CPLEX LP format, for CBC or GLPK"},
    {"init", "write a starter profile for a country from the reference data"},
    {"robust", "how sure the recommendation is when the weights are only roughly known"},
    {"whatif", "what changes when budgets move, scenario against scenario, against current memberships"},
    {"forums", "list the forum catalogue, or show one forum with its sources"},
    {"schema", "print the keys of a file kind (profile, forum, criterion, assumptions) as a table"},
    {"help", "show this help"},
};

constexpr const char* kExamples = R"(Examples:
  whichforum --profile profiles/uruguay.toml
  whichforum --profile profiles/uruguay.toml --format json -o uruguay.json
  whichforum explain --profile profiles/uruguay.toml dn
  whichforum brief --profile profiles/uruguay.toml --format html -o uruguay.html
  whichforum init --country KEN -o kenya.toml
  whichforum robust --profile profiles/uruguay.toml --samples 20000 --seed 7
  whichforum whatif --profile profiles/uruguay.toml --budget money=40000:200000:20000 --frontier
  whichforum whatif --profile profiles/uruguay.toml --scenario cut30.toml --vs-current
  whichforum export --profile profiles/uruguay.toml --format lp -o uruguay.lp
  whichforum check forums/*.toml criteria/*.toml profiles/*.toml
  whichforum forums
  whichforum forums show dn
  whichforum schema profile

Exit status: 0 ok, 1 internal failure, 2 bad usage or invalid input, 3 infeasible constraints.)";

std::vector<std::string> command_names() {
  std::vector<std::string> names;
  for (const auto& c : kCommands) names.emplace_back(c.name);
  return names;
}

}  // namespace

void print_diagnostics(const Diagnostics& diags) {
  // A file of junk can hold a million errors; the first ones are what a reader fixes first.
  constexpr size_t kShown = 20;
  const auto& items = diags.items();
  for (size_t i = 0; i < items.size() && i < kShown; ++i) std::fputs(format_diagnostic(items[i]).c_str(), stderr);
  if (items.size() > kShown) {
    std::fprintf(stderr, "whichforum: error: %zu more messages not shown\n", items.size() - kShown);
  }
}

std::optional<Catalogue> load_catalogue_or_report(const CatalogueDirs& dirs) {
  RealFileSystem fs;
  auto cat = load_catalogue(fs, dirs);
  print_diagnostics(cat.diagnostics);
  if (!cat.ok()) return std::nullopt;
  return std::move(*cat.value);
}

int run(int argc, char** argv) {
  // An unknown first word would reach CLI11 as a stray positional; catch it here to suggest the
  // nearest command, as ninja does for its tools.
  if (argc > 1 && argv[1][0] != '-') {
    std::string word = argv[1];
    auto names = command_names();
    if (std::find(names.begin(), names.end(), word) == names.end()) {
      std::fprintf(stderr, "whichforum: error: unknown command \"%s\"%s\n", word.c_str(),
                   did_you_mean(word, names).c_str());
      std::fprintf(stderr, "Run 'whichforum help' for the list of commands.\n");
      return kExitBadInput;
    }
  }

  // Likewise a misspelt long option gets a suggestion rather than CLI11's "not expected".
  static const std::vector<std::string> kOptions = {"--profile", "--forums", "--criteria", "--data", "--kind",
                                                    "--format", "--output", "--country", "--budget", "--scenario",
                                                    "--vs-current", "--frontier", "--samples", "--seed", "--version", "--help"};
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--") break;
    if (arg.rfind("--", 0) != 0) continue;
    std::string name = arg.substr(0, arg.find('='));
    if (std::find(kOptions.begin(), kOptions.end(), name) == kOptions.end()) {
      std::fprintf(stderr, "whichforum: error: unknown option \"%s\"%s\n", name.c_str(),
                   did_you_mean(name, kOptions).c_str());
      std::fprintf(stderr, "Run 'whichforum --help' for usage.\n");
      return kExitBadInput;
    }
  }

  GlobalOptions opts;
  CLI::App app{"whichforum: which international digital-government forums to take part in, "
               "at what level, within a budget.",
               "whichforum"};
  app.footer(kExamples);
  app.set_version_flag("--version", std::string("whichforum ") + kVersion);
  app.add_option("--profile", opts.profile, "country profile to recommend for (TOML)");
  app.add_option("--forums", opts.forums_dir, "forum catalogue directory (default: the shipped one)");
  app.add_option("--criteria", opts.criteria_dir, "criteria directory (default: the shipped one)");
  app.add_option("--data", opts.data_dir, "reference data directory (default: the shipped one)");
  app.add_option("--format", opts.format,
                 "output format: text (default), json, md, csv; brief also html (default md); export lp")
      ->check(CLI::IsMember({"text", "json", "md", "csv", "html", "lp"}));
  app.add_option("-o,--output", opts.output, "write to FILE (atomically) instead of standard output");
  app.require_subcommand(0, 1);

  std::vector<std::string> check_files;
  std::string check_kind;
  auto* check = app.add_subcommand("check", "validate profiles, forum files and criteria files");
  check->add_option("files", check_files, "files to check")->required();
  check->add_option("--kind", check_kind, "treat every file as this kind")
      ->check(CLI::IsMember({"profile", "forum", "criterion", "assumptions"}));
  check->fallthrough();

  std::string explain_forum;
  auto* explain = app.add_subcommand("explain", "explain one forum for --profile: score chain, eligibility, costs, decision");
  explain->add_option("forum", explain_forum, "forum id or alias")->required();
  explain->fallthrough();

  std::string init_country;
  auto* init = app.add_subcommand("init", "write a starter profile for a country from the reference data");
  init->add_option("--country", init_country, "ISO3 code, e.g. KEN")->required();
  init->fallthrough();

  auto* export_lp = app.add_subcommand("export", "the exact problem of --profile in CPLEX LP format (--format lp)");
  export_lp->fallthrough();

  auto* brief = app.add_subcommand("brief", "a briefing for a minister from --profile: md (default), html, csv, json");
  brief->fallthrough();

  WhatIfOptions whatif_opts;
  auto* whatif = app.add_subcommand("whatif", "what changes when budgets move, scenario against scenario, against current memberships");
  whatif->add_option("--budget", whatif_opts.budgets, "sweep RESOURCE=FROM:TO:STEP (money, staff_days, ministerial_days); several sweep together");
  whatif->add_option("--scenario", whatif_opts.scenarios, "TOML overlays of the profile, one row each");
  whatif->add_flag("--vs-current", whatif_opts.vs_current, "add the current memberships as a row");
  whatif->add_flag("--frontier", whatif_opts.frontier, "list every efficient portfolio over the range");
  whatif->fallthrough();

  RobustOptions robust_opts;
  auto* robust = app.add_subcommand("robust", "how sure the recommendation from --profile is: core forums, acceptability, decision rules");
  robust->add_option("--samples", robust_opts.samples, "weight vectors to sample (default 10000)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{10000000}));
  robust->add_option("--seed", robust_opts.seed, "seed of the sampler (default 20261123): same seed, same figures");
  robust->fallthrough();

  std::string show_id;
  auto* forums = app.add_subcommand("forums", "list the forum catalogue, or show one forum with its sources");
  auto* show = forums->add_subcommand("show", "show one forum with every fact and its source");
  show->add_option("id", show_id, "forum id or alias")->required();
  forums->fallthrough();
  show->fallthrough();

  std::string schema_kind;
  auto* schema = app.add_subcommand("schema", "print the keys of a file kind as a table");
  schema->add_option("kind", schema_kind, "profile, forum or criterion")
      ->required()
      ->check(CLI::IsMember({"profile", "forum", "criterion", "assumptions"}));

  auto* help = app.add_subcommand("help", "show this help");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {
      app.exit(e);
      return kExitOk;
    }
    std::fprintf(stderr, "whichforum: error: %s\nRun 'whichforum --help' for usage.\n", e.what());
    return kExitBadInput;
  }

  if (opts.format == "lp" && !*export_lp) {
    std::fprintf(stderr, "whichforum: error: --format lp is for export\n");
    return kExitBadInput;
  }
  if (*check) return cmd_check(opts, check_files, check_kind);
  if (*export_lp) return cmd_export(opts);
  if (*forums) return cmd_forums(opts, *show ? show_id : std::string());
  if (*schema) return cmd_schema(schema_kind);
  if (*explain) return cmd_explain(opts, explain_forum);
  if (*init) return cmd_init(opts, init_country);
  if (*whatif) return cmd_whatif(opts, whatif_opts);
  if (*brief) return cmd_brief(opts);
  if (*robust) return cmd_robust(opts, robust_opts);
  if (opts.format == "html") {
    std::fprintf(stderr, "whichforum: error: --format html is for brief; use text, json, md or csv\n");
    return kExitBadInput;
  }
  if (*help || opts.profile.empty()) {
    std::cout << app.help();
    return kExitOk;
  }
  return cmd_recommend(opts);
}

}  // namespace whichforum::cli
