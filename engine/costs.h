// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Costs: money, staff days and ministerial days of taking part in a forum at a level.
#pragma once

#include "engine/assumptions.h"
#include "engine/country.h"
#include "engine/forum.h"
#include "engine/per_diem.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace whichforum {

/// One line of a cost's working, for the explain chain.
struct CostLine {
  std::string what;
  Exact money_usd;
  Exact staff_days;
  Exact ministerial_days;
};

/// A year's cost of one level of one forum. Money is worked out in USD (the per-diem schedules'
/// currency) and converted to the profile's currency once, exactly.
struct LevelCost {
  Exact money_usd;
  Exact staff_days;
  Exact ministerial_days;
  std::vector<CostLine> lines;
};

/// The travel cost of one delegate at one meeting, averaged over the forum's venues (rotating
/// forums meet in each in turn); `how` lists the venues' fares and ceilings.
struct TripCost {
  Exact money_usd;    ///< fare + nights x ceiling
  Exact travel_days;  ///< days lost to travel
  std::string how;
};

/// Works out the trip from the country to the forum's venues; virtual forums cost no trip.
[[nodiscard]] TripCost trip_cost(const Forum& forum, const CountryView& country, const Assumptions& a,
                                 const PerDiemTable& per_diem, const ReferenceData& data);

/// Works out the cost of `level` ("observer", "member", "lead") of `forum` for `country`.
[[nodiscard]] LevelCost level_cost(const Forum& forum, std::string_view level, const CountryView& country,
                                   const Assumptions& a, const PerDiemTable& per_diem, const ReferenceData& data);

/// Works out the yearly cost of engagement option `o` of `forum` for `country`: its meetings x
/// delegates x trip, the days in and around the room, calls, the minister's trips at the forum's
/// real cadence, the fee (by the country's income group where the forum tiers it), obligations
/// per year of their cycle, extra staff days and hosting (in the year a role is held). An option
/// that `includes` another costs that one's too.
[[nodiscard]] LevelCost option_cost(const Forum& forum, const EngagementOption& o, const CountryView& country,
                                    const Assumptions& a, const PerDiemTable& per_diem, const ReferenceData& data);

/// The fee of `o` for a country of `income_group` ("High income", ...), with its basis; nullopt
/// when the forum file gives none (not known).
[[nodiscard]] std::optional<std::pair<Exact, std::string>> option_fee(const EngagementOption& o,
                                                                      std::string_view income_group);

}  // namespace whichforum
