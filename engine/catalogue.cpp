// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Loading the catalogue and the checks that span files.
#include "engine/catalogue.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <map>

#include <boost/algorithm/string/predicate.hpp>

namespace whichforum {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::uint64_t fnv1a(std::string_view text, std::uint64_t seed) {
  std::uint64_t h = seed;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  return h;
}

namespace {

// Files the catalogue reads go through here, so that its digest covers exactly them.
class DigestingFileSystem : public FileSystem {
 public:
  explicit DigestingFileSystem(FileSystem& inner) : inner_(inner) {}
  bool read(const std::string& path, std::string* out, std::string* err) override {
    bool ok = inner_.read(path, out, err);
    if (ok) digest = fnv1a(*out, fnv1a(file_stem(path), digest));
    return ok;
  }
  bool list(const std::string& dir, std::string_view ext, std::vector<std::string>* out, std::string* err) override {
    return inner_.list(dir, ext, out, err);
  }
  std::uint64_t digest = 14695981039346656037ULL;

 private:
  FileSystem& inner_;
};

}  // namespace

const Forum* Catalogue::find_forum(std::string_view id) const {
  for (const auto& f : forums) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

const Criterion* Catalogue::find_criterion(std::string_view id) const {
  for (const auto& c : criteria) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

std::vector<std::string> Catalogue::forum_ids() const {
  std::vector<std::string> ids;
  for (const auto& f : forums) ids.push_back(f.id);
  return ids;
}

std::vector<std::string> Catalogue::criterion_ids() const {
  std::vector<std::string> ids;
  for (const auto& c : criteria) ids.push_back(c.id);
  return ids;
}

std::string Catalogue::resolve_forum(std::string_view name) const {
  for (const auto& f : forums) {
    if (boost::algorithm::iequals(f.id, name)) return f.id;
    for (const auto& a : f.aliases) {
      if (boost::algorithm::iequals(a, name)) return f.id;
    }
  }
  return "";
}

const char* file_kind_name(FileKind kind) {
  switch (kind) {
    case FileKind::kProfile: return "profile";
    case FileKind::kForum: return "forum";
    case FileKind::kCriterion: return "criterion";
    case FileKind::kAssumptions: return "assumptions";
    case FileKind::kUnknown: return "unknown";
  }
  return "unknown";
}

FileKind detect_kind(const Document& doc) {
  if (const Node* s = doc.root.find("schema"); s && s->kind == Node::Kind::kString) {
    if (s->text.starts_with("whichforum.profile/")) return FileKind::kProfile;
    if (s->text.starts_with("whichforum.forum/")) return FileKind::kForum;
    if (s->text.starts_with("whichforum.criterion/")) return FileKind::kCriterion;
    if (s->text.starts_with("whichforum.assumptions/")) return FileKind::kAssumptions;
  }
  if (doc.root.find("country") || doc.root.find("objectives") || doc.root.find("capacity")) {
    return FileKind::kProfile;
  }
  if (doc.root.find("function") || doc.root.find("evidence")) return FileKind::kCriterion;
  if (doc.root.find("membership_mode") || doc.root.find("founded") || doc.root.find("entry_rule")) {
    return FileKind::kForum;
  }
  return FileKind::kUnknown;
}

std::string file_stem(std::string_view path) {
  return std::filesystem::path(std::string(path)).stem().string();
}

Result<Document> load_document(FileSystem& fs, const std::string& path) {
  std::string text, err;
  if (!fs.read(path, &text, &err)) {
    Result<Document> r;
    Diagnostic d;
    d.file = path;
    d.message = err;
    r.diagnostics.add(d);
    return r;
  }
  return read_toml(text, path);
}

Result<ReferenceData> load_reference_data(FileSystem& fs, const std::string& dir) {
  std::string texts[3];
  const char* names[3] = {"countries.csv", "egdi.csv", "oecd_dgi_2023.csv"};
  Result<ReferenceData> r;
  for (int i = 0; i < 3; ++i) {
    std::string err;
    std::string path = dir + "/" + names[i];
    if (!fs.read(path, &texts[i], &err)) {
      Diagnostic d;
      d.file = path;
      d.message = err + " (reference data; point --data at a directory that has it)";
      r.diagnostics.add(d);
    }
  }
  if (!r.diagnostics.ok()) return r;
  return parse_reference_data(texts[0], texts[1], texts[2], dir);
}

Diagnostics check_forum_against(const Forum& forum, const ReferenceData& data) {
  Diagnostics diags;
  auto check = [&](const std::vector<std::string>& codes, SourcePos pos, const std::string& what) {
    for (const auto& code : codes) {
      if (!data.find(code)) {
        diags.add(make_error(forum.source.get(), pos,
            "\"" + code + "\" in " + what + " of forum \"" + forum.id +
            "\" is not a country in the reference data (data/countries.csv)"));
      }
    }
  };
  if (const Fact* m = forum.fact("members")) check(forum.list("members"), m->pos, "\"members\"");
  for (const auto& r : forum.entry_rules) check(r.countries, r.pos, "an entry rule");
  if (const Fact* v = forum.fact("venues")) {
    std::vector<std::string> codes;
    for (const auto& venue : forum.list("venues")) codes.push_back(venue.substr(0, 3));
    check(codes, v->pos, "\"venues\"");
  }
  return diags;
}

namespace {

template <class T>
bool load_all(FileSystem& fs, const std::string& dir, std::string_view what, Diagnostics* diags,
              Result<T> (*parse)(const Document&, std::string_view), std::vector<T>* out,
              size_t max_files = SIZE_MAX) {
  std::vector<std::string> paths;
  std::string err;
  if (!fs.list(dir, ".toml", &paths, &err)) {
    Diagnostic d;
    d.file = dir;
    d.message = err + " (the " + std::string(what) + " catalogue; point --" + std::string(what) +
                " at a directory of .toml files)";
    diags->add(d);
    return false;
  }
  if (paths.empty()) {
    Diagnostic d;
    d.file = dir;
    d.message = "no .toml files in the " + std::string(what) + " directory";
    diags->add(d);
    return false;
  }
  // Refused before any file is read: a generated directory gets its answer at once.
  if (paths.size() > max_files) {
    Diagnostic d;
    d.file = dir;
    d.message = "the " + std::string(what) + " catalogue holds " + std::to_string(paths.size()) +
                " .toml files; whichforum takes at most " + std::to_string(max_files) + " " +
                std::string(what) + " (see Limits in README.md)";
    diags->add(d);
    return false;
  }
  for (const auto& path : paths) {
    auto doc = load_document(fs, path);
    diags->append(doc.diagnostics);
    if (!doc.value) continue;
    auto item = parse(*doc.value, file_stem(path));
    diags->append(item.diagnostics);
    if (item.ok()) out->push_back(std::move(*item.value));
  }
  return true;
}

}  // namespace

Result<Catalogue> load_catalogue(FileSystem& real_fs, const CatalogueDirs& dirs) {
  Result<Catalogue> result;
  DigestingFileSystem fs(real_fs);
  Catalogue cat;
  load_all<Forum>(fs, dirs.forums, "forums", &result.diagnostics, &parse_forum, &cat.forums, kMaxForums);
  load_all<Criterion>(fs, dirs.criteria, "criteria", &result.diagnostics, &parse_criterion, &cat.criteria);
  auto data = load_reference_data(fs, dirs.data);
  result.diagnostics.append(data.diagnostics);
  std::string texts[3];
  const char* per_diem_files[3] = {"per_diem_foreign_2026_04.csv", "per_diem_us_fy2026.csv", "per_diem_names.csv"};
  for (int i = 0; i < 3; ++i) {
    std::string err;
    if (!fs.read(dirs.data + "/" + per_diem_files[i], &texts[i], &err)) {
      Diagnostic d;
      d.file = dirs.data + "/" + per_diem_files[i];
      d.message = err + " (reference data; point --data at a directory that has it)";
      result.diagnostics.add(d);
    }
  }
  if (!result.diagnostics.ok()) return result;
  auto per_diem = parse_per_diem(texts[0], texts[1], texts[2], dirs.data);
  result.diagnostics.append(per_diem.diagnostics);
  auto assumptions_doc = load_document(fs, dirs.data + "/assumptions.toml");
  result.diagnostics.append(assumptions_doc.diagnostics);
  if (!result.diagnostics.ok()) return result;
  auto assumptions = parse_assumptions(*assumptions_doc.value);
  result.diagnostics.append(assumptions.diagnostics);
  if (!result.diagnostics.ok()) return result;
  cat.data = std::move(*data.value);
  cat.per_diem = std::move(*per_diem.value);
  cat.assumptions = std::move(*assumptions.value);
  cat.digest = fs.digest;
  // Read past the digest (see Catalogue::memberships).
  {
    const std::string path = dirs.data + "/memberships.csv";
    std::string text, err;
    if (!real_fs.read(path, &text, &err)) {
      Diagnostic d;
      d.file = path;
      d.message = err + " (reference data; point --data at a directory that has it)";
      result.diagnostics.add(d);
      return result;
    }
    auto events = parse_membership_events(text, path);
    result.diagnostics.append(events.diagnostics);
    if (!events.ok()) return result;
    cat.memberships = std::move(*events.value);
  }
  result.diagnostics.append(check_catalogue(cat));
  if (result.diagnostics.ok()) result.value = std::move(cat);
  return result;
}

Diagnostics check_catalogue(const Catalogue& cat) {
  Diagnostics diags;
  std::map<std::string, std::string> names;  // lowercased id or alias -> forum id
  for (const auto& f : cat.forums) {
    diags.append(check_forum_against(f, cat.data));
    std::vector<std::string> all = f.aliases;
    all.insert(all.begin(), f.id);
    for (size_t k = 0; k < all.size(); ++k) {
      auto [it, fresh] = names.emplace(lower(all[k]), f.id);
      if (!fresh && it->second != f.id) {
        diags.add(make_error(f.source.get(), k == 0 ? f.id_pos : f.aliases_pos,
            (k == 0 ? "id" : "alias") + std::string(" \"") + all[k] + "\" of forum \"" + f.id +
            "\" is already a name of forum \"" + it->second + "\""));
      }
    }
  }
  return diags;
}

}  // namespace whichforum
