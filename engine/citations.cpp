// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Citations checked against their seeds and data/SOURCES.md.
#include "engine/catalogue.h"

#include <cctype>
#include <map>
#include <sstream>

namespace whichforum {

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
    check(c->source.get(), c->theme_relevance.prov, "theme_relevance");
    if (c->language_barrier) check(c->source.get(), c->language_barrier->prov, "language_barrier");
  }
  return diags;
}

}  // namespace whichforum
