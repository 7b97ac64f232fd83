// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bedrock/deployment.h"

#include <QColor>
#include <QIcon>
#include <QString>

namespace outcrop::gui {

// How a deployment status looks, shared by the table, the status sidebar and the detail pane.
namespace StatusPresentation {

// The key a status is counted and filtered by: the PascalCase wire value of a modelled status
// ("Active"), or the text exactly as the service sent it for any other ("Deleting").
QString key(const QString &statusText);
// The translated label of a modelled status; any other status as it came.
QString label(const QString &statusText);
// For the application palette: lighter tones when it is dark.
QColor color(bedrock::DeploymentStatus status);
// A small coloured circle, drawn once per status. Needs a QGuiApplication.
QIcon icon(bedrock::DeploymentStatus status);

} // namespace StatusPresentation

} // namespace outcrop::gui
