// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLoggingCategory>

// One category per subsystem, so a user can turn one on with QT_LOGGING_RULES
// (e.g. "outcrop.net.debug=true"). Secrets never go to any of them.
Q_DECLARE_LOGGING_CATEGORY(lcSigV4)
Q_DECLARE_LOGGING_CATEGORY(lcCredentials)
Q_DECLARE_LOGGING_CATEGORY(lcConfig)
Q_DECLARE_LOGGING_CATEGORY(lcNet)
Q_DECLARE_LOGGING_CATEGORY(lcSim)
Q_DECLARE_LOGGING_CATEGORY(lcNotify)
Q_DECLARE_LOGGING_CATEGORY(lcKeychain)
