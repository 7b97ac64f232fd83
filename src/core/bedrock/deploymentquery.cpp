// SPDX-License-Identifier: Apache-2.0
#include "bedrock/deploymentquery.h"

#include "aws/awsurl.h"
#include "aws/utctime.h"
#include "bedrock/rfc3339.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace outcrop::bedrock {

namespace {
// The translation context "DeploymentQuery" of this file (a class of its own: lupdate gives tr() calls
// in free functions the namespace as context).
class DeploymentQueryTr
{
    Q_DECLARE_TR_FUNCTIONS(DeploymentQuery)
};
} // namespace

bool isCustomModelArn(const QString &text)
{
    // CustomModelArn from service-2.json. Smithy patterns are unanchored; we apply them as a full
    // match, which is clearly the intent (bedrock-api.md §2).
    static const QRegularExpression pattern(QRegularExpression::anchoredPattern(QStringLiteral(
        "arn:aws(|-us-gov|-cn|-iso|-iso-b):bedrock:[a-z0-9-]{1,20}:[0-9]{12}:custom-model/"
        "(imported|[a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([a-z0-9-]{1,63}[.]){0,2}[a-z0-9-]{1,63}"
        "([:][a-z0-9-]{1,63}){0,2})/[a-z0-9]{12}")));
    return text.size() >= 20 && text.size() <= 1011 && pattern.match(text).hasMatch();
}

QString normalizeStatus(const QString &text)
{
    return deploymentStatusWireValue(deploymentStatusFromText(text.trimmed()));
}

bool parseSortOrder(const QString &text, SortOrder *order)
{
    const QString value = text.trimmed();
    if (value.compare(QLatin1String("Ascending"), Qt::CaseInsensitive) == 0) {
        *order = SortOrder::Ascending;
        return true;
    }
    if (value.compare(QLatin1String("Descending"), Qt::CaseInsensitive) == 0) {
        *order = SortOrder::Descending;
        return true;
    }
    return false;
}

