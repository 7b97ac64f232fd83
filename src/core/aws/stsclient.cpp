// SPDX-License-Identifier: Apache-2.0
#include "aws/stsclient.h"

#include "aws/queryprotocol.h"

#include <QCoreApplication>
#include <QPointer>

namespace outcrop::aws {

namespace {

// Why an STS reply cannot be read.
class StsClientTr
{
    Q_DECLARE_TR_FUNCTIONS(StsClient)
};

const QString kAssumeRole = QStringLiteral("AssumeRole");
const QString kGetCallerIdentity = QStringLiteral("GetCallerIdentity");

AwsHttpRequest queryRequest(const QString &action, QList<QPair<QString, QString>> parameters)
{
    parameters.prepend({ QStringLiteral("Version"), QLatin1String(StsClient::kApiVersion) });
    parameters.prepend({ QStringLiteral("Action"), action });
    AwsHttpRequest request;
    request.method = QByteArrayLiteral("POST");
    request.target = AwsRequestTarget();   // "/"
    request.body = encodeQueryForm(parameters);
    // As the JS SDK sends it (botocore adds "; charset=utf-8").
    request.contentType = QByteArrayLiteral("application/x-www-form-urlencoded");
    request.operation = action;
    return request;
}

// Reads "<Action>Response/<Action>Result/<field>" for each field; false naming the first one missing.
bool readResult(const QByteArray &body, const QString &action, const QStringList &fields, QueryXml *xml,
                QString *error)
{
    if (!QueryXml::parse(body, xml, error)) {
        return false;
    }
    const QString root = action + QStringLiteral("Response");
    if (xml->rootName() != root) {
        *error = StsClientTr::tr("expected <%1>, got <%2>").arg(root, xml->rootName());
        return false;
    }
    for (const QString &field : fields) {
        if (xml->text(root + QLatin1Char('/') + action + QStringLiteral("Result/") + field).isEmpty()) {
            *error = StsClientTr::tr("%1 has no %2").arg(root, field);
            return false;
        }
    }
    return true;
}

} // namespace

StsClient::StsClient(QNetworkAccessManager *network, AuthProvider *auth, AwsClientConfig config, QObject *parent)
    : QObject(parent)
{
    config.service = QStringLiteral("sts");
    m_client = new AwsClient(network, auth, std::move(config), this);
}

StsClient::~StsClient()
{
    delete m_client;   // its calls first, while this object is whole
}

bool StsClient::readAssumeRoleResponse(const QByteArray &body, AssumedRole *role, QString *error)
{
    QueryXml xml;
    if (!readResult(body, kAssumeRole,
                    { QStringLiteral("Credentials/AccessKeyId"), QStringLiteral("Credentials/SecretAccessKey"),
                      QStringLiteral("Credentials/SessionToken"), QStringLiteral("Credentials/Expiration") },
                    &xml, error)) {
        return false;
    }
    const QString result = QStringLiteral("AssumeRoleResponse/AssumeRoleResult/");
    AssumedRole parsed;
    parsed.credentials.accessKeyId = xml.text(result + QStringLiteral("Credentials/AccessKeyId"));
    parsed.credentials.secretAccessKey = xml.text(result + QStringLiteral("Credentials/SecretAccessKey"));
    parsed.credentials.sessionToken = xml.text(result + QStringLiteral("Credentials/SessionToken"));
    const QString expiration = xml.text(result + QStringLiteral("Credentials/Expiration"));
    parsed.credentials.expiration = QDateTime::fromString(expiration, Qt::ISODateWithMs).toUTC();
    if (!parsed.credentials.expiration.isValid()) {
        *error = StsClientTr::tr("the Expiration \"%1\" is not an ISO 8601 time").arg(expiration);
        return false;
    }
    parsed.arn = xml.text(result + QStringLiteral("AssumedRoleUser/Arn"));
    parsed.assumedRoleId = xml.text(result + QStringLiteral("AssumedRoleUser/AssumedRoleId"));
    *role = parsed;
    return true;
}

bool StsClient::readCallerIdentityResponse(const QByteArray &body, CallerIdentity *identity, QString *error)
{
    QueryXml xml;
    if (!readResult(body, kGetCallerIdentity, { QStringLiteral("Account"), QStringLiteral("Arn") }, &xml, error)) {
        return false;
    }
    const QString result = QStringLiteral("GetCallerIdentityResponse/GetCallerIdentityResult/");
    identity->account = xml.text(result + QStringLiteral("Account"));
    identity->arn = xml.text(result + QStringLiteral("Arn"));
    identity->userId = xml.text(result + QStringLiteral("UserId"));
    return true;
}

template<typename Result>
void StsClient::send(AwsHttpRequest http, bool (*read)(const QByteArray &, Result *, QString *), QObject *context,
                     std::function<void(const Result &, const AwsError &)> callback)
{
    // The reply is read once, while the call can still retry a reply it cannot read.
    auto parsed = std::make_shared<Result>();
    http.acceptBody = [parsed, read](const QByteArray &body, QString *error) { return read(body, parsed.get(), error); };
    AwsCall *call = m_client->send(std::move(http));
    QPointer<QObject> guard(context);
    connect(call, &AwsCall::finished, this, [call, parsed, guard, callback = std::move(callback)] {
        call->deleteLater();
        if (guard) {
            callback(call->succeeded() ? *parsed : Result(), call->error());
        }
    });
}

void StsClient::assumeRole(const AssumeRoleRequest &request, QObject *context, AssumeRoleCallback callback)
{
    QList<QPair<QString, QString>> parameters { { QStringLiteral("RoleArn"), request.roleArn },
                                                { QStringLiteral("RoleSessionName"), request.roleSessionName } };
    if (!request.externalId.isEmpty()) {
        parameters.append({ QStringLiteral("ExternalId"), request.externalId });
    }
    if (request.durationSeconds) {
        parameters.append({ QStringLiteral("DurationSeconds"), QString::number(*request.durationSeconds) });
    }
    if (!request.serialNumber.isEmpty()) {
        parameters.append({ QStringLiteral("SerialNumber"), request.serialNumber });
        parameters.append({ QStringLiteral("TokenCode"), request.tokenCode });
    }
    send(queryRequest(kAssumeRole, parameters), &readAssumeRoleResponse, context, std::move(callback));
}

void StsClient::getCallerIdentity(QObject *context, CallerIdentityCallback callback)
{
    send(queryRequest(kGetCallerIdentity, {}), &readCallerIdentityResponse, context, std::move(callback));
}

} // namespace outcrop::aws
