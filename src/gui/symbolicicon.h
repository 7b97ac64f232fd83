// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QIcon>
#include <QString>

namespace outcrop::gui {

// The desktop icon theme's `themeName` icon when the theme has one; otherwise the bundled symbolic
// SVG resources/icons/<fallbackName>.svg, painted in the palette's button text colour at paint
// time (disabled icons in the disabled colour), so it reads in dark and light palettes and stays
// sharp at any scale. Without an icon theme (a bare X session, Xvfb) actions would be text only.
QIcon symbolicIcon(const QString &themeName, const QString &fallbackName);

} // namespace outcrop::gui
