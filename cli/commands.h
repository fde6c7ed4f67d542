// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The subcommand handlers and what they share: options, directory lookup, diagnostics output.
#pragma once

#include "engine/engine.h"

#include <string>
#include <vector>

namespace whichforum::cli {

/// Options every command may use.
struct GlobalOptions {
  std::string profile;
  std::string format = "text";  ///< text, json, md, csv; html for brief; lp for export
  std::string output;           ///< -o FILE; "" for stdout
  std::string forums_dir;
  std::string criteria_dir;
  std::string data_dir;
};

/// Runs whichforum on `argv`; returns the exit status. Output goes to stdout, messages to stderr.
int run(int argc, char** argv);

/// The catalogue directories: the flags where given, else the installed or source-tree ones.
CatalogueDirs resolve_dirs(const GlobalOptions& opts);

/// Prints each diagnostic to stderr in the one user-facing format.
void print_diagnostics(const Diagnostics& diags);

/// Loads the catalogue from `dirs`; on failure prints why and returns nullopt.
std::optional<Catalogue> load_catalogue_or_report(const CatalogueDirs& dirs);

int cmd_check(const GlobalOptions& opts, const std::vector<std::string>& files, const std::string& kind);
int cmd_forums(const GlobalOptions& opts, const std::string& show_id);
int cmd_recommend(const GlobalOptions& opts);
int cmd_explain(const GlobalOptions& opts, const std::string& forum);
int cmd_init(const GlobalOptions& opts, const std::string& country);

/// What `whatif` was asked for.
struct WhatIfOptions {
  std::vector<std::string> budgets;    ///< RESOURCE=FROM:TO:STEP
  std::vector<std::string> scenarios;  ///< overlay files
  bool vs_current = false;
  bool frontier = false;
};
int cmd_whatif(const GlobalOptions& opts, const WhatIfOptions& w);
int cmd_brief(const GlobalOptions& opts);
int cmd_robust(const GlobalOptions& opts, const RobustOptions& robust_opts);
int cmd_export(const GlobalOptions& opts);

/// Loads and checks the profile named in `opts` against `cat`; prints diagnostics on failure.
std::optional<Profile> load_profile(const std::string& path, const Catalogue& cat);

/// Briefings, what-ifs and explanations speak of money, staff days and ministerial days; a profile
/// with abstract [resources] (a generic problem) gets a clear refusal instead. Returns whether
/// `profile` can be used by `command` (printing why not).
bool standard_resources(const Profile& profile, const std::string& path, const char* command);

/// The --format option as an engine Format.
Format format_of(const GlobalOptions& opts);

/// Loads the catalogue (into `cat`, which the result points into) and the profile named in
/// `opts`, and recommends; on failure prints the diagnostics and returns nullopt with `status`
/// set to the exit code.
std::optional<Recommendation> load_and_recommend(const GlobalOptions& opts, std::optional<Catalogue>* cat,
                                                 int* status, bool explaining = false);

/// Writes `text` to `path` through a temporary file renamed into place, so that a failure never
/// leaves a half-written file or clobbers an earlier one; "" writes to stdout. Returns the exit
/// status (kExitFailure with a message when the write fails).
int write_output(const std::string& path, const std::string& text);
int cmd_schema(const std::string& kind);

}  // namespace whichforum::cli
