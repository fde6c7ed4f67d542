// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// `whichforum check FILE...`: validates any mix of profiles, forum files and criteria files.
#include "cli/commands.h"
#include "cli/exit_status.h"

#include <cstdio>
#include <filesystem>
#include <map>

namespace whichforum::cli {

namespace {

FileKind kind_from_name(const std::string& name) {
  if (name == "profile") return FileKind::kProfile;
  if (name == "forum") return FileKind::kForum;
  if (name == "criterion") return FileKind::kCriterion;
  if (name == "assumptions") return FileKind::kAssumptions;
  return FileKind::kUnknown;
}

}  // namespace

int cmd_check(const GlobalOptions& opts, const std::vector<std::string>& args, const std::string& kind) {
  RealFileSystem fs;
  // A directory stands for the .toml files in it, so that `check forums` needs no shell glob.
  std::vector<std::string> files;
  for (const auto& a : args) {
    std::vector<std::string> listed;
    std::string err;
    std::error_code ec;
    if (std::filesystem::is_directory(a, ec) && fs.list(a, ".toml", &listed, &err)) {
      files.insert(files.end(), listed.begin(), listed.end());
    } else {
      files.push_back(a);
    }
  }
  CatalogueDirs dirs = resolve_dirs(opts);
  // The reference data and the catalogue are needed to check cross-file references; they are
  // loaded once, and only when a file needs them.
  std::optional<ReferenceData> data;
  std::optional<Catalogue> catalogue;
  bool catalogue_tried = false;
  int bad = 0;
  std::map<std::string, std::string> ids;  // "forum dn" -> first file
  std::string report;
  for (const auto& path : files) {
    Diagnostics diags;
    auto doc = load_document(fs, path);
    diags.append(doc.diagnostics);
    std::string what;
    if (doc.value) {
      FileKind k = kind.empty() ? detect_kind(*doc.value) : kind_from_name(kind);
      std::string stem = file_stem(path);
      std::string id;
      if (k == FileKind::kUnknown) {
        diags.add(make_error(doc.value->source.get(), {1, 1},
            "cannot tell what kind of file this is; add schema = \"whichforum.profile/1\" (or "
            "forum/1, criterion/1), or pass --kind"));
      } else if (k == FileKind::kForum) {
        auto forum = parse_forum(*doc.value, stem);
        diags.append(forum.diagnostics);
        if (forum.ok()) {
          if (!data) {
            auto d = load_reference_data(fs, dirs.data);
            diags.append(d.diagnostics);
            if (d.ok()) data = std::move(*d.value);
          }
          if (data) diags.append(check_forum_against(*forum.value, *data));
          diags.append(verify_citations(fs, dirs.data, {&*forum.value}, {}));
          id = forum.value->id;
        }
      } else if (k == FileKind::kCriterion) {
        auto crit = parse_criterion(*doc.value, stem);
        diags.append(crit.diagnostics);
        if (crit.ok()) {
          diags.append(verify_citations(fs, dirs.data, {}, {&*crit.value}));
          id = crit.value->id;
        }
      } else if (k == FileKind::kAssumptions) {
        auto a = parse_assumptions(*doc.value);
        diags.append(a.diagnostics);
        for (const auto& spec : assumptions_schema().keys) {
          if (a.ok() && spec.fact && !a.value->values.count(std::string(spec.key))) {
            diags.add(make_error(doc.value->source.get(), {1, 1}, "missing assumption \"" + std::string(spec.key) + "\""));
          }
        }
        id = "";
      } else {
        auto profile = parse_profile(*doc.value);
        diags.append(profile.diagnostics);
        if (profile.ok()) {
          if (!catalogue_tried) {
            catalogue_tried = true;
            auto cat = load_catalogue(fs, dirs);
            diags.append(cat.diagnostics);
            if (cat.ok()) catalogue = std::move(*cat.value);
          }
          if (catalogue) diags.append(validate_profile(*profile.value, *catalogue));
          id = profile.value->country;
        }
      }
      what = std::string(file_kind_name(k)) + (id.empty() ? "" : " " + id);
      if (!id.empty() && k != FileKind::kProfile && diags.ok()) {
        auto [it, fresh] = ids.emplace(what, path);
        if (!fresh) {
          diags.add(make_error(doc.value->source.get(), {1, 1},
              "duplicate " + what + ": " + it->second + " defines it too"));
        }
      }
    }
    print_diagnostics(diags);
    if (diags.ok()) {
      report += "ok      " + path + " (" + what + ")\n";
    } else {
      ++bad;
      report += "invalid " + path + (what.empty() ? "" : " (" + what + ")") + "\n";
    }
  }
  report += std::to_string(files.size()) + " files checked: " + std::to_string(files.size() - static_cast<size_t>(bad)) +
            " valid, " + std::to_string(bad) + " invalid\n";
  std::fputs(report.c_str(), stdout);
  return bad == 0 ? kExitOk : kExitBadInput;
}

}  // namespace whichforum::cli
