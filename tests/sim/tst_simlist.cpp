// SPDX-License-Identifier: Apache-2.0
// ListCustomModelDeployments and the custom model operations: every filter, both sort orders,
// maxResults bounds, nameContains validation, keyset page tokens, '+' in the query.
#include "pagetoken.h"
#include "simtestsupport.h"

#include <QSet>

using namespace outcrop::sim;
using namespace outcrop::sim::test;

namespace {

QStringList arnsOf(const QList<QJsonObject> &rows, const char *key = "customModelDeploymentArn")
{
    QStringList arns;
    for (const QJsonObject &row : rows) {
        arns.append(row.value(QLatin1String(key)).toString());
    }
    return arns;
}

QDateTime createdAt(const QJsonObject &row, const char *key = "createdAt")
{
    return QDateTime::fromString(row.value(QLatin1String(key)).toString(), Qt::ISODateWithMs);
}

} // namespace

class TestSimList : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        SimConfig config = unauthenticatedConfig(240);
        config.timings.creatingMs = 60000;   // nothing changes state during these tests
        m_simulator = std::make_unique<Simulator>(config);
        QVERIFY2(m_simulator->start(), qPrintable(m_simulator->errorString()));
        m_client = std::make_unique<SimClient>(*m_simulator);
        for (const auto &stored : m_simulator->store().deploymentsByCreation()) {
            m_all.append(stored->data);
        }
    }
    void cleanupTestCase()
    {
        m_client.reset();
        m_simulator.reset();
    }

    void wireFormatOfASummary()
    {
        const HttpResult result = m_client->get(QByteArray(deploymentsPath) + "?maxResults=1");
        QCOMPARE(result.status, 200);
        QCOMPARE(result.header("content-type"), QByteArray("application/json"));
        const QJsonObject row = result.json().value(QStringLiteral("modelDeploymentSummaries")).toArray().first().toObject();
        for (const char *key : {"customModelDeploymentArn", "customModelDeploymentName", "modelArn", "createdAt", "status"}) {
            QVERIFY2(row.contains(QLatin1String(key)), key);
        }
        QVERIFY(!row.contains(QStringLiteral("modelDeploymentName")));
        QVERIFY(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"))
                    .match(row.value(QStringLiteral("createdAt")).toString())
                    .hasMatch());
    }

    void defaultOrderIsNewestFirstAndAscendingReverses()
    {
        const auto descending = m_client->listAll(deploymentsPath, "maxResults=37", "modelDeploymentSummaries");
        const auto ascending = m_client->listAll(deploymentsPath, "maxResults=37&sortBy=CreationTime&sortOrder=Ascending",
                                                 "modelDeploymentSummaries");
        QCOMPARE(descending.size(), m_all.size());
        QCOMPARE(ascending.size(), m_all.size());
        for (qsizetype i = 1; i < descending.size(); ++i) {
            QVERIFY(createdAt(descending.at(i - 1)) >= createdAt(descending.at(i)));
            QVERIFY(createdAt(ascending.at(i - 1)) <= createdAt(ascending.at(i)));
        }
        QStringList reversed = arnsOf(ascending);
        std::reverse(reversed.begin(), reversed.end());
        QCOMPARE(arnsOf(descending), reversed);
        const auto explicitDescending = m_client->listAll(deploymentsPath, "maxResults=50&sortOrder=Descending",
                                                          "modelDeploymentSummaries");
        QCOMPARE(arnsOf(explicitDescending), arnsOf(descending));
    }

    void statusFilter_data()
    {
        QTest::addColumn<QString>("status");
        QTest::newRow("Creating") << QStringLiteral("Creating");
        QTest::newRow("Active") << QStringLiteral("Active");
        QTest::newRow("Failed") << QStringLiteral("Failed");
    }
    void statusFilter()
    {
        QFETCH(QString, status);
        const auto rows = m_client->listAll(deploymentsPath, "maxResults=1000&statusEquals=" + status.toUtf8(),
                                            "modelDeploymentSummaries");
        const qsizetype expected = std::count_if(m_all.cbegin(), m_all.cend(), [&](const Deployment &d) { return d.status == status; });
        QVERIFY(expected > 0);
        QCOMPARE(rows.size(), expected);
        for (const QJsonObject &row : rows) {
            QCOMPARE(row.value(QStringLiteral("status")).toString(), status);
        }
    }

    void statusFilterIsCaseSensitiveEnum()
    {
        const HttpResult result = m_client->get(QByteArray(deploymentsPath) + "?statusEquals=ACTIVE");
        QCOMPARE(result.status, 400);
        QCOMPARE(result.errorType(), QStringLiteral("ValidationException"));
        QVERIFY(result.message().contains(QStringLiteral("statusEquals")));
    }

    void nameContainsIsACaseInsensitiveSubstring()
    {
        const auto rows = m_client->listAll(deploymentsPath, "maxResults=1000&nameContains=-PROD", "modelDeploymentSummaries");
        const qsizetype expected = std::count_if(m_all.cbegin(), m_all.cend(), [](const Deployment &d) {
            return d.name.contains(QStringLiteral("-prod"), Qt::CaseInsensitive);
        });
        QVERIFY(expected > 0);
        QCOMPARE(rows.size(), expected);
        const auto underscore = m_client->listAll(deploymentsPath, "nameContains=_v", "modelDeploymentSummaries");
        QVERIFY(!underscore.isEmpty());
    }

    void nameContainsValidation_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("space") << QByteArray("has%20space");
        QTest::newRow("dot") << QByteArray("a.b");
        QTest::newRow("64 chars") << QByteArray(64, 'a');
    }
    void nameContainsValidation()
    {
        QFETCH(QByteArray, value);
        const HttpResult result = m_client->get(QByteArray(deploymentsPath) + "?nameContains=" + value);
        QCOMPARE(result.status, 400);
        QCOMPARE(result.errorType(), QStringLiteral("ValidationException"));
        QVERIFY2(result.message().contains(QStringLiteral("'nameContains'")), qPrintable(result.message()));
    }

    void modelArnFilter()
    {
        const QString modelArn = m_all.at(7).modelArn;
        const auto rows = m_client->listAll(deploymentsPath,
                                            "modelArnEquals=" + modelArn.toUtf8().toPercentEncoding(), "modelDeploymentSummaries");
        const qsizetype expected = std::count_if(m_all.cbegin(), m_all.cend(), [&](const Deployment &d) { return d.modelArn == modelArn; });
        QCOMPARE(rows.size(), expected);
        for (const QJsonObject &row : rows) {
            QCOMPARE(row.value(QStringLiteral("modelArn")).toString(), modelArn);
        }
        const HttpResult bad = m_client->get(QByteArray(deploymentsPath) + "?modelArnEquals=arn%3Anot-a-model-arn-at-all");
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.errorType(), QStringLiteral("ValidationException"));
    }

    void createdTimeBoundsAreExclusive()
    {
        // Take the creation times of two rows as bounds: they themselves are excluded.
        const QDateTime low = m_all.at(40).createdAt;
        const QDateTime high = m_all.at(120).createdAt;
        const QByteArray query = "maxResults=1000&createdAfter="
            + low.toString(Qt::ISODateWithMs).toUtf8().toPercentEncoding()
            + "&createdBefore=" + high.toString(Qt::ISODateWithMs).toUtf8().toPercentEncoding();
        const auto rows = m_client->listAll(deploymentsPath, query, "modelDeploymentSummaries");
        const qsizetype expected = std::count_if(m_all.cbegin(), m_all.cend(), [&](const Deployment &d) {
            return d.createdAt > low && d.createdAt < high;
        });
        QCOMPARE(rows.size(), expected);
        for (const QJsonObject &row : rows) {
            QVERIFY(createdAt(row) > low && createdAt(row) < high);
        }
    }

    void timestampFormats_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("status");
        QTest::newRow("seconds") << QByteArray("2025-07-01T00%3A00%3A00Z") << 200;
        QTest::newRow("millis") << QByteArray("2025-07-01T00%3A00%3A00.123Z") << 200;
        QTest::newRow("micros") << QByteArray("2025-07-01T00%3A00%3A00.123456Z") << 200;
        QTest::newRow("offset") << QByteArray("2025-07-01T02%3A00%3A00%2B02%3A00") << 200;
        QTest::newRow("no zone") << QByteArray("2025-07-01T00%3A00%3A00") << 400;
        QTest::newRow("garbage") << QByteArray("yesterday") << 400;
    }
    void timestampFormats()
    {
        QFETCH(QByteArray, value);
        QFETCH(int, status);
        QCOMPARE(m_client->get(QByteArray(deploymentsPath) + "?createdAfter=" + value).status, status);
    }

    void offsetTimestampMeansTheSameInstant()
    {
        const auto utc = m_client->listAll(deploymentsPath, "createdBefore=2025-07-01T00%3A00%3A00Z", "modelDeploymentSummaries");
        const auto offset = m_client->listAll(deploymentsPath, "createdBefore=2025-07-01T02%3A00%3A00%2B02%3A00",
                                              "modelDeploymentSummaries");
        QCOMPARE(arnsOf(offset), arnsOf(utc));
    }

    void maxResultsBounds_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("rows");
        QTest::newRow("0") << QByteArray("0") << 400 << 0;
        QTest::newRow("1") << QByteArray("1") << 200 << 1;
        QTest::newRow("1000") << QByteArray("1000") << 200 << 240;
        QTest::newRow("1001") << QByteArray("1001") << 400 << 0;
        QTest::newRow("-1") << QByteArray("-1") << 400 << 0;
        QTest::newRow("abc") << QByteArray("abc") << 400 << 0;
    }
    void maxResultsBounds()
    {
        QFETCH(QByteArray, value);
        QFETCH(int, status);
        QFETCH(int, rows);
        const HttpResult result = m_client->get(QByteArray(deploymentsPath) + "?maxResults=" + value);
        QCOMPARE(result.status, status);
        if (status == 200) {
            QCOMPARE(result.json().value(QStringLiteral("modelDeploymentSummaries")).toArray().size(), rows);
        } else {
            QCOMPARE(result.errorType(), QStringLiteral("ValidationException"));
            QVERIFY2(result.message().contains(QStringLiteral("'maxResults'")), qPrintable(result.message()));
        }
    }

    void defaultPageSizeAndLastPageHasNoToken()
    {
        const HttpResult first = m_client->get(deploymentsPath);
        QCOMPARE(first.json().value(QStringLiteral("modelDeploymentSummaries")).toArray().size(), 100);
        QVERIFY(first.json().contains(QStringLiteral("nextToken")));
        const HttpResult all = m_client->get(QByteArray(deploymentsPath) + "?maxResults=1000");
        QVERIFY(!all.json().contains(QStringLiteral("nextToken")));
    }

    void severalValidationErrorsAreCounted()
    {
        const HttpResult result = m_client->get(QByteArray(deploymentsPath) + "?maxResults=0&sortOrder=Up");
        QCOMPARE(result.status, 400);
        QVERIFY2(result.message().startsWith(QStringLiteral("2 validation errors detected: ")), qPrintable(result.message()));
    }

    void pageTokensContainPlusSlashAndEquals()
    {
        const HttpResult result = m_client->get(QByteArray(deploymentsPath) + "?maxResults=3");
        const QString token = result.json().value(QStringLiteral("nextToken")).toString();
        QVERIFY(token.contains(u'+'));
        QVERIFY(token.contains(u'/'));
        QVERIFY(token.contains(u'='));
    }

    void pagingVisitsEveryRowOnce()
    {
        int pages = 0;
        const auto rows = m_client->listAll(deploymentsPath, "maxResults=7&statusEquals=Active", "modelDeploymentSummaries", &pages);
        const QStringList arns = arnsOf(rows);
        QCOMPARE(QSet<QString>(arns.cbegin(), arns.cend()).size(), arns.size());
        const qsizetype expected = std::count_if(m_all.cbegin(), m_all.cend(), [](const Deployment &d) { return d.status == QLatin1String("Active"); });
        QCOMPARE(arns.size(), expected);
        QCOMPARE(pages, int((expected + 6) / 7));
    }

    void unencodedTokenIsRejected()
    {
        // A token sent raw: its '+' become spaces on the server, so it no longer decodes.
        const HttpResult first = m_client->get(QByteArray(deploymentsPath) + "?maxResults=3");
        const QByteArray token = first.json().value(QStringLiteral("nextToken")).toString().toUtf8();
        const HttpResult raw = m_client->get(QByteArray(deploymentsPath) + "?maxResults=3&nextToken=" + token);
        QCOMPARE(raw.status, 400);
        QCOMPARE(raw.errorType(), QStringLiteral("ValidationException"));
        const HttpResult encoded = m_client->get(QByteArray(deploymentsPath) + "?maxResults=3&nextToken=" + token.toPercentEncoding());
        QCOMPARE(encoded.status, 200);
    }

    void plusInQueryIsASpace()
    {
        const HttpResult result = m_client->get(QByteArray(deploymentsPath) + "?nameContains=a+b");
        QCOMPARE(result.status, 400);
        QVERIFY2(result.message().contains(QStringLiteral("Value 'a b' at 'nameContains'")), qPrintable(result.message()));
        const HttpResult encodedPlus = m_client->get(QByteArray(deploymentsPath) + "?nameContains=a%2Bb");
        QVERIFY2(encodedPlus.message().contains(QStringLiteral("Value 'a+b' at 'nameContains'")),
                 qPrintable(encodedPlus.message()));
    }

    void garbledTokenIsRejected_data()
    {
        QTest::addColumn<QString>("token");
        const QString good = PageToken::encode({1234, QStringLiteral("arn:x")}, PageToken::filterHash(QStringLiteral("f")));
        QString flipped = good;
        flipped[10] = flipped.at(10) == u'A' ? u'B' : u'A';
        QTest::newRow("not base64") << QStringLiteral("!!!notatoken!!!");
        QTest::newRow("flipped character") << flipped;
        QTest::newRow("truncated") << good.left(good.size() - 8);
        QTest::newRow("plain base64") << QString::fromLatin1(QByteArray("hello world").toBase64());
    }
    void garbledTokenIsRejected()
    {
        QFETCH(QString, token);
        const HttpResult result = m_client->get(QByteArray(deploymentsPath) + "?nextToken=" + token.toUtf8().toPercentEncoding());
        QCOMPARE(result.status, 400);
        QCOMPARE(result.errorType(), QStringLiteral("ValidationException"));
        QVERIFY2(result.message().contains(QStringLiteral("pagination token")), qPrintable(result.message()));
    }

    void tokenReusedWithOtherFiltersIsRejected()
    {
        const HttpResult first = m_client->get(QByteArray(deploymentsPath) + "?maxResults=5&statusEquals=Active");
        const QByteArray token = first.json().value(QStringLiteral("nextToken")).toString().toUtf8().toPercentEncoding();
        for (const QByteArray &other : {QByteArray("statusEquals=Failed"), QByteArray("statusEquals=Active&sortOrder=Ascending"),
                                        QByteArray("statusEquals=Active&nameContains=prod"), QByteArray("")}) {
            const HttpResult reused = m_client->get(QByteArray(deploymentsPath) + "?maxResults=5&" + other + "&nextToken=" + token);
            QCOMPARE(reused.status, 400);
            QCOMPARE(reused.errorType(), QStringLiteral("ValidationException"));
        }
        // maxResults may change between pages, as with the SDK paginators.
        const HttpResult resized = m_client->get(QByteArray(deploymentsPath) + "?maxResults=9&statusEquals=Active&nextToken=" + token);
        QCOMPARE(resized.status, 200);
    }

    void deploymentCreatedDuringPagingNeitherRepeatsNorHidesARow()
    {
        for (const QByteArray &order : {QByteArray("Descending"), QByteArray("Ascending")}) {
            const QByteArray query = "maxResults=10&sortOrder=" + order;
            const auto before = m_client->listAll(deploymentsPath, "maxResults=1000&sortOrder=" + order, "modelDeploymentSummaries");
            HttpResult page = m_client->get(QByteArray(deploymentsPath) + '?' + query);
            QStringList seen = arnsOf([&] {
                QList<QJsonObject> rows;
                for (const QJsonValue &v : page.json().value(QStringLiteral("modelDeploymentSummaries")).toArray()) {
                    rows.append(v.toObject());
                }
                return rows;
            }());
            // A new deployment: newest of all, so it sorts to the front (Descending) or end (Ascending).
            const QString modelArn = m_all.first().modelArn;
            const HttpResult created = m_client->send(
                "POST", deploymentsPath,
                "{\"modelDeploymentName\":\"mid-paging-" + order.toLower() + "\",\"modelArn\":\"" + modelArn.toUtf8() + "\"}");
            QCOMPARE(created.status, 202);
            QString token = page.json().value(QStringLiteral("nextToken")).toString();
            while (!token.isEmpty()) {
                page = m_client->get(QByteArray(deploymentsPath) + '?' + query + "&nextToken=" + token.toUtf8().toPercentEncoding());
                QCOMPARE(page.status, 200);
                for (const QJsonValue &v : page.json().value(QStringLiteral("modelDeploymentSummaries")).toArray()) {
                    seen.append(v.toObject().value(QStringLiteral("customModelDeploymentArn")).toString());
                }
                token = page.json().value(QStringLiteral("nextToken")).toString();
            }
            const QString newArn = created.json().value(QStringLiteral("customModelDeploymentArn")).toString();
            QStringList expected = arnsOf(before);
            if (order == "Ascending") {
                expected.append(newArn);   // keyset paging reaches it at the end
            }
            QCOMPARE(seen, expected);
        }
    }

    void customModels()
    {
        const auto models = m_client->listAll("/custom-models", "maxResults=4", "modelSummaries");
        const auto &stored = m_simulator->store().customModelsByCreation();
        QCOMPARE(models.size(), qsizetype(stored.size()));
        for (qsizetype i = 1; i < models.size(); ++i) {
            QVERIFY(createdAt(models.at(i - 1), "creationTime") >= createdAt(models.at(i), "creationTime"));
        }
        const QJsonObject first = models.first();
        for (const char *key : {"modelArn", "modelName", "creationTime", "baseModelArn", "baseModelName"}) {
            QVERIFY2(first.contains(QLatin1String(key)), key);
        }
        const auto active = m_client->listAll("/custom-models", "modelStatus=Active&sortOrder=Ascending", "modelSummaries");
        for (const QJsonObject &model : active) {
            QCOMPARE(model.value(QStringLiteral("modelStatus")).toString(), QStringLiteral("Active"));
        }
        const QString base = first.value(QStringLiteral("baseModelArn")).toString();
        const auto sameBase = m_client->listAll("/custom-models", "baseModelArnEquals=" + base.toUtf8().toPercentEncoding(), "modelSummaries");
        QVERIFY(!sameBase.isEmpty());
        for (const QJsonObject &model : sameBase) {
            QCOMPARE(model.value(QStringLiteral("baseModelArn")).toString(), base);
        }
        QVERIFY(m_client->listAll("/custom-models", "isOwned=false", "modelSummaries").isEmpty());
        QCOMPARE(m_client->get("/custom-models?maxResults=1001").status, 400);

        // Get by ARN (encoded as one segment) and by name.
        const QString arn = first.value(QStringLiteral("modelArn")).toString();
        const HttpResult byArn = m_client->get("/custom-models/" + arn.toUtf8().toPercentEncoding());
        QCOMPARE(byArn.status, 200);
        QCOMPARE(byArn.json().value(QStringLiteral("modelName")).toString(), first.value(QStringLiteral("modelName")).toString());
        const HttpResult byName = m_client->get("/custom-models/" + first.value(QStringLiteral("modelName")).toString().toUtf8());
        QCOMPARE(byName.json().value(QStringLiteral("modelArn")).toString(), arn);
        const HttpResult missing = m_client->get("/custom-models/no-such-model");
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.errorType(), QStringLiteral("ResourceNotFoundException"));
    }

private:
    std::unique_ptr<Simulator> m_simulator;
    std::unique_ptr<SimClient> m_client;
    QList<Deployment> m_all;   // ascending by creation time
};

QTEST_GUILESS_MAIN(TestSimList)
#include "tst_simlist.moc"
