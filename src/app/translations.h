// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace outcrop::app {

// The language of the user interface: the system locale, or the one --lang names.
//
// Both executables call installTranslations() before their command-line parser builds its help
// text, so --help is translated as well. The translations are compiled into outcrop_cli
// (qt_add_translations in src/app/CMakeLists.txt, under :/i18n); Qt's own (qtbase_<lang>.qm from
// the package qt6-translations-l10n) come from QLibraryInfo's translations folder, so standard
// dialogs and the parser's own texts (--help, --version) match.

// The value of --lang in the arguments (`--lang de` or `--lang=de`), empty without one. Read
// before the parser exists because the parser's texts must already be translated.
QString languageArgument(const QStringList &arguments);

// True when `name` is a locale name QLocale knows ("de", "ja_JP", "en", "C").
bool isKnownLocaleName(const QString &name);

// Makes `localeName` (empty: the system locale) the default QLocale, so dates, times and
// numbers follow it, and installs Outcrop's and Qt's translators for it on the running
// QCoreApplication. English needs no translator. Returns false for an unknown locale name.
bool installTranslations(const QString &localeName);

} // namespace outcrop::app
