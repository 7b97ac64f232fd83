// SPDX-License-Identifier: Apache-2.0
#include "stsservice.h"

#include "authenticator.h"
#include "simclock.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUuid>

namespace outcrop::sim {

namespace {

const QByteArray kNamespace = QByteArrayLiteral("https://sts.amazonaws.com/doc/2011-06-15/");
const QString kVersion = QStringLiteral("2011-06-15");
constexpr int kDefaultDurationSeconds = 3600;
constexpr int kMinDurationSeconds = 900;
constexpr int kMaxDurationSeconds = 43200;
// Role chaining caps a session at one hour (IAM User Guide, "Role chaining").
constexpr int kChainedMaxDurationSeconds = 3600;

QByteArray escaped(const QString &text)
{
    return text.toHtmlEscaped().toUtf8();
}

QByteArray element(const char *name, const QString &text)
{
    return QByteArray("<") + name + '>' + escaped(text) + "</" + name + '>';
}

SimResponse xml(int status, const QByteArray &body)
{
    SimResponse response;
    response.status = status;
    response.body = body;
    response.setHeader("Content-Type", "text/xml");
    return response;
}

SimResponse stsError(int status, const QString &code, const QString &message, const QByteArray &requestId)
{
    const QString type = status >= 500 ? QStringLiteral("Receiver") : QStringLiteral("Sender");
    SimResponse response = xml(status, "<ErrorResponse xmlns=\"" + kNamespace + "\">\n  <Error>\n    "
                                           + element("Type", type) + "\n    " + element("Code", code) + "\n    "
                                           + element("Message", message) + "\n  </Error>\n  "
                                           + element("RequestId", QString::fromLatin1(requestId))
                                           + "\n</ErrorResponse>\n");
    response.setHeader("x-amzn-RequestId", requestId);
    return response;
}

SimResponse stsResult(const QString &action, const QByteArray &resultBody, const QByteArray &requestId)
{
    const QByteArray name = action.toLatin1();
    SimResponse response = xml(200, "<" + name + "Response xmlns=\"" + kNamespace + "\">\n  <" + name + "Result>\n"
                                        + resultBody + "  </" + name + "Result>\n  <ResponseMetadata>\n    "
                                        + element("RequestId", QString::fromLatin1(requestId))
                                        + "\n  </ResponseMetadata>\n</" + name + "Response>\n");
    response.setHeader("x-amzn-RequestId", requestId);
    return response;
}

// The authentication layer's errors, under the names STS uses for them.
SimResponse fromAuthFailure(const AuthFailure &failure, const QByteArray &requestId)
{
    struct Mapping
    {
        const char *restJsonType;
        const char *stsCode;
        int status;
    };
    static const Mapping mappings[] = {
        {"UnrecognizedClientException", "InvalidClientTokenId", 403},
        {"InvalidSignatureException", "SignatureDoesNotMatch", 403},
        {"IncompleteSignatureException", "IncompleteSignature", 400},
        {"ExpiredTokenException", "ExpiredToken", 403},
        {"MissingAuthenticationTokenException", "MissingAuthenticationToken", 403},
    };
    for (const Mapping &mapping : mappings) {
        if (failure.type == mapping.restJsonType) {
            return stsError(mapping.status, QLatin1String(mapping.stsCode), failure.message, requestId);
        }
    }
    return stsError(failure.status, QString::fromLatin1(failure.type), failure.message, requestId);
}

QString randomText(int length, const char *alphabet)
{
    const int size = static_cast<int>(qstrlen(alphabet));
    QString text;
    text.reserve(length);
    for (int i = 0; i < length; ++i) {
        text.append(QLatin1Char(alphabet[QRandomGenerator::global()->bounded(size)]));
    }
    return text;
}

// The Coral validation messages of AWS: "2 validation errors detected: Value 'x' at 'roleSessionName'
// failed to satisfy constraint: ...; Value ...".
class Validation
{
public:
    void check(bool ok, const QString &value, const QString &member, const QString &constraint)
    {
        if (!ok) {
            m_problems.append(QStringLiteral("Value %1 at '%2' failed to satisfy constraint: Member must %3")
                                  .arg(value.isNull() ? QStringLiteral("null") : QLatin1Char('\'') + value + QLatin1Char('\''),
                                       member, constraint));
        }
    }
    void checkText(const QString &value, const QString &member, int minLength, int maxLength, const QString &pattern,
                   bool required, bool secret = false)
    {
        if (value.isNull()) {
            check(!required, value, member, QStringLiteral("not be null"));
            return;
        }
        const QString shown = secret ? QStringLiteral("***") : value;
        check(value.size() >= minLength, shown, member,
              QStringLiteral("have length greater than or equal to %1").arg(minLength));
        check(value.size() <= maxLength, shown, member, QStringLiteral("have length less than or equal to %1").arg(maxLength));
        if (!pattern.isEmpty()) {
            check(QRegularExpression(QStringLiteral("\\A(?:") + pattern + QStringLiteral(")\\z")).match(value).hasMatch(),
                  shown, member, QStringLiteral("satisfy regular expression pattern: ") + pattern);
        }
    }
    bool isValid() const { return m_problems.isEmpty(); }
    QString message() const
    {
        return QStringLiteral("%1 validation error%2 detected: %3")
            .arg(m_problems.size())
            .arg(m_problems.size() == 1 ? QString() : QStringLiteral("s"), m_problems.join(QStringLiteral("; ")));
    }

private:
    QStringList m_problems;
};

} // namespace

StsService::StsService(Authenticator *authenticator, const SimClock *clock)
    : m_authenticator(authenticator)
    , m_clock(clock)
{
}

bool StsService::isStsRequest(const SimRequest &request)
{
    return request.method == "POST" && request.rawPath() == "/"
        && request.header("content-type").toLower().startsWith("application/x-www-form-urlencoded");
}

StsService::Identity StsService::identityOf(const QString &accessKeyId) const
{
    if (m_issued.contains(accessKeyId)) {
        Identity identity = m_issued.value(accessKeyId);
        identity.accessKeyId = accessKeyId;
        return identity;
    }
    // A configured key: an IAM user named after it (the same principal AccessDenied messages name).
    const QByteArray digest = QCryptographicHash::hash(accessKeyId.toUtf8(), QCryptographicHash::Sha1).toHex().toUpper();
    return {QStringLiteral("arn:aws:iam::%1:user/%2").arg(m_accountId, accessKeyId),
            QStringLiteral("AIDA") + QString::fromLatin1(digest.left(17)), m_accountId, {}, accessKeyId};
}

SimResponse StsService::handle(const SimRequest &request)
{
    const QByteArray requestId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    const QueryParameters parameters = QueryParameters::parse(request.body);
    const QString action = parameters.value(QStringLiteral("Action"));
    if (action.isEmpty()) {
        return stsError(400, QStringLiteral("MissingAction"), QStringLiteral("Missing Action"), requestId);
    }
    const QString version = parameters.value(QStringLiteral("Version"));
    if (version != kVersion || (action != QLatin1String("AssumeRole") && action != QLatin1String("GetCallerIdentity"))) {
        return stsError(400, QStringLiteral("InvalidAction"),
                        QStringLiteral("Could not find operation %1 for version %2").arg(action, version), requestId);
    }
    SimCredential caller;
    if (const std::optional<AuthFailure> failure = m_authenticator->verifyCaller(request, QStringLiteral("sts"), &caller)) {
        return fromAuthFailure(*failure, requestId);
    }
    const Identity identity = identityOf(caller.accessKeyId);
    if (action == QLatin1String("GetCallerIdentity")) {
        return getCallerIdentity(identity, requestId);
    }
    return assumeRole(parameters, identity, requestId);
}

SimResponse StsService::getCallerIdentity(const Identity &caller, const QByteArray &requestId) const
{
    return stsResult(QStringLiteral("GetCallerIdentity"),
                     "    " + element("Arn", caller.arn) + "\n    " + element("UserId", caller.userId) + "\n    "
                         + element("Account", caller.account) + "\n",
                     requestId);
}

SimResponse StsService::assumeRole(const QueryParameters &parameters, const Identity &caller, const QByteArray &requestId)
{
    const QString roleArn = parameters.value(QStringLiteral("RoleArn"));
    const QString sessionName = parameters.value(QStringLiteral("RoleSessionName"));
    const QString externalId = parameters.value(QStringLiteral("ExternalId"));
    const QString durationText = parameters.value(QStringLiteral("DurationSeconds"));
    const QString serialNumber = parameters.value(QStringLiteral("SerialNumber"));
    const QString tokenCode = parameters.value(QStringLiteral("TokenCode"));

    // The constraints of the STS API reference (AssumeRole request parameters).
    Validation validation;
    validation.checkText(roleArn, QStringLiteral("roleArn"), 20, 2048,
{}, true);
    validation.checkText(sessionName, QStringLiteral("roleSessionName"), 2, 64, QStringLiteral("[\\w+=,.@-]*"), true);
    validation.checkText(externalId, QStringLiteral("externalId"), 2, 1224, QStringLiteral("[\\w+=,.@:\\/-]*"), false);
    validation.checkText(serialNumber, QStringLiteral("serialNumber"), 9, 256, QStringLiteral("[\\w+=/:,.@-]*"), false);
    validation.checkText(tokenCode, QStringLiteral("tokenCode"), 6, 6, QStringLiteral("[\\d]*"), false, true);
    int duration = kDefaultDurationSeconds;
    if (!durationText.isNull()) {
        bool ok = false;
        duration = durationText.toInt(&ok);
        validation.check(ok, durationText, QStringLiteral("durationSeconds"), QStringLiteral("be an integer"));
        if (ok) {
            validation.check(duration >= kMinDurationSeconds, durationText, QStringLiteral("durationSeconds"),
                             QStringLiteral("have value greater than or equal to %1").arg(kMinDurationSeconds));
            validation.check(duration <= kMaxDurationSeconds, durationText, QStringLiteral("durationSeconds"),
                             QStringLiteral("have value less than or equal to %1").arg(kMaxDurationSeconds));
        }
    }
    if (!validation.isValid()) {
        return stsError(400, QStringLiteral("ValidationError"), validation.message(), requestId);
    }

    const SimRole *role = nullptr;
    for (const SimRole &known : std::as_const(m_roles)) {
        if (known.arn == roleArn) {
            role = &known;
        }
    }
    // AWS says the same for a role that does not exist, a trust policy that does not let the
    // caller in, and a wrong or missing external id or MFA: nothing that helps an attacker.
    const SimResponse notAuthorized
        = stsError(403, QStringLiteral("AccessDenied"),
                   QStringLiteral("User: %1 is not authorized to perform: sts:AssumeRole on resource: %2")
                       .arg(caller.arn, roleArn),
                   requestId);
    if (!role) {
        return notAuthorized;
    }
    const bool trusted = role->trustedPrincipals.isEmpty() || role->trustedPrincipals.contains(caller.accessKeyId)
        || (!caller.roleArn.isEmpty() && role->trustedPrincipals.contains(caller.roleArn));
    if (!trusted) {
        return notAuthorized;
    }
    if (!role->externalId.isEmpty() && externalId != role->externalId) {
        return notAuthorized;
    }
    if (!role->mfaSerial.isEmpty()) {
        if (serialNumber != role->mfaSerial || tokenCode.isEmpty()) {
            return notAuthorized;
        }
        if (tokenCode != role->mfaCode) {
            return stsError(403, QStringLiteral("AccessDenied"),
                            QStringLiteral("MultiFactorAuthentication failed with invalid MFA one time pass code. "),
                            requestId);
        }
    }
    if (!caller.roleArn.isEmpty() && duration > kChainedMaxDurationSeconds) {
        return stsError(400, QStringLiteral("ValidationError"),
                        QStringLiteral("The requested DurationSeconds exceeds the 1 hour session limit for roles "
                                       "assumed by role chaining."),
                        requestId);
    }
    if (duration > role->maxSessionDurationSeconds) {
        return stsError(400, QStringLiteral("ValidationError"),
                        QStringLiteral("The requested DurationSeconds exceeds the MaxSessionDuration set for this role."),
                        requestId);
    }

    static const char upperAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    static const char secretAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    SimCredential issued;
    issued.accessKeyId = QStringLiteral("ASIA") + randomText(16, upperAlphabet);
    issued.secretAccessKey = randomText(40, secretAlphabet);
    issued.sessionToken = QStringLiteral("IQoJb3JpZ2luX2VjE") + randomText(300, secretAlphabet);
    // Whole seconds, as STS writes Expiration ("2019-11-09T13:34:41Z").
    const QDateTime now = m_clock->now();
    issued.expiration = now.addSecs(duration).addMSecs(-now.time().msec());
    issued.allowedActions = role->allowedActions;
    m_authenticator->addCredential(issued);

    const QString roleName = roleArn.section(QLatin1Char('/'), -1);
    const QString account = roleArn.section(QLatin1Char(':'), 4, 4);
    const QByteArray roleDigest = QCryptographicHash::hash(roleArn.toUtf8(), QCryptographicHash::Sha1).toHex().toUpper();
    const QString roleId = QStringLiteral("AROA") + QString::fromLatin1(roleDigest.left(17));
    Identity session;
    session.arn = QStringLiteral("arn:aws:sts::%1:assumed-role/%2/%3").arg(account, roleName, sessionName);
    session.userId = roleId + QLatin1Char(':') + sessionName;
    session.account = account;
    session.roleArn = roleArn;
    m_issued.insert(issued.accessKeyId, session);
    ++m_issuedCount;

    const QByteArray result = "    <Credentials>\n      " + element("AccessKeyId", issued.accessKeyId) + "\n      "
        + element("SecretAccessKey", issued.secretAccessKey) + "\n      " + element("SessionToken", issued.sessionToken)
        + "\n      " + element("Expiration", issued.expiration.toString(Qt::ISODate)) + "\n    </Credentials>\n"
        + "    <AssumedRoleUser>\n      " + element("Arn", session.arn) + "\n      "
        + element("AssumedRoleId", session.userId) + "\n    </AssumedRoleUser>\n";
    return stsResult(QStringLiteral("AssumeRole"), result, requestId);
}

} // namespace outcrop::sim
