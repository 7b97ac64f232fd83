// SPDX-License-Identifier: Apache-2.0
#include "aws/logging.h"

Q_LOGGING_CATEGORY(lcSigV4, "outcrop.aws.sigv4", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCredentials, "outcrop.aws.credentials", QtInfoMsg)
Q_LOGGING_CATEGORY(lcConfig, "outcrop.aws.config", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNet, "outcrop.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSim, "outcrop.sim", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNotify, "outcrop.notify", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKeychain, "outcrop.keychain", QtInfoMsg)
