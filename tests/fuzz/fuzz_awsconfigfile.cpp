// SPDX-License-Identifier: Apache-2.0
// The shared config/credentials file parser (aws/awsconfigfile.h) on arbitrary files, read as
// both kinds. Checks: an error names the file and the line and never quotes a value (which may be
// a secret); a parsed file holds only trimmed, non-empty keys without '=' and non-empty values.
#include "fuzzsupport.h"

#include "aws/awsconfigfile.h"

#include <QRegularExpression>

using namespace outcrop::aws;

namespace {

void checkParsed(const AwsConfigFile &file)
{
    const QString prefix = file.path() + QLatin1Char(':');
    if (file.hasError()) {
        static const QRegularExpression located(QStringLiteral("^\\d+: "));
        const QString rest = file.errorString().mid(prefix.size());
        FUZZ_CHECK(file.errorString().startsWith(prefix));
        const QRegularExpressionMatch match = located.match(rest);
        FUZZ_CHECK(match.hasMatch());
        // The only text of the file an error repeats is a setting's name, which never holds '='.
        const QString problem = rest.mid(match.capturedLength());
        if (problem.startsWith(QStringLiteral("the setting “"))) {
            const QString key = problem.section(QStringLiteral("“"), 1).section(QStringLiteral("” comes before"), 0, 0);
            FUZZ_CHECK(!key.contains(QLatin1Char('=')));
        }
        FUZZ_CHECK(file.profileNames().isEmpty());
        return;
    }
    const QStringList names = file.profileNames();
    for (const QString &name : names) {
        FUZZ_CHECK(file.hasProfile(name));
        const QHash<QString, QString> settings = file.profile(name);
        for (auto it = settings.constBegin(); it != settings.constEnd(); ++it) {
            FUZZ_CHECK(!it.key().isEmpty() && it.key() == it.key().trimmed());
            FUZZ_CHECK(!it.key().contains(QLatin1Char('=')));
            FUZZ_CHECK(!it.value().isEmpty() && it.value() == it.value().trimmed());
        }
    }
    for (const QString &type : {QStringLiteral("sso-session"), QStringLiteral("services")}) {
        for (const QString &name : names) {
            file.section(type, name);
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text = outcrop::fuzz::bytes(data, size);
    const QString path = QStringLiteral("/home/user/.aws/config");
    checkParsed(AwsConfigFile::parse(text, path, AwsConfigFile::Kind::Config));
    checkParsed(AwsConfigFile::parse(text, path, AwsConfigFile::Kind::Credentials));
    return 0;
}
