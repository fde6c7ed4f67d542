// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The priority sensitivity (engine/sensitivity.h) laid out for the briefing and explain.
#pragma once

#include "engine/sensitivity.h"

#include <string>
#include <string_view>

namespace whichforum::detail {

/// "## Annex E. If the priorities change" with one item per case that changes the portfolio; ""
/// when there is no case.
[[nodiscard]] std::string sensitivity_markdown(const PrioritySensitivity& s);
[[nodiscard]] std::string sensitivity_html(const PrioritySensitivity& s);
/// One case as a JSON object (exact numbers as the other reports write them).
[[nodiscard]] std::string sensitivity_json(const PriorityCase& c);
/// For explain: each case in one line, saying whether `forum` is in the portfolio and at what.
[[nodiscard]] std::string sensitivity_text(const PrioritySensitivity& s, std::string_view forum);

}  // namespace whichforum::detail
