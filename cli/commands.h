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
int cmd_schema(const std::string& kind);

}  // namespace whichforum::cli
