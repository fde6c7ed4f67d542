// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The command table and the CLI11 set-up built from it: the one file that includes CLI11.
#include "cli/commands.h"

#include "cli/exit_status.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace whichforum::cli {

namespace {

constexpr std::string_view kReportFormats[] = {"text", "json", "md", "csv"};
constexpr std::string_view kBriefFormats[] = {"md", "html", "csv", "json"};
constexpr std::string_view kLpFormat[] = {"lp", "lp-scaled"};
constexpr std::string_view kTextOnly[] = {"text"};
constexpr std::string_view kBatchFormats[] = {"text", "csv", "json", "html"};

void no_options(CLI::App&, Invocation&) {}

// The recommendation's options sit on the app itself (it has no subcommand); only it reads them.
void recommend_options(CLI::App& app, Invocation& inv) {
  app.add_flag("--wide", inv.wide, "the recommendation's text table with each objective's part of every value");
}

void check_options(CLI::App& sub, Invocation& inv) {
  sub.add_option("files", inv.files, "files or directories to check")->required();
  sub.add_option("--kind", inv.kind, "treat every file as this kind")
      ->check(CLI::IsMember({"profile", "forum", "criterion", "assumptions"}));
}

void explain_options(CLI::App& sub, Invocation& inv) {
  sub.add_option("forum", inv.forum, "forum id or alias (any case)")->required();
}

void init_options(CLI::App& sub, Invocation& inv) {
  sub.add_option("--country", inv.country, "ISO3 code, e.g. KEN")->required();
}

void whatif_options(CLI::App& sub, Invocation& inv) {
  sub.add_option("--budget", inv.whatif.budgets,
                 "sweep RESOURCE=FROM:TO:STEP (money, staff_days, ministerial_days); several sweep together");
  sub.add_option("--scenario", inv.whatif.scenarios, "TOML overlays of the profile, one row each");
  sub.add_flag("--vs-current", inv.whatif.vs_current, "add the current memberships as a row");
  sub.add_flag("--frontier", inv.whatif.frontier, "list every efficient portfolio over the range");
}

// --estimates' words, from the enum's one name table: each becomes the enum's number, which
// CLI11 then stores; anything else is refused in words.
CLI::Validator estimate_modes() {
  return CLI::Validator(
      [](std::string& s) -> std::string {
        for (const auto& [mode, name] : kEstimateModeNames) {
          if (s == name) {
            s = std::to_string(static_cast<int>(mode));
            return "";
          }
        }
        return "must be ranges or fixed, not \"" + s + "\"";
      },
      "ranges|fixed");
}

void robust_options(CLI::App& sub, Invocation& inv) {
  sub.add_option("--samples", inv.robust.samples, "weight vectors to sample (default 10000)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{10000000}));
  sub.add_option("--seed", inv.robust.seed, "seed of the sampler (default 20261123): same seed, same figures");
  sub.add_option("--estimates", inv.robust.estimates,
                 "ranges (default): vary every estimate within its range with the weights; fixed: the weights alone")
      ->transform(estimate_modes());
  sub.add_option("--estimate-samples", inv.robust.estimate_samples,
                 "joint draws of weights and estimates (default 1000; each rebuilds the model)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1000000}));
}

void forums_options(CLI::App& sub, Invocation& inv) {
  sub.add_flag("--stale", inv.stale, "list the catalogue's dated facts, oldest first");
  sub.add_option("--before", inv.before, "with --stale: only facts dated before DATE (YYYY, YYYY-MM or YYYY-MM-DD)");
  auto* show = sub.add_subcommand("show", "show one forum with every fact and its source");
  show->add_option("id", inv.forum, "forum id or alias (any case)")->required();
  show->fallthrough();
}

void schema_options(CLI::App& sub, Invocation& inv) {
  sub.add_option("kind", inv.kind, "profile, forum, criterion or assumptions")
      ->required()
      ->check(CLI::IsMember({"profile", "forum", "criterion", "assumptions"}));
}

constexpr Command kCommands[] = {
    {"", "the recommended portfolio for --profile", kReportFormats, true, recommend_options, cmd_recommend},
    {"batch", "every country's init profile recommended against its current memberships", kBatchFormats, false,
     no_options, cmd_batch},
    {"brief", "a briefing for a minister from --profile", kBriefFormats, true,
     robust_options, cmd_brief},
    {"check", "validate profiles, forum files, criteria files and assumptions", kTextOnly, false, check_options,
     cmd_check},
    {"explain", "explain one forum for --profile: score chain, eligibility, costs, decision", kTextOnly, true,
     explain_options, cmd_explain},
    {"export", "the exact problem of --profile in CPLEX LP format, for CBC or GLPK (lp-scaled: rows scaled, for HiGHS)", kLpFormat, true,
     no_options, cmd_export},
    {"infer", "the priorities under which today's memberships are the best portfolio, against the stated ones",
     kReportFormats, true, no_options, cmd_infer},
    {"init", "write a starter profile for a country from the reference data", kTextOnly, false, init_options,
     cmd_init},
    {"robust", "how sure the recommendation from --profile is: core forums, acceptability, decision rules",
     kReportFormats, true, robust_options, cmd_robust},
    {"whatif", "what changes when budgets move, scenario against scenario, against current memberships",
     kReportFormats, true, whatif_options, cmd_whatif},
    {"forums", "list the forum catalogue, or show one forum with its sources", kTextOnly, false, forums_options,
     cmd_forums},
    {"schema", "print the keys of a file kind (profile, forum, criterion, assumptions) as a table", kTextOnly, false,
     schema_options, cmd_schema},
    {"help", "show this help", kTextOnly, false, no_options, cmd_help},
};

constexpr const char* kExamples = R"(Examples:
  whichforum --profile profiles/uruguay.toml
  whichforum --profile profiles/uruguay.toml --wide
  whichforum --profile profiles/uruguay.toml --format json -o uruguay.json
  whichforum explain --profile profiles/uruguay.toml dn
  whichforum brief --profile profiles/uruguay.toml --format html -o uruguay.html
  whichforum infer --profile profiles/uruguay.toml
  whichforum init --country KEN -o kenya.toml
  whichforum batch --format csv -o batch.csv
  whichforum robust --profile profiles/uruguay.toml --samples 20000 --seed 7
  whichforum whatif --profile profiles/uruguay.toml --budget money=40000:200000:20000 --frontier
  whichforum whatif --profile profiles/uruguay.toml --scenario cut30.toml --vs-current
  whichforum export --profile profiles/uruguay.toml --format lp -o uruguay.lp
  whichforum check forums/*.toml criteria/*.toml profiles/*.toml
  whichforum forums
  whichforum forums show dn
  whichforum forums --stale --before 2022
  whichforum schema profile

Exit status: 0 ok, 1 internal failure or a failed write, 2 bad usage or invalid input,
3 infeasible constraints, 4 the search stopped at its limit (no answer is claimed).)";

std::string joined_formats(std::span<const std::string_view> formats) {
  std::string s;
  for (size_t i = 0; i < formats.size(); ++i) {
    s += (i == 0 ? "" : i + 1 == formats.size() ? " or " : ", ") + std::string(formats[i]);
  }
  return s;
}

/// Every long option the app declares, its subcommands' included: the misspelling list.
void long_options(const CLI::App& app, std::vector<std::string>& out) {
  for (const CLI::Option* o : app.get_options()) {
    for (const auto& n : o->get_lnames()) out.push_back("--" + n);
  }
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) long_options(*sub, out);
}

std::string help_text;  // the whole app's help, made before parsing (a parsed app shows its subcommand's)

}  // namespace

std::span<const Command> commands() { return kCommands; }

void print_diagnostics(const Diagnostics& diags) {
  // A file of junk can hold a million errors; the first ones are what a reader fixes first.
  constexpr size_t kShown = 20;
  const auto& items = diags.items();
  for (size_t i = 0; i < items.size() && i < kShown; ++i) std::fputs(format_diagnostic(items[i]).c_str(), stderr);
  if (items.size() > kShown) {
    std::fprintf(stderr, "whichforum: error: %zu more messages not shown\n", items.size() - kShown);
  }
}

std::optional<Session> open_session(const Invocation& inv) {
  auto session = Session::open(resolve_dirs(inv));
  print_diagnostics(session.diagnostics);
  if (!session.ok()) return std::nullopt;
  return std::move(*session.value);
}

std::optional<Loaded> open_with_profile(const Invocation& inv) {
  auto session = open_session(inv);
  if (!session) return std::nullopt;
  auto profile = session->load_profile(inv.profile);
  if (!succeeded(profile)) return std::nullopt;
  return Loaded{std::move(*session), std::move(*profile.value)};
}

int report_answer(AnswerStatus status, const std::string& profile_path, const std::string& why) {
  switch (status) {
    case AnswerStatus::kOptimal: break;
    case AnswerStatus::kInfeasible:
      std::fprintf(stderr, "whichforum: infeasible: %s: %s\n", profile_path.c_str(), why.c_str());
      break;
    case AnswerStatus::kLimitReached:
      std::fprintf(stderr, "whichforum: limit reached: %s: %s\n", profile_path.c_str(), why.c_str());
      break;
  }
  return exit_status(status);
}

Format format_of(const Invocation& inv) {
  return inv.format == "json" ? Format::kJson
         : inv.format == "md" ? Format::kMarkdown
         : inv.format == "csv" ? Format::kCsv
                               : Format::kText;
}

// Through the writer like every other result, so that a full disk or a closed pipe is reported
// (exit 1) rather than lost in std::cout, and -o is honoured.
int cmd_help(const Invocation& inv) { return write_output(inv.output, help_text); }

// CLI11 lays help out in two columns without wrapping; a description that would pass the
// terminal's width wraps under its own column (or, past column 40, under the line, indented), as
// every default output keeps within 100 columns (issue 18).
std::string fit_help(const std::string& help) {
  std::string out;
  std::istringstream lines(help);
  for (std::string line; std::getline(lines, line);) {
    if (detail::display_width(line) <= detail::kTextWidth) {
      out += line + "\n";
      continue;
    }
    const size_t indent = line.find_first_not_of(' ');
    const size_t gap = line.find("  ", indent == std::string::npos ? 0 : indent);
    const size_t column = gap == std::string::npos ? std::string::npos : line.find_first_not_of(' ', gap);
    if (column != std::string::npos && column <= 40) {
      out += detail::wrap(line.substr(column), detail::kTextWidth, line.substr(0, column), std::string(column, ' '));
    } else {
      out += detail::wrap(line, detail::kTextWidth, "", std::string((indent == std::string::npos ? 0 : indent) + 4, ' '));
    }
  }
  return out;
}

int run(int argc, char** argv) {
  Invocation inv;
  CLI::App app{"whichforum: which international digital-government forums to take part in, "
               "at what level, within a budget.",
               "whichforum"};
  app.footer(kExamples);
  app.set_version_flag("--version", std::string("whichforum ") + kVersion);
  app.add_option("--profile", inv.profile, "country profile to recommend for (TOML)");
  app.add_option("--forums", inv.forums_dir, "forum catalogue directory (default: the shipped one)");
  app.add_option("--criteria", inv.criteria_dir, "criteria directory (default: the shipped one)");
  app.add_option("--data", inv.data_dir, "reference data directory (default: the shipped one)");
  app.add_option("--format", inv.format, "output format; each command says which it writes (see its --help)");
  app.add_option("-o,--output", inv.output, "write to FILE (atomically; - is standard output) instead of standard output");
  app.require_subcommand(0, 1);
  std::vector<std::pair<const Command*, CLI::App*>> subs;
  for (const Command& c : kCommands) {
    if (c.name.empty()) {
      c.options(app, inv);
      continue;
    }
    std::string summary(c.summary);
    if (c.formats.size() > 1 || c.formats[0] != "text") summary += " [--format " + joined_formats(c.formats) + "]";
    CLI::App* sub = app.add_subcommand(std::string(c.name), summary);
    c.options(*sub, inv);
    sub->fallthrough();
    subs.emplace_back(&c, sub);
  }
  help_text = fit_help(app.help());

  // An unknown first word would reach CLI11 as a stray positional; catch it here to suggest the
  // nearest command, as ninja does for its tools.
  std::vector<std::string> names;
  for (const Command& c : kCommands) {
    if (!c.name.empty()) names.emplace_back(c.name);
  }
  if (argc > 1 && argv[1][0] != '-' && std::find(names.begin(), names.end(), argv[1]) == names.end()) {
    std::fprintf(stderr, "whichforum: error: unknown command \"%s\"%s\n", argv[1], did_you_mean(argv[1], names).c_str());
    std::fprintf(stderr, "Run 'whichforum help' for the list of commands.\n");
    return kExitBadInput;
  }
  // Likewise a misspelt long option gets a suggestion rather than CLI11's "not expected".
  std::vector<std::string> options{"--help"};
  long_options(app, options);
  std::sort(options.begin(), options.end());
  options.erase(std::unique(options.begin(), options.end()), options.end());
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--") break;
    if (!arg.starts_with("--")) continue;
    std::string name = arg.substr(0, arg.find('='));
    if (!std::binary_search(options.begin(), options.end(), name)) {
      std::fprintf(stderr, "whichforum: error: unknown option \"%s\"%s\n", name.c_str(), did_you_mean(name, options).c_str());
      std::fprintf(stderr, "Run 'whichforum --help' for usage.\n");
      return kExitBadInput;
    }
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {
      // --help or --version: CLI11 prints them into a stream, the writer puts them on standard
      // output, checked (a --help into a full disk exits 1 with the reason, not 0).
      std::ostringstream out;
      std::ostringstream err;
      app.exit(e, out, err);
      std::fputs(err.str().c_str(), stderr);
      return write_output("", fit_help(out.str()));
    }
    std::fprintf(stderr, "whichforum: error: %s\nRun 'whichforum --help' for usage.\n", e.what());
    return kExitBadInput;
  }

  const Command* command = &kCommands[0];
  for (const auto& [c, sub] : subs) {
    if (sub->parsed()) command = c;
  }
  if (command->name.empty() && inv.profile.empty()) return cmd_help(inv);
  inv.command = std::string(command->name);
  if (inv.wide && !command->name.empty()) {
    std::fprintf(stderr, "whichforum: error: --wide is for the recommendation (whichforum --profile FILE --wide), not %s\n",
                 std::string(command->name).c_str());
    return kExitBadInput;
  }
  const std::string shown = command->name.empty() ? "whichforum --profile" : std::string(command->name);
  if (inv.format.empty()) {
    inv.format = std::string(command->formats[0]);
  } else if (std::find(command->formats.begin(), command->formats.end(), inv.format) == command->formats.end()) {
    std::fprintf(stderr, "whichforum: error: --format %s: %s writes %s\n", inv.format.c_str(), shown.c_str(),
                 joined_formats(command->formats).c_str());
    return kExitBadInput;
  }
  if (command->needs_profile && inv.profile.empty()) {
    std::fprintf(stderr, "whichforum: error: %s needs --profile FILE\n", shown.c_str());
    return kExitBadInput;
  }
  return command->handler(inv);
}

}  // namespace whichforum::cli
