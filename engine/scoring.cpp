// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Indicators, fits, levels and performance: the scoring model (engine/README.md).
#include "engine/scoring.h"

#include <algorithm>

#include <boost/algorithm/string/join.hpp>

namespace whichforum {

namespace {

std::string provenance_word(const Fact& f) {
  if (f.prov.source == "profile") return "profile override";
  return f.prov.estimate ? "estimate" : "source " + f.prov.source + ", " + f.prov.as_of;
}

Exact clamp(const Exact& v, const Indicator* ind) {
  if (!ind) return v;
  Exact lo = *parse_exact(ind->min), hi = *parse_exact(ind->max);
  return std::max(lo, std::min(hi, v));
}

IndicatorValue fact_value(const Forum& forum, std::string_view key) {
  const Fact* f = forum.fact(key);
  if (!f) return {0, std::string(key) + " not given: counted as 0"};
  return {std::get<Exact>(f->value), std::string(key) + " = " + format_exact(std::get<Exact>(f->value)) + " (" +
                                         provenance_word(*f) + ")"};
}

IndicatorValue peer_egdi(const Forum& forum, const CountryView& c, const ReferenceData& data) {
  Exact sum = 0;
  long long n = 0;
  for (const auto& iso3 : forum.list("members")) {
    if (iso3 == c.iso3) continue;  // one's own score is not a peer's
    if (const EgdiRecord* e = data.latest_egdi(iso3)) {
      sum += e->egdi;
      ++n;
    }
  }
  if (n > 0) {
    return {sum / n, "mean EGDI of " + std::to_string(n) + " known members other than " + c.iso3 + " = " +
                         format_exact(sum / n, 4) + " (UN EGDI)"};
  }
  IndicatorValue v = fact_value(forum, "peer_maturity");
  v.how = "no member list: " + v.how;
  return v;
}

}  // namespace

IndicatorValue indicator_value(std::string_view name, const Forum& forum, const CountryView& c,
                               const ReferenceData& data) {
  const Indicator* ind = find_indicator(name);
  IndicatorValue v;
  std::string n(name);
  if (n == "forum.member_count") {
    v = fact_value(forum, "member_count");
  } else if (n == "forum.outputs" || n == "forum.multilateral_links" || n == "forum.tiers") {
    std::string key = n.substr(6);
    auto list = forum.list(key);
    v = {static_cast<long long>(list.size()), std::to_string(list.size()) + " " + key};
  } else if (n == "forum.peer_egdi") {
    v = peer_egdi(forum, c, data);
  } else if (n.starts_with("forum.")) {
    v = fact_value(forum, n.substr(6));
  } else if (n == "pair.egdi_gap") {
    IndicatorValue peers = peer_egdi(forum, c, data);
    v = {peers.value - c.egdi, "peers " + format_exact(peers.value, 4) + " minus country " + format_exact(c.egdi, 4) +
                                   " (" + c.egdi_source + ") [" + peers.how + "]"};
  } else if (n == "pair.prestige_gap") {
    IndicatorValue prestige = fact_value(forum, "prestige");
    v = {prestige.value - c.standing(), "prestige " + format_exact(prestige.value) + " minus standing " +
                                            format_exact(c.standing(), 4) + " (EGDI rank " + std::to_string(c.egdi_rank) +
                                            " of 193) [" + prestige.how + "]"};
  }
  Exact clamped = clamp(v.value, ind);
  if (clamped != v.value) v.how += ", clamped to " + format_exact(clamped);
  v.value = clamped;
  return v;
}

std::map<std::string, Exact> normalised_weights(const Profile& p) {
  std::map<std::string, Exact> out;
  if (p.weight_set) {
    for (size_t k = 0; k < p.weight_set->objectives.size(); ++k) out[p.weight_set->objectives[k]] = p.weight_set->central[k];
    return out;
  }
  // A profile built in code without statements' set: the numbers, normalised.
  Exact total = 0;
  for (const auto& w : p.weights) total += w.weight;
  for (const auto& w : p.weights) out[w.objective] = total == 0 ? Exact(0) : w.weight / total;
  return out;
}

ThemeFit theme_fit(const Forum& forum, const Criterion& crit, const CountryView& c) {
  ThemeFit tf;
  const auto themes = forum.list("themes");
  Exact served = 0;
  std::string on;
  for (const auto& [theme, priority] : c.themes) {
    const Exact part = priority * crit.theme_relevance.at(theme);
    tf.relevance += part;
    if (std::find(themes.begin(), themes.end(), theme) != themes.end()) {
      served += part;
      if (priority > 0) on += (on.empty() ? "" : ", ") + theme + " " + format_exact(priority, 4);
    }
  }
  tf.theme_fit = tf.relevance == 0 ? Exact(1) : served / tf.relevance;
  tf.factor = Exact(1) - tf.relevance + served;
  if (!c.themes_given) {
    tf.how = "no themes stated: themes change no value (factor 1)";
    return tf;
  }
  const std::string priorities = "the profile's theme priorities";
  tf.how = "theme relevance r " + format_exact(tf.relevance, 4) + " (" + priorities + "), forum on " +
           (on.empty() ? std::string("none of them") : on) + ": theme fit " + format_exact(tf.theme_fit, 4) +
           ", factor (1 - r) + r x theme fit = " + format_exact(tf.factor, 4);
  return tf;
}

RegionFit region_fit(const Forum& forum, const Criterion& crit, const CountryView& c) {
  RegionFit rf;
  const auto regions = forum.list("focus_regions");
  if (regions.empty()) {
    rf.how = "serves every region";
    return rf;
  }
  const std::string served = boost::algorithm::join(regions, ", ");
  if (std::find(regions.begin(), regions.end(), c.region) != regions.end()) {
    rf.how = "serves " + served + ", the country's region";
  } else if (crit.outside_region) {
    rf.factor = crit.outside_region->factor;
    rf.how = "serves " + served + ", not the country's " + c.region + ": factor " + format_exact(rf.factor, 4);
  } else {
    rf.how = "serves " + served + ", not the country's " + c.region + "; no loss for this objective";
  }
  return rf;
}

LanguageFit language_fit(const Forum& forum, const Criterion& crit, const CountryView& c) {
  LanguageFit lf;
  const auto langs = forum.list("languages");
  if (langs.empty()) {
    lf.how = "the forum's working languages are not given: no barrier counted";
    return lf;
  }
  std::string common;
  for (const auto& l : langs) {
    if (std::find(c.languages.begin(), c.languages.end(), l) != c.languages.end()) common += (common.empty() ? "" : ", ") + l;
  }
  const std::string country = c.languages_given ? "the profile's languages" : "English assumed: the profile states no languages, an estimate";
  lf.shared = !common.empty();
  if (lf.shared) {
    lf.how = "works in " + common + " (" + country + ")";
  } else if (crit.language_barrier) {
    lf.factor = crit.language_barrier->factor;
    lf.how = "works in none of the country's languages (" + country + "): factor " + format_exact(lf.factor, 4);
  } else {
    lf.how = "works in none of the country's languages (" + country + "), no barrier for this objective";
  }
  return lf;
}

Performance forum_performance(const Forum& forum, const Assumptions& a) {
  std::string sec = forum.text("secretariat");
  Exact sec_score = a.get("secretariat_" + (sec.empty() ? std::string("unknown") : sec));
  IndicatorValue core = fact_value(forum, "core_stability");
  IndicatorValue out = fact_value(forum, "output_strength");
  Exact mean = (sec_score + core.value + out.value) / 3;
  const Exact& floor = a.get("performance_floor");
  Performance p;
  p.factor = floor + (Exact(1) - floor) * mean;
  p.how = format_exact(floor) + " + " + format_exact(Exact(1) - floor) + " x mean(secretariat " +
          (sec.empty() ? std::string("unknown") : sec) + " " + format_exact(sec_score) + ", " + core.how + ", " + out.how +
          ") = " + format_exact(p.factor, 4);
  return p;
}

Exact option_factor(const EngagementOption& o, const Criterion& crit) {
  auto it = o.factor.find(crit.id);
  return it != o.factor.end() ? it->second : crit.factor(std::string(o.level_name()));
}

ForumScore score_forum(const Forum& forum, const std::vector<EngagementOption>& options, const CountryView& c,
                       const Catalogue& cat, const std::map<std::string, Exact>& weights, const Assumptions& a) {
  ForumScore s;
  // A generic forum's given scores are its whole value: no facts, no performance factor.
  const bool generic = forum.kind == ForumKind::kGeneric;
  if (generic) {
    s.performance = {Exact(1), "1 (a generic forum: its given scores are its whole value)"};
  } else {
    s.performance = forum_performance(forum, a);
  }
  for (const auto& [objective, weight] : weights) {
    const Criterion* crit = cat.find_criterion(objective);
    if (!crit) continue;
    ObjectiveFit fit;
    fit.criterion = crit;
    fit.weight = weight;
    std::optional<Exact> given;
    if (forum.given) {
      auto it = forum.given->scores.find(objective);
      if (it != forum.given->scores.end()) given = it->second;
    }
    if (given || generic) {
      // A given score is the forum's whole value for the objective: no themes or languages.
      fit.base_fit = 100 * given.value_or(Exact(0));
      fit.fit = fit.base_fit;
    } else {
      for (const auto& fn : crit->functions) {
        FunctionTerm term;
        term.function = &fn;
        term.x = indicator_value(fn.indicator, forum, c, cat.data);
        term.y = fn.at(term.x.value);
        term.contribution = 100 * fn.weight * term.y;
        fit.base_fit += term.contribution;
        fit.terms.push_back(std::move(term));
      }
      // Themes and languages multiply the fit: they depend on the country's priorities and the
      // forum only, never on the weights, so value stays linear in the weights (robustness).
      fit.theme = theme_fit(forum, *crit, c);
      fit.language = language_fit(forum, *crit, c);
      fit.region = region_fit(forum, *crit, c);
      fit.fit = fit.base_fit * fit.theme.factor * fit.language.factor * fit.region.factor;
      fit.themed = true;
    }
    const Exact before_themes = fit.themed ? Exact(fit.base_fit * fit.language.factor * fit.region.factor) : fit.fit;
    for (const auto& o : options) {
      const Exact f = option_factor(o, *crit) * s.performance.factor;
      Exact v = weight * fit.fit * f;
      s.by_objective[o.id][objective] = v;
      s.yield[o.id][objective] = before_themes * f;
      s.value[o.id] += v;
    }
    s.fits.push_back(std::move(fit));
  }
  return s;
}

}  // namespace whichforum
