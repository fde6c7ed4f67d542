// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The cost model: meetings x delegates x trip, days in and around the room, fees, hosting.
#include "engine/costs.h"

#include <algorithm>

namespace whichforum {

TripCost trip_cost(const Forum& forum, const CountryView& c, const Assumptions& a, const PerDiemTable& per_diem,
                   const ReferenceData& data) {
  TripCost t;
  auto venues = forum.list("venues");
  if (forum.text("venue_mode") == "virtual" || venues.empty()) {
    t.how = "virtual: no travel";
    return t;
  }
  Exact days = forum.number("meeting_days").value_or(a.get("default_meeting_days"));
  Exact money = 0, travel = 0;
  for (const auto& v : venues) {
    std::string iso3 = v.substr(0, 3), city = v.substr(4);
    const CountryRecord* host = data.find(iso3);
    std::string relation;
    Exact fare, tdays, nights;
    if (iso3 == c.iso3) {
      relation = "home";
      fare = a.get("fare_same_country_usd");
      tdays = a.get("travel_days_same_country");
      nights = 0;
    } else {
      bool same_region = host && host->wb_region == c.region;
      relation = same_region ? "same region" : "other region";
      fare = a.get(same_region ? "fare_same_region_usd" : "fare_other_region_usd");
      tdays = a.get(same_region ? "travel_days_same_region" : "travel_days_other_region");
      nights = days + a.get("extra_nights_away");
    }
    auto rate = per_diem.lookup(iso3, city, data);
    Exact ceiling = rate ? rate->usd : a.get("default_per_diem_usd");
    std::string rate_source = rate ? rate->source : "no schedule row: default_per_diem_usd";
    money += fare + nights * ceiling;
    travel += tdays;
    t.how += (t.how.empty() ? "" : "; ") + v + " (" + relation + "): fare " + format_exact(fare) + " + " +
             format_exact(nights) + " nights x " + format_exact(ceiling) + " [" + rate_source + "]";
  }
  Exact n = static_cast<long long>(venues.size());
  t.money_usd = money / n;
  t.travel_days = travel / n;
  if (venues.size() > 1) t.how = "mean over " + std::to_string(venues.size()) + " venues: " + t.how;
  return t;
}

LevelCost level_cost(const Forum& forum, std::string_view level, const CountryView& c, const Assumptions& a,
                     const PerDiemTable& per_diem, const ReferenceData& data) {
  LevelCost cost;
  const std::string lv(level);
  TripCost trip = trip_cost(forum, c, a, per_diem, data);
  Exact per_year = forum.number("meetings_per_year").value_or(0);
  Exact meetings = lv == "observer" ? std::min(per_year, a.get("observer_meetings_max")) : per_year;
  Exact delegates = a.get("delegates_" + lv);
  Exact days = forum.number("meeting_days").value_or(a.get("default_meeting_days"));
  bool virtual_only = forum.text("venue_mode") == "virtual";
  if (meetings > 0 && !virtual_only) {
    CostLine travel{"travel: " + format_exact(meetings) + " meetings x " + format_exact(delegates) +
                        " delegates x " + format_exact(trip.money_usd) + " USD (" + trip.how + ")",
                    meetings * delegates * trip.money_usd, 0, 0};
    cost.lines.push_back(travel);
  }
  if (meetings > 0) {
    Exact per_delegate = a.get("prep_days_per_meeting") + days + trip.travel_days + a.get("follow_up_days_per_meeting");
    cost.lines.push_back({"staff: " + format_exact(meetings) + " meetings x " + format_exact(delegates) +
                              " delegates x (" + format_exact(a.get("prep_days_per_meeting")) + " preparation + " +
                              format_exact(days) + " in the room + " + format_exact(trip.travel_days) + " travel + " +
                              format_exact(a.get("follow_up_days_per_meeting")) + " follow-up days)",
                          0, meetings * delegates * per_delegate, 0});
  }
  if (lv != "observer") {
    if (auto calls = forum.number("calls_per_year"); calls && *calls > 0) {
      cost.lines.push_back({"staff: " + format_exact(*calls) + " calls x " + format_exact(a.get("call_days")) + " days", 0,
                            *calls * a.get("call_days"), 0});
    }
    auto tiers = forum.list("tiers");
    if (std::find(tiers.begin(), tiers.end(), "ministerial") != tiers.end() && meetings > 0) {
      Exact trips = std::min(meetings, a.get("minister_meetings_max"));
      cost.lines.push_back({"minister: " + format_exact(trips) + " meetings x (" +
                                format_exact(a.get("minister_days_per_meeting")) + " in the room + " +
                                format_exact(trip.travel_days) + " travel days)",
                            virtual_only ? Exact(0) : trips * trip.money_usd, 0,
                            trips * (a.get("minister_days_per_meeting") + trip.travel_days)});
    }
    if (auto fee = forum.number("annual_fee_usd"); fee && *fee > 0) {
      const Fact* f = forum.fact("annual_fee_usd");
      cost.lines.push_back({std::string("fee or expected contribution") + (f->prov.estimate ? " (estimate)" : ""), *fee, 0, 0});
    }
  }
  if (lv == "lead") {
    cost.lines.push_back({"chairing and hosting: " + format_exact(a.get("lead_hosting_usd")) + " USD over " +
                              format_exact(a.get("lead_amortisation_years")) + " years, plus staff and ministerial days",
                          a.get("lead_hosting_usd") / a.get("lead_amortisation_years"), a.get("lead_staff_days"),
                          a.get("lead_ministerial_days")});
  }
  for (const auto& l : cost.lines) {
    cost.money_usd += l.money_usd;
    cost.staff_days += l.staff_days;
    cost.ministerial_days += l.ministerial_days;
  }
  return cost;
}

std::optional<std::pair<Exact, std::string>> option_fee(const EngagementOption& o, std::string_view income_group) {
  if (!o.fee_usd_by_income.empty()) {
    for (const auto& [key, group] : income_fee_keys()) {
      if (group != income_group) continue;
      auto it = o.fee_usd_by_income.find(std::string(key));
      if (it == o.fee_usd_by_income.end()) return std::nullopt;
      return std::make_pair(it->second, "the " + std::string(group) + " tier");
    }
    return std::nullopt;
  }
  if (o.fee_usd) return std::make_pair(*o.fee_usd, std::string("flat"));
  return std::nullopt;
}

namespace {

// The option's own lines (not those of an option it includes), each multiplied by `share`.
void own_lines(const Forum& forum, const EngagementOption& o, const CountryView& c, const Assumptions& a,
               const TripCost& trip, const Exact& share, LevelCost* cost) {
  const bool virtual_only = forum.venue_mode() == VenueMode::kVirtual;
  const std::string of = share == 1 ? "" : " x " + format_exact(share) + " (a turn about once in " + format_exact(1 / share) + " years)";
  auto add = [&](std::string what, const Exact& money, const Exact& staff, const Exact& minister) {
    if (money == 0 && staff == 0 && minister == 0) return;
    cost->lines.push_back({std::move(what) + of, money * share, staff * share, minister * share});
  };
  const Exact meetings = o.meetings_per_year.value_or(0);
  const Exact delegates = o.delegates.value_or(1);
  const Exact days = o.meeting_days ? *o.meeting_days : forum.number("meeting_days").value_or(a.get("default_meeting_days"));
  if (meetings > 0) {
    if (!virtual_only) {
      add(o.id + ": travel: " + format_exact(meetings) + " meetings x " + format_exact(delegates) + " delegates x " +
              format_exact(trip.money_usd) + " USD (" + trip.how + ")",
          meetings * delegates * trip.money_usd, 0, 0);
    }
    const Exact per_delegate = a.get("prep_days_per_meeting") + days + trip.travel_days + a.get("follow_up_days_per_meeting");
    add(o.id + ": staff: " + format_exact(meetings) + " meetings x " + format_exact(delegates) + " delegates x (" +
            format_exact(a.get("prep_days_per_meeting")) + " preparation + " + format_exact(days) + " in the room + " +
            format_exact(trip.travel_days) + " travel + " + format_exact(a.get("follow_up_days_per_meeting")) +
            " follow-up days)",
        0, meetings * delegates * per_delegate, 0);
  }
  if (o.calls_per_year && *o.calls_per_year > 0) {
    add(o.id + ": staff: " + format_exact(*o.calls_per_year) + " calls x " + format_exact(a.get("call_days")) + " days", 0,
        *o.calls_per_year * a.get("call_days"), 0);
  }
  if (o.minister_trips_per_year && *o.minister_trips_per_year > 0) {
    const Exact trips = *o.minister_trips_per_year;
    add(o.id + ": minister: " + format_exact(trips) + " trips a year x (" + format_exact(a.get("minister_days_per_meeting")) +
            " in the room + " + format_exact(trip.travel_days) + " travel days)",
        virtual_only ? Exact(0) : trips * trip.money_usd, 0, trips * (a.get("minister_days_per_meeting") + trip.travel_days));
  }
  if (auto fee = option_fee(o, c.income_group); fee && fee->first > 0) {
    add(o.id + ": fee or expected contribution (" + fee->second + (o.prov.estimate ? ", estimate" : "") + ")", fee->first, 0, 0);
  }
  if (o.staff_days && *o.staff_days > 0) add(o.id + ": staff: " + format_exact(*o.staff_days) + " days a year of its own work", 0, *o.staff_days, 0);
  for (const auto& ob : o.obligations) {
    const std::string cycle = ob.every_years == 1 ? "a year" : "every " + format_exact(ob.every_years) + " years";
    add(o.id + ": obligation: " + ob.what + " (" + format_exact(ob.staff_days) + " staff days and " +
            format_exact(ob.money_usd) + " USD " + cycle + ")",
        ob.money_usd / ob.every_years, ob.staff_days / ob.every_years, 0);
  }
  if (o.hosting_usd && *o.hosting_usd > 0) add(o.id + ": hosting: " + format_exact(*o.hosting_usd) + " USD in the year held", *o.hosting_usd, 0, 0);
}

}  // namespace

LevelCost option_cost(const Forum& forum, const EngagementOption& o, const CountryView& c, const Assumptions& a,
                      const PerDiemTable& per_diem, const ReferenceData& data, const Exact& role_share) {
  LevelCost cost;
  const TripCost trip = trip_cost(forum, c, a, per_diem, data);
  // The chain of included options, least first; a chain is declared in file order, so it ends.
  std::vector<const EngagementOption*> chain{&o};
  while (!chain.back()->includes.empty()) {
    const EngagementOption* inner = forum.option(chain.back()->includes);
    if (!inner || std::find(chain.begin(), chain.end(), inner) != chain.end()) break;
    chain.push_back(inner);
  }
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    own_lines(forum, **it, c, a, trip, (*it)->rotates() ? role_share : Exact(1), &cost);
  }
  for (const auto& l : cost.lines) {
    cost.money_usd += l.money_usd;
    cost.staff_days += l.staff_days;
    cost.ministerial_days += l.ministerial_days;
  }
  return cost;
}

}  // namespace whichforum
