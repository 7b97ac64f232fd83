// SPDX-License-Identifier: Apache-2.0
// outcrop-screenshots: the README screenshots of the real dashboard (scripts/screenshots runs it
// under Xvfb once per palette and scale; the scale comes from QT_SCALE_FACTOR).
#include "screenshotpalette.h"
#include "screenshotscenes.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTextStream>

using outcrop::screenshots::ScreenshotScenes;

namespace {
int usageError(const QString &message)
{
    QTextStream(stderr) << "outcrop-screenshots: " << message << Qt::endl;
    return 2;
}
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Outcrop"));
    QCoreApplication::setOrganizationName(QStringLiteral("Outcrop"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Saves screenshots of the dashboard on demo data."));
    parser.addHelpOption();
    const QCommandLineOption outputOption(QStringLiteral("output"), QStringLiteral("The folder for the PNGs."),
                                          QStringLiteral("folder"));
    const QCommandLineOption themeOption(QStringLiteral("theme"), QStringLiteral("light (default) or dark."),
                                         QStringLiteral("theme"), QStringLiteral("light"));
    const QCommandLineOption sceneOption(QStringLiteral("scene"),
                                         QStringLiteral("A scene to take (repeatable; default all): %1.")
                                             .arg(ScreenshotScenes::sceneNames().join(QStringLiteral(", "))),
                                         QStringLiteral("name"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
                                        QStringLiteral("The window size in device-independent pixels."),
                                        QStringLiteral("WIDTHxHEIGHT"), QStringLiteral("1400x860"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
                                        QStringLiteral("The language and locale of the window, e.g. de or ja "
                                                       "(default: English; the name goes into the file names)."),
                                        QStringLiteral("locale"));
    parser.addOptions({outputOption, themeOption, sceneOption, sizeOption, langOption});
    parser.process(app);

    ScreenshotScenes::Options options;
    options.outputDirectory = parser.value(outputOption);
    if (options.outputDirectory.isEmpty()) {
        return usageError(QStringLiteral("--output is required"));
    }
    options.theme = parser.value(themeOption);
    if (options.theme != QLatin1String("light") && options.theme != QLatin1String("dark")) {
        return usageError(QStringLiteral("--theme: \"%1\" is neither light nor dark").arg(options.theme));
    }
    options.scenes = parser.values(sceneOption);
    options.language = parser.value(langOption);
    // Without --lang: the system locale, which scripts/screenshots pins to C.UTF-8 (English).
    if (!outcrop::app::installTranslations(options.language)) {
        return usageError(QStringLiteral("--lang: \"%1\" is not a known locale name").arg(options.language));
    }
    const QStringList size = parser.value(sizeOption).split(QLatin1Char('x'));
    bool widthOk = false;
    bool heightOk = false;
    options.windowSize = size.size() == 2 ? QSize(size.at(0).toInt(&widthOk), size.at(1).toInt(&heightOk)) : QSize();
    if (!widthOk || !heightOk || options.windowSize.width() < 200 || options.windowSize.height() < 200) {
        return usageError(QStringLiteral("--size: \"%1\" is not WIDTHxHEIGHT of at least 200x200").arg(parser.value(sizeOption)));
    }

    // The window remembers its layout and filters in QSettings: a throw-away place, so neither
    // the user's settings change the pictures nor the pictures the user's settings.
    QTemporaryDir settingsDirectory;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDirectory.path());

    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(options.theme == QLatin1String("dark") ? outcrop::screenshots::darkPalette()
                                                                      : QApplication::style()->standardPalette());

    ScreenshotScenes scenes(options);
    QObject::connect(&scenes, &ScreenshotScenes::finished, &app, &QCoreApplication::exit);
    if (!scenes.start()) {
        return usageError(scenes.errorString());
    }
    return QApplication::exec();
}
