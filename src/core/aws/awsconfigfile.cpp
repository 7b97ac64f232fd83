// SPDX-License-Identifier: Apache-2.0
#include "aws/awsconfigfile.h"

#include "aws/logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace outcrop::aws {

namespace {

// What is wrong in an AWS config or credentials file; after "FILE:LINE: ".
class ConfigFileTr
{
    Q_DECLARE_TR_FUNCTIONS(AwsConfigFile)
};

const QString kProfile = QStringLiteral("profile");

// The JS SDK's rule: split(/(^|\s)[;#]/)[0] — a comment starts at a '#' or ';' that begins the
// line or follows whitespace.
QString withoutComment(const QString &line)
{
    for (int i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if ((c == QLatin1Char('#') || c == QLatin1Char(';')) && (i == 0 || line.at(i - 1).isSpace())) {
            return line.left(i);
        }
    }
    return line;
}

QString unquoted(const QString &name)
{
    if (name.size() >= 2 && (name.front() == QLatin1Char('"') || name.front() == QLatin1Char('\''))
        && name.back() == name.front()) {
        return name.mid(1, name.size() - 2);
    }
    return name;
}

bool isSectionType(const QString &type)
{
    return type == kProfile || type == QLatin1String("sso-session") || type == QLatin1String("services");
}

} // namespace

QString AwsConfigFile::sectionKey(const QString &type, const QString &name)
{
    return type + QLatin1Char(' ') + name;
}

AwsConfigFile AwsConfigFile::load(const QString &path, Kind kind)
{
    AwsConfigFile file;
    file.m_path = path;
    file.m_kind = kind;
    QFile input(path);
    if (!QFileInfo::exists(path)) {
        return file;
    }
    file.m_exists = true;
    if (!input.open(QIODevice::ReadOnly)) {
        //: %1 is a file's path, %2 the system's reason.
        file.m_errorString = ConfigFileTr::tr("%1: cannot be read: %2").arg(path, input.errorString());
        return file;
    }
    file.parseText(input.readAll());
    return file;
}

AwsConfigFile AwsConfigFile::parse(const QByteArray &text, const QString &path, Kind kind)
{
    AwsConfigFile file;
    file.m_path = path;
    file.m_kind = kind;
    file.m_exists = true;
    file.parseText(text);
    return file;
}

void AwsConfigFile::fail(int lineNumber, const QString &problem)
{
    m_errorString = m_path + QLatin1Char(':') + QString::number(lineNumber) + QStringLiteral(": ") + problem;
    m_sections.clear();
    m_bareDefault.clear();
    m_hasBareDefault = false;
}

bool AwsConfigFile::parseText(const QByteArray &text)
{
    const QStringList lines = QString::fromUtf8(text).split(QLatin1Char('\n'));
    QHash<QString, QString> *current = nullptr; // null: before any section, or in an ignored one
    bool inSection = false;
    QString subProperty; // the key whose indented sub-properties follow
    int lineNumber = 0;
    for (QString line : lines) {
        ++lineNumber;
        if (line.endsWith(QLatin1Char('\r'))) {
            line.chop(1);
        }
        const QString content = withoutComment(line).trimmed();
        if (content.isEmpty()) {
            continue;
        }
        if (content.startsWith(QLatin1Char('['))) {
            if (!content.endsWith(QLatin1Char(']'))) {
                fail(lineNumber,
                     content.contains(QLatin1Char(']'))
                         ? ConfigFileTr::tr("unexpected text after the section header's closing ']'")
                         : ConfigFileTr::tr("section header without a closing ']'"));
                return false;
            }
            const QString inner = content.mid(1, content.size() - 2).trimmed();
            const int space = inner.indexOf(QRegularExpression(QStringLiteral("\\s")));
            const QString type = space < 0 ? QString() : inner.left(space);
            const QString name = space < 0 ? inner : unquoted(inner.mid(space + 1).trimmed());
            if (name.isEmpty() || (m_kind == Kind::Config && type.isEmpty() && isSectionType(name))) {
                fail(lineNumber, ConfigFileTr::tr("section header without a name"));
                return false;
            }
            inSection = true;
            subProperty.clear();
            current = nullptr;
            if (m_kind == Kind::Credentials) {
                // botocore and the JS SDK: the credentials file names profiles bare. "[profile x]"
                // there is not profile x for either of them.
                if (type == kProfile) {
                    m_ignoredSections.append(inner);
                } else {
                    current = &m_sections[sectionKey(kProfile, inner)];
                }
            } else if (type.isEmpty() && name == QLatin1String("default")) {
                current = &m_bareDefault;
                m_hasBareDefault = true;
            } else if (isSectionType(type)) {
                current = &m_sections[sectionKey(type, name)];
            } else {
                m_ignoredSections.append(inner);
            }
            if (!current) {
                qCDebug(lcConfig) << "ignoring section" << inner << "in" << m_path;
            }
            continue;
        }
        const int equals = content.indexOf(QLatin1Char('='));
        if (equals < 0) {
            fail(lineNumber, ConfigFileTr::tr("expected “key = value”, a [section] header or a comment"));
            return false;
        }
        const QString key = content.left(equals).trimmed();
        if (key.isEmpty()) {
            fail(lineNumber, ConfigFileTr::tr("a setting without a name (the line starts with '=')"));
            return false;
        }
        if (!inSection) {
            fail(lineNumber, ConfigFileTr::tr("the setting “%1” comes before any [section] header").arg(key));
            return false;
        }
        const QString value = content.mid(equals + 1).trimmed();
        if (value.isEmpty()) {
            subProperty = key;
            continue;
        }
        const bool indented = line.front().isSpace();
        if (!subProperty.isEmpty() && !indented) {
            subProperty.clear();
        }
        if (current) {
            current->insert(subProperty.isEmpty() ? key : subProperty + QLatin1Char('.') + key, value);
        }
    }
    return true;
}

bool AwsConfigFile::hasProfile(const QString &name) const
{
    return m_sections.contains(sectionKey(kProfile, name))
        || (name == QLatin1String("default") && m_hasBareDefault);
}

QHash<QString, QString> AwsConfigFile::profile(const QString &name) const
{
    const auto found = m_sections.constFind(sectionKey(kProfile, name));
    if (found != m_sections.constEnd()) {
        return *found;
    }
    return name == QLatin1String("default") ? m_bareDefault : QHash<QString, QString>();
}

QStringList AwsConfigFile::profileNames() const
{
    QStringList names;
    if (m_hasBareDefault) {
        names.append(QStringLiteral("default"));
    }
    for (auto it = m_sections.constBegin(); it != m_sections.constEnd(); ++it) {
        if (it.key().startsWith(kProfile + QLatin1Char(' '))) {
            const QString name = it.key().mid(kProfile.size() + 1);
            if (!names.contains(name)) {
                names.append(name);
            }
        }
    }
    names.sort();
    return names;
}

bool AwsConfigFile::hasSection(const QString &type, const QString &name) const
{
    return m_sections.contains(sectionKey(type, name));
}

QHash<QString, QString> AwsConfigFile::section(const QString &type, const QString &name) const
{
    return m_sections.value(sectionKey(type, name));
}

} // namespace outcrop::aws
