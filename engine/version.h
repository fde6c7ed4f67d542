// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The engine's version, as the build set it (CMake's project version).
#pragma once

namespace whichforum {

inline constexpr const char* kVersion = WHICHFORUM_VERSION;

}  // namespace whichforum
