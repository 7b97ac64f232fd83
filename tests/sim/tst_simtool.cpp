// SPDX-License-Identifier: Apache-2.0
// The outcrop-sim executable: its first line tells where it listens, it serves the generated
// set to the documentation example key, and bad options fail with a message.
#include "simtestsupport.h"

#include <QProcess>

using namespace outcrop::sim;
using namespace outcrop::sim::test;
namespace aws = outcrop::aws;

class TestSimTool : public QObject
{
    Q_OBJECT

private slots:
    void firstLineTellsWhereItListens()
    {
        QProcess process;
        process.start(QStringLiteral(OUTCROP_SIM_EXECUTABLE), {QStringLiteral("--port"), QStringLiteral("0")});
        QVERIFY(process.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 15000);
        const QByteArray line = process.readLine().trimmed();
        const QRegularExpressionMatch match =
            QRegularExpression(QStringLiteral("^listening http://127\\.0\\.0\\.1:(\\d+)$")).match(QString::fromLatin1(line));
        QVERIFY2(match.hasMatch(), line.constData());
        const quint16 port = match.captured(1).toUShort();
        QVERIFY(port > 0);

        // A client of the process: signed with the documentation example key.
        QNetworkAccessManager manager;
        const QByteArray target = "/model-customization/custom-model-deployments?maxResults=1000";
        QNetworkRequest request(QUrl::fromEncoded("http://127.0.0.1:" + QByteArray::number(port) + target));
        for (const aws::HttpHeader &header : sigV4Headers("GET", target, port, exampleCredentials())) {
            request.setRawHeader(header.name, header.value);
        }
        QNetworkReply *reply = manager.get(request);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 15000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QJsonObject page = QJsonDocument::fromJson(reply->readAll()).object();
        QCOMPARE(page.value(QStringLiteral("modelDeploymentSummaries")).toArray().size(), 300);
        delete reply;

        process.kill();
        process.waitForFinished(5000);
    }

    void badOptionFails()
    {
        QProcess process;
        process.start(QStringLiteral(OUTCROP_SIM_EXECUTABLE), {QStringLiteral("--count"), QStringLiteral("many")});
        QVERIFY(process.waitForFinished(15000));
        QCOMPARE(process.exitCode(), 2);
        QVERIFY(process.readAllStandardError().contains("--count"));
    }

    void missingDataFileFails()
    {
        QProcess process;
        process.start(QStringLiteral(OUTCROP_SIM_EXECUTABLE), {QStringLiteral("--data"), QStringLiteral("/nonexistent/x.json")});
        QVERIFY(process.waitForFinished(15000));
        QCOMPARE(process.exitCode(), 1);
        QVERIFY(process.readAllStandardError().contains("/nonexistent/x.json"));
        QVERIFY(process.readAllStandardOutput().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSimTool)
#include "tst_simtool.moc"
