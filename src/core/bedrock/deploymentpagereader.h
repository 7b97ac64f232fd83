// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bedrock/bedrockjson.h"
#include "bedrock/rawdeploymentpage.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>


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
// DeploymentSummary rows (bedrock/rawdeploymentpage.h). The tokenizer and its checks are shared,
// so such a caller declines exactly the pages readDeploymentPageFast declines, plus any it
// chooses to.

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

// Reads `json` into `page` for the export's direct path (see RawDeploymentPage); false (page
// untouched) for every page readDeploymentPageFast declines.
bool readRawDeploymentPage(const QByteArray &json, RawDeploymentPage *page);

// The next page's token as a List page's bytes end when the token is its last field, written
// plainly: `,"nextToken":"TOKEN"}` (or `{"nextToken":"TOKEN"}`), optionally followed by white
// space; no escape, no control character in TOKEN. Empty otherwise. A guess, read before the
// page is checked, so the export can ask for the next page at once (DeploymentPager); only the
// checked page's token counts.
QString nextTokenFromPageTail(QByteArrayView json);

// True for a time exactly as the CSV writes it, "2025-07-20T10:11:12.123Z" (upper-case T and Z,
// three fraction digits, a real date from year 1, hours 00-23, no leap second): the common case,
// which readDeploymentTime accepts and the export copies as it stands.
bool isCanonicalTime(const char *text, qsizetype size);

// A time field as readDeploymentPageFast reads it: true with an invalid time for "", false for
// anything that is not RFC 3339 (the page is then declined).
bool readDeploymentTime(const RawJsonString &raw, QDateTime *time);

} // namespace outcrop::bedrock
