// SPDX-License-Identifier: Apache-2.0
#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace outcrop::app {

QString languageArgument(const QStringList &arguments)
{
    const QString option = QStringLiteral("--lang");
    const QString optionWithValue = QStringLiteral("--lang=");
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--")) {
            break;
        }
        if (argument.startsWith(optionWithValue)) {
            return argument.mid(optionWithValue.size());
        }
        if (argument == option && i + 1 < arguments.size()) {
            return arguments.at(i + 1);
        }
    }
    return {};
}

bool isKnownLocaleName(const QString &name)
{
    if (name == QLatin1String("C")) {
        return true;
    }
    // QLocale falls back to the C locale for a name it does not know.
    return !name.isEmpty() && QLocale(name).language() != QLocale::C;
}

bool installTranslations(const QString &localeName)
{
    if (!localeName.isEmpty()) {
        if (!isKnownLocaleName(localeName)) {
            return false;
        }
        QLocale::setDefault(QLocale(localeName));
    }
    const QLocale locale;   // the default: --lang's, else the system's
    auto *application = QCoreApplication::instance();
    // QTranslator::load(QLocale, ...) tries the locale's UI languages in order (de_AT, de, ...)
    // and fails for English, which is what the sources are written in.
    auto *outcropTranslator = new QTranslator(application);
    // English (and the C locale) use outcrop_en: the sources' own words with real plural forms.
    const bool english = locale.language() == QLocale::English || locale.language() == QLocale::C;
    const bool loaded = english
        ? outcropTranslator->load(QStringLiteral("outcrop_en"), QStringLiteral(":/i18n"))
        : outcropTranslator->load(locale, QStringLiteral("outcrop"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    if (loaded) {
        QCoreApplication::installTranslator(outcropTranslator);
    } else {
        delete outcropTranslator;
    }
    auto *qtTranslator = new QTranslator(application);
    if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                           QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qtTranslator);
    } else {
        delete qtTranslator;
    }
    return true;
}

} // namespace outcrop::app
