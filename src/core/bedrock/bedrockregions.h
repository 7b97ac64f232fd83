// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace outcrop::bedrock {

// The regions botocore's endpoints.json lists for `bedrock` (../shared/docs/bedrock-api.md §1.1;
// the only region list there is). Offered for choosing; any other name may still be typed, and
// the service decides.
inline QStringList bedrockRegions()
{
    return {
        QStringLiteral("us-east-1"),      QStringLiteral("us-east-2"),      QStringLiteral("us-west-1"),
        QStringLiteral("us-west-2"),      QStringLiteral("ca-central-1"),   QStringLiteral("ca-west-1"),
        QStringLiteral("mx-central-1"),   QStringLiteral("sa-east-1"),      QStringLiteral("eu-central-1"),
        QStringLiteral("eu-central-2"),   QStringLiteral("eu-north-1"),     QStringLiteral("eu-south-1"),
        QStringLiteral("eu-south-2"),     QStringLiteral("eu-west-1"),      QStringLiteral("eu-west-2"),
        QStringLiteral("eu-west-3"),      QStringLiteral("il-central-1"),   QStringLiteral("me-central-1"),
        QStringLiteral("me-south-1"),     QStringLiteral("af-south-1"),     QStringLiteral("ap-east-2"),
        QStringLiteral("ap-northeast-1"), QStringLiteral("ap-northeast-2"), QStringLiteral("ap-northeast-3"),
        QStringLiteral("ap-south-1"),     QStringLiteral("ap-south-2"),     QStringLiteral("ap-southeast-1"),
        QStringLiteral("ap-southeast-2"), QStringLiteral("ap-southeast-3"), QStringLiteral("ap-southeast-4"),
        QStringLiteral("ap-southeast-5"), QStringLiteral("ap-southeast-6"), QStringLiteral("ap-southeast-7"),
        QStringLiteral("us-gov-east-1"),  QStringLiteral("us-gov-west-1"),
    };
}

// Whether `name` can be a region: lower-case letters and digits in hyphen-separated parts
// ("us-east-1"), at most 50 characters. The region becomes part of a host name
// (bedrock.<region>.amazonaws.com) and of the signature's scope, so nothing else is accepted where
// a user types one (--region, View > Sources).
// By hand, not with a QRegularExpression: the headless export checks its --region once per run,
// and compiling the pattern (PCRE2 JIT) cost more than the rest of the check (docs/benchmarks.md,
// "Fifth round"). The pattern it replaces, ^[a-z0-9]+(-[a-z0-9]+)*$, is tst_exportoptions'
// reference; unlike PCRE's $, nothing here lets a trailing line feed through.
inline bool isRegionName(const QString &name)
{
    if (name.isEmpty() || name.size() > 50 || name.front() == u'-' || name.back() == u'-') {
        return false;
    }
    QChar previous;
    for (const QChar c : name) {
        const bool lowerOrDigit = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
        if (!lowerOrDigit && (c != u'-' || previous == u'-')) {
            return false;
        }
        previous = c;
    }
    return true;
}

} // namespace outcrop::bedrock
