// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The commands, declared once (as ninja's kTools[]): each row names a command, what `help` says
// of it, the formats it writes and its handler; commands.cpp builds CLI11's subcommands, `help`
// and the misspelling lists from the table. A handler parses nothing and decides nothing: it
// makes one Session call and prints.
#pragma once

#include "engine/engine.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace whichforum::cli {

/// Everything the command line can say; each option is stored in one field here.
struct Invocation {
  std::string command;          ///< the subcommand's name; "" for the recommendation
  std::string profile;
  std::string format;           ///< as given, or the command's default
  std::string output;           ///< -o FILE; "" (or "-") for standard output
  std::string forums_dir, criteria_dir, data_dir;
  std::vector<std::string> files;  ///< check
  std::string kind;                ///< check --kind; schema KIND
  std::string forum;               ///< explain FORUM; forums show ID
  std::string country;             ///< init --country
  bool stale = false;              ///< forums --stale
  bool wide = false;               ///< --wide: the recommendation's text with each objective's part
  std::string before;              ///< forums --stale --before DATE
  WhatIfRequest whatif;
  RobustOptions robust;
};

/// One command: its name ("" for `whichforum --profile FILE`), the line `help` shows, the
/// --format values it writes (the first is its default), whether it needs --profile, the
/// options of its own (declared on its CLI11 subcommand, each stored in an Invocation field),
/// and its handler, which returns the exit status.
struct Command {
  std::string_view name;
  std::string_view summary;
  std::span<const std::string_view> formats;
  bool needs_profile = false;
  void (*options)(CLI::App& sub, Invocation& inv) = nullptr;
  int (*handler)(const Invocation& inv) = nullptr;
};

/// The table, in the order `help` lists it.
[[nodiscard]] std::span<const Command> commands();

/// Runs whichforum on `argv`; returns the exit status. Output goes to stdout, messages to stderr.
int run(int argc, char** argv);

// ---- what the handlers share (commands.cpp, locate.cpp, output.cpp) ----

/// The catalogue directories: the flags where given, else the installed or source-tree ones.
CatalogueDirs resolve_dirs(const Invocation& inv);

/// Prints each diagnostic to stderr in the one user-facing format (the first 20).
void print_diagnostics(const Diagnostics& diags);

/// Opens a session on the invocation's catalogue; prints why not and returns nullopt on failure.
std::optional<Session> open_session(const Invocation& inv);

/// Prints a call's diagnostics; true when it gave a value (warnings may come with one).
template <class T>
bool succeeded(const Result<T>& r) {
  print_diagnostics(r.diagnostics);
  return r.ok();
}

/// The session and the profile an invocation names, loaded and checked; nullopt (after
/// printing why) when either fails.
struct Loaded {
  Session session;
  Profile profile;
};
std::optional<Loaded> open_with_profile(const Invocation& inv);

/// Says what an answer that is not optimal means ("infeasible: FILE: why", "limit reached:
/// FILE: why") on stderr and returns its exit status (exit_status.h); 0 and nothing printed for
/// an optimal one.
int report_answer(AnswerStatus status, const std::string& profile_path, const std::string& why);

/// The --format as a report Format (text, json, md, csv).
Format format_of(const Invocation& inv);

/// Writes `text` to `path` ("" or "-": standard output), a file replaced atomically, so that a
/// failure never leaves a half-written file or clobbers an earlier one. Returns the exit status
/// (kExitFailure with a message when the write fails).
int write_output(const std::string& path, const std::string& text);
bool colour_for(const std::string& path);

// The handlers, one file each (cmd_NAME.cpp).
int cmd_recommend(const Invocation& inv);
int cmd_batch(const Invocation& inv);
int cmd_brief(const Invocation& inv);
int cmd_check(const Invocation& inv);
int cmd_explain(const Invocation& inv);
int cmd_export(const Invocation& inv);
int cmd_forums(const Invocation& inv);
int cmd_infer(const Invocation& inv);
int cmd_init(const Invocation& inv);
int cmd_robust(const Invocation& inv);
int cmd_schema(const Invocation& inv);
int cmd_whatif(const Invocation& inv);
int cmd_help(const Invocation& inv);

}  // namespace whichforum::cli
