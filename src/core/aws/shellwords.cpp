// SPDX-License-Identifier: Apache-2.0
#include "aws/shellwords.h"

#include <QCoreApplication>

namespace outcrop::aws {

namespace {

// Why a command line cannot be split into words: the messages of Python's shlex, which botocore
// splits credential_process with.
class ShellWordsTr
{
    Q_DECLARE_TR_FUNCTIONS(ShellWords)
};

} // namespace

bool splitShellWords(const QString &commandLine, QStringList *words, QString *error)
{
    words->clear();
    QString word;
    bool inWord = false; // a word has started, possibly empty ('' or "")
    QChar quote;         // the open quote, or null
    for (int i = 0; i < commandLine.size(); ++i) {
        const QChar c = commandLine.at(i);
        if (quote == QLatin1Char('\'')) {
            if (c == quote) {
                quote = QChar();
            } else {
                word += c;
            }
        } else if (quote == QLatin1Char('"')) {
            if (c == quote) {
                quote = QChar();
            } else if (c == QLatin1Char('\\')) {
                if (i + 1 >= commandLine.size()) {
                    *error = ShellWordsTr::tr("No escaped character");
                    return false;
                }
                const QChar next = commandLine.at(++i);
                if (next != QLatin1Char('"') && next != QLatin1Char('\\')) {
                    word += c;
                }
                word += next;
            } else {
                word += c;
            }
        } else if (c.isSpace()) {
            if (inWord) {
                words->append(word);
                word.clear();
                inWord = false;
            }
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
            inWord = true;
        } else if (c == QLatin1Char('\\')) {
            if (i + 1 >= commandLine.size()) {
                *error = ShellWordsTr::tr("No escaped character");
                return false;
            }
            word += commandLine.at(++i);
            inWord = true;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (!quote.isNull()) {
        *error = ShellWordsTr::tr("No closing quotation");
        return false;
    }
    if (inWord) {
        words->append(word);
    }
    return true;
}

} // namespace outcrop::aws
