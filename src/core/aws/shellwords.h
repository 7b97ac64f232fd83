// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace outcrop::aws {

// Splits a command line into words the way botocore splits credential_process (compat_shell_split
// → Python's shlex.split, POSIX mode, no comments): whitespace separates words; '…' keeps
// everything literally; "…" keeps everything but lets a backslash escape '"' and '\' (before
// other characters the backslash stays); outside quotes a backslash makes the next character
// literal; adjacent quoted and unquoted parts join into one word; '' gives an empty word.
// No expansion of any kind ($VAR, ~, globs): the words go to the program as they are.
// Returns false with *error set ("No closing quotation", "No escaped character") on bad input.
bool splitShellWords(const QString &commandLine, QStringList *words, QString *error);

} // namespace outcrop::aws
