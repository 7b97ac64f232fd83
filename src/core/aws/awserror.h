// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

class QNetworkReply;

namespace outcrop::aws {

// What went wrong with a call, typed so that callers can react (retry, ask for credentials,
// show the missing IAM action) and with a message a person can act on.
struct AwsError
{
    enum class Kind {
        None,
        // Modelled Bedrock exceptions (../shared/docs/bedrock-api.md §9.1).
        AccessDenied,
        Validation,
        InternalServer,
        Throttling,
        ResourceNotFound,
        Conflict,
        ServiceQuotaExceeded,
        TooManyTags,
        ServiceUnavailable,
        // Errors of the authentication layer in front of the service.
        ExpiredToken,
        InvalidSignature,
        UnrecognizedClient,
        // Any other error code the service sent.
        OtherService,
        // Not from the service.
        Network,          // connection refused, reset, DNS, TLS
        Timeout,
        Redirect,         // a 3xx, which is never followed
        BadReply,         // a reply that could not be parsed
        Credentials,      // no credentials, or a credential source failed
        // The IAM Identity Center (SSO) session of the profile has expired or was rejected and
        // cannot be refreshed: the user must sign in again. `remedyCommand` holds the command
        // ("aws sso login --profile dev") for the GUI to offer for copying.
        SsoLoginRequired,
        Configuration,    // region, endpoint or profile problems
        InvalidInput,     // a value rejected before sending
        ReadOnly,         // a mutating call refused because the session is read-only (never sent)
        Cancelled,
    };

    Kind kind = Kind::None;
    QString code;         // the service's error code ("ThrottlingException"), when there is one
    QString message;      // the service's message, or ours
    QString requestId;    // x-amzn-RequestId, shown so users can quote it to AWS Support
    int httpStatus = 0;
    QString operation;    // the API operation ("ListCustomModelDeployments")
    // A shell command that fixes the problem, for the user to run (the GUI offers to copy it);
    // empty when there is none. Set with Kind::SsoLoginRequired.
    QString remedyCommand;

    bool isError() const { return kind != Kind::None; }
    // A sentence for the user: what happened, what to do, and the request id.
    QString userMessage() const;

    static AwsError make(Kind kind, const QString &message, const QString &operation = {});

    // Reads a restJson1 error reply: the type from x-amzn-ErrorType, then the body's `code`, then
    // `__type`, cut at ':' and after '#' (as the JS SDK's loadRestJsonErrorCode does); the
    // message from `message` or `Message`; the request id from x-amzn-RequestId.
    static AwsError fromHttpReply(int httpStatus, const QByteArray &errorTypeHeader, const QByteArray &body,
                                  const QByteArray &requestId, const QString &operation);
    // Cleans an error code: "aws.protocols#ValidationException:http://internal..." → "ValidationException".
    static QString sanitizeCode(const QString &raw);
    static Kind kindForCode(const QString &code);
};

// The IAM action a Bedrock operation needs ("bedrock:ListCustomModelDeployments").
QString iamActionFor(const QString &operation);

} // namespace outcrop::aws

Q_DECLARE_METATYPE(outcrop::aws::AwsError)
