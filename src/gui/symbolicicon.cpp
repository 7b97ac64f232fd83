// SPDX-License-Identifier: Apache-2.0
#include "symbolicicon.h"

#include <QBuffer>
#include <QFile>
#include <QGuiApplication>
#include <QHash>
#include <QIconEngine>
#include <QImageReader>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

namespace outcrop::gui {

namespace {

// Renders an SVG drawn in currentColor with the palette colour of the icon mode. The SVG image
// format plugin (libqt6svg6) does the rendering, so Qt Svg is not linked.
class SymbolicIconEngine final : public QIconEngine
{
public:
    explicit SymbolicIconEngine(const QString &resourcePath)
        : m_resourcePath(resourcePath)
    {
        QFile file(resourcePath);
        if (file.open(QIODevice::ReadOnly)) {
            m_svg = file.readAll();
        }
    }

    QIconEngine *clone() const override { return new SymbolicIconEngine(*this); }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        QPixmap image = pixmap(rect.size() * ratio, mode, state);
        image.setDevicePixelRatio(ratio);
        painter->drawPixmap(rect, image);
    }

    // `size` is in device pixels (QIcon passes the logical size times the device pixel ratio).
    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State) override
    {
        const QPalette palette = QGuiApplication::palette();
        const QColor color = mode == QIcon::Disabled ? palette.color(QPalette::Disabled, QPalette::ButtonText)
            : mode == QIcon::Selected                ? palette.color(QPalette::HighlightedText)
                                                     : palette.color(QPalette::ButtonText);
        const QString key = color.name(QColor::HexArgb) + QLatin1Char('/') + QString::number(size.width())
            + QLatin1Char('x') + QString::number(size.height());
        auto cached = m_cache.constFind(key);
        if (cached != m_cache.constEnd()) {
            return *cached;
        }
        QByteArray svg = m_svg;
        svg.replace("currentColor", color.name(QColor::HexRgb).toLatin1());
        QBuffer buffer(&svg);
        QImageReader reader(&buffer, "svg");
        reader.setScaledSize(size);
        QPixmap rendered = QPixmap::fromImage(reader.read());
        if (rendered.isNull()) {
            rendered = QPixmap(size);
            rendered.fill(Qt::transparent);
        }
        if (color.alphaF() < 1.0) {
            QPainter fade(&rendered);
            fade.setCompositionMode(QPainter::CompositionMode_DestinationIn);
            fade.fillRect(rendered.rect(), QColor(0, 0, 0, color.alpha()));
        }
        m_cache.insert(key, rendered);
        return rendered;
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }
    QString key() const override { return QStringLiteral("outcrop-symbolic"); }
    bool isNull() override { return m_svg.isEmpty(); }

private:
    QString m_resourcePath;
    QByteArray m_svg;
    QHash<QString, QPixmap> m_cache;
};

} // namespace

QIcon symbolicIcon(const QString &themeName, const QString &fallbackName)
{
    if (!themeName.isEmpty() && QIcon::hasThemeIcon(themeName)) {
        return QIcon::fromTheme(themeName);
    }
    return QIcon(new SymbolicIconEngine(QStringLiteral(":/icons/") + fallbackName + QStringLiteral(".svg")));
}

} // namespace outcrop::gui
