// SPDX-License-Identifier: Apache-2.0
// The simulator's data: the seeded generator, the JSON data file, page tokens, and the
// outcrop-sim command line.
#include "datafile.h"
#include "aws/utctime.h"
#include "datagenerator.h"
#include "pagetoken.h"
#include "simcommandline.h"
#include "simulator.h"
#include "validation.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace outcrop::sim;

class TestSimData : public QObject
{
    Q_OBJECT

private slots:
    void sameSeedSameData()
    {
        DataGenerator::Options options;
        options.seed = 7;
        options.deploymentCount = 150;
        const SimData a = DataGenerator::generate(options);
        const SimData b = DataGenerator::generate(options);
        QCOMPARE(a.deployments.size(), 150);
        QVERIFY(a.deployments == b.deployments);
        QVERIFY(a.customModels == b.customModels);
        options.seed = 8;
        const SimData c = DataGenerator::generate(options);
        QVERIFY(!(a.deployments == c.deployments));
    }

    void generatedDataIsRealistic()
    {
        DataGenerator::Options options;
        options.deploymentCount = 300;
        const SimData data = DataGenerator::generate(options);
        QSet<QString> names;
        QSet<QString> arns;
        QSet<QString> statuses;
        QSet<QString> modelArns;
        QDateTime oldest = options.anchor;
        for (const CustomModel &model : data.customModels) {
            QVERIFY2(Shapes::fullMatch(Shapes::customModelArnPattern, model.arn), qPrintable(model.arn));
            QVERIFY2(Shapes::fullMatch(Shapes::modelArnPattern, model.baseModelArn), qPrintable(model.baseModelArn));
            QVERIFY2(Shapes::fullMatch(Shapes::deploymentNamePattern, model.name), qPrintable(model.name));
            modelArns.insert(model.arn);
        }
        for (const Deployment &deployment : data.deployments) {
            QVERIFY2(Shapes::fullMatch(Shapes::deploymentNamePattern, deployment.name), qPrintable(deployment.name));
            QVERIFY2(QRegularExpression(QStringLiteral("^arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/[a-z0-9]{12}$"))
                         .match(deployment.arn)
                         .hasMatch(),
                     qPrintable(deployment.arn));
            QVERIFY(modelArns.contains(deployment.modelArn));
            QVERIFY(deployment.createdAt <= options.anchor);
            oldest = qMin(oldest, deployment.createdAt);
            names.insert(deployment.name);
            arns.insert(deployment.arn);
            statuses.insert(deployment.status);
            QCOMPARE(deployment.failureMessage.isEmpty(), deployment.status != QLatin1String("Failed"));
        }
        QCOMPARE(names.size(), 300);
        QCOMPARE(arns.size(), 300);
        QCOMPARE(statuses, (QSet<QString>{QStringLiteral("Creating"), QStringLiteral("Active"), QStringLiteral("Failed")}));
        QVERIFY2(oldest.daysTo(options.anchor) > 600, "creation times cover about two years");
    }

    void failureMessagesBreakNaiveExporters()
    {
        DataGenerator::Options options;
        options.deploymentCount = 200;
        QStringList messages;
        for (const Deployment &deployment : DataGenerator::generate(options).deployments) {
            if (!deployment.failureMessage.isEmpty()) {
                messages.append(deployment.failureMessage);
            }
        }
        const auto any = [&](auto predicate) { return std::any_of(messages.cbegin(), messages.cend(), predicate); };
        QVERIFY(any([](const QString &m) { return m.contains(u','); }));
        QVERIFY(any([](const QString &m) { return m.contains(u'"'); }));
        QVERIFY(any([](const QString &m) { return m.contains(u'\n'); }));
        QVERIFY(any([](const QString &m) { return std::any_of(m.cbegin(), m.cend(), [](QChar c) { return c.unicode() > 127; }); }));
        QVERIFY(any([](const QString &m) { return m.startsWith(u'='); }));
    }

    void dataFileRoundTrips()
    {
        DataGenerator::Options options;
        options.deploymentCount = 40;
        const SimData data = DataGenerator::generate(options);
        QString error;
        const auto parsed = DataFile::parse(DataFile::serialize(data), QStringLiteral("memory"), &error);
        QVERIFY2(parsed, qPrintable(error));
        QVERIFY(parsed->deployments == data.deployments);
        QVERIFY(parsed->customModels == data.customModels);
    }

