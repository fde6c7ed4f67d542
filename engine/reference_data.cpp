// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Loading the country tables, with a message naming the cell when one does not parse.
#include "engine/reference_data.h"

#include "engine/csv.h"

namespace whichforum {

const CountryRecord* ReferenceData::find(std::string_view iso3) const {
  auto it = countries.find(std::string(iso3));
  return it == countries.end() ? nullptr : &it->second;
}

const EgdiRecord* ReferenceData::latest_egdi(std::string_view iso3) const {
  const CountryRecord* c = find(iso3);
  if (!c || c->egdi.empty()) return nullptr;
  return &c->egdi.rbegin()->second;
}

namespace {

// Column look-ups that report to the result's diagnostics and remember whether all were found.
struct Columns {
  const CsvTable& t;
  Diagnostics* diags;
  bool good = true;

  int need(std::string_view name) {
    size_t before = diags->error_count();
    size_t i = t.require(name, diags);
    good = good && diags->error_count() == before;
    return static_cast<int>(i);
  }

  std::optional<Exact> number(size_t row, int col, bool optional) {
    size_t before = diags->error_count();
    auto v = t.number(row, static_cast<size_t>(col), optional, diags);
    good = good && diags->error_count() == before;
    return v;
  }
};

}  // namespace

Result<ReferenceData> parse_reference_data(std::string_view countries_csv, std::string_view egdi_csv,
                                           std::string_view dgi_csv, const std::string& dir) {
  Result<ReferenceData> result;
  auto countries = parse_csv(countries_csv, dir + "/countries.csv");
  auto egdi = parse_csv(egdi_csv, dir + "/egdi.csv");
  auto dgi = parse_csv(dgi_csv, dir + "/oecd_dgi_2023.csv");
  result.diagnostics.append(countries.diagnostics);
  result.diagnostics.append(egdi.diagnostics);
  result.diagnostics.append(dgi.diagnostics);
  if (!countries.ok() || !egdi.ok() || !dgi.ok()) return result;

  ReferenceData data;
  {
    Columns c{*countries.value, &result.diagnostics};
    int iso = c.need("iso3"), name = c.need("name"), region = c.need("wb_region"),
        income = c.need("wb_income_group"), un = c.need("un_m49_region"),
        oecd = c.need("oecd_member"), year = c.need("oecd_accession_year");
    if (!c.good) return result;
    for (size_t r = 0; r < c.t.rows.size(); ++r) {
      const auto& row = c.t.rows[r];
      CountryRecord rec;
      rec.iso3 = row[static_cast<size_t>(iso)];
      rec.name = row[static_cast<size_t>(name)];
      rec.wb_region = row[static_cast<size_t>(region)];
      rec.income_group = row[static_cast<size_t>(income)];
      rec.un_region = row[static_cast<size_t>(un)];
      rec.oecd_member = row[static_cast<size_t>(oecd)] == "1";
      if (auto y = c.number(r, year, true)) rec.oecd_accession_year = static_cast<int>(*y);
      data.countries[rec.iso3] = rec;
    }
  }
  {
    Columns c{*egdi.value, &result.diagnostics};
    int iso = c.need("iso3"), year = c.need("survey_year"), rank = c.need("egdi_rank"),
        value = c.need("egdi"), epi = c.need("epi"), osi = c.need("osi"), hci = c.need("hci"),
        tii = c.need("tii"), group = c.need("egdi_group");
    if (!c.good) return result;
    int newest = 0;
    for (size_t r = 0; r < c.t.rows.size(); ++r) {
      const auto& row = c.t.rows[r];
      EgdiRecord e;
      auto y = c.number(r, year, false);
      auto k = c.number(r, rank, false);
      auto v = c.number(r, value, false);
      auto p = c.number(r, epi, false);
      auto o = c.number(r, osi, false);
      auto h = c.number(r, hci, false);
      auto t = c.number(r, tii, false);
      if (!y || !k || !v || !p || !o || !h || !t) continue;
      e.year = static_cast<int>(*y);
      e.rank = static_cast<int>(*k);
      e.egdi = *v;
      e.epi = *p;
      e.osi = *o;
      e.hci = *h;
      e.tii = *t;
      e.group = row[static_cast<size_t>(group)];
      newest = std::max(newest, e.year);
      auto it = data.countries.find(row[static_cast<size_t>(iso)]);
      if (it == data.countries.end()) {
        result.diagnostics.add(make_error(c.t.source.get(), {c.t.row_lines[r], 1},
            "country \"" + row[static_cast<size_t>(iso)] + "\" is not in countries.csv"));
        continue;
      }
      it->second.egdi[e.year] = e;
    }
    data.data_as_of = "UN EGDI " + std::to_string(newest) + "; World Bank FY2025 with the FY2026 and FY2027 changes";
  }
  {
    Columns c{*dgi.value, &result.diagnostics};
    int iso = c.need("iso3"), comp = c.need("composite_index");
    if (!c.good) return result;
    for (size_t r = 0; r < c.t.rows.size(); ++r) {
      auto it = data.countries.find(c.t.rows[r][static_cast<size_t>(iso)]);
      if (it == data.countries.end()) continue;
      it->second.dgi_2023 = c.number(r, comp, true);
    }
  }
  if (result.diagnostics.ok()) result.value = std::move(data);
  return result;
}

}  // namespace whichforum
