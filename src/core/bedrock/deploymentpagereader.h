// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bedrock/bedrockjson.h"

#include <QByteArray>

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

} // namespace outcrop::bedrock
