// SPDX-License-Identifier: Apache-2.0
#include "aws/queryprotocol.h"

#include "aws/awsurl.h"

#include <QCoreApplication>
#include <QStringList>
#include <QXmlStreamReader>

namespace outcrop::aws {

namespace {

// Why a query-protocol (XML) reply cannot be read; after "… returned a reply Outcrop cannot read: ".
class QueryProtocolTr
{
    Q_DECLARE_TR_FUNCTIONS(QueryProtocol)
};

} // namespace

QByteArray encodeQueryForm(const QList<QPair<QString, QString>> &parameters)
{
    QByteArray body;
    for (const auto &[name, value] : parameters) {
        if (!body.isEmpty()) {
            body += '&';
        }
        body += percentEncode(name) + '=' + percentEncode(value);
    }
    return body;
}

bool QueryXml::parse(const QByteArray &body, QueryXml *document, QString *error)
{
    QueryXml parsed;
    QXmlStreamReader reader(body);
    QStringList path;
    QString text;
    while (!reader.atEnd()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::StartElement:
            path.append(reader.name().toString());
            if (parsed.m_root.isEmpty()) {
                parsed.m_root = path.constFirst();
            }
            text.clear();
            break;
        case QXmlStreamReader::Characters:
            text += reader.text();
            break;
        case QXmlStreamReader::EndElement:
            parsed.m_texts.insert(path.join(QLatin1Char('/')), text.trimmed());
            path.removeLast();
            text.clear();
            break;
        default:
            break;
        }
    }
    if (reader.hasError() || parsed.m_root.isEmpty()) {
        // The position only: the body may hold credentials.
        *error = reader.hasError() ? QueryProtocolTr::tr("the XML is malformed at line %1, column %2")
                                         .arg(reader.lineNumber())
                                         .arg(reader.columnNumber())
                                   : QueryProtocolTr::tr("the reply is empty");
        return false;
    }
    *document = parsed;
    return true;
}

bool readQueryError(const QByteArray &body, QString *code, QString *message, QString *requestId)
{
    QueryXml xml;
    QString ignored;
    if (!body.trimmed().startsWith('<') || !QueryXml::parse(body, &xml, &ignored)
        || xml.rootName() != QLatin1String("ErrorResponse")) {
        return false;
    }
    *code = xml.text(QStringLiteral("ErrorResponse/Error/Code"));
    *message = xml.text(QStringLiteral("ErrorResponse/Error/Message"));
    *requestId = xml.text(QStringLiteral("ErrorResponse/RequestId"));
    return !code->isEmpty();
}

} // namespace outcrop::aws
