// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// `check`: the kind dispatch, the cross-file checks and duplicate ids.
#include "engine/check.h"

#include <filesystem>
#include <map>

namespace whichforum {

size_t CheckReport::invalid() const {
  size_t n = 0;
  for (const auto& f : files) n += f.ok() ? 0 : 1;
  return n;
}

FileKind file_kind_from_name(std::string_view name) {
  if (name == "profile") return FileKind::kProfile;
  if (name == "forum") return FileKind::kForum;
  if (name == "criterion") return FileKind::kCriterion;
  if (name == "assumptions") return FileKind::kAssumptions;
  return FileKind::kUnknown;
}

CheckReport check_files(FileSystem& fs, const CatalogueDirs& dirs, const std::vector<std::string>& args,
                        std::optional<FileKind> kind) {
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
  // The reference data and the catalogue are needed to check cross-file references; they are
  // loaded once, and only when a file needs them.
  std::optional<ReferenceData> data;
  std::optional<Catalogue> catalogue;
  bool catalogue_tried = false;
  std::map<std::string, std::string> ids;  // "forum dn" -> first file
  CheckReport report;
  for (const auto& path : files) {
    CheckedFile checked;
    checked.path = path;
    Diagnostics& diags = checked.diagnostics;
    auto doc = load_document(fs, path);
    diags.append(doc.diagnostics);
    if (doc.value) {
      FileKind k = kind ? *kind : detect_kind(*doc.value);
      std::string stem = file_stem(path);
      std::string id;
      switch (k) {
        case FileKind::kUnknown:
          diags.add(make_error(doc.value->source.get(), {1, 1},
                               "cannot tell what kind of file this is; add schema = \"whichforum.profile/1\" (or "
                               "forum/1, criterion/1), or pass --kind"));
          break;
        case FileKind::kForum: {
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
          break;
        }
        case FileKind::kCriterion: {
          auto crit = parse_criterion(*doc.value, stem);
          diags.append(crit.diagnostics);
          if (crit.ok()) {
            diags.append(verify_citations(fs, dirs.data, {}, {&*crit.value}));
            id = crit.value->id;
          }
          break;
        }
        case FileKind::kAssumptions: {
          auto a = parse_assumptions(*doc.value);
          diags.append(a.diagnostics);
          for (const auto& spec : assumptions_schema().keys) {
            if (a.ok() && spec.fact && !a.value->values.count(std::string(spec.key))) {
              diags.add(make_error(doc.value->source.get(), {1, 1}, "missing assumption \"" + std::string(spec.key) + "\""));
            }
          }
          break;
        }
        case FileKind::kProfile: {
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
          break;
        }
      }
      checked.what = std::string(file_kind_name(k)) + (id.empty() ? "" : " " + id);
      // Profiles may share a country (scenarios); forums and criteria may not share an id.
      if (!id.empty() && k != FileKind::kProfile && diags.ok()) {
        auto [it, fresh] = ids.emplace(checked.what, path);
        if (!fresh) {
          diags.add(make_error(doc.value->source.get(), {1, 1},
                               "duplicate " + checked.what + ": " + it->second + " defines it too"));
        }
      }
    }
    report.files.push_back(std::move(checked));
  }
  return report;
}

}  // namespace whichforum
