// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QLatin1String>
#include <QList>
#include <QMetaType>
#include <QString>

#include <cstring>
#include <optional>

namespace outcrop::bedrock {

// A ListCustomModelDeployments page as the page reader's tokenizer sees it
// (bedrock/deploymentpagereader.h), for readers that turn it into something other than
// DeploymentSummary rows: the export writes CSV straight from these bytes.

// A string token as it stands in the JSON text: the bytes between the quotes. `plain` when they
// are printable ASCII (0x20-0x7F) without escapes, that is when they are the value itself.
struct RawJsonString
{
    const char *begin = nullptr;
    qsizetype size = 0;
    bool plain = true;

    bool is(QLatin1String name) const
    {
        return plain && size == name.size() && std::memcmp(begin, name.data(), size_t(size)) == 0;
    }
    // The value; nullopt for escapes and characters left to QJsonDocument (the page is then declined).
    std::optional<QString> decode() const;
    // decode().has_value(), without building the QString.
    bool isDecodable() const;
    // Appends decode()'s value as UTF-8 (the bytes decode()->toUtf8() would give) without a
    // QString; false, and `out` unchanged, where decode() gives nullopt.
    bool appendDecodedUtf8(QByteArray &out) const;
};

enum class DeploymentField { Arn, Name, ModelArn, CreatedAt, Status, LastUpdatedAt, FailureMessage, Count };

// One row of modelDeploymentSummaries: every required field is present (a string), the optional
// ones are absent or null when not `present`.
struct RawDeploymentRow
{
    RawJsonString values[int(DeploymentField::Count)];
    bool present[int(DeploymentField::Count)] = {};
    // Set by the page check (readRawDeploymentPage) for a time it found already in the CSV's
    // canonical form (isCanonicalTime), so that the export copies it without checking it again;
    // false only means "not known", and the time is then read and written out in full.
    bool canonicalTime[int(DeploymentField::Count)] = {};

    const RawJsonString &value(DeploymentField field) const { return values[int(field)]; }
    bool has(DeploymentField field) const { return present[int(field)]; }
    bool isCanonicalTime(DeploymentField field) const { return canonicalTime[int(field)]; }
};

// A page checked as readDeploymentPageFast checks it (every string decodes, every time is
// RFC 3339), its rows left as they stand in the bytes: the export writes CSV from them after the
// pager has asked for the next page, so that the writing overlaps the transfer
// (export/deploymentcsvformat.h, docs/benchmarks.md).
struct RawDeploymentPage
{
    QByteArray body;                // the bytes the rows point into
    QList<RawDeploymentRow> rows;
    QString nextToken;
};
} // namespace outcrop::bedrock

Q_DECLARE_METATYPE(outcrop::bedrock::RawDeploymentPage)
