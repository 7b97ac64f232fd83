// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "aws/awscredentials.h"
#include "aws/sigv4signer.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

// Reads the SigV4 test-vector layout of shared/testdata/sigv4 (see its README, "Byte-level format").
namespace outcrop::testsupport {

// One request.txt / *-signed-request.txt file.
struct HttpRequestText
{
    QByteArray method;
    QByteArray target;   // verbatim: may hold a literal space or raw UTF-8
    QByteArray protocol; // "HTTP/1.1"
    // Names keep their case, repeats stay in order. A value is everything after the first ':'
    // (surrounding whitespace included); a folded value keeps its line breaks ("v1\n  v2"), so
    // the signer's whitespace rule is what turns it into one line.
    QList<aws::HttpHeader> headers;
    bool hasBlankLine = false; // the headers ended with an empty line (always so in signed requests)
    QByteArray body;           // the bytes after the empty line, no newline added or removed

    QByteArray headerValue(const QByteArray &name) const; // first header of that name, any case
};

// `fileName` only labels error messages ("request.txt:3: ..."). Returns false and sets `error`
// on a malformed file.
bool parseHttpRequestText(const QByteArray &bytes, const QString &fileName, HttpRequestText *out, QString *error);

// context.json
struct SigV4Context
{
    aws::AwsCredentials credentials;
    QString region;
    QString service;
    QDateTime time;
    bool normalize = true;
    bool signBody = false;
    bool omitSessionToken = false;
    qint64 expiresSeconds = 3600;

    aws::SigningOptions signingOptions() const;
};

bool parseSigV4Context(const QByteArray &json, const QString &fileName, SigV4Context *out, QString *error);

struct ExpectedSigning
{
    QByteArray canonicalRequest;
    QByteArray stringToSign;
    QByteArray signature;
    HttpRequestText signedRequest;
};

enum class SigningMode { Header, Query };

// One case folder with its ten files.
struct SigV4VectorCase
{
    QString name;
    QString directory;
    SigV4Context context;
    HttpRequestText request;
    ExpectedSigning header;
    ExpectedSigning query;

    const ExpectedSigning &expected(SigningMode mode) const { return mode == SigningMode::Header ? header : query; }
    aws::SigningRequest signingRequest() const;
};

bool readSigV4VectorCase(const QString &directory, SigV4VectorCase *out, QString *error);

// The case folders (those with a context.json) under `folder`, sorted by name.
QStringList sigV4CaseDirectories(const QString &folder);

// "AWS4-HMAC-SHA256 Credential=<id>/<scope>, SignedHeaders=<names>, Signature=<hex>"
struct AuthorizationParts
{
    QByteArray algorithm;
    QByteArray credential;
    QByteArray signedHeaders;
    QByteArray signature;
};

bool parseAuthorization(const QByteArray &value, AuthorizationParts *out, QString *error);

// The query parameters of a request target in wire order, names and values percent-decoded.
QList<std::pair<QByteArray, QByteArray>> decodedQueryParameters(const QByteArray &target);

} // namespace outcrop::testsupport
