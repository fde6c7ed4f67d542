// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// CountryView: what the model knows of the country, the profile's facts over the reference data.
#pragma once

#include "engine/profile.h"
#include "engine/reference_data.h"

#include <map>
#include <set>
#include <string>

namespace whichforum {

/// The country as the model sees it. Each fact says whether it came from the profile or from
/// the reference data, for the explain chain.
struct CountryView {
  std::string iso3;
  std::string name;
  Exact egdi;
  int egdi_rank = 0;
  std::string egdi_source;  ///< "UN EGDI 2024" or "profile"
  std::string region;       ///< World Bank region
  std::string income_group;
  bool oecd_member = false;
  std::set<std::string> adheres;
  std::set<std::string> invitations;
  std::map<std::string, std::string> memberships;  ///< forum id -> the option held today
  std::map<std::string, int> member_since;         ///< forum id -> the year it began, where known
  std::set<std::string> founded;                   ///< forums the country founded (membership founder = true)
  /// theme id -> the country's priority, summing to 1: the profile's, else every theme of the
  /// catalogue's list equal (`themes_given` false).
  std::map<std::string, Exact> themes;
  bool themes_given = false;
  std::vector<std::string> languages;  ///< its delegates' working languages (profile, default English)
  bool languages_given = false;

  /// The EGDI rank as a share, 1 for first of 193 and 0 for last.
  [[nodiscard]] Exact standing() const;
};

/// Builds the view; an error when the country has no EGDI in the data and the profile gives none.
[[nodiscard]] Result<CountryView> make_country(const Profile& profile, const ReferenceData& data);

}  // namespace whichforum