QDateTime parseUserTime(const QString &text)
{
    if (const std::optional<QDateTime> time = parseRfc3339Fast(text.utf16(), text.size(), Rfc3339Shape::UserInput)) {
        return *time;
    }
    const QString value = text.trimmed();
    static const QRegularExpression datePattern(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    if (datePattern.match(value).hasMatch()) {
        const QDate date = QDate::fromString(value, Qt::ISODate);
        return date.isValid() ? aws::utcDateTime(date, QTime(0, 0)) : QDateTime();
    }
    // RFC 3339: date 'T' (or space) time, optional fraction, optional Z or +hh:mm.
    static const QRegularExpression timePattern(QStringLiteral(
        "^(\\d{4}-\\d{2}-\\d{2})[Tt ](\\d{2}:\\d{2}:\\d{2})(?:\\.(\\d{1,9}))?([Zz]|[+-]\\d{2}:\\d{2})?$"));
    const QRegularExpressionMatch match = timePattern.match(value);
    if (!match.hasMatch()) {
        return {};
    }
    const QDate date = QDate::fromString(match.captured(1), Qt::ISODate);
    QTime time = QTime::fromString(match.captured(2), Qt::ISODate);
    if (!date.isValid() || !time.isValid()) {
        return {};
    }
    const QString fraction = match.captured(3);
    if (!fraction.isEmpty()) {
        time = time.addMSecs(fraction.left(3).leftJustified(3, QLatin1Char('0')).toInt());
    }
    const QString zone = match.captured(4);
    int offsetSeconds = 0;
    if (!zone.isEmpty() && zone.compare(QLatin1String("Z"), Qt::CaseInsensitive) != 0) {
        const int hours = zone.mid(1, 2).toInt();
        const int minutes = zone.mid(4, 2).toInt();
        if (hours > 23 || minutes > 59) {
            return {};
        }
        offsetSeconds = (hours * 3600 + minutes * 60) * (zone.startsWith(QLatin1Char('-')) ? -1 : 1);
    }
    return aws::utcDateTime(date, time).addSecs(-offsetSeconds);
}

QString formatQueryTime(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    return utc.time().msec() == 0 ? utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"))
                                  : utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

QString DeploymentQuery::validate() const
{
    if (createdAfter.isValid() && createdBefore.isValid() && createdAfter > createdBefore) {
        return DeploymentQueryTr::tr("createdAfter (%1) is later than createdBefore (%2): no deployment can match.")
            .arg(formatQueryTime(createdAfter), formatQueryTime(createdBefore));
    }
    if (!nameContains.isEmpty()) {
        // nameContains is a substring of a name, so it is checked by length and characters only:
        // a full match of the name pattern would reject searches such as "-prod" (bedrock-api.md §2).
        static const QRegularExpression allowed(QStringLiteral("^[0-9A-Za-z_-]+$"));
        if (nameContains.size() > 63) {
            return DeploymentQueryTr::tr("nameContains is %1 characters long; at most 63 are allowed.").arg(nameContains.size());
        }
        if (!allowed.match(nameContains).hasMatch()) {
            return DeploymentQueryTr::tr("nameContains \"%1\" may only hold letters, digits, '-' and '_'.").arg(nameContains);
        }
    }
    if (!statusEquals.isEmpty() && normalizeStatus(statusEquals).isEmpty()) {
        return DeploymentQueryTr::tr("statusEquals \"%1\" is not a status; use Creating, Active or Failed.").arg(statusEquals);
    }
    if (!modelArnEquals.isEmpty() && !isCustomModelArn(modelArnEquals)) {
        return DeploymentQueryTr::tr("modelArnEquals \"%1\" is not a custom model ARN (arn:aws:bedrock:REGION:ACCOUNT:custom-model/...).")
            .arg(modelArnEquals);
    }
    if (maxResults != 0 && (maxResults < 1 || maxResults > 1000)) {
        return DeploymentQueryTr::tr("maxResults is %1; it must be between 1 and 1000.").arg(maxResults);
    }
    return {};
}

void DeploymentQuery::appendTo(aws::AwsRequestTarget &target, const QString &nextToken) const
{
    if (createdAfter.isValid()) {
        target.addQueryItem(QStringLiteral("createdAfter"), formatQueryTime(createdAfter));
    }
    if (createdBefore.isValid()) {
        target.addQueryItem(QStringLiteral("createdBefore"), formatQueryTime(createdBefore));
    }
    if (maxResults > 0) {
        target.addQueryItem(QStringLiteral("maxResults"), QString::number(maxResults));
    }
    if (!modelArnEquals.isEmpty()) {
        target.addQueryItem(QStringLiteral("modelArnEquals"), modelArnEquals);
    }
    if (!nameContains.isEmpty()) {
        target.addQueryItem(QStringLiteral("nameContains"), nameContains);
    }
    if (!nextToken.isEmpty()) {
        target.addQueryItem(QStringLiteral("nextToken"), nextToken);
    }
    if (sortByCreationTime) {
        target.addQueryItem(QStringLiteral("sortBy"), QStringLiteral("CreationTime"));
    }
    if (sortOrder != SortOrder::Default) {
        target.addQueryItem(QStringLiteral("sortOrder"), sortOrder == SortOrder::Ascending
                                                            ? QStringLiteral("Ascending")
                                                            : QStringLiteral("Descending"));
    }
    if (!statusEquals.isEmpty()) {
        target.addQueryItem(QStringLiteral("statusEquals"), normalizeStatus(statusEquals));
    }
}

bool DeploymentQuery::operator==(const DeploymentQuery &other) const
{
    return createdAfter == other.createdAfter && createdBefore == other.createdBefore
        && nameContains == other.nameContains && normalizeStatus(statusEquals) == normalizeStatus(other.statusEquals)
        && modelArnEquals == other.modelArnEquals && sortByCreationTime == other.sortByCreationTime
        && sortOrder == other.sortOrder && maxResults == other.maxResults;
}

} // namespace outcrop::bedrock
