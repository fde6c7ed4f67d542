// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// What the fuzz targets share: the shipped catalogue held in memory, the whole recommend path
// with every rendering, and the invariants a fuzzed run must keep.
#pragma once

#include "engine/engine.h"
#include "tests/memory_file_system.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace whichforum::fuzz {

/// Stops the run with a message libFuzzer records with the input: an invariant is broken.
[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

inline void require(bool ok, const char* what) {
  if (!ok) fail(what);
}

/// The source tree's catalogue files (forums/, criteria/, data/ with SOURCES.md and seeds/),
/// read once into memory under "forums", "criteria" and "data"; nothing is read or written on
/// disk after that.
inline test::MemoryFileSystem& shipped_files() {
  static test::MemoryFileSystem* fs = [] {
    auto* mem = new test::MemoryFileSystem;
    RealFileSystem disk;
    const std::string root = WHICHFORUM_SOURCE_DIR;
    const std::pair<const char*, const char*> dirs[] = {
        {"forums", ".toml"}, {"criteria", ".toml"}, {"data", ".toml"}, {"data", ".csv"},
        {"data", ".md"}, {"data/seeds", ".txt"}};
    for (const auto& [dir, ext] : dirs) {
      std::vector<std::string> paths;
      std::string err;
      if (!disk.list(root + "/" + dir, ext, &paths, &err)) fail("cannot list the shipped catalogue");
      for (const auto& path : paths) {
        std::string text;
        if (!disk.read(path, &text, &err)) fail("cannot read the shipped catalogue");
        mem->files[path.substr(root.size() + 1)] = std::move(text);
      }
    }
    return mem;
  }();
  return *fs;
}

/// The shipped catalogue, loaded once from shipped_files(). Mutable so that a target can swap a
/// fuzzed forum or criterion in for one run and back out.
inline Catalogue& shipped_catalogue() {
  static Catalogue* cat = [] {
    auto c = load_catalogue(shipped_files(), {"forums", "criteria", "data"});
    if (!c.ok()) fail("the shipped catalogue does not load");
    return new Catalogue(std::move(*c.value));
  }();
  return *cat;
}

/// A shipped profile, parsed and validated once.
inline const Profile& shipped_profile() {
  static Profile* p = [] {
    std::string text, err;
    RealFileSystem disk;
    if (!disk.read(std::string(WHICHFORUM_SOURCE_DIR) + "/profiles/uruguay.toml", &text, &err)) {
      fail("cannot read profiles/uruguay.toml");
    }
    auto doc = read_toml(text, "uruguay.toml");
    if (!doc.ok()) fail("profiles/uruguay.toml does not parse");
    auto profile = Session(shipped_catalogue()).profile_from(*doc.value);
    if (!profile.ok()) fail("profiles/uruguay.toml is not valid");
    return new Profile(std::move(*profile.value));
  }();
  return *p;
}

/// Formats every diagnostic, as the CLI would print it: positions and lines from fuzzed text
/// must format without reading out of bounds.
inline void format_all(const Diagnostics& diags) {
  for (const auto& d : diags.items()) require(!format_diagnostic(d).empty(), "empty diagnostic");
}

/// The value of `r`, its diagnostics formatted; nullopt when it has errors.
template <class T>
std::optional<T> checked(Result<T> r) {
  format_all(r.diagnostics);
  if (!r.ok()) return std::nullopt;
  return std::move(r.value);
}

/// A JSON rendering must be one valid JSON document, whatever the names and numbers in it: read
/// back by a real parser (nlohmann/json, test-only), not by our own writer's assumptions.
inline void require_json(const std::string& text, const char* what) {
  require(nlohmann::json::accept(text), what);
}

/// Parses `data` as a TOML file named `name`; nullopt (diagnostics formatted) when it is not.
inline std::optional<Document> document(const uint8_t* data, size_t size, const char* name) {
  auto doc = read_toml(std::string_view(reinterpret_cast<const char*>(data), size), name);
  require(doc.value.has_value() == doc.diagnostics.ok(), "a document with errors, or none without");
  return checked(std::move(doc));
}

/// What any recommendation must satisfy: a feasible portfolio within every budget, holding
/// every must-include forum and no excluded one, no more forums than max_forums, and a total
/// value equal to its choices' values less the overlap.
inline void check_recommendation(const Recommendation& rec, const Profile& profile) {
  if (!rec.feasible()) {
    require(!rec.infeasible_why.empty(), "infeasible without a reason");
    return;
  }
  require(rec.total_cost.size() == rec.budget.size(), "a cost per resource");
  for (size_t r = 0; r < rec.budget.size(); ++r) require(rec.total_cost[r] <= rec.budget[r], "over budget");
  Exact sum = 0;
  for (const auto& c : rec.portfolio) sum += c.value;
  require(sum - rec.overlap_loss - rec.leave_loss - rec.price_total == rec.total_value,
          "total value is not the sum less overlap, leaving and the price of resources");
  auto chosen = [&](const std::string& id) {
    return std::any_of(rec.portfolio.begin(), rec.portfolio.end(), [&](const Choice& c) { return c.forum == id; });
  };
  for (const auto& m : profile.constraints.must) require(chosen(m.id), "a must-include forum left out");
  for (const auto& x : profile.constraints.exclude) require(!chosen(x.id), "an excluded forum chosen");
  if (profile.constraints.max_forums) {
    require(rec.portfolio.size() <= static_cast<size_t>(*profile.constraints.max_forums), "over max_forums");
  }
}

/// How far recommend_and_render goes past the recommendation's own reports.
enum class Depth {
  kReports,   ///< the four report formats
  kBriefing,  ///< and the briefing (robustness over 10,000 draws, the budget chart, sensitivity)
};

/// The whole recommend path from a parsed profile: validate it against `catalogue`, recommend,
/// check the answer, and render it in every format, with `Depth::kBriefing` the briefing too.
/// HTML never carries a script, whatever the names.
inline void recommend_and_render(const Profile& profile, const Catalogue& catalogue,
                                 Depth depth = Depth::kBriefing) {
  auto refs = validate_profile(profile, catalogue);
  format_all(refs);
  if (!refs.ok()) return;
  auto rec = checked(recommend(profile, catalogue));
  if (!rec) return;
  check_recommendation(*rec, profile);
  for (Format f : {Format::kText, Format::kJson, Format::kMarkdown, Format::kCsv}) {
    std::string out = render_recommendation(*rec, f);
    require(!out.empty(), "empty report");
    if (f == Format::kJson) require_json(out, "the JSON report is not valid JSON");
  }
  if (depth == Depth::kReports) return;
  Briefing brief = make_briefing(*rec, profile, catalogue);
  for (BriefFormat f : {BriefFormat::kMarkdown, BriefFormat::kHtml, BriefFormat::kCsv, BriefFormat::kJson}) {
    std::string out = render_brief(brief, f);
    require(!out.empty(), "empty briefing");
    if (f == BriefFormat::kHtml) require(out.find("<script") == std::string::npos, "a script in the HTML briefing");
    if (f == BriefFormat::kJson) require_json(out, "the JSON briefing is not valid JSON");
  }
}

/// Runs `run()` with `item` in `items` (kept in id order): in place of the one with its id, or
/// inserted among them; `items` is as it was afterwards.
template <class T, class Run>
void with_swapped_in(std::vector<T>& items, T item, Run run) {
  auto at = std::lower_bound(items.begin(), items.end(), item.id,
                             [](const T& x, const std::string& id) { return x.id < id; });
  bool replaces = at != items.end() && at->id == item.id;
  if (replaces) {
    std::swap(*at, item);
  } else {
    at = items.insert(at, std::move(item));
  }
  run();
  if (replaces) {
    std::swap(*at, item);
  } else {
    items.erase(at);
  }
}

}  // namespace whichforum::fuzz
