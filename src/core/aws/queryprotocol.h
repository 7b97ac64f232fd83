// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

namespace outcrop::aws {

// The AWS query protocol (STS): requests are form bodies, replies are XML.

// "Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws..." in the given order, each name and
// value percent-encoded as RFC 3986 unreserved characters only (the JS SDK's
// extendedEncodeURIComponent; a space is %20, never '+').
QByteArray encodeQueryForm(const QList<QPair<QString, QString>> &parameters);

// An XML reply flattened to element paths: "AssumeRoleResponse/AssumeRoleResult/Credentials/AccessKeyId"
// maps to that element's text. Namespaces are ignored (the replies use one default namespace,
// https://sts.amazonaws.com/doc/2011-06-15/). Enough for the flat shapes STS returns.
class QueryXml
{
public:
    // False with *error set when the body is not well-formed XML.
    static bool parse(const QByteArray &body, QueryXml *document, QString *error);

    QString rootName() const { return m_root; }
    bool contains(const QString &path) const { return m_texts.contains(path); }
    QString text(const QString &path) const { return m_texts.value(path); }

private:
    QString m_root;
    QHash<QString, QString> m_texts;
};

// A query-protocol error reply, <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>
// (the JS SDK's loadQueryErrorCode reads Error.Code). False when the body is not one.
bool readQueryError(const QByteArray &body, QString *code, QString *message, QString *requestId);

} // namespace outcrop::aws
