// SPDX-License-Identifier: Apache-2.0
#include "sigv4vectorreader.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

namespace outcrop::testsupport {

namespace {

QString located(const QString &fileName, int line, const QString &what)
{
    return QStringLiteral("%1:%2: %3").arg(fileName).arg(line).arg(what);
}

bool readBytes(const QString &path, QByteArray *out, QString *error)
{
    QFile file(path);
    // Binary mode: the vectors are LF-only and compared byte for byte.
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot open: %2").arg(path, file.errorString());
        return false;
    }
    *out = file.readAll();
    return true;
}

} // namespace

QByteArray HttpRequestText::headerValue(const QByteArray &name) const
{
    for (const aws::HttpHeader &header : headers) {
        if (header.name.compare(name, Qt::CaseInsensitive) == 0)
            return header.value;
    }
    return QByteArray();
}

bool parseHttpRequestText(const QByteArray &bytes, const QString &fileName, HttpRequestText *out, QString *error)
{
    *out = HttpRequestText();
    qsizetype position = 0;
    int lineNumber = 0;
    bool first = true;
    while (position < bytes.size()) {
        qsizetype end = bytes.indexOf('\n', position);
        if (end < 0)
            end = bytes.size();
        const QByteArray line = bytes.mid(position, end - position);
        position = end + 1;
        ++lineNumber;

        if (first) {
            // The target may itself contain spaces: the method ends at the FIRST space and the
            // protocol starts after the LAST one.
            const qsizetype firstSpace = line.indexOf(' ');
            const qsizetype lastSpace = line.lastIndexOf(' ');
            if (firstSpace <= 0 || lastSpace <= firstSpace) {
                *error = located(fileName, lineNumber,
                                 QStringLiteral("request line is not \"METHOD target PROTOCOL\": %1")
                                     .arg(QString::fromUtf8(line)));
                return false;
            }
            out->method = line.left(firstSpace);
            out->target = line.mid(firstSpace + 1, lastSpace - firstSpace - 1);
            out->protocol = line.mid(lastSpace + 1);
            first = false;
            continue;
        }
        if (line.isEmpty()) {
            out->hasBlankLine = true;
            if (position < bytes.size())
                out->body = bytes.mid(position);
            return true;
        }
        if (line.startsWith(' ') || line.startsWith('\t')) {
            // obs-fold: a continuation of the previous header's value.
            if (out->headers.isEmpty()) {
                *error = located(fileName, lineNumber, QStringLiteral("continuation line before any header"));
                return false;
            }
            out->headers.last().value.append('\n').append(line);
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            *error = located(fileName, lineNumber,
                             QStringLiteral("header line has no \"Name:\": %1").arg(QString::fromUtf8(line)));
            return false;
        }
        out->headers.append(aws::HttpHeader{line.left(colon), line.mid(colon + 1)});
    }
    if (first) {
        *error = located(fileName, 1, QStringLiteral("empty file, expected a request line"));
        return false;
    }
    return true;
}

aws::SigningOptions SigV4Context::signingOptions() const
{
    aws::SigningOptions options;
    options.region = region;
    options.service = service;
    options.time = time;
    options.normalizePath = normalize;
    options.signBody = signBody;
    options.omitSessionToken = omitSessionToken;
    options.expiresSeconds = expiresSeconds;
    return options;
}

bool parseSigV4Context(const QByteArray &json, const QString &fileName, SigV4Context *out, QString *error)
{
    *out = SigV4Context();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = QStringLiteral("%1: not a JSON object (%2 at offset %3)")
                     .arg(fileName, parseError.errorString())
                     .arg(parseError.offset);
        return false;
    }
    const QJsonObject root = document.object();
    const auto requiredString = [&](const QJsonObject &object, const QString &field, const QString &path,
                                    QString *value) {
        const QJsonValue found = object.value(field);
        if (!found.isString() || found.toString().isEmpty()) {
            *error = QStringLiteral("%1: field \"%2\" is missing or not a non-empty string").arg(fileName, path);
            return false;
        }
        *value = found.toString();
        return true;
    };
    const auto optionalBool = [&](const QString &field, bool *value) {
        const QJsonValue found = root.value(field);
        if (found.isUndefined())
            return true;
        if (!found.isBool()) {
            *error = QStringLiteral("%1: field \"%2\" is not true or false").arg(fileName, field);
            return false;
        }
        *value = found.toBool();
        return true;
    };

    const QJsonObject credentials = root.value(QStringLiteral("credentials")).toObject();
    QString timestamp;
    if (!requiredString(credentials, QStringLiteral("access_key_id"), QStringLiteral("credentials.access_key_id"),
                        &out->credentials.accessKeyId)
        || !requiredString(credentials, QStringLiteral("secret_access_key"),
                           QStringLiteral("credentials.secret_access_key"), &out->credentials.secretAccessKey)
        || !requiredString(root, QStringLiteral("region"), QStringLiteral("region"), &out->region)
        || !requiredString(root, QStringLiteral("service"), QStringLiteral("service"), &out->service)
        || !requiredString(root, QStringLiteral("timestamp"), QStringLiteral("timestamp"), &timestamp)
        || !optionalBool(QStringLiteral("normalize"), &out->normalize)
        || !optionalBool(QStringLiteral("sign_body"), &out->signBody)
        || !optionalBool(QStringLiteral("omit_session_token"), &out->omitSessionToken)) {
        return false;
    }
    const QJsonValue token = credentials.value(QStringLiteral("token"));
    if (!token.isUndefined() && !token.isString()) {
        *error = QStringLiteral("%1: field \"credentials.token\" is not a string").arg(fileName);
        return false;
    }
    out->credentials.sessionToken = token.toString();
    out->credentials.source = fileName;

    out->time = QDateTime::fromString(timestamp, Qt::ISODate);
    if (!out->time.isValid()) {
        *error = QStringLiteral("%1: field \"timestamp\" is not an ISO 8601 time: %2").arg(fileName, timestamp);
        return false;
    }
    out->time = out->time.toUTC();

    const QJsonValue expiration = root.value(QStringLiteral("expiration_in_seconds"));
    if (!expiration.isUndefined()) {
        const double seconds = expiration.toDouble(-1);
        if (!expiration.isDouble() || seconds < 0 || seconds != double(qint64(seconds))) {
            *error = QStringLiteral("%1: field \"expiration_in_seconds\" is not a whole number of seconds")
                         .arg(fileName);
            return false;
        }
        out->expiresSeconds = qint64(seconds);
    }
    return true;
}

