// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// A profile checked against the catalogue: what it names must exist there.
#include "engine/catalogue.h"
#include "engine/preferences.h"

#include "engine/spelling.h"

#include <algorithm>
#include <set>

#include <boost/algorithm/string/join.hpp>

namespace whichforum {

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
  // A language no forum works in is allowed (it makes no forum easier), but one a letter or two
  // from a forum's language is most likely a typo that would turn every forum into a barrier.
  std::set<std::string> worked_in;
  for (const auto& f : cat.forums) {
    for (const auto& l : f.list("languages")) worked_in.insert(l);
  }
  const std::vector<std::string> forum_languages(worked_in.begin(), worked_in.end());
  for (size_t i = 0; i < p.language_pos.size() && i < p.languages.size(); ++i) {
    const std::string& l = p.languages[i];
    if (worked_in.count(l)) continue;
    const std::string hint = did_you_mean(l, forum_languages);
    if (!hint.empty()) {
      diags.add(make_warning(src, p.language_pos[i], "no forum in the catalogue works in \"" + l + "\"" + hint +
                                                         " (languages are compared as written)"));
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
  std::set<std::pair<std::string, std::string>> seen_option;
  for (const auto& o : p.overrides) {
    if (seen_forum.insert(o.forum).second && unknown_forum(o.forum, o.forum_pos)) continue;
    const Forum* f = cat.find_forum(o.forum);
    if (!f || o.option.empty() || !seen_option.insert({o.forum, o.option}).second) continue;
    std::vector<std::string> ids;
    for (const auto& opt : f->options) ids.push_back(opt.id);
    if (std::find(ids.begin(), ids.end(), o.option) == ids.end()) {
      diags.add(make_error(src, o.option_pos, "forum \"" + o.forum + "\" declares no option \"" + o.option + "\"" +
                                                  did_you_mean(o.option, ids) +
                                                  (ids.empty() ? "; it declares no [[option]] tables" : "; it declares " + boost::algorithm::join(ids, ", ")) +
                                                  " (see: whichforum forums show " + o.forum + ")"));
    }
  }
  return diags;
}

}  // namespace whichforum
