// SPDX-License-Identifier: Apache-2.0
#include "aws/utctime.h"

#include <QLocale>

namespace outcrop::aws {

QDateTime parseHttpDate(const QByteArray &text)
{
    const QByteArray value = text.trimmed();
    if (!value.endsWith(" GMT")) {
        return {};
    }
    // The C locale: day and month names are English whatever the user's language.
    const QDateTime local = QLocale::c().toDateTime(QString::fromLatin1(value.chopped(4)),
                                                    QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
    return local.isValid() ? utcDateTime(local.date(), local.time()) : QDateTime();
}

QByteArray formatHttpDate(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")).toLatin1() + " GMT";
}

} // namespace outcrop::aws
