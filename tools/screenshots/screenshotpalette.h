// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPalette>

namespace outcrop::screenshots {

// A dark palette like a desktop's dark colour scheme (the colours of KDE's Breeze Dark), so the
// screenshots show what a user of a dark desktop sees. The light one is Fusion's standard palette.
QPalette darkPalette();

} // namespace outcrop::screenshots
