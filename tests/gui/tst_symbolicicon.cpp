// SPDX-License-Identifier: Apache-2.0
// The bundled symbolic icons: found without an icon theme, painted in the palette's text colour
// (light on a dark palette), sharp at 200%.
#include "symbolicicon.h"

#include <QApplication>
#include <QImage>
#include <QPalette>
#include <QTest>

using namespace outcrop::gui;

namespace {
// The colour of the most opaque pixel: the icon's strokes.
QColor strokeColor(const QImage &image)
{
    QColor best(Qt::transparent);
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (pixel.alpha() > best.alpha()) {
                best = pixel;
            }
        }
    }
    return best;
}
} // namespace

class TestSymbolicIcon : public QObject
{
    Q_OBJECT

private slots:
    void everyBundledIconRendersInThePaletteTextColour_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name : {"view-refresh", "load-all", "document-export", "edit-copy"}) {
            QTest::newRow(name) << QString::fromLatin1(name);
        }
    }

    void everyBundledIconRendersInThePaletteTextColour()
    {
        QFETCH(QString, name);
        QIcon::setThemeName(QString());   // no icon theme, as on a bare X session
        const QPalette original = QApplication::palette();
        for (const QColor &text : {QColor(0x20, 0x20, 0x20), QColor(0xef, 0xf0, 0xf1)}) {
            QPalette palette = original;
            palette.setColor(QPalette::ButtonText, text);
            QApplication::setPalette(palette);
            const QIcon icon = symbolicIcon(QStringLiteral("outcrop-no-such-theme-icon"), name);
            QVERIFY(!icon.isNull());
            const QImage image = icon.pixmap(QSize(16, 16), 2.0).toImage();
            QCOMPARE(image.size(), QSize(32, 32));   // rendered at device pixels, not scaled up
            const QColor stroke = strokeColor(image);
            QCOMPARE(stroke.alpha(), 255);
            QCOMPARE(stroke.rgb(), text.rgb());
        }
        QApplication::setPalette(original);
    }
};

QTEST_MAIN(TestSymbolicIcon)
#include "tst_symbolicicon.moc"