    void simulatorServesADataFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("data.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"modelDeploymentSummaries":[{"customModelDeploymentArn":"arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/abcdef123456",
            "customModelDeploymentName":"from-file","modelArn":"arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.nova-micro-v1:0:128k/abcdefghijkl",
            "createdAt":"2025-07-20T10:11:12.123Z","status":"Active"}]})");
        file.close();
        SimConfig config;
        config.dataFile = path;
        Simulator simulator(config);
        QVERIFY2(simulator.start(), qPrintable(simulator.errorString()));
        QCOMPARE(simulator.store().deploymentCount(), 1);
        QCOMPARE(simulator.store().findDeployment(QStringLiteral("from-file"))->data.createdAt,
                 outcrop::aws::utcDateTime(QDate(2025, 7, 20), QTime(10, 11, 12, 123)));
    }

    void badDataFileGivesAClearError_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("syntax") << QByteArray("{\n  \"deployments\": [\n    {,}\n  ]\n}") << QStringLiteral("line 3, column");
        QTest::newRow("missing field") << QByteArray("{\"deployments\":[{\"customModelDeploymentArn\":\"a\",\"modelDeploymentName\":\"n\",\"modelArn\":\"m\",\"status\":\"Active\"}]}")
                                       << QStringLiteral("deployments[0].createdAt is missing");
        QTest::newRow("bad time") << QByteArray("{\"deployments\":[{\"customModelDeploymentArn\":\"a\",\"modelDeploymentName\":\"n\",\"modelArn\":\"m\",\"status\":\"Active\",\"createdAt\":\"July\"}]}")
                                  << QStringLiteral("deployments[0].createdAt is not an RFC 3339 timestamp");
        QTest::newRow("bad name") << QByteArray("{\"deployments\":[{\"customModelDeploymentArn\":\"a\",\"modelDeploymentName\":\"a b\",\"modelArn\":\"m\",\"status\":\"Active\",\"createdAt\":\"2025-01-01T00:00:00Z\"}]}")
                                  << QStringLiteral("deployments[0].modelDeploymentName is not a valid deployment name");
        QTest::newRow("not an object") << QByteArray("[1,2]") << QStringLiteral("top level must be a JSON object");
    }
    void badDataFileGivesAClearError()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
        file.close();
        SimConfig config;
        config.dataFile = path;
        Simulator simulator(config);
        QVERIFY(!simulator.start());
        QVERIFY2(simulator.errorString().startsWith(path), qPrintable(simulator.errorString()));
        QVERIFY2(simulator.errorString().contains(expected), qPrintable(simulator.errorString()));
    }

    void missingDataFile()
    {
        SimConfig config;
        config.dataFile = QStringLiteral("/nonexistent/data.json");
        Simulator simulator(config);
        QVERIFY(!simulator.start());
        QVERIFY2(simulator.errorString().contains(QStringLiteral("/nonexistent/data.json: cannot read")),
                 qPrintable(simulator.errorString()));
    }

    void pageTokenRoundTrip()
    {
        const PageKey key{1753006272123, QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/abcdef123456")};
        const quint64 hash = PageToken::filterHash(QStringLiteral("filters"));
        const QString token = PageToken::encode(key, hash);
        QVERIFY(token.startsWith(QStringLiteral("++//")));
        QVERIFY(token.endsWith(QStringLiteral("==")));
        PageToken::Problem problem = PageToken::Problem::Garbled;
        QCOMPARE(PageToken::decode(token, hash, &problem), std::optional<PageKey>(key));
        QCOMPARE(problem, PageToken::Problem::None);
        QVERIFY(!PageToken::decode(token, PageToken::filterHash(QStringLiteral("other")), &problem));
        QCOMPARE(problem, PageToken::Problem::OtherFilters);
        QVERIFY(!PageToken::decode(token.left(20), hash, &problem));
        QCOMPARE(problem, PageToken::Problem::Garbled);
    }

    void clockOffsetMovesTheSimulatorsClock()
    {
        const SimCommandLine::Result result =
            SimCommandLine::parse({QStringLiteral("outcrop-sim"), QStringLiteral("--clock-offset"), QStringLiteral("-7200")});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.config.clockOffsetSeconds, qint64(-7200));
        Simulator simulator(result.config);
        const qint64 offsetSeconds = QDateTime::currentDateTimeUtc().secsTo(simulator.clock().now());
        // Two hours behind, give or take the moment between the two readings of the clock.
        QVERIFY2(offsetSeconds <= -7199 && offsetSeconds >= -7201, qPrintable(QString::number(offsetSeconds)));
    }

    void commandLine()
    {
        const auto parse = [](QStringList arguments) {
            arguments.prepend(QStringLiteral("outcrop-sim"));
            return SimCommandLine::parse(arguments);
        };
        SimCommandLine::Result result = parse({});
        QVERIFY(result.error.isEmpty());
        QCOMPARE(result.config.port, quint16(0));
        QCOMPARE(result.config.credentials.size(), 1);
        QCOMPARE(result.config.credentials.first().accessKeyId, QStringLiteral("AKIDEXAMPLE"));
        QVERIFY(result.config.requireAuth);

        result = parse({QStringLiteral("--port"), QStringLiteral("8123"), QStringLiteral("--seed"), QStringLiteral("9"),
                        QStringLiteral("--count"), QStringLiteral("25000"), QStringLiteral("--no-auth"),
                        QStringLiteral("--credential"), QStringLiteral("AKIDTEMP:secret:token:2026-01-01T00:00:00Z"),
                        QStringLiteral("--permission"), QStringLiteral("AKIDTEMP=ListCustomModelDeployments"),
                        QStringLiteral("--throttle-every"), QStringLiteral("5"), QStringLiteral("--latency"), QStringLiteral("20"),
                        QStringLiteral("--error"), QStringLiteral("DeleteCustomModelDeployment=ConflictException:2"),
                        QStringLiteral("--prerender"), QStringLiteral("1000")});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.config.port, quint16(8123));
        QCOMPARE(result.config.seed, 9u);
        QCOMPARE(result.config.count, 25000);
        QVERIFY(!result.config.requireAuth);
        QCOMPARE(result.config.credentials.size(), 2);
        QCOMPARE(result.config.credentials.at(1).sessionToken, QStringLiteral("token"));
        QCOMPARE(result.config.credentials.at(1).expiration, outcrop::aws::utcDateTime(QDate(2026, 1, 1), QTime(0, 0)));
        QCOMPARE(result.config.credentials.at(1).allowedActions, QStringList{QStringLiteral("ListCustomModelDeployments")});
        QCOMPARE(result.config.faults.throttleEvery, 5);
        QCOMPARE(result.config.faults.latencyMs, 20);
        QCOMPARE(result.config.forcedErrors.size(), 1);
        QCOMPARE(result.config.forcedErrors.first().count, 2);
        QCOMPARE(result.config.prerenderPageSize, 1000);

        QVERIFY(parse({QStringLiteral("--port"), QStringLiteral("x")}).error.contains(QStringLiteral("--port")));
        QVERIFY(parse({QStringLiteral("--clock-offset"), QStringLiteral("1h")}).error.contains(QStringLiteral("--clock-offset")));
        QVERIFY(!parse({QStringLiteral("--clock-offset"), QStringLiteral("999999999999")}).error.isEmpty());
        QVERIFY(parse({QStringLiteral("--error"), QStringLiteral("ListCustomModelDeployments=ConflictException")})
                    .error.contains(QStringLiteral("not a modelled error")));
        QVERIFY(parse({QStringLiteral("--permission"), QStringLiteral("AKIDEXAMPLE=Nope")}).error.contains(QStringLiteral("Nope")));
        result = parse({QStringLiteral("--lost-reply"), QStringLiteral("CreateCustomModelDeployment")});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.config.lostReplies.operation, QStringLiteral("CreateCustomModelDeployment"));
        QCOMPARE(result.config.lostReplies.count, 1);
        QCOMPARE(parse({QStringLiteral("--lost-reply"), QStringLiteral("TagResource:3")}).config.lostReplies.count, 3);
        QVERIFY(parse({QStringLiteral("--lost-reply"), QStringLiteral("Create")}).error.contains(QStringLiteral("--lost-reply")));
        QVERIFY(parse({QStringLiteral("--lost-reply"), QStringLiteral("TagResource:0")}).error.contains(QStringLiteral("--lost-reply")));
        // A bad credential never echoes the secret.
        const QString error = parse({QStringLiteral("--credential"), QStringLiteral("onlysecretpart")}).error;
        QVERIFY(!error.isEmpty());
        QVERIFY(!error.contains(QStringLiteral("onlysecretpart")));
    }
};

QTEST_GUILESS_MAIN(TestSimData)
#include "tst_simdata.moc"
