// SPDX-License-Identifier: Apache-2.0
#include "aws/awserror.h"

#include "aws/queryprotocol.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>

namespace outcrop::aws {

namespace {
// The translation context "AwsError" of this file (a class of its own: lupdate gives tr() calls
// in free functions the namespace as context).
class AwsErrorTr
{
    Q_DECLARE_TR_FUNCTIONS(AwsError)
};
} // namespace

QString iamActionFor(const QString &operation)
{
    if (operation.isEmpty()) {
        return {};
    }
    // The STS operations Outcrop calls; everything else it sends is Bedrock.
    if (operation == QLatin1String("AssumeRole") || operation == QLatin1String("GetCallerIdentity")) {
        return QStringLiteral("sts:") + operation;
    }
    return QStringLiteral("bedrock:") + operation;
}

AwsError AwsError::make(Kind kind, const QString &message, const QString &operation)
{
    AwsError error;
    error.kind = kind;
    error.message = message;
    error.operation = operation;
    return error;
}

QString AwsError::sanitizeCode(const QString &raw)
{
    // The JS SDK keeps the text before the first ',' and before the first ':', then after '#'
    // (bedrock-api.md §9.2).
    QString code = raw.section(QLatin1Char(','), 0, 0).section(QLatin1Char(':'), 0, 0).trimmed();
    const qsizetype hash = code.lastIndexOf(QLatin1Char('#'));
    if (hash >= 0) {
        code = code.mid(hash + 1);
    }
    return code;
}

AwsError::Kind AwsError::kindForCode(const QString &code)
{
    static const QHash<QString, Kind> kinds {
        { QStringLiteral("AccessDeniedException"), Kind::AccessDenied },
        { QStringLiteral("AccessDenied"), Kind::AccessDenied },           // STS
        { QStringLiteral("ValidationException"), Kind::Validation },
        { QStringLiteral("ValidationError"), Kind::Validation },          // STS
        { QStringLiteral("InternalServerException"), Kind::InternalServer },
        { QStringLiteral("ThrottlingException"), Kind::Throttling },
        { QStringLiteral("ResourceNotFoundException"), Kind::ResourceNotFound },
        { QStringLiteral("ConflictException"), Kind::Conflict },
        { QStringLiteral("ServiceQuotaExceededException"), Kind::ServiceQuotaExceeded },
        { QStringLiteral("TooManyTagsException"), Kind::TooManyTags },
        { QStringLiteral("ServiceUnavailableException"), Kind::ServiceUnavailable },
        { QStringLiteral("ExpiredTokenException"), Kind::ExpiredToken },
        { QStringLiteral("ExpiredToken"), Kind::ExpiredToken },
        { QStringLiteral("InvalidSignatureException"), Kind::InvalidSignature },
        { QStringLiteral("SignatureDoesNotMatch"), Kind::InvalidSignature },
        { QStringLiteral("UnrecognizedClientException"), Kind::UnrecognizedClient },
        { QStringLiteral("InvalidClientTokenId"), Kind::UnrecognizedClient },
    };
    return kinds.value(code, Kind::OtherService);
}

AwsError AwsError::fromHttpReply(int httpStatus, const QByteArray &errorTypeHeader, const QByteArray &body,
                                 const QByteArray &requestId, const QString &operation)
{
    AwsError error;
    error.httpStatus = httpStatus;
    error.requestId = QString::fromLatin1(requestId);
    error.operation = operation;

    QString queryCode;
    QString queryMessage;
    QString queryRequestId;
    if (readQueryError(body, &queryCode, &queryMessage, &queryRequestId)) {
        // A query-protocol (STS) error: XML, no x-amzn-ErrorType.
        error.code = sanitizeCode(queryCode);
        error.message = queryMessage;
        if (error.requestId.isEmpty()) {
            error.requestId = queryRequestId;
        }
        error.kind = kindForCode(error.code);
        return error;
    }
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    QString rawCode = QString::fromLatin1(errorTypeHeader);
    if (rawCode.isEmpty()) {
        // The body key `code` is matched case-insensitively, as the JS SDK does.
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key().compare(QLatin1String("code"), Qt::CaseInsensitive) == 0 && it.value().isString()) {
                rawCode = it.value().toString();
                break;
            }
        }
    }
    if (rawCode.isEmpty()) {
        rawCode = object.value(QLatin1String("__type")).toString();
    }
    error.code = sanitizeCode(rawCode);
    error.message = object.value(QLatin1String("message")).toString();
    if (error.message.isEmpty()) {
        error.message = object.value(QLatin1String("Message")).toString();
    }
    if (error.message.isEmpty()) {
        // OAuth-style errors (SSO OIDC CreateToken): {"error": "invalid_grant", "error_description": "..."}.
        error.message = object.value(QLatin1String("error_description")).toString();
    }

    if (!error.code.isEmpty()) {
        error.kind = kindForCode(error.code);
    } else if (httpStatus == 429) {
        error.kind = Kind::Throttling;
    } else if (httpStatus == 503) {
        error.kind = Kind::ServiceUnavailable;
    } else if (httpStatus >= 500) {
        error.kind = Kind::InternalServer;
    } else if (httpStatus == 403) {
        error.kind = Kind::AccessDenied;
    } else if (httpStatus == 404) {
        error.kind = Kind::ResourceNotFound;
    } else {
        error.kind = Kind::OtherService;
    }
    if (error.message.isEmpty() && object.isEmpty() && !body.isEmpty()) {
        // A non-JSON error body (an HTML page from a proxy or load balancer): say so briefly.
        error.message = AwsErrorTr::tr("HTTP %1 with a reply that is not JSON").arg(httpStatus);
    }
    return error;
}

