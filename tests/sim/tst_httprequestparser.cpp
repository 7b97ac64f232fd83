// SPDX-License-Identifier: Apache-2.0
// The simulator's HTTP/1.1 request parser on its own, without a socket (HttpConnection feeds it;
// tst_simhttp covers the connection). Inputs the fuzz target found go here as regressions.
#include "httprequestparser.h"

#include <QTest>

using outcrop::sim::HttpRequestParser;
using outcrop::sim::SimRequest;
using Step = HttpRequestParser::Step;

class TestHttpRequestParser : public QObject
{
    Q_OBJECT

private slots:
    void requestArrivingByteByByte()
    {
        const QByteArray wire = "POST /model-customization/custom-model-deployments HTTP/1.1\r\n"
                                "Host: localhost\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
        HttpRequestParser parser;
        for (qsizetype i = 0; i + 1 < wire.size(); ++i) {
            parser.append(wire.mid(i, 1));
            QCOMPARE(parser.next(), Step::NeedMore);
        }
        parser.append(wire.right(1));
        QCOMPARE(parser.next(), Step::Request);
        const SimRequest request = parser.takeRequest();
        QCOMPARE(request.method, QByteArray("POST"));
        QCOMPARE(request.target, QByteArray("/model-customization/custom-model-deployments"));
        QCOMPARE(request.header("content-type"), QByteArray("application/json"));   // names lower-cased
        QCOMPARE(request.body, QByteArray("{}"));
        QVERIFY(!parser.closeAfter());
        QCOMPARE(parser.next(), Step::NeedMore);
    }

    void pipelinedRequestsComeOutInOrder()
    {
        HttpRequestParser parser;
        parser.append("GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\nContent-Length: 1\r\n\r\nxGET /c HTTP/1.0\r\n\r\n");
        QCOMPARE(parser.next(), Step::Request);
        QCOMPARE(parser.takeRequest().target, QByteArray("/a"));
        QCOMPARE(parser.next(), Step::Request);
        QCOMPARE(parser.takeRequest().body, QByteArray("x"));
        QCOMPARE(parser.next(), Step::Request);
        QCOMPARE(parser.takeRequest().target, QByteArray("/c"));
        QVERIFY(parser.closeAfter());   // HTTP/1.0 without keep-alive
    }

    void continueIsRequestedOnceWhileTheBodyIsMissing()
    {
        HttpRequestParser parser;
        parser.append("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\nab");
        QCOMPARE(parser.next(), Step::NeedMore);
        QVERIFY(parser.takeContinueRequest());
        QVERIFY(!parser.takeContinueRequest());
        parser.append("cd");
        QCOMPARE(parser.next(), Step::Request);
        QCOMPARE(parser.takeRequest().body, QByteArray("abcd"));
        QVERIFY(!parser.takeContinueRequest());
    }

    void framingErrors_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<int>("status");
        QTest::newRow("request line") << QByteArray("GET  HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nHost\r\n\r\n") << 400;
        QTest::newRow("conflicting lengths") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n") << 400;
        QTest::newRow("negative length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
        QTest::newRow("body too large") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 8388609\r\n\r\n") << 413;
        QTest::newRow("chunked") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n") << 501;
        QTest::newRow("endless headers") << QByteArray(QByteArray("GET / HTTP/1.1\r\nX: ") + QByteArray(70000, 'a')) << 431;
    }

    void framingErrors()
    {
        QFETCH(QByteArray, wire);
        QFETCH(int, status);
        HttpRequestParser parser;
        parser.append(wire);
        QCOMPARE(parser.next(), Step::Failed);
        QCOMPARE(parser.error().status, status);
        QVERIFY(!parser.error().message.isEmpty());
        // Nothing after a framing error is read.
        parser.append("GET / HTTP/1.1\r\n\r\n");
        QCOMPARE(parser.next(), Step::Failed);
    }
};

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "tst_httprequestparser.moc"
