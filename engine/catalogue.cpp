// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Loading the catalogue and the checks that span files.
#include "engine/catalogue.h"

#include <boost/algorithm/string/join.hpp>
#include "engine/preferences.h"

#include "engine/spelling.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <boost/algorithm/string/predicate.hpp>

namespace whichforum {

namespace {

constexpr std::uintmax_t kMaxFileBytes = 16u << 20;

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

bool RealFileSystem::read(const std::string& path, std::string* out, std::string* err) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    *err = "is a directory";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *err = std::filesystem::exists(path, ec) ? "cannot read: permission denied" : "cannot read: No such file or directory";
    return false;
  }
  // Read in chunks rather than by size, so that pipes such as /dev/stdin work; stop past the limit.
  std::string text;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, static_cast<size_t>(in.gcount()));
    if (text.size() > kMaxFileBytes) {
      *err = "file is over 16 MiB; inputs that large are refused";
      return false;
    }
  }
  *out = std::move(text);
  return true;
}

bool RealFileSystem::list(const std::string& dir, std::string_view ext, std::vector<std::string>* out,
                          std::string* err) {
  std::error_code ec;
  std::filesystem::directory_iterator it(dir, ec);
  if (ec) {
    *err = "cannot list directory: " + ec.message();
    return false;
  }
  std::string base = dir;
  while (base.size() > 1 && base.back() == '/') base.pop_back();
  for (const auto& entry : it) {
    if (entry.path().extension() == ext && entry.is_regular_file(ec)) {
      out->push_back(base + "/" + entry.path().filename().string());
    }
  }
  std::sort(out->begin(), out->end());
  return true;
}

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

Diagnostics validate_profile(const Profile& p, const Catalogue& cat) {
  Diagnostics diags;
  const SourceText* src = p.source.get();
  auto forum_ids = cat.forum_ids();
  auto unknown_forum = [&](const std::string& id, SourcePos pos) {
    if (cat.find_forum(id)) return false;
    std::string msg = "unknown forum id \"" + id + "\"";
    std::string alias = cat.resolve_forum(id);
    if (!alias.empty()) {
      msg += "; did you mean \"" + alias + "\" (" + cat.find_forum(alias)->name + ")?";
    } else {
      msg += did_you_mean(id, forum_ids);
      msg += " (see: whichforum forums)";
    }
    diags.add(make_error(src, pos, msg));
    return true;
  };
  if (!cat.data.find(p.country)) {
    diags.add(make_error(src, p.country_pos, "unknown country code \"" + p.country +
                                                 "\"; it is not in data/countries.csv"));
  }
  auto criteria = cat.criterion_ids();
  for (const auto& w : mentioned_objectives(p)) {
    if (!cat.find_criterion(w.id)) {
      diags.add(make_error(src, w.pos, "unknown objective \"" + w.id + "\"" +
                                           did_you_mean(w.id, criteria) + " (objectives: " +
                                           [&] {
                                             std::string s;
                                             for (const auto& c : criteria) s += (s.empty() ? "" : ", ") + c;
                                             return s;
                                           }() + ")"));
    }
  }
  const KeySpec* theme_spec = forum_schema().find("themes");
  std::vector<std::string> themes(theme_spec->allowed.begin(), theme_spec->allowed.end());
  for (const auto& t : p.themes) {
    if (std::find(themes.begin(), themes.end(), t.id) == themes.end()) {
      diags.add(make_error(src, t.pos, "unknown theme \"" + t.id + "\"" + did_you_mean(t.id, themes) +
                                           " (see: whichforum schema forum)"));
    }
  }
  for (const auto& m : p.memberships) {
    if (unknown_forum(m.forum, m.pos)) continue;
    const Forum* f = cat.find_forum(m.forum);
    auto offered = offered_option_ids(*f);
    if (std::find(offered.begin(), offered.end(), m.option) == offered.end()) {
      diags.add(make_error(src, m.pos, "forum \"" + m.forum + "\" offers no option \"" + m.option + "\"" +
                                           did_you_mean(m.option, offered) + "; it offers " +
                                           boost::algorithm::join(offered, ", ") + " (see: whichforum forums show " +
                                           m.forum + ")"));
    }
  }
  for (const auto& [forum, year] : p.turns) {
    const SourcePos pos = p.turn_pos.at(forum);
    if (unknown_forum(forum, pos)) continue;
    const Forum* f = cat.find_forum(forum);
    if (std::none_of(f->options.begin(), f->options.end(), [](const EngagementOption& o) { return o.is_role(); })) {
      diags.add(make_error(src, pos, "forum \"" + forum + "\" has no chair or host option, so no turn to take"));
    }
  }
  for (const auto& r : p.invitations) unknown_forum(r.id, r.pos);
  for (const auto& r : p.constraints.must) unknown_forum(r.id, r.pos);
  for (const auto& r : p.constraints.exclude) unknown_forum(r.id, r.pos);
  for (const auto& [a, b] : p.constraints.requires_pairs) {
    unknown_forum(a.id, a.pos);
    unknown_forum(b.id, b.pos);
  }
  for (const auto& g : p.constraints.at_most_one_of) {
    for (const auto& r : g) unknown_forum(r.id, r.pos);
  }
  std::set<std::string> seen_forum;
  for (const auto& o : p.overrides) {
    if (seen_forum.insert(o.forum).second) unknown_forum(o.forum, o.forum_pos);
  }
  return diags;
}

