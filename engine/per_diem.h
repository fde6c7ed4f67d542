// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// PerDiemTable: the nightly ceiling (lodging + meals) for a venue city, from the US State
// Department foreign and GSA domestic schedules in data/.
#pragma once

#include "engine/diagnostic.h"
#include "engine/exact.h"
#include "engine/reference_data.h"

#include <map>
#include <optional>
#include <string>

namespace whichforum {

/// A ceiling and where it comes from, e.g. "State Dept 2026-04: FRANCE, Paris".
struct PerDiemRate {
  Exact usd;
  std::string source;
};

/// Ceilings by place. Where a place has several seasons the highest is kept: a cost estimate
/// should not depend on a meeting date the catalogue does not know.
struct PerDiemTable {
  std::map<std::string, std::map<std::string, Exact>> foreign;  ///< COUNTRY -> LOCATION -> USD
  std::map<std::string, Exact> domestic;                         ///< DESTINATION -> USD
  Exact domestic_standard;                                       ///< the standard CONUS rate
  std::map<std::string, std::string> names;  ///< ISO3 or "ISO3:City" -> name in the schedules

  /// The ceiling for `city` in country `iso3`: the city's own row, else the country's
  /// "[Other]" row; nullopt when the schedules have neither.
  [[nodiscard]] std::optional<PerDiemRate> lookup(std::string_view iso3, std::string_view city,
                                                  const ReferenceData& data) const;
};

/// Builds the table from per_diem_foreign_2026_04.csv, per_diem_us_fy2026.csv and
/// per_diem_names.csv; `dir` prefixes file names in messages.
[[nodiscard]] Result<PerDiemTable> parse_per_diem(std::string_view foreign_csv, std::string_view us_csv,
                                                  std::string_view names_csv, const std::string& dir);

}  // namespace whichforum
