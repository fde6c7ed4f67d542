// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The doctest main: the one translation unit that defines it.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