namespace {

std::string squash(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

}  // namespace

Diagnostics verify_citations(FileSystem& fs, const std::string& data_dir,
                             const std::vector<const Forum*>& forums,
                             const std::vector<const Criterion*>& criteria) {
  Diagnostics diags;
  std::map<std::string, std::string> seeds;  // file name -> squashed text
  std::string sources_md, err;
  if (!fs.read(data_dir + "/SOURCES.md", &sources_md, &err)) {
    Diagnostic d;
    d.file = data_dir + "/SOURCES.md";
    d.message = err;
    diags.add(d);
    return diags;
  }
  auto check = [&](const SourceText* src, const Provenance& p, const std::string& what) {
    if (p.source.starts_with("data:")) {
      std::stringstream ids(p.source.substr(5));
      std::string id;
      while (std::getline(ids, id, ',')) {
        if (sources_md.find("**" + id + "**") == std::string::npos &&
            sources_md.find("- " + id + ":") == std::string::npos &&
            sources_md.find("- " + id + ",") == std::string::npos &&
            sources_md.find(", " + id + ":") == std::string::npos &&
            sources_md.find(", " + id + ",") == std::string::npos) {
          diags.add(make_error(src, p.pos, "source id " + id + " of " + what +
                                               " is not defined in data/SOURCES.md"));
        }
      }
    } else if (!p.source.empty()) {
      auto it = seeds.find(p.source);
      if (it == seeds.end()) {
        std::string text;
        std::string seed_err;
        if (!fs.read(data_dir + "/seeds/" + p.source, &text, &seed_err)) {
          diags.add(make_error(src, p.pos, "seed " + p.source + " cited by " + what +
                                               " is not in data/seeds/ (" + seed_err + ")"));
          return;
        }
        it = seeds.emplace(p.source, squash(text)).first;
      }
      if (!p.quote.empty() && it->second.find(squash(p.quote)) == std::string::npos) {
        diags.add(make_error(src, p.pos, "the quote of " + what + " is not in " + p.source +
                                             ": \"" + p.quote.substr(0, 60) +
                                             (p.quote.size() > 60 ? "...\"" : "\"")));
      }
    }
  };
  for (const Forum* f : forums) {
    for (const auto& [key, fact] : f->facts) check(f->source.get(), fact.prov, "\"" + key + "\"");
    for (const auto& r : f->entry_rules) check(f->source.get(), r.prov, "entry rule \"" + std::string(enum_name(r.rule)) + "\"");
    if (f->given) check(f->source.get(), f->given->prov, "[given]");
  }
  for (const Criterion* c : criteria) {
    for (const auto& e : c->evidence) check(c->source.get(), e, "evidence");
    for (const auto& fn : c->functions) check(c->source.get(), fn.prov, "function \"" + fn.indicator + "\"");
  }
  return diags;
}

}  // namespace whichforum
