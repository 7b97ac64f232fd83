// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "commandline.h"

namespace outcrop::app {

// `outcrop --export FILE`: runs inside a QCoreApplication (no display, no session bus needed) and
// returns the process exit code: 0 written, 1 failed (stderr says why), 2 usage error.
int runHeadlessExport(const CommandLine &commandLine);

} // namespace outcrop::app
