// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "records.h"
#include "aws/utctime.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace outcrop::sim {

// A deterministic, realistic data set: the same options always give the same data (seeded
// QRandomGenerator, a fixed anchor time). Deployments are spread over the two years before the
// anchor, with a mix of statuses; failure messages cycle through texts that break naive CSV and
// spreadsheet handling (commas, quotes, newlines, non-ASCII, a leading '=').
class DataGenerator
{
public:
    struct Options
    {
        quint32 seed = 42;
        int deploymentCount = 300;
        QString region = QStringLiteral("us-east-1");
        QString accountId = QStringLiteral("123456789012");
        QDateTime anchor = outcrop::aws::utcDateTime(QDate(2026, 1, 1), QTime(0, 0));   // the newest creation time
    };

    static SimData generate(const Options &options);
    // The failure messages, in the order failed deployments receive them.
    static QStringList failureMessages();
};

} // namespace outcrop::sim
