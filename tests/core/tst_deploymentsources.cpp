// SPDX-License-Identifier: Apache-2.0
// The sources of repeated --profile and --region: their cross product, each profile in its own
// region without --region, and each source resolved with its own region and endpoint.
#include "aws/awsenvironment.h"
#include "bedrock/deploymentsources.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace outcrop;
using namespace outcrop::bedrock;

class TestDeploymentSources : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    aws::AwsEnvironment environment() const
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("HOME"), m_home.path());
        return aws::AwsEnvironment(env, m_home.path());
    }

private slots:
    void initTestCase()
    {
        QVERIFY(QDir(m_home.path()).mkpath(QStringLiteral(".aws")));
        QFile config(m_home.filePath(QStringLiteral(".aws/config")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("[profile dev]\nregion = eu-west-1\nendpoint_url = http://127.0.0.1:4001\n\n"
                     "[profile prod]\nregion = us-west-2\nendpoint_url = http://127.0.0.1:4002\n\n"
                     "[profile bare]\n");
    }

    void crossProductProfileByProfile()
    {
        const QList<DeploymentSource> sources
            = crossSources({QStringLiteral("dev"), QStringLiteral("prod")},
                           {QStringLiteral("us-east-1"), QStringLiteral("us-west-2")});
        const QList<DeploymentSource> expected = {
            {QStringLiteral("dev"), QStringLiteral("us-east-1")},
            {QStringLiteral("dev"), QStringLiteral("us-west-2")},
            {QStringLiteral("prod"), QStringLiteral("us-east-1")},
            {QStringLiteral("prod"), QStringLiteral("us-west-2")},
        };
        QCOMPARE(sources, expected);
    }

    void withoutRegionsEachProfileInItsOwn()
    {
        const QList<DeploymentSource> sources = crossSources({QStringLiteral("dev"), QStringLiteral("prod")}, {});
        QCOMPARE(sources.size(), 2);
        QVERIFY(sources.at(0).region.isEmpty());
        const QList<ResolvedSource> resolved = resolveSources(sources, {}, environment());
        QCOMPARE(resolved.at(0).connection.region.region, QStringLiteral("eu-west-1"));
        QCOMPARE(resolved.at(1).connection.region.region, QStringLiteral("us-west-2"));
        QCOMPARE(resolved.at(0).label, QStringLiteral("dev · eu-west-1"));
        QCOMPARE(resolved.at(1).label, QStringLiteral("prod · us-west-2"));
    }

    void withoutProfilesTheDefaultInEveryRegion()
    {
        const QList<DeploymentSource> sources = crossSources({}, {QStringLiteral("us-east-1"), QStringLiteral("ap-south-1")});
        QCOMPARE(sources.size(), 2);
        QVERIFY(sources.at(0).profile.isEmpty());
        QCOMPARE(sources.at(1).region, QStringLiteral("ap-south-1"));
        QCOMPARE(crossSources({}, {}).size(), 1);   // the single, default source
    }

    void repeatsCountOnce()
    {
        QCOMPARE(crossSources({QStringLiteral("dev"), QStringLiteral("dev")}, {QStringLiteral("us-east-1")}).size(), 1);
    }

    void eachSourceHasItsOwnEndpoint()
    {
        const QList<ResolvedSource> resolved = resolveSources(
            crossSources({QStringLiteral("dev"), QStringLiteral("prod")}, {QStringLiteral("us-east-1")}), {},
            environment());
        QCOMPARE(resolved.at(0).connection.endpoint.url, QUrl(QStringLiteral("http://127.0.0.1:4001")));
        QCOMPARE(resolved.at(1).connection.endpoint.url, QUrl(QStringLiteral("http://127.0.0.1:4002")));
        QCOMPARE(resolved.at(1).connection.region.region, QStringLiteral("us-east-1"));   // --region wins
        // --endpoint-url applies to every source.
        const QList<ResolvedSource> overridden = resolveSources(
            crossSources({QStringLiteral("dev"), QStringLiteral("prod")}, {}), QStringLiteral("http://127.0.0.1:4999"),
            environment());
        QCOMPARE(overridden.at(0).connection.endpoint.url, QUrl(QStringLiteral("http://127.0.0.1:4999")));
        QCOMPARE(overridden.at(1).connection.endpoint.url, QUrl(QStringLiteral("http://127.0.0.1:4999")));
    }

    void aSourceThatCannotResolveIsNamed()
    {
        const QList<ResolvedSource> resolved
            = resolveSources(crossSources({QStringLiteral("dev"), QStringLiteral("bare")}, {}), {}, environment());
        QVERIFY(resolved.at(0).connection.isValid());
        QVERIFY(!resolved.at(1).connection.isValid());   // no region anywhere
        QVERIFY2(resolved.at(1).errorMessage().startsWith(QStringLiteral("Source bare: ")),
                 qPrintable(resolved.at(1).errorMessage()));
    }

    void labels()
    {
        QCOMPARE(sourceLabel(QStringLiteral("prod"), QStringLiteral("us-west-2")), QStringLiteral("prod · us-west-2"));
        QCOMPARE(sourceLabel(QString(), QStringLiteral("us-west-2")), QStringLiteral("us-west-2"));
        QCOMPARE(sourceLabel(QStringLiteral("default"), QStringLiteral("us-west-2")), QStringLiteral("us-west-2"));
    }
};

QTEST_GUILESS_MAIN(TestDeploymentSources)
#include "tst_deploymentsources.moc"
