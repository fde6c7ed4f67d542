// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// ReferenceData: country facts from data/ (UN EGDI, World Bank groups, OECD membership).
#pragma once

#include "engine/diagnostic.h"
#include "engine/exact.h"

#include <map>
#include <optional>
#include <string>

namespace whichforum {

/// One year of the UN E-Government Survey for a country (data/egdi.csv).
struct EgdiRecord {
  int year = 0;
  int rank = 0;
  Exact egdi, epi, osi, hci, tii;
  std::string group;  ///< Very High, High, Middle, Low
};

/// What the reference tables say of one economy. Every field names its source table in
/// data/SOURCES.md: countries.csv (S05, S06), egdi.csv (S01-S03), oecd_members.csv (S07-S12),
/// oecd_dgi_2023.csv (S14).
struct CountryRecord {
  std::string iso3;
  std::string name;
  std::string wb_region;
  std::string income_group;  ///< "" where the source has none (Venezuela)
  std::string un_region;
  bool oecd_member = false;
  int oecd_accession_year = 0;
  std::map<int, EgdiRecord> egdi;    ///< by survey year: 2018, 2022, 2024
  std::optional<Exact> dgi_2023;     ///< OECD Digital Government Index composite
};

/// The country tables, keyed by ISO3.
struct ReferenceData {
  std::map<std::string, CountryRecord> countries;
  std::string data_as_of;  ///< the newest survey or classification year in the tables

  [[nodiscard]] const CountryRecord* find(std::string_view iso3) const;
  /// The latest EGDI record of a country, or null.
  [[nodiscard]] const EgdiRecord* latest_egdi(std::string_view iso3) const;
};

/// Builds ReferenceData from the texts of countries.csv, egdi.csv and oecd_dgi_2023.csv (a
/// from-string entry point, so tests need no files). `dir` only prefixes file names in messages.
[[nodiscard]] Result<ReferenceData> parse_reference_data(std::string_view countries_csv,
                                                         std::string_view egdi_csv,
                                                         std::string_view dgi_csv,
                                                         const std::string& dir);

}  // namespace whichforum
