// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Session: the one entry object for every use case (as HiGHS's `Highs`). It owns the catalogue
// and the file access; the CLI, the benchmarks, the fuzz targets and the tests call its methods
// instead of chaining loaders and checks themselves.
//
// Two outcomes are kept apart everywhere: a call that fails (bad input: the Result holds no
// value, its diagnostics say why, with FILE:LINE:COL) and a call that succeeds with an answer
// whose AnswerStatus says optimal, infeasible or limit reached (engine/answer_status.h).
#pragma once

#include "engine/answer_status.h"
#include "engine/batch.h"
#include "engine/brief.h"
#include "engine/catalogue.h"
#include "engine/check.h"
#include "engine/explanation.h"
#include "engine/freshness.h"
#include "engine/infer.h"
#include "engine/solve/lp_export.h"
#include "engine/recommend.h"
#include "engine/estimates.h"
#include "engine/robust.h"
#include "engine/whatif.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace whichforum {

/// What `whatif` is asked for: budget sweeps ("money=60000:180000:20000", swept together) or
/// scenario overlay files (not both), the current memberships as a row, the efficient frontier.
struct WhatIfRequest {
  std::vector<std::string> budgets;
  std::vector<std::string> scenarios;
  bool vs_current = false;
  bool frontier = false;
};

/// A robustness answer: the recommendation it is about and the analysis (when status is optimal).
struct RobustAnswer {
  Recommendation recommendation;
  AnswerStatus status = AnswerStatus::kOptimal;
  std::string why;  ///< when status is not optimal: the constraint or the limit, in words
  std::optional<Robustness> robustness;
  /// Over the estimates as well (EstimateMode::kRanges), when the weights-only analysis answered.
  std::optional<EstimateRobustness> estimates;
};

/// What `infer` answers: the model it infers over (the profile with keep_current and
/// max_changes set aside, which would make today's portfolio the best by rule), solved at the
/// stated weights, and the inference (when status is optimal).
struct InferAnswer {
  Recommendation recommendation;
  AnswerStatus status = AnswerStatus::kOptimal;
  std::string why;  ///< when status is not optimal: what today's portfolio breaks, or the limit
  std::optional<Inference> inference;
};

/// An LP export: the text and whether whichforum's optimum is stated in it.
struct ExportAnswer {
  std::string text;
  AnswerStatus status = AnswerStatus::kOptimal;  ///< of whichforum's own solve
  Diagnostics warnings;  ///< e.g. the search stopped at its limit: the LP is written without the optimum
};

class Session {
 public:
  /// Loads the catalogue from `dirs` through `fs` (the real disk when null).
  [[nodiscard]] static Result<Session> open(const CatalogueDirs& dirs, std::shared_ptr<FileSystem> fs = nullptr);
  /// A session over a catalogue already loaded (tests, fuzz targets, generated instances).
  explicit Session(Catalogue catalogue, std::shared_ptr<FileSystem> fs = nullptr);

  [[nodiscard]] const Catalogue& catalogue() const { return *catalogue_; }
  [[nodiscard]] std::shared_ptr<const Catalogue> shared_catalogue() const { return catalogue_; }
  [[nodiscard]] FileSystem& files() const { return *fs_; }

  /// Reads, parses and checks a profile against the catalogue.
  [[nodiscard]] Result<Profile> load_profile(const std::string& path) const;
  /// Parses and checks a profile already read.
  [[nodiscard]] Result<Profile> profile_from(const Document& doc) const;

  /// The recommended portfolio (status infeasible or limit reached is an answer, not a failure).
  [[nodiscard]] Result<Recommendation> recommend(const Profile& profile) const;
  /// One forum in full for the profile; `forum` is an id or alias, any case.
  [[nodiscard]] Result<Explanation> explain(const Profile& profile, std::string_view forum) const;
  /// Sweeps, scenarios, the current row and the frontier; every scenario is checked before any
  /// row is made, so a bad one fails the call.
  [[nodiscard]] Result<WhatIf> whatif(const Profile& profile, const WhatIfRequest& request) const;
  /// How sure the recommendation is over the admissible weights.
  [[nodiscard]] Result<RobustAnswer> robust(const Profile& profile, const RobustOptions& options) const;
  /// The weights under which today's memberships are the best portfolio, exactly (infer.h).
  [[nodiscard]] Result<InferAnswer> infer(const Profile& profile) const;
  /// A briefing and the recommendation it is made from.
  /// `options`: robust's, for the robustness column (EstimateMode::kRanges: over the estimates too).
  [[nodiscard]] Result<Briefing> brief(const Profile& profile, const RobustOptions& options = {}) const;
  /// The exact problem in CPLEX LP format; written even when infeasible or past the step limit.
  /// `scaled`: each row divided by its largest coefficient, in decimals (scaled_lp), for
  /// floating-point solvers; otherwise the exact integer rows.
  [[nodiscard]] Result<ExportAnswer> export_lp(const Profile& profile, bool scaled = false) const;
  /// The forum id that `name` names (id or alias, any case), with "did you mean" when none.
  [[nodiscard]] Result<std::string> resolve_forum(std::string_view name) const;
  /// Every dated fact of the catalogue, oldest first; `before` ("YYYY", "YYYY-MM" or
  /// "YYYY-MM-DD") keeps only older ones.
  [[nodiscard]] Result<std::vector<DatedFact>> stale_facts(const std::optional<std::string>& before) const;
  /// A starter profile for a country from the reference data.
  [[nodiscard]] Result<std::string> starter_profile(std::string_view iso3) const;
  /// Every country of data/countries.csv: its starter profile recommended and compared with its
  /// current memberships. A country whose profile the model cannot use (no EGDI) is skipped with
  /// its reason; a solve that stops at the step limit is a row, never a failure.
  [[nodiscard]] Result<Batch> batch() const;

  /// Checks any mix of files (directories stand for their .toml files); needs no loaded
  /// catalogue, since a broken catalogue is what it is for: it loads one only for a profile.
  [[nodiscard]] static CheckReport check(FileSystem& fs, const CatalogueDirs& dirs, const std::vector<std::string>& paths,
                                         std::optional<FileKind> kind);

 private:
  /// What `init` writes for `country` (starter_profile and batch): the starter profile, with its
  /// budgets raised to what today's memberships need where that is more than the defaults.
  [[nodiscard]] std::string starter_text(const CountryRecord& country) const;
  std::shared_ptr<const Catalogue> catalogue_;
  std::shared_ptr<FileSystem> fs_;
};

/// Briefings, what-ifs and explanations speak of money, staff days and ministerial days; a
/// profile with abstract [resources] (a generic problem) is refused for them with this message.
[[nodiscard]] std::optional<Diagnostic> needs_standard_resources(const Profile& profile, std::string_view command);

}  // namespace whichforum