QString AwsError::userMessage() const
{
    QString text;
    switch (kind) {
    case Kind::None:
        return {};
    case Kind::AccessDenied:
        text = operation.isEmpty()
            ? AwsErrorTr::tr("Access denied.")
            : AwsErrorTr::tr("Access denied: your credentials are not allowed %1. Ask your AWS administrator to grant that "
                 "IAM action.").arg(iamActionFor(operation));
        break;
    case Kind::Validation:
        text = AwsErrorTr::tr("The service rejected the request as invalid.");
        break;
    case Kind::InternalServer:
    case Kind::ServiceUnavailable:
        text = AwsErrorTr::tr("The service had an internal error; trying again later usually helps.");
        break;
    case Kind::Throttling:
        text = AwsErrorTr::tr("The service is throttling requests; wait a moment and try again.");
        break;
    case Kind::ResourceNotFound:
        text = AwsErrorTr::tr("Not found: the deployment or model does not exist in this account and region (it may have "
                  "been deleted).");
        break;
    case Kind::Conflict:
        text = AwsErrorTr::tr("The deployment is busy with another change; try again when it has finished.");
        break;
    case Kind::ServiceQuotaExceeded:
        text = AwsErrorTr::tr("A service quota is exhausted; request an increase in the Service Quotas console.");
        break;
    case Kind::TooManyTags:
        text = AwsErrorTr::tr("Too many tags on the resource.");
        break;
    case Kind::ExpiredToken:
        text = AwsErrorTr::tr("The credentials have expired; refresh them (for example with 'aws sso login') and try again.");
        break;
    case Kind::InvalidSignature:
        text = AwsErrorTr::tr("The request signature was rejected: check the secret access key, and that this computer's "
                  "clock is right.");
        break;
    case Kind::UnrecognizedClient:
        text = AwsErrorTr::tr("The access key id is not known to AWS in this partition: check the credentials and the region.");
        break;
    case Kind::OtherService:
        text = AwsErrorTr::tr("The service returned the error %1.").arg(code.isEmpty() ? QString::number(httpStatus) : code);
        break;
    case Kind::Network:
    case Kind::Timeout:
    case Kind::Redirect:
    case Kind::BadReply:
    case Kind::Credentials:
    case Kind::SsoLoginRequired:
    case Kind::Configuration:
    case Kind::InvalidInput:
    case Kind::ReadOnly:
    case Kind::Cancelled:
        return message;
    }
    if (!message.isEmpty()) {
        text += QLatin1Char(' ') + AwsErrorTr::tr("The service said: %1").arg(message);
    }
    if (!requestId.isEmpty()) {
        text += QLatin1Char(' ') + AwsErrorTr::tr("(request id %1)").arg(requestId);
    }
    return text;
}

} // namespace outcrop::aws
