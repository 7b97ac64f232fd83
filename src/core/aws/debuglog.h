// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace outcrop::aws {

// Replaces what looks like a secret with "[REDACTED]", keeping the name in front of it so a
// support log still shows that the value was there: secret access keys, session tokens, bearer
// tokens, Authorization header values, the X-Amz-Security-Token / X-Amz-Signature /
// X-Amz-Credential of presigned URLs, and any very long base64 run (session tokens are hundreds
// of characters; nothing else Outcrop logs looks like that). Over-redacting is preferred to leaking.
QString redactSecrets(const QString &text);

// The file `--debug` writes: outcrop-debug.log in the application's data folder.
QString defaultDebugLogPath();

// Turns on debug output of every outcrop.* category and writes it, redacted, to `path` (created
// with owner-only permissions and started afresh, so it holds exactly one session). Warnings of
// other categories (Qt's TLS and network messages) go to the file too. Messages keep going to the
// previous handler (stderr) at info level and above, also redacted. Returns false with a message
// naming the file when it cannot be opened.
bool installDebugLog(const QString &path, QString *errorMessage = nullptr);

// Restores the previous handler and closes the file (tests; the app keeps the log to the end).
void uninstallDebugLog();

} // namespace outcrop::aws
