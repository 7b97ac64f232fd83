// SPDX-License-Identifier: Apache-2.0
#include "statuspresentation.h"

#include <QCoreApplication>
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

QColor color(DeploymentStatus status)
{
    switch (status) {
    case DeploymentStatus::Creating:
        return QColor(0x1e, 0x88, 0xe5);   // blue: in progress
    case DeploymentStatus::Active:
        return QColor(0x2e, 0x7d, 0x32);   // green
    case DeploymentStatus::Failed:
        return QColor(0xc6, 0x28, 0x28);   // red
    case DeploymentStatus::Unknown:
        break;
    }
    return QColor(0x9e, 0x9e, 0x9e);       // grey: a status we do not know
}

QIcon icon(DeploymentStatus status)
{
    static std::array<QIcon, 4> cache;
    QIcon &icon = cache.at(static_cast<size_t>(status));
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