aws::SigningRequest SigV4VectorCase::signingRequest() const
{
    return {request.method, request.target, request.headers, request.body};
}

bool readSigV4VectorCase(const QString &directory, SigV4VectorCase *out, QString *error)
{
    *out = SigV4VectorCase();
    const QDir dir(directory);
    out->name = dir.dirName();
    out->directory = directory;

    QByteArray bytes;
    const auto readRequest = [&](const QString &name, HttpRequestText *request) {
        const QString path = dir.filePath(name);
        return readBytes(path, &bytes, error) && parseHttpRequestText(bytes, path, request, error);
    };
    const auto readExpected = [&](const QString &prefix, ExpectedSigning *expected) {
        return readBytes(dir.filePath(prefix + QStringLiteral("-canonical-request.txt")),
                         &expected->canonicalRequest, error)
            && readBytes(dir.filePath(prefix + QStringLiteral("-string-to-sign.txt")), &expected->stringToSign, error)
            && readBytes(dir.filePath(prefix + QStringLiteral("-signature.txt")), &expected->signature, error)
            && readRequest(prefix + QStringLiteral("-signed-request.txt"), &expected->signedRequest);
    };

    const QString contextPath = dir.filePath(QStringLiteral("context.json"));
    return readBytes(contextPath, &bytes, error) && parseSigV4Context(bytes, contextPath, &out->context, error)
        && readRequest(QStringLiteral("request.txt"), &out->request)
        && readExpected(QStringLiteral("header"), &out->header) && readExpected(QStringLiteral("query"), &out->query);
}

QStringList sigV4CaseDirectories(const QString &folder)
{
    QStringList directories;
    const QDir dir(folder);
    const QStringList names = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &name : names) {
        if (QFile::exists(dir.filePath(name + QStringLiteral("/context.json"))))
            directories.append(dir.filePath(name));
    }
    return directories;
}

bool parseAuthorization(const QByteArray &value, AuthorizationParts *out, QString *error)
{
    *out = AuthorizationParts();
    const qsizetype space = value.indexOf(' ');
    if (space <= 0) {
        *error = QStringLiteral("Authorization has no algorithm: %1").arg(QString::fromUtf8(value));
        return false;
    }
    out->algorithm = value.left(space);
    const QList<QByteArray> parts = value.mid(space + 1).split(',');
    for (const QByteArray &rawPart : parts) {
        const QByteArray part = rawPart.trimmed();
        const qsizetype equals = part.indexOf('=');
        const QByteArray key = part.left(equals);
        const QByteArray partValue = equals < 0 ? QByteArray() : part.mid(equals + 1);
        if (key == "Credential")
            out->credential = partValue;
        else if (key == "SignedHeaders")
            out->signedHeaders = partValue;
        else if (key == "Signature")
            out->signature = partValue;
        else {
            *error = QStringLiteral("Authorization has an unknown part: %1").arg(QString::fromUtf8(part));
            return false;
        }
    }
    if (out->credential.isEmpty() || out->signedHeaders.isEmpty() || out->signature.isEmpty()) {
        *error = QStringLiteral("Authorization lacks Credential, SignedHeaders or Signature: %1")
                     .arg(QString::fromUtf8(value));
        return false;
    }
    return true;
}

QList<std::pair<QByteArray, QByteArray>> decodedQueryParameters(const QByteArray &target)
{
    QList<std::pair<QByteArray, QByteArray>> parameters;
    const qsizetype question = target.indexOf('?');
    if (question < 0)
        return parameters;
    const QList<QByteArray> pieces = target.mid(question + 1).split('&');
    for (const QByteArray &piece : pieces) {
        if (piece.isEmpty())
            continue;
        const qsizetype equals = piece.indexOf('=');
        const QByteArray name = equals < 0 ? piece : piece.left(equals);
        const QByteArray value = equals < 0 ? QByteArray() : piece.mid(equals + 1);
        parameters.append({QByteArray::fromPercentEncoding(name), QByteArray::fromPercentEncoding(value)});
    }
    return parameters;
}

} // namespace outcrop::testsupport
