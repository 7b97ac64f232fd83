// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bedrock/bedrockjson.h"

#include <QByteArray>
#include <QLatin1String>
#include <QString>

#include <cstring>
#include <optional>

namespace outcrop::bedrock {

// The fast path of BedrockJson::parseDeploymentPage: reads a ListCustomModelDeployments page
// straight from its bytes into DeploymentSummary rows, without a QJsonDocument in between.
// QJsonDocument builds a tree of CBOR values and a QJsonObject lookup per field, which was a
// quarter of a 25,000-row export; this reads a 1000-row page several times faster
// (docs/benchmarks.md).
//
// It returns true only for a page it has read completely and correctly, and false (leaving
// `page` untouched) on anything it does not handle or that is wrong: malformed JSON, a missing
// required field or one of the wrong type, a time that is not RFC 3339, duplicate keys, numbers,
// \u escapes of surrogates, non-characters. The caller then parses the page with QJsonDocument,
// which decides and words the error, so the two paths cannot disagree on a page's meaning.
bool readDeploymentPageFast(const QByteArray &json, DeploymentPage *page);

// The same reader one level down, for callers that turn a page into something other than
// DeploymentSummary rows (the export writes CSV straight from the bytes, export/deploymentcsvpage.h).
// The tokenizer and its checks are shared, so such a caller declines exactly the pages
// readDeploymentPageFast declines, plus any it chooses to.

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
};

enum class DeploymentField { Arn, Name, ModelArn, CreatedAt, Status, LastUpdatedAt, FailureMessage, Count };

// One row of modelDeploymentSummaries: every required field is present (a string), the optional
// ones are absent or null when not `present`.
struct RawDeploymentRow
{
    RawJsonString values[int(DeploymentField::Count)];
    bool present[int(DeploymentField::Count)] = {};

    const RawJsonString &value(DeploymentField field) const { return values[int(field)]; }
    bool has(DeploymentField field) const { return present[int(field)]; }
};

class RawDeploymentRowReader
{
public:
    virtual ~RawDeploymentRowReader() = default;
    // False declines the page.
    virtual bool readRow(const RawDeploymentRow &row) = 0;
};

// Hands every row to `reader` in order; false when the page is declined (by the tokenizer or the
// reader), and then `nextToken` is untouched. Rows handed on before a decline are the caller's
// to discard.
bool scanDeploymentPage(const QByteArray &json, RawDeploymentRowReader &reader, QString *nextToken);

// A time field as readDeploymentPageFast reads it: true with an invalid time for "", false for
// anything that is not RFC 3339 (the page is then declined).
bool readDeploymentTime(const RawJsonString &raw, QDateTime *time);

} // namespace outcrop::bedrock
