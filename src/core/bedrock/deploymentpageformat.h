// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

namespace outcrop::bedrock {

// A ListCustomModelDeployments page turned straight into a caller's output (the export's CSV
// rows) by a DeploymentPageFormat, without DeploymentSummary rows in between: building 100,000
// QStrings and 50,000 QDateTimes per 25,000 rows only to encode them again was most of an
// export's time (docs/benchmarks.md).
struct FormattedDeploymentPage
{
    struct Row
    {
        qsizetype textEnd = 0;   // the row is text[previous row's textEnd, textEnd)
        qsizetype keyEnd = 0;    // its ARN key (ArnSet) is keys[previous row's keyEnd, keyEnd)
    };

    QByteArray text;   // the rows, formatted, back to back
    QByteArray keys;   // the rows' ARN keys, back to back
    QList<Row> rows;
    QString nextToken;

    void clear()
    {
        text.clear();
        keys.clear();
        rows.clear();
        nextToken.clear();
    }
};

// Formats a page's body. The pager uses it for every page it can, and falls back to
// DeploymentSummary rows (BedrockJson::parseDeploymentPage, which words any error) for a page it
// declines.
class DeploymentPageFormat
{
public:
    virtual ~DeploymentPageFormat() = default;
    // True with the whole page in `page` (rows in order, duplicates included); false declines.
    virtual bool format(const QByteArray &json, FormattedDeploymentPage *page) const = 0;
};

} // namespace outcrop::bedrock

Q_DECLARE_METATYPE(outcrop::bedrock::FormattedDeploymentPage)
