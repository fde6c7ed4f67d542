// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// `whichforum --profile FILE`: the recommended portfolio; `explain FORUM`: one forum in full.
#include "cli/commands.h"
#include "cli/exit_status.h"

#include <cstdio>

namespace whichforum::cli {

Format format_of(const GlobalOptions& opts) {
  return opts.format == "json" ? Format::kJson
         : opts.format == "md" ? Format::kMarkdown
         : opts.format == "csv" ? Format::kCsv
                                : Format::kText;
}

std::optional<Profile> load_profile(const std::string& path, const Catalogue& cat) {
  RealFileSystem fs;
  auto doc = load_document(fs, path);
  print_diagnostics(doc.diagnostics);
  if (!doc.ok()) return std::nullopt;
  auto profile = parse_profile(*doc.value);
  print_diagnostics(profile.diagnostics);
  if (!profile.ok()) return std::nullopt;
  auto refs = validate_profile(*profile.value, cat);
  print_diagnostics(refs);
  if (!refs.ok()) return std::nullopt;
  return std::move(*profile.value);
}

bool standard_resources(const Profile& profile, const std::string& path, const char* command) {
  if (profile.resources.empty()) return true;
  std::fprintf(stderr,
               "whichforum: error: %s: %s works with money, staff days and ministerial days; this profile defines its "
               "own [resources] (a generic problem): use whichforum --profile or whichforum robust\n",
               path.c_str(), command);
  return false;
}

std::optional<Recommendation> load_and_recommend(const GlobalOptions& opts, std::optional<Catalogue>* cat,
                                                 int* status, bool explaining) {
  *status = kExitBadInput;
  *cat = load_catalogue_or_report(resolve_dirs(opts));
  if (!*cat) return std::nullopt;
  auto profile = load_profile(opts.profile, **cat);
  if (!profile) return std::nullopt;
  if (explaining && !standard_resources(*profile, opts.profile, "explain")) return std::nullopt;
  auto rec = recommend(*profile, **cat);
  print_diagnostics(rec.diagnostics);
  if (!rec.ok()) return std::nullopt;
  *status = kExitOk;
  return std::move(*rec.value);
}

int cmd_recommend(const GlobalOptions& opts) {
  int status = kExitOk;
  std::optional<Catalogue> cat;
  auto rec = load_and_recommend(opts, &cat, &status);
  if (!rec) return status;
  if (!rec->feasible) {
    std::fprintf(stderr, "whichforum: infeasible: %s: %s\n", opts.profile.c_str(), rec->infeasible_why.c_str());
    return kExitInfeasible;
  }
  return write_output(opts.output, render_recommendation(*rec, format_of(opts)));
}

int cmd_explain(const GlobalOptions& opts, const std::string& forum) {
  if (opts.profile.empty()) {
    std::fprintf(stderr, "whichforum: error: explain needs --profile FILE\n");
    return kExitBadInput;
  }
  int status = kExitOk;
  std::optional<Catalogue> cat;
  auto rec = load_and_recommend(opts, &cat, &status, true);
  if (!rec) return status;
  std::string id;
  std::vector<std::string> ids;
  for (const auto& a : rec->assessments) {
    ids.push_back(a.forum.id);
    if (a.forum.id == forum) id = forum;
    for (const auto& alias : a.forum.aliases) {
      if (id.empty() && alias == forum) id = a.forum.id;
    }
  }
  if (id.empty()) {
    std::fprintf(stderr, "whichforum: error: unknown forum id \"%s\"%s (see: whichforum forums)\n", forum.c_str(),
                 did_you_mean(forum, ids).c_str());
    return kExitBadInput;
  }
  return write_output(opts.output, render_explain(*rec, id));
}

}  // namespace whichforum::cli
