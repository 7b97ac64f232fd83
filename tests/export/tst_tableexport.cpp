// SPDX-License-Identifier: Apache-2.0
#include "aws/utctime.h"
#include "bedrock/deployment.h"
#include "export/tableexport.h"

#include <QBuffer>
#include <QTest>

using namespace outcrop;
using namespace outcrop::exporting;

class TestTableExport : public QObject
{
    Q_OBJECT

private slots:
    void visibleColumnsInViewOrderThenAccountAndRegion()
    {
        bedrock::DeploymentSummary deployment;
        deployment.name = QStringLiteral("=cmd");
        deployment.arn = QStringLiteral("arn:aws:bedrock:us-west-2:111122223333:custom-model-deployment/abcdef123456");
        deployment.modelArn = QStringLiteral("arn:aws:bedrock:us-west-2:111122223333:custom-model/imported/abcdefghijkl");
        deployment.statusText = QStringLiteral("Deleting");
        deployment.createdAt = aws::utcDateTime(QDate(2025, 7, 20), QTime(10, 11, 12, 123));
        deployment.failureMessage = QStringLiteral("a, \"b\"\nc");

        const QList<TableColumn> columns { TableColumn::Status, TableColumn::Model, TableColumn::Name,
                                           TableColumn::Created, TableColumn::LastUpdated, TableColumn::FailureMessage };
        QCOMPARE(tableExportHeader(columns), (QStringList { QStringLiteral("status"), QStringLiteral("modelArn"),
                                                            QStringLiteral("name"), QStringLiteral("createdAt"),
                                                            QStringLiteral("lastUpdatedAt"), QStringLiteral("failureMessage"),
                                                            QStringLiteral("account"), QStringLiteral("region") }));
        const QStringList row = tableExportRow(deployment, columns, {});
        QCOMPARE(row.at(0), QStringLiteral("Deleting"));
        QCOMPARE(row.at(1), deployment.modelArn);   // the full ARN, not the model's display name
        QCOMPARE(row.at(3), QStringLiteral("2025-07-20T10:11:12.123Z"));
        QCOMPARE(row.at(4), QString());
        QCOMPARE(row.at(6), QStringLiteral("111122223333"));
        QCOMPARE(row.at(7), QStringLiteral("us-west-2"));
        QCOMPARE(tableExportRow(deployment, {}, QStringLiteral("eu-west-1")).last(), QStringLiteral("eu-west-1"));

        // Through the one CSV writer: quoting and formula escape as in the headless export.
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        CsvWriter writer(&buffer);
        writer.writeHeader(tableExportHeader({ TableColumn::Name, TableColumn::FailureMessage }));
        writer.writeRow(tableExportRow(deployment, { TableColumn::Name, TableColumn::FailureMessage }, {}));
        QVERIFY(writer.flush());
        QCOMPARE(buffer.data(), QByteArrayLiteral("name,failureMessage,account,region\r\n"
                                                  "'=cmd,\"a, \"\"b\"\"\nc\",111122223333,us-west-2\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestTableExport)
#include "tst_tableexport.moc"
