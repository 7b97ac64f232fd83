// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sigv4vectorreader.h"

#include <QString>
#include <QStringList>

namespace outcrop::testsupport {

// Signs one case folder's request.txt with aws::SigV4Signer in `mode` and compares everything the
// folder pins down: canonical request, string to sign and signature byte for byte, then the
// signed request (added headers and Authorization parts, or the signed target and its query
// parameters). Returns one line per mismatch ("get-vanilla header: signature: expected ..., got
// ..."); empty means the case passed. A folder that cannot be read is reported as a mismatch too.
QStringList checkSigV4VectorCase(const QString &directory, SigningMode mode);

// The same, for an already parsed case (tests that synthesise a case use this).
QStringList checkSigV4VectorCase(const SigV4VectorCase &vectorCase, SigningMode mode);

} // namespace outcrop::testsupport
