// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace outcrop::aws {

// One parsed AWS shared file: ~/.aws/config or ~/.aws/credentials.
//
// The grammar follows the JS SDK's parser (@smithy/core shared-ini-file-loader parseIni), which is
// what the conformance test compares against; where it differs from botocore the JS reading wins:
// * Comments: a '#' or ';' at the start of a line or preceded by whitespace starts a comment, also
//   after a value ("region = us-east-1 # note" gives "us-east-1"; "a#b" stays "a#b"). botocore
//   (configparser without inline_comment_prefixes) keeps inline comments in the value.
// * A key with an empty value ("bedrock =") opens sub-properties: the indented "key = value" lines
//   below it are stored as "bedrock.key". An unindented line ends them.
// * Keys are case-sensitive (botocore lower-cases them).
// * Config file: [default], [profile NAME], [sso-session NAME], [services NAME]; other sections
//   (e.g. a bare [dev]) are kept aside only to give a hint. Credentials file: bare [NAME].
// * When both [default] and [profile default] exist in the config file, [profile default] wins
//   as a whole (JS getConfigData). Repeated sections merge, the later key wins.
// Unlike the JS SDK, which skips lines it cannot read, a malformed line is an error naming the
// file and the line (as botocore does); the message never repeats the line, which may hold a secret.
class AwsConfigFile
{
public:
    enum class Kind { Config, Credentials };

    AwsConfigFile() = default;
    // A missing file is not an error (it is simply empty); an unreadable one is.
    static AwsConfigFile load(const QString &path, Kind kind);
    static AwsConfigFile parse(const QByteArray &text, const QString &path, Kind kind);

    QString path() const { return m_path; }
    Kind kind() const { return m_kind; }
    bool exists() const { return m_exists; }
    bool hasError() const { return !m_errorString.isEmpty(); }
    // "<path>:<line>: <what is wrong>", or "<path>: <why it cannot be read>".
    QString errorString() const { return m_errorString; }

    bool hasProfile(const QString &name) const;
    QHash<QString, QString> profile(const QString &name) const;
    QStringList profileNames() const;
    bool hasSection(const QString &type, const QString &name) const;
    // type: "sso-session" or "services" (config file only).
    QHash<QString, QString> section(const QString &type, const QString &name) const;
    // Sections this kind of file does not use, e.g. "[dev]" in the config file (it should be "[profile dev]").
    QStringList ignoredSections() const { return m_ignoredSections; }

private:
    static QString sectionKey(const QString &type, const QString &name);
    bool parseText(const QByteArray &text);
    void fail(int lineNumber, const QString &problem);

    QString m_path;
    Kind m_kind = Kind::Config;
    bool m_exists = false;
    QString m_errorString;
    QHash<QString, QHash<QString, QString>> m_sections; // key: "type name"; profiles use type "profile"
    QHash<QString, QString> m_bareDefault;               // [default] in the config file
    bool m_hasBareDefault = false;
    QStringList m_ignoredSections;
};

} // namespace outcrop::aws
