// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Session: each use case as one call: load, check, solve, and the decisions around them (which
// scenario rows, which frontier, which forum a name means).
#include "engine/session.h"

#include "engine/report.h"
#include "engine/spelling.h"
#include "engine/version.h"

namespace whichforum {

namespace {

Diagnostic plain_error(std::string message) { return make_error(nullptr, {}, std::move(message)); }

template <class T>
Result<T> failed(Diagnostics diags) {
  Result<T> r;
  r.diagnostics = std::move(diags);
  return r;
}

template <class T>
Result<T> failed(Diagnostic d) {
  Diagnostics diags;
  diags.add(std::move(d));
  return failed<T>(std::move(diags));
}

}  // namespace

std::optional<Diagnostic> needs_standard_resources(const Profile& profile, std::string_view command) {
  if (profile.resources.empty()) return std::nullopt;
  return make_error(nullptr, {},
                    (profile.source ? profile.source->file + ": " : std::string()) + std::string(command) +
                        " works with money, staff days and ministerial days; this profile defines its own [resources] "
                        "(a generic problem): use whichforum --profile or whichforum robust");
}

Result<Session> Session::open(const CatalogueDirs& dirs, std::shared_ptr<FileSystem> fs) {
  if (!fs) fs = std::make_shared<RealFileSystem>();
  auto cat = load_catalogue(*fs, dirs);
  Result<Session> r;
  r.diagnostics = std::move(cat.diagnostics);
  if (cat.value && r.diagnostics.ok()) r.value.emplace(Session(std::move(*cat.value), std::move(fs)));
  return r;
}

Session::Session(Catalogue catalogue, std::shared_ptr<FileSystem> fs)
    : catalogue_(std::make_shared<const Catalogue>(std::move(catalogue))),
      fs_(fs ? std::move(fs) : std::make_shared<RealFileSystem>()) {}

Result<Profile> Session::profile_from(const Document& doc) const {
  auto profile = parse_profile(doc);
  if (!profile.ok()) return profile;
  profile.diagnostics.append(validate_profile(*profile.value, *catalogue_));
  if (!profile.diagnostics.ok()) profile.value.reset();
  return profile;
}

Result<Profile> Session::load_profile(const std::string& path) const {
  auto doc = load_document(*fs_, path);
  if (!doc.ok()) return failed<Profile>(std::move(doc.diagnostics));
  auto profile = profile_from(*doc.value);
  Diagnostics all = std::move(doc.diagnostics);
  all.append(profile.diagnostics);
  profile.diagnostics = std::move(all);
  return profile;
}

Result<Recommendation> Session::recommend(const Profile& profile) const {
  auto rec = whichforum::recommend(profile, *catalogue_);
  if (rec.value) rec.value->catalogue = catalogue_;
  return rec;
}

Result<std::string> Session::resolve_forum(std::string_view name) const {
  std::string id = catalogue_->resolve_forum(name);
  if (id.empty()) {
    return failed<std::string>(plain_error("unknown forum id \"" + std::string(name) + "\"" +
                                           did_you_mean(std::string(name), catalogue_->forum_ids()) +
                                           " (see: whichforum forums)"));
  }
  Result<std::string> r;
  r.value = id;
  return r;
}

Result<Explanation> Session::explain(const Profile& profile, std::string_view forum) const {
  if (auto refused = needs_standard_resources(profile, "explain")) return failed<Explanation>(*refused);
  auto id = resolve_forum(forum);
  if (!id.ok()) return failed<Explanation>(std::move(id.diagnostics));
  auto rec = recommend(profile);
  if (!rec.ok()) return failed<Explanation>(std::move(rec.diagnostics));
  Result<Explanation> r;
  r.diagnostics = std::move(rec.diagnostics);
  r.value = explain_forum(std::move(*rec.value), *id.value);
  const Recommendation& made = r.value->recommendation;
  if (made.feasible()) r.value->sensitivity = priority_sensitivity(profile, *catalogue_, made);
  if (made.feasible() && profile.weight_set) {
    // The estimates it hangs on: robust's flip search alone (no joint draws).
    SearchBudget budget;
    const EstimateRobustness est = analyse_estimates(made, profile, *catalogue_, {0, 0, true}, budget);
    if (est.status == AnswerStatus::kOptimal) {
      r.value->estimates_checked = est.estimates_checked;
      for (const auto* f : flips_of(est, *id.value)) r.value->estimate_flips.push_back(flip_text(est, *f));
    }
  }
  return r;
}

Result<WhatIf> Session::whatif(const Profile& profile, const WhatIfRequest& request) const {
  if (auto refused = needs_standard_resources(profile, "whatif")) return failed<WhatIf>(*refused);
  if (!request.budgets.empty() && !request.scenarios.empty()) {
    return failed<WhatIf>(plain_error("give --budget sweeps or --scenario files, not both"));
  }
  std::vector<BudgetSweep> sweeps;
  for (const auto& spec : request.budgets) {
    std::string why;
    auto sw = parse_sweep(spec, &why);
    if (!sw) return failed<WhatIf>(plain_error("--budget " + spec + ": " + why));
    if (!sweeps.empty() && (sw->to - sw->from) / sw->step != (sweeps[0].to - sweeps[0].from) / sweeps[0].step) {
      return failed<WhatIf>(plain_error("--budget " + spec + ": sweeps taken together need the same number of points"));
    }
    sweeps.push_back(*sw);
  }
  auto base = recommend(profile);
  if (!base.ok()) return failed<WhatIf>(std::move(base.diagnostics));
  Result<WhatIf> result;
  result.diagnostics = std::move(base.diagnostics);
  if (base.value->status == AnswerStatus::kLimitReached) {
    WhatIf w;
    w.status = AnswerStatus::kLimitReached;
    w.limit_why = search_limit_message(base.value->problem);
    result.value = std::move(w);
    return result;
  }
  WhatIf w;
  if (request.scenarios.empty()) {
    w = what_if_budgets(*base.value, sweeps, request.frontier);
  } else {
    w.currency = base.value->currency;
    w.points.push_back(point_of(*base.value, "profile"));
    // Every scenario is checked before any row is made, so a bad one leaves nothing half-written.
    for (const auto& path : request.scenarios) {
      auto doc = load_document(*fs_, path);
      result.diagnostics.append(doc.diagnostics);
      if (!doc.ok()) return failed<WhatIf>(std::move(result.diagnostics));
      auto merged = apply_overlay(profile, *doc.value);
      result.diagnostics.append(merged.diagnostics);
      if (!merged.ok()) return failed<WhatIf>(std::move(result.diagnostics));
      result.diagnostics.append(validate_profile(*merged.value, *catalogue_));
      if (!result.diagnostics.ok()) return failed<WhatIf>(std::move(result.diagnostics));
      auto rec = recommend(*merged.value);
      result.diagnostics.append(rec.diagnostics);
      if (!rec.ok()) return failed<WhatIf>(std::move(result.diagnostics));
      if (rec.value->status == AnswerStatus::kLimitReached) {
        w.status = AnswerStatus::kLimitReached;
        w.limit_why = search_limit_message(rec.value->problem);
        break;
      }
      w.points.push_back(point_of(*rec.value, merged.value->scenario));
    }
    if (request.frontier && w.status != AnswerStatus::kLimitReached) {
      WhatIf f = what_if_budgets(*base.value, {}, true);
      w.status = f.status;
      w.limit_why = f.limit_why;
      w.has_frontier = true;
      w.frontier = f.frontier;
      w.frontier_resource = f.frontier_resource;
    }
  }
  if (w.status == AnswerStatus::kLimitReached) {
    if (w.limit_why.empty()) w.limit_why = search_limit_message(base.value->problem);
    result.value = std::move(w);
    return result;
  }
  if (request.vs_current) w.points.insert(w.points.begin(), current_point(*base.value));
  for (auto& p : w.points) {
    p.entered.clear();
    p.left.clear();
  }
  w.swaps.clear();
  link_points(w);
  // Swaps speak of a growing budget; across scenarios or against the current row they mean nothing.
  if (sweeps.empty() || request.vs_current) w.swaps.clear();
  result.value = std::move(w);
  return result;
}

namespace {

// A recommendation's status as the answer of a command built on it, and why when it is not
// optimal (the constraint and its shortfall, or the step limit).
AnswerStatus answer_of(const Recommendation& rec, std::string& why) {
  if (rec.status == AnswerStatus::kInfeasible) why = rec.infeasible_why;
  if (rec.status == AnswerStatus::kLimitReached) why = search_limit_message(rec.problem);
  return rec.status;
}

}  // namespace

Result<RobustAnswer> Session::robust(const Profile& profile, const RobustOptions& options) const {
  if (profile.constraints.max_changes) {
    // The non-dominated search has its own branch and bound, which does not know the cap yet:
    // refused rather than answered with portfolios the cap rules out.
    return failed<RobustAnswer>(plain_error(
        "robust does not take max_changes into account yet; remove it from [constraints] for the robustness view"));
  }
  auto rec = recommend(profile);
  if (!rec.ok()) return failed<RobustAnswer>(std::move(rec.diagnostics));
  Result<RobustAnswer> r;
  r.diagnostics = std::move(rec.diagnostics);
  RobustAnswer a;
  a.status = answer_of(*rec.value, a.why);
  if (a.status == AnswerStatus::kOptimal) {
    a.robustness = robustness(*rec.value, profile, options);
    if (a.robustness->status != AnswerStatus::kOptimal) {
      a.status = a.robustness->status;
      a.why = "too many portfolios to compare exactly under these preferences; narrow them (a ranking, intervals) "
              "or the catalogue (exclude, max_forums)";
    } else if (options.estimates == EstimateMode::kRanges) {
      SearchBudget budget;
      a.estimates = analyse_estimates(*rec.value, profile, *catalogue_, {options.estimate_samples, options.seed, true}, budget);
      if (a.estimates->status != AnswerStatus::kOptimal) {
        a.status = a.estimates->status;
        a.why = "the estimates' samples reached the step limit; --estimates fixed gives the weights-only view";
      }
    }
  }
  a.recommendation = std::move(*rec.value);
  r.value = std::move(a);
  return r;
}

Result<InferAnswer> Session::infer(const Profile& profile) const {
  if (!profile.weight_set) return failed<InferAnswer>(plain_error("infer needs the profile's objectives (no weight set)"));
  // Rules that keep today's portfolio by fiat would make it the best at every weighting.
  Profile relaxed = profile;
  relaxed.constraints.keep_current = false;
  relaxed.constraints.max_changes.reset();
  auto rec = recommend(relaxed);
  if (!rec.ok()) return failed<InferAnswer>(std::move(rec.diagnostics));
  Result<InferAnswer> r;
  r.diagnostics = std::move(rec.diagnostics);
  InferAnswer a;
  a.status = answer_of(*rec.value, a.why);
  if (a.status == AnswerStatus::kOptimal) {
    SearchBudget budget;
    a.inference = infer_weights(linear_problem(*rec.value), *profile.weight_set, today_choice(*rec.value), budget);
    a.status = a.inference->status;
    if (a.status == AnswerStatus::kInfeasible) {
      const auto& shortfalls = rec.value->current_short;
      a.why = "today's memberships cannot be the best portfolio: they do not fit ";
      if (shortfalls.empty()) {
        a.why += "the profile's constraints (must_include, requires, at_most_one_of or max_forums)";
      } else {
        for (size_t k = 0; k < shortfalls.size(); ++k) a.why += (k ? "; " : "") + shortfalls[k];
      }
    }
    if (a.status == AnswerStatus::kLimitReached) a.why = search_limit_message(rec.value->problem);
  }
  a.recommendation = std::move(*rec.value);
  r.value = std::move(a);
  return r;
}

Result<Briefing> Session::brief(const Profile& profile, const RobustOptions& options) const {
  if (auto refused = needs_standard_resources(profile, "brief")) return failed<Briefing>(*refused);
  auto rec = recommend(profile);
  if (!rec.ok()) return failed<Briefing>(std::move(rec.diagnostics));
  Result<Briefing> r;
  r.diagnostics = std::move(rec.diagnostics);
  std::optional<EstimateRobustness> estimates;
  if (options.estimates == EstimateMode::kRanges && rec.value->feasible() && profile.weight_set) {
    SearchBudget budget;
    estimates = analyse_estimates(*rec.value, profile, *catalogue_, {options.estimate_samples, options.seed, true}, budget);
    // A search past its limit claims nothing: the column keeps the weights alone.
    if (estimates->status != AnswerStatus::kOptimal) estimates.reset();
  }
  r.value = make_briefing(*rec.value, profile, *catalogue_, estimates ? &*estimates : nullptr);
  r.value->status = rec.value->status;
  if (r.value->status == AnswerStatus::kLimitReached) r.value->infeasible_why = search_limit_message(rec.value->problem);
  return r;
}

Result<ExportAnswer> Session::export_lp(const Profile& profile, bool scaled) const {
  // An infeasible problem is still exported, so that another solver can confirm it; so is one
  // whose search stopped at its limit, which is when another solver is wanted most. The LP's
  // comments say what whichforum found.
  const std::string title = "whichforum " + std::string(kVersion) + ": the portfolio problem recommended for " +
                            profile.name + " (" + profile.country + ")";
  auto rec = recommend(profile);
  if (!rec.ok()) return failed<ExportAnswer>(std::move(rec.diagnostics));
  Result<ExportAnswer> r;
  r.diagnostics = std::move(rec.diagnostics);
  ExportAnswer a;
  a.status = rec.value->status;
  if (a.status == AnswerStatus::kLimitReached) {
    // The export goes on without whichforum's optimum; the warning says so.
    a.warnings.add(make_warning(profile.source.get(), {}, search_limit_message(rec.value->problem)));
    a.text = whichforum::export_lp(rec.value->problem, title, nullptr).text;
  } else {
    a.text = whichforum::export_lp(rec.value->problem, title, &rec.value->solution).text;
  }
  if (scaled) a.text = scaled_lp(a.text);
  r.value = std::move(a);
  return r;
}

Result<std::vector<DatedFact>> Session::stale_facts(const std::optional<std::string>& before) const {
  if (before && !is_partial_date(*before)) {
    return failed<std::vector<DatedFact>>(
        plain_error("--before " + *before + ": not a date; write YYYY, YYYY-MM or YYYY-MM-DD"));
  }
  FreshnessOptions options;
  options.before = before;
  Result<std::vector<DatedFact>> r;
  r.value = facts_by_age(*catalogue_, options);
  return r;
}

std::string Session::starter_text(const CountryRecord& c) const {
  // First the defaults; then, where today's memberships need more in this model, the budgets
  // that hold them (the unit funds what it does now), so no leave is forced by a guessed budget.
  std::string text = render_starter_profile(c, catalogue_->data, *catalogue_);
  auto doc = read_toml(text, "init " + c.iso3);
  if (!doc.ok()) return text;
  auto profile = profile_from(*doc.value);
  if (!profile.ok() || profile.value->memberships.empty()) return text;
  auto needs = current_needs(*profile.value, *catalogue_);
  if (!needs.ok() || needs.value->size() < 3) return text;
  return render_starter_profile(c, catalogue_->data, *catalogue_, &*needs.value);
}

Result<std::string> Session::starter_profile(std::string_view iso3) const {
  const CountryRecord* c = catalogue_->data.find(std::string(iso3));
  if (!c) {
    return failed<std::string>(
        plain_error("unknown country code \"" + std::string(iso3) + "\"; it is not in data/countries.csv"));
  }
  Result<std::string> r;
  r.value = starter_text(*c);
  return r;
}

Result<Batch> Session::batch() const {
  Batch b;
  b.summary.countries = catalogue_->data.countries.size();
  for (const auto& [iso3, country] : catalogue_->data.countries) {
    // The profile as `init` writes it, read back as a user's would be: the batch judges what a
    // new user starts from.
    const std::string text = starter_text(country);
    // Plain references: clang 14 cannot capture structured bindings in a lambda.
    const std::string& code = iso3;
    const CountryRecord& record = country;
    auto skip = [&](const Diagnostics& diags) {
      std::string why = "(no message)";
      for (const auto& d : diags.items())
        if (d.severity == Severity::kError) {
          why = d.message;
          break;
        }
      b.skipped.push_back({code, record.name, why, current_memberships(*catalogue_, code).size()});
    };
    auto doc = read_toml(text, "init " + iso3);
    if (!doc.ok()) {
      skip(doc.diagnostics);
      continue;
    }
    auto profile = profile_from(*doc.value);
    if (!profile.ok()) {
      skip(profile.diagnostics);
      continue;
    }
    auto rec = recommend(*profile.value);
    if (!rec.ok()) {
      skip(rec.diagnostics);
      continue;
    }
    auto rows = compare_with_current(*rec.value, profile.value->memberships, current_memberships(*catalogue_, iso3));
    add_country(b, *rec.value, std::move(rows), !profile.value->memberships.empty());
    add_world_country(b.world, *rec.value, *profile.value, record);
  }
  finish_batch(b);
  finish_world(b.world);
  Result<Batch> r;
  r.value = std::move(b);
  return r;
}

CheckReport Session::check(FileSystem& fs, const CatalogueDirs& dirs, const std::vector<std::string>& paths,
                           std::optional<FileKind> kind) {
  return check_files(fs, dirs, paths, kind);
}

}  // namespace whichforum
