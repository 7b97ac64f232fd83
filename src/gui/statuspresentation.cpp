// SPDX-License-Identifier: Apache-2.0
#include "statuspresentation.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QPalette>
#include <QPainter>
#include <QPixmap>

#include <array>

namespace outcrop::gui::StatusPresentation {

using bedrock::DeploymentStatus;

QString key(const QString &statusText)
{
    const QString wire = bedrock::deploymentStatusWireValue(bedrock::deploymentStatusFromText(statusText));
    return wire.isEmpty() ? statusText : wire;
}

QString label(const QString &statusText)
{
    switch (bedrock::deploymentStatusFromText(statusText)) {
    case DeploymentStatus::Creating:
        return QCoreApplication::translate("StatusPresentation", "Creating", "deployment status");
    case DeploymentStatus::Active:
        return QCoreApplication::translate("StatusPresentation", "Active", "deployment status");
    case DeploymentStatus::Failed:
        return QCoreApplication::translate("StatusPresentation", "Failed", "deployment status");
    case DeploymentStatus::Unknown:
        break;
    }
    // Never trust the enum: a status the API does not model ("Deleting") is shown as it came.
    return statusText;
}

namespace {
// The application palette is dark when its window colour is.
bool darkPalette()
{
    return qobject_cast<QGuiApplication *>(QCoreApplication::instance())
        && QGuiApplication::palette().color(QPalette::Window).lightness() < 128;
}
} // namespace

QColor color(DeploymentStatus status)
{
    // Material 800 tones on light backgrounds, 300/400 tones on dark ones: the 800s are too
    // dark to tell apart on a dark base (green 2.3:1), the light ones vanish on white.
    const bool dark = darkPalette();
    switch (status) {
    case DeploymentStatus::Creating:
        return dark ? QColor(0x64, 0xb5, 0xf6) : QColor(0x1e, 0x88, 0xe5);   // blue: in progress
    case DeploymentStatus::Active:
        return dark ? QColor(0x66, 0xbb, 0x6a) : QColor(0x2e, 0x7d, 0x32);   // green
    case DeploymentStatus::Failed:
        return dark ? QColor(0xef, 0x53, 0x50) : QColor(0xc6, 0x28, 0x28);   // red
    case DeploymentStatus::Unknown:
        break;
    }
    return dark ? QColor(0xbd, 0xbd, 0xbd) : QColor(0x9e, 0x9e, 0x9e);       // grey: a status we do not know
}

QIcon icon(DeploymentStatus status)
{
    // Per palette brightness, so a palette change (the desktop switching to dark) shows the
    // colours of the new one.
    static std::array<std::array<QIcon, 4>, 2> cache;
    QIcon &icon = cache.at(darkPalette() ? 1 : 0).at(static_cast<size_t>(status));
    if (icon.isNull()) {
        for (const int size : {16, 32}) {
            QPixmap pixmap(size, size);
            pixmap.fill(Qt::transparent);
            QPainter painter(&pixmap);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setPen(Qt::NoPen);
            painter.setBrush(color(status));
            const qreal margin = size / 4.0;
            painter.drawEllipse(QRectF(margin, margin, size - 2 * margin, size - 2 * margin));
            painter.end();
            icon.addPixmap(pixmap);
        }
    }
    return icon;
}

} // namespace outcrop::gui::StatusPresentation
