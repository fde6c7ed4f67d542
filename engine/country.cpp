// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Merging the profile's country facts with the reference data.
#include "engine/country.h"

#include "engine/forum.h"

namespace whichforum {

Exact CountryView::standing() const {
  if (egdi_rank <= 0) return 0;
  return Exact(1) - Exact(egdi_rank - 1, 192);
}

Result<CountryView> make_country(const Profile& p, const ReferenceData& data) {
  Result<CountryView> result;
  CountryView c;
  c.iso3 = p.country;
  c.name = p.name;
  const CountryRecord* rec = data.find(p.country);
  const EgdiRecord* egdi = data.latest_egdi(p.country);
  const CountryFacts& f = p.country_facts;
  if (f.egdi) {
    c.egdi = *f.egdi;
    c.egdi_source = "profile";
  } else if (egdi) {
    c.egdi = egdi->egdi;
    c.egdi_source = "UN EGDI " + std::to_string(egdi->year);
  } else {
    result.diagnostics.add(make_error(p.source.get(), p.country_pos,
        "the reference data has no EGDI for \"" + p.country + "\"; give [country_facts] egdi and egdi_rank"));
    return result;
  }
  if (f.egdi_rank) {
    c.egdi_rank = *f.egdi_rank;
  } else if (egdi) {
    c.egdi_rank = egdi->rank;
  } else {
    result.diagnostics.add(make_error(p.source.get(), p.country_pos,
        "the reference data has no EGDI rank for \"" + p.country + "\"; give [country_facts] egdi_rank"));
    return result;
  }
  c.region = f.wb_region.value_or(rec ? rec->wb_region : std::string());
  c.income_group = f.income_group.value_or(rec ? rec->income_group : std::string());
  c.oecd_member = f.oecd_member.value_or(rec ? rec->oecd_member : false);
  c.adheres.insert(f.adheres.begin(), f.adheres.end());
  for (const auto& i : p.invitations) c.invitations.insert(i.id);
  for (const auto& m : p.memberships) {
    c.memberships[m.forum] = m.option;
    if (m.since) c.member_since[m.forum] = *m.since;
    if (m.founder) c.founded.insert(m.forum);
  }
  c.themes_given = !p.theme_priority.empty();
  // No stated priorities: nothing is known of what the country cares for, so themes change no
  // value (an even spread over all 18 themes would scale every forum by how many themes it
  // lists, which says nothing about the country: init profiles lost OGP, on one theme, that way).
  if (c.themes_given) c.themes = p.theme_priority;
  c.languages = p.languages;
  c.languages_given = p.languages_given;
  result.value = std::move(c);
  return result;
}

}  // namespace whichforum
