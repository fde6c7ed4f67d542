// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Reading the per-diem schedules and matching venues to their rows.
#include "engine/per_diem.h"

#include "engine/csv.h"

#include <cctype>

namespace whichforum {

namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

void keep_max(std::map<std::string, Exact>& m, const std::string& key, const Exact& v) {
  auto [it, fresh] = m.emplace(key, v);
  if (!fresh && v > it->second) it->second = v;
}

}  // namespace

std::optional<PerDiemRate> PerDiemTable::lookup(std::string_view iso3, std::string_view city,
                                                const ReferenceData& data) const {
  std::string venue = std::string(iso3) + ":" + std::string(city);
  if (iso3 == "USA") {
    auto alias = names.find(venue);
    std::string target = upper(alias != names.end() ? alias->second : std::string(city));
    for (const auto& [dest, usd] : domestic) {
      if (dest == target || dest.starts_with(target)) {
        return PerDiemRate{usd, "GSA FY2026: " + dest};
      }
    }
    return PerDiemRate{domestic_standard, "GSA FY2026: standard CONUS rate"};
  }
  std::string country;
  if (auto n = names.find(std::string(iso3)); n != names.end()) {
    country = upper(n->second);
  } else if (const CountryRecord* c = data.find(iso3)) {
    country = upper(c->name);
  }
  auto rows = foreign.find(country);
  if (rows == foreign.end()) return std::nullopt;
  std::string place = upper(city);
  for (const auto& [location, usd] : rows->second) {
    if (location == place || location.substr(0, location.find(',')) == place) {
      return PerDiemRate{usd, "State Dept 2026-04: " + country + ", " + location};
    }
  }
  if (auto other = rows->second.find("[OTHER]"); other != rows->second.end()) {
    return PerDiemRate{other->second, "State Dept 2026-04: " + country + ", [Other]"};
  }
  return std::nullopt;
}

Result<PerDiemTable> parse_per_diem(std::string_view foreign_csv, std::string_view us_csv,
                                    std::string_view names_csv, const std::string& dir) {
  Result<PerDiemTable> result;
  auto foreign = parse_csv(foreign_csv, dir + "/per_diem_foreign_2026_04.csv");
  auto us = parse_csv(us_csv, dir + "/per_diem_us_fy2026.csv");
  auto names = parse_csv(names_csv, dir + "/per_diem_names.csv");
  result.diagnostics.append(foreign.diagnostics);
  result.diagnostics.append(us.diagnostics);
  result.diagnostics.append(names.diagnostics);
  if (!foreign.ok() || !us.ok() || !names.ok()) return result;
  PerDiemTable table;
  Diagnostics& diags = result.diagnostics;
  {
    const CsvTable& t = *foreign.value;
    size_t country = t.require("Country", &diags), location = t.require("Location", &diags),
           rate = t.require("Per Diem", &diags);
    if (!result.diagnostics.ok()) return result;
    for (size_t r = 0; r < t.rows.size(); ++r) {
      if (auto v = t.number(r, rate, false, &diags)) keep_max(table.foreign[upper(t.rows[r][country])], upper(t.rows[r][location]), *v);
    }
  }
  {
    const CsvTable& t = *us.value;
    size_t id = t.require("ID", &diags), dest = t.require("DESTINATION", &diags),
           lodging = t.require("Lodging Rate", &diags), meals = t.require("M&IE", &diags);
    if (!result.diagnostics.ok()) return result;
    for (size_t r = 0; r < t.rows.size(); ++r) {
      auto l = t.number(r, lodging, false, &diags);
      auto m = t.number(r, meals, false, &diags);
      if (!l || !m) continue;
      // The row without an ID is the standard rate for every place not listed.
      if (t.rows[r][id].empty()) {
        table.domestic_standard = *l + *m;
      } else {
        keep_max(table.domestic, upper(t.rows[r][dest]), *l + *m);
      }
    }
  }
  {
    const CsvTable& t = *names.value;
    size_t key = t.require("key", &diags), name = t.require("per_diem_name", &diags);
    if (!result.diagnostics.ok()) return result;
    for (const auto& row : t.rows) table.names[row[key]] = row[name];
  }
  if (result.diagnostics.ok()) result.value = std::move(table);
  return result;
}

}  // namespace whichforum
