// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Synthetic catalogues and profiles from a seed.
#include "bench/generator.h"

#include <algorithm>
#include <vector>

namespace whichforum::bench {

std::uint64_t SplitMix64::next() {
  std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

long long SplitMix64::between(long long lo, long long hi) {
  return lo + static_cast<long long>(next() % static_cast<std::uint64_t>(hi - lo + 1));
}

bool InstanceFileSystem::read(const std::string& path, std::string* out, std::string* err) {
  if (path.starts_with(root_ + "/")) {
    auto it = files_.find(path.substr(root_.size() + 1));
    if (it == files_.end()) {
      *err = "no such file";
      return false;
    }
    *out = it->second;
    return true;
  }
  return disk_.read(path, out, err);
}

bool InstanceFileSystem::list(const std::string& dir, std::string_view ext, std::vector<std::string>* out,
                              std::string* err) {
  if (!dir.starts_with(root_ + "/")) return disk_.list(dir, ext, out, err);
  const std::string prefix = dir.substr(root_.size() + 1) + "/";
  out->clear();
  for (const auto& [path, text] : files_) {
    bool in_dir = path.starts_with(prefix) && path.find('/', prefix.size()) == std::string::npos;
    if (in_dir && path.size() > ext.size() && path.compare(path.size() - ext.size(), ext.size(), ext) == 0) {
      out->push_back(root_ + "/" + path);
    }
  }
  return true;
}

namespace {

// Venues of the shipped catalogue, so that every one has a per-diem row or a known country.
const std::vector<std::string> kVenues = {
    "BEL:Brussels", "BRA:Brasilia", "CAN:Ottawa",    "DEU:Berlin",   "DNK:Copenhagen", "ESP:Barcelona",
    "EST:Tallinn",  "FIN:Helsinki", "FRA:Paris",     "GBR:London",   "IND:New Delhi",  "JPN:Tokyo",
    "KEN:Nairobi",  "KOR:Busan",    "NLD:The Hague", "NOR:Oslo",     "NZL:Wellington", "PER:Lima",
    "PRT:Lisbon",   "SGP:Singapore", "TUN:Tunis",    "URY:Montevideo", "USA:New York"};
const std::vector<std::string> kThemes = {
    "ai", "data_governance", "digital_identity", "service_design", "platforms_and_code", "cybersecurity",
    "internet_governance", "human_rights_online", "open_government", "startups_and_innovation",
    "digital_economy", "smart_cities", "digital_skills", "inclusion", "green_it", "online_harms",
    "connectivity", "govtech"};
const std::vector<std::string> kKinds = {"minilateral_network", "multilateral_body", "convening",
                                         "multi_stakeholder", "regional_network"};
const std::vector<std::string> kOutputs = {"charter", "principles", "declaration", "working_groups",
                                           "white_papers", "action_plans", "data_products", "code_sharing",
                                           "communique", "reports", "awards"};
const std::vector<std::string> kSecretariats = {"funded", "member_funded", "rotating",
                                                "volunteer", "commercial", "international_org"};
const std::vector<std::string> kCountries = {"URY", "KEN", "EST", "CAN", "IND", "BRA", "SEN", "NZL", "JPN", "MEX"};
const std::vector<std::string> kResourceKeys = {"money", "staff_days", "ministerial_days"};

// A share written from a percentage: 37 -> "0.37", 100 -> "1".
std::string share(long long pct) {
  pct = std::clamp(pct, 0LL, 100LL);
  if (pct == 100) return "\"1\"";
  return std::string("\"0.") + (pct < 10 ? "0" : "") + std::to_string(pct) + "\"";
}

std::string quoted_list(const std::vector<std::string>& xs) {
  std::string out = "[";
  for (size_t i = 0; i < xs.size(); ++i) out += (i ? ", \"" : "\"") + xs[i] + "\"";
  return out + "]";
}

// `k` distinct entries of `from`, in the order drawn.
std::vector<std::string> pick(SplitMix64& rng, const std::vector<std::string>& from, size_t k) {
  std::vector<std::string> pool = from, out;
  for (size_t i = 0; i < k && !pool.empty(); ++i) {
    auto at = static_cast<size_t>(rng.between(0, static_cast<long long>(pool.size()) - 1));
    out.push_back(pool[at]);
    pool.erase(pool.begin() + static_cast<long>(at));
  }
  return out;
}

std::string forum_id(int i) {
  std::string n = std::to_string(i + 1);
  return "s" + std::string(n.size() < 3 ? 3 - n.size() : 0, '0') + n;
}

std::string forum_text(SplitMix64& rng, int index, const InstanceSpec& spec, const std::string& why) {
  // A forum's size drives its costs (meetings, days, fees, a ministerial tier) and its reach
  // (visibility, prestige); its quality drives what it delivers. Values and costs so rise together.
  const long long size = rng.between(0, 100), quality = rng.between(0, 100);
  auto noise = [&] { return rng.between(-12, 12); };
  const std::string est = ", estimate = true, reason = \"" + why + "\" }\n";
  auto fact = [&](const std::string& key, const std::string& value) { return key + " = { value = " + value + est; };
  std::string t = "# Synthetic forum " + std::to_string(index + 1) + " of a generated catalogue (" + why + ").\n";
  t += "schema = \"whichforum.forum/1\"\n";
  t += "id = \"" + forum_id(index) + "\"\n";
  t += "name = \"Synthetic forum " + std::to_string(index + 1) + "\"\n";
  t += "kind = \"" + kKinds[static_cast<size_t>(rng.between(0, 4))] + "\"\n";
  t += "summary = \"" + why + "\"\n\n";
  t += fact("founded", std::to_string(rng.between(1995, 2023)));
  t += fact("membership_mode", "\"open\"");
  t += fact("member_count", std::to_string(std::min(250LL, 5 + size * 2 + rng.between(0, 30))));
  t += fact("meetings_per_year", std::to_string(1 + rng.between(0, 1 + size / 40)));
  t += fact("meeting_days", std::to_string(1 + rng.between(0, 1 + size / 50)));
  t += fact("calls_per_year", std::to_string(3 * rng.between(0, 4)));
  long long mode = rng.between(0, 19);
  std::string venue_mode = mode == 0 ? "virtual" : mode <= 5 ? "fixed" : "rotating";
  t += fact("venue_mode", "\"" + venue_mode + "\"");
  t += fact("venues", quoted_list(pick(rng, kVenues, venue_mode == "rotating" ? static_cast<size_t>(rng.between(2, 4)) : 1)));
  std::vector<std::string> tiers = {"lead", "practitioner"};
  if (rng.between(0, 99) < 20 + size / 2) tiers.insert(tiers.begin(), "ministerial");
  t += fact("tiers", quoted_list(tiers));
  std::vector<std::string> levels = spec.levels <= 1   ? std::vector<std::string>{"member"}
                                    : spec.levels == 2 ? std::vector<std::string>{"observer", "member"}
                                                       : std::vector<std::string>{"observer", "member", "lead"};
  t += fact("engagement_levels", quoted_list(levels));
  t += fact("themes", quoted_list(pick(rng, kThemes, static_cast<size_t>(rng.between(1, 3)))));
  t += fact("outputs", quoted_list(pick(rng, kOutputs, static_cast<size_t>(rng.between(1, 3)))));
  t += fact("annual_fee_usd", std::to_string(rng.between(0, 2) == 0 ? 0 : size * rng.between(50, 400)));
  t += fact("secretariat", "\"" + kSecretariats[static_cast<size_t>(rng.between(0, 5))] + "\"");
  t += fact("like_mindedness", share(80 - size / 3 + noise()));
  t += fact("candour", share(85 - size / 2 + noise()));
  t += fact("visibility", share(15 + size * 7 / 10 + noise()));
  t += fact("prestige", share(10 + size * 4 / 10 + quality * 4 / 10 + noise()));
  t += fact("peer_maturity", share(30 + quality / 2 + noise()));
  t += fact("private_sector_reach", share(rng.between(5, 80)));
  t += fact("civil_society_reach", share(rng.between(5, 80)));
  t += fact("core_stability", share(20 + quality * 6 / 10 + noise()));
  t += fact("output_strength", share(10 + quality * 7 / 10 + noise()));
  t += fact("code_sharing", share(rng.between(0, 70)));
  t += fact("early_warning", share(20 + quality / 2 + noise()));
  t += "\n[[entry_rule]]\nrule = \"open\"\ntext = \"open to every country\"\nestimate = true\nreason = \"" + why + "\"\n";
  return t;
}

std::string profile_text(const InstanceSpec& spec, const std::string& why, const std::string& country,
                         const std::string& objectives, const std::vector<Exact>& budget,
                         const std::string& constraints) {
  std::string t = "# Synthetic profile: " + std::to_string(spec.forums) + " forums, " + std::to_string(spec.levels) +
                  " levels, " + std::to_string(spec.resources) + " binding resources (" + why + ").\n";
  t += "schema = \"whichforum.profile/1\"\n";
  t += "country = \"" + country + "\"\n";
  t += "name = \"Synthetic " + country + "\"\n\n";
  t += "[objectives]\n" + objectives + "\n";
  t += "[capacity]\ncurrency = \"USD\"\n";
  for (size_t r = 0; r < kResourceKeys.size(); ++r) t += kResourceKeys[r] + " = " + format_exact_full(budget[r]) + "\n";
  if (spec.levels >= 3) {
    // Lead is open only to current members: every forum is one, so that each has L levels.
    t += "\n[memberships]\n";
    for (int i = 0; i < spec.forums; ++i) t += forum_id(i) + " = \"member\"\n";
  }
  if (!constraints.empty()) t += "\n[constraints]\n" + constraints;
  return t;
}

}  // namespace

Result<std::map<std::string, std::string>> generate_instance(const InstanceSpec& spec, const CatalogueDirs& shipped) {
  Result<std::map<std::string, std::string>> result;
  SplitMix64 rng(spec.seed);
  const std::string why = "synthetic instance, seed " + std::to_string(spec.seed);
  std::map<std::string, std::string> files;
  for (int i = 0; i < spec.forums; ++i) files["forums/" + forum_id(i) + ".toml"] = forum_text(rng, i, spec, why);

  const std::string& country = kCountries[static_cast<size_t>(rng.between(0, static_cast<long long>(kCountries.size()) - 1))];
  std::vector<std::string> objective_ids = {"branding",      "code_sharing",  "digital_trade",        "early_warning",
                                            "norm_setting",  "peer_learning", "professional_network", "stewardship"};
  std::string objectives;
  std::vector<std::pair<long long, std::string>> drawn;  // weight, objective
  for (const auto& id : objective_ids) {
    if (objectives.empty() || rng.between(0, 3) > 0) {
      drawn.emplace_back(rng.between(1, 20), id);
      objectives += id + " = " + std::to_string(drawn.back().first) + "\n";
    }
  }
  if (spec.rough) {
    // The order an official would state without numbers: heaviest first, equal weights tied
    // (and within a tie, objectives in id order).
    std::stable_sort(drawn.begin(), drawn.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    objectives = "ranking = [";
    for (size_t k = 0; k < drawn.size();) {
      size_t end = k;
      while (end < drawn.size() && drawn[end].first == drawn[k].first) ++end;
      std::vector<std::string> tied;
      for (size_t t = k; t < end; ++t) tied.push_back(drawn[t].second);
      objectives += (k ? ", " : "") + (tied.size() == 1 ? "\"" + tied[0] + "\"" : quoted_list(tied));
      k = end;
    }
    objectives += "]\n";
  }
  std::string constraints;
  if (spec.constraints && spec.forums >= 3) {
    auto any = [&] { return forum_id(static_cast<int>(rng.between(0, spec.forums - 1))); };
    std::vector<std::string> ids;
    for (int i = 0; i < spec.forums; ++i) ids.push_back(forum_id(i));
    auto three = pick(rng, ids, 3);
    if (rng.between(0, 1) == 0) constraints += "must = [\"" + three[0] + "\"]\n";
    if (rng.between(0, 2) == 0) constraints += "exclude = [\"" + three[1] + "\"]\n";
    if (rng.between(0, 1) == 0) constraints += "max_forums = " + std::to_string(rng.between(1, spec.forums)) + "\n";
    if (rng.between(0, 1) == 0) {
      std::string a = any(), b = any();
      if (a != b && a != three[1]) constraints += "requires = [[\"" + a + "\", \"" + b + "\"]]\n";
    }
    if (rng.between(0, 1) == 0) {
      auto group = pick(rng, ids, 3);
      constraints += "at_most_one_of = [" + quoted_list(group) + "]\n";
    }
  }

  // The budgets need the costs, which need the cost model: load the forums from memory with a
  // provisional profile, cost every level, then write the real budgets.
  std::vector<Exact> budget(3, Exact(0));
  files["profile.toml"] = profile_text(spec, why, country, objectives, budget, constraints);
  const std::string root = "synthetic-" + std::to_string(spec.seed);
  auto fs = std::make_shared<InstanceFileSystem>(root, files);
  auto opened = Session::open({root + "/forums", shipped.criteria, shipped.data}, fs);
  result.diagnostics.append(opened.diagnostics);
  if (!opened.ok()) return result;
  const Session& session = *opened.value;
  const Catalogue* cat = &session.catalogue();
  // Read again after the budgets are written: the profile is checked against the catalogue each time.
  auto read_profile = [&]() -> std::optional<Profile> {
    auto profile = session.load_profile(root + "/profile.toml");
    result.diagnostics.append(profile.diagnostics);
    return profile.ok() ? std::move(profile.value) : std::nullopt;
  };
  auto profile = read_profile();
  if (!profile) return result;
  auto view = make_country(*profile, cat->data);
  result.diagnostics.append(view.diagnostics);
  if (!view.ok()) return result;
  Assumptions a = effective_assumptions(*cat, *profile);
  std::vector<Exact> total(3, Exact(0));
  for (const auto& f : cat->forums) {
    std::vector<Exact> most(3, Exact(0));
    for (const auto& level : f.list("engagement_levels")) {
      LevelCost c = level_cost(f, level, *view.value, a, cat->per_diem, cat->data);
      most[0] = std::max(most[0], c.money_usd);
      most[1] = std::max(most[1], c.staff_days);
      most[2] = std::max(most[2], c.ministerial_days);
    }
    for (size_t r = 0; r < 3; ++r) total[r] += most[r];
  }
  for (size_t r = 0; r < 3; ++r) {
    auto whole_up = [](const Exact& x) {
      boost::multiprecision::cpp_int n = boost::multiprecision::numerator(x), d = boost::multiprecision::denominator(x);
      return Exact((n + d - 1) / d);
    };
    Exact pct = rng.between(20, 60);
    Exact b = static_cast<int>(r) < spec.resources ? total[r] * pct / 100 : total[r];
    budget[r] = whole_up(b);
  }
  // The schema caps a year's ministerial days at 366.
  budget[2] = std::min(budget[2], Exact(366));
  files["profile.toml"] = profile_text(spec, why, country, objectives, budget, constraints);
  auto final_profile = read_profile();
  if (!final_profile) return result;
  result.value = std::move(files);
  return result;
}

}  // namespace whichforum::bench
