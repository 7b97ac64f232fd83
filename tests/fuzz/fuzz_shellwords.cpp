// SPDX-License-Identifier: Apache-2.0
// The credential_process command-line splitter (aws/shellwords.h) on arbitrary text. Check: the
// words it returns, each put back in single quotes (' as '\''), split into the same words again.
#include "fuzzsupport.h"

#include "aws/shellwords.h"

using namespace outcrop::aws;

namespace {

QString singleQuoted(const QString &word)
{
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString commandLine = QString::fromUtf8(outcrop::fuzz::bytes(data, size));
    QStringList words;
    QString error;
    if (!splitShellWords(commandLine, &words, &error)) {
        FUZZ_CHECK(!error.isEmpty());
        return 0;
    }
    FUZZ_CHECK(error.isEmpty());
    QStringList quoted;
    for (const QString &word : std::as_const(words)) {
        quoted.append(singleQuoted(word));
    }
    QStringList again;
    FUZZ_CHECK(splitShellWords(quoted.join(QLatin1Char(' ')), &again, &error));
    FUZZ_CHECK(again == words);
    return 0;
}
