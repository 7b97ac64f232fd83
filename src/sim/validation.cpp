// SPDX-License-Identifier: Apache-2.0
#include "validation.h"
#include "aws/utctime.h"

#include <QHash>
#include <QRegularExpression>

namespace outcrop::sim {

const QString Shapes::deploymentNamePattern = QStringLiteral("([0-9a-zA-Z][_-]?){1,63}");
const QString Shapes::customModelArnPattern = QStringLiteral(
    "arn:aws(|-us-gov|-cn|-iso|-iso-b):bedrock:[a-z0-9-]{1,20}:[0-9]{12}:custom-model/(imported|[a-z0-9-]{1,63}[.]{1}"
    "[a-z0-9-]{1,63}([a-z0-9-]{1,63}[.]){0,2}[a-z0-9-]{1,63}([:][a-z0-9-]{1,63}){0,2})/[a-z0-9]{12}");
const QString Shapes::modelArnPattern = QStringLiteral(
    "arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:(([0-9]{12}:custom-model/((imported)|([a-z0-9-]{1,63}[.]{1}"
    "[a-z0-9-]{1,63}))(([:][a-z0-9-]{1,63}){0,2})?/[a-z0-9]{12})|(:foundation-model/[a-z0-9-]{1,63}[.]{1}"
    "([a-z0-9-]{1,63}[.]){0,2}[a-z0-9-]{1,63}([:][a-z0-9-]{1,63}){0,2}))");
const QString Shapes::idempotencyTokenPattern = QStringLiteral("[a-zA-Z0-9]([-a-zA-Z0-9]{0,254}[a-zA-Z0-9])?");
const QString Shapes::tagPattern = QStringLiteral("[a-zA-Z0-9\\s._:/=+@-]*");
// nameContains is a substring, not a name: only its character set is checked (§2, exception).
const QString Shapes::nameFragmentPattern = QStringLiteral("[0-9A-Za-z_-]*");

bool Shapes::fullMatch(const QString &pattern, const QString &value)
{
    static QHash<QString, QRegularExpression> compiled;
    auto found = compiled.find(pattern);
    if (found == compiled.end()) {
        found = compiled.insert(pattern, QRegularExpression(QStringLiteral("\\A(?:") + pattern + QStringLiteral(")\\z")));
    }
    return found->match(value).hasMatch();
}

QDateTime Shapes::parseTimestamp(const QString &text)
{
    static const QRegularExpression rfc3339(QStringLiteral(
        "\\A(\\d{4})-(\\d{2})-(\\d{2})[Tt](\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?(?:([Zz])|([+-])(\\d{2}):(\\d{2}))\\z"));
    const QRegularExpressionMatch match = rfc3339.match(text);
    if (!match.hasMatch()) {
        return {};
    }
    const QDate date(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
    const QTime time(match.captured(4).toInt(), match.captured(5).toInt(), match.captured(6).toInt(),
                     QString(match.captured(7) + QStringLiteral("000")).left(3).toInt());
    if (!date.isValid() || !time.isValid()) {
        return {};
    }
    QDateTime result = outcrop::aws::utcDateTime(date, time);
    if (!match.captured(9).isEmpty()) {
        const int offset = (match.captured(10).toInt() * 60 + match.captured(11).toInt()) * 60;
        result = result.addSecs(match.captured(9) == QLatin1String("+") ? -offset : offset);
    }
    return result;
}

void ValidationErrors::add(const QString &value, const QString &field, const QString &constraint)
{
    m_errors.append(QStringLiteral("Value '%1' at '%2' failed to satisfy constraint: %3").arg(value, field, constraint));
}

void ValidationErrors::addNull(const QString &field)
{
    m_errors.append(
        QStringLiteral("Value null at '%1' failed to satisfy constraint: Member must not be null").arg(field));
}

QString ValidationErrors::message() const
{
    const QString count = m_errors.size() == 1 ? QStringLiteral("1 validation error detected: ")
                                               : QStringLiteral("%1 validation errors detected: ").arg(m_errors.size());
    return count + m_errors.join(QStringLiteral("; "));
}

void ValidationErrors::checkLength(const QString &value, const QString &field, int min, int max)
{
    if (value.size() < min) {
        add(value, field, QStringLiteral("Member must have length greater than or equal to %1").arg(min));
    } else if (value.size() > max) {
        add(value, field, QStringLiteral("Member must have length less than or equal to %1").arg(max));
    }
}

void ValidationErrors::checkPattern(const QString &value, const QString &field, const QString &pattern)
{
    if (!Shapes::fullMatch(pattern, value)) {
        add(value, field, QStringLiteral("Member must satisfy regular expression pattern: ") + pattern);
    }
}

void ValidationErrors::checkEnum(const QString &value, const QString &field, const QStringList &allowed)
{
    if (!allowed.contains(value)) {
        add(value, field,
            QStringLiteral("Member must satisfy enum value set: [%1]").arg(allowed.join(QStringLiteral(", "))));
    }
}

} // namespace outcrop::sim
