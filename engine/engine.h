// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The engine's facade: the one header the CLI and other callers include.
#pragma once

#include "engine/catalogue.h"   // IWYU pragma: export
#include "engine/criterion.h"   // IWYU pragma: export
#include "engine/diagnostic.h"  // IWYU pragma: export
#include "engine/estimates.h"   // IWYU pragma: export
#include "engine/exact.h"       // IWYU pragma: export
#include "engine/forum.h"       // IWYU pragma: export
#include "engine/solve/lp_export.h"   // IWYU pragma: export
#include "engine/profile.h"     // IWYU pragma: export
#include "engine/recommend.h"   // IWYU pragma: export
#include "engine/reference_data.h"  // IWYU pragma: export
#include "engine/report.h"      // IWYU pragma: export
#include "engine/report_format.h"  // IWYU pragma: export (wrap and kTextWidth: help and batch's notes fit 100 columns)
#include "engine/schema.h"      // IWYU pragma: export
#include "engine/spelling.h"    // IWYU pragma: export
#include "engine/tree.h"        // IWYU pragma: export
#include "engine/session.h"     // IWYU pragma: export
#include "engine/version.h"     // IWYU pragma: export
#include "engine/whatif.h"      // IWYU pragma: export
