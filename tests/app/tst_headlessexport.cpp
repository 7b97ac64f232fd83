// SPDX-License-Identifier: Apache-2.0
// `outcrop --export` as a user runs it: the real executable, no display, no session bus, the AWS
// settings in the environment, against the simulator over loopback.
#include "simulator.h"
#include "../support/outcropprocess.h"

#include "aws/ssotokencache.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace outcrop;

using RunResult = outcrop::testing::OutcropRun;
using outcrop::testing::arnsOfCsv;

class TestHeadlessExport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<sim::Simulator> m_simulator;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : { "QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS" }) {
            env.remove(QString::fromLatin1(name));
        }
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIDEXAMPLE"));
        env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
        env.insert(QStringLiteral("AWS_REGION"), QStringLiteral("us-east-1"));
        env.insert(QStringLiteral("AWS_ENDPOINT_URL_BEDROCK"), m_simulator->serverUrl().toString());
        return env;
    }

    RunResult run(const QStringList &arguments, const QProcessEnvironment &env)
    {
        return outcrop::testing::runOutcrop(QStringLiteral(OUTCROP_EXECUTABLE), arguments, env);
    }

    QStringList expectedArns(const std::function<bool(const sim::Deployment &)> &keep) const
    {
        QStringList arns;
        const auto &all = m_simulator->store().deploymentsByCreation();
        for (auto it = all.rbegin(); it != all.rend(); ++it) {
            if (keep((*it)->data)) {
                arns.append((*it)->data.arn);
            }
        }
        return arns;
    }

private slots:
    void initTestCase()
    {
        sim::SimConfig config;
        config.count = 260;
        config.sso.roles = { { QStringLiteral("111122223333"), QStringLiteral("Dev") } };
        config.sso.refreshGrants = { { QStringLiteral("client-1"), QStringLiteral("ClientSecretDoNotLeak"),
                                       QStringLiteral("RefreshTokenDoNotLeak"), {} } };
        sim::SimRole role;
        role.arn = QStringLiteral("arn:aws:iam::123456789012:role/exporter");
        sim::SimRole mfaRole;
        mfaRole.arn = QStringLiteral("arn:aws:iam::123456789012:role/guarded");
        mfaRole.mfaSerial = QStringLiteral("arn:aws:iam::123456789012:mfa/alice");
        mfaRole.mfaCode = QStringLiteral("271828");
        config.roles = { role, mfaRole };
        m_simulator = std::make_unique<sim::Simulator>(config);
        QVERIFY2(m_simulator->start(), qPrintable(m_simulator->errorString()));
    }

    void exportsEveryMatchingRowWithoutADisplay()
    {
        const QString path = m_home.filePath(QStringLiteral("failed.csv"));
        const RunResult result = run({ QStringLiteral("--export"), path, QStringLiteral("--status"), QStringLiteral("failed"),
                                       QStringLiteral("--page-size"), QStringLiteral("7") },
                                     environment());
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QVERIFY(csv.startsWith("name,arn,modelArn,status,createdAt,lastUpdatedAt,failureMessage,account,region\r\n"));
        const QStringList expected = expectedArns([](const sim::Deployment &d) { return d.status == QLatin1String("Failed"); });
        QVERIFY(expected.size() > 7);
        QCOMPARE(arnsOfCsv(csv), expected);
        QVERIFY(QDir(m_home.path()).entryList({ QStringLiteral("*.outcrop-tmp") }, QDir::Files | QDir::Hidden).isEmpty());
    }

    // Role profiles: the source keys in a credentials file, the roles assumed through the
    // simulator's STS (AWS_ENDPOINT_URL_STS), the MFA code from --mfa-code.
    void roleProfiles()
    {
        const QString secret = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        const QString configPath = m_home.filePath(QStringLiteral("role-config"));
        const QString credentialsPath = m_home.filePath(QStringLiteral("role-credentials"));
        QFile config(configPath);
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("[profile exporter]\nrole_arn = arn:aws:iam::123456789012:role/exporter\nsource_profile = keys\n"
                     "[profile guarded]\nrole_arn = arn:aws:iam::123456789012:role/guarded\nsource_profile = keys\n"
                     "mfa_serial = arn:aws:iam::123456789012:mfa/alice\n");
        config.close();
        QFile credentials(credentialsPath);
        QVERIFY(credentials.open(QIODevice::WriteOnly));
        credentials.write("[keys]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = " + secret.toUtf8() + "\n");
        credentials.close();
        QProcessEnvironment env = environment();
        env.remove(QStringLiteral("AWS_ACCESS_KEY_ID"));
        env.remove(QStringLiteral("AWS_SECRET_ACCESS_KEY"));
        env.insert(QStringLiteral("AWS_CONFIG_FILE"), configPath);
        env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), credentialsPath);
        env.insert(QStringLiteral("AWS_ENDPOINT_URL_STS"), m_simulator->serverUrl().toString());
        const QStringList all = expectedArns([](const sim::Deployment &) { return true; });
        const int issuedBefore = m_simulator->sts().issuedCount();

        const RunResult plain = run({ QStringLiteral("--export"), QStringLiteral("-"), QStringLiteral("--profile"),
                                      QStringLiteral("exporter") },
                                    env);
        QVERIFY2(plain.exitCode == 0, qPrintable(plain.err));
        QCOMPARE(arnsOfCsv(plain.out), all);
        QCOMPARE(m_simulator->sts().issuedCount(), issuedBefore + 1);

        const QStringList guarded { QStringLiteral("--export"), QStringLiteral("-"), QStringLiteral("--profile"),
                                    QStringLiteral("guarded") };
        const RunResult noCode = run(guarded, env);
        QCOMPARE(noCode.exitCode, 1);
        QVERIFY2(noCode.err.contains(QLatin1String("profile guarded needs an MFA code (mfa_serial "
                                                   "arn:aws:iam::123456789012:mfa/alice): pass --mfa-code")),
                 qPrintable(noCode.err));
        const RunResult wrongCode = run(guarded + QStringList { QStringLiteral("--mfa-code"), QStringLiteral("141421") }, env);
        QCOMPARE(wrongCode.exitCode, 1);
        QVERIFY2(wrongCode.err.contains(QLatin1String("MultiFactorAuthentication failed")), qPrintable(wrongCode.err));
        const RunResult notACode = run(guarded + QStringList { QStringLiteral("--mfa-code"), QStringLiteral("27182") }, env);
        QCOMPARE(notACode.exitCode, 2);
        QVERIFY2(notACode.err.contains(QLatin1String("--mfa-code: give the 6 digits")), qPrintable(notACode.err));
        const RunResult rightCode = run(guarded + QStringList { QStringLiteral("--mfa-code"), QStringLiteral("271828") }, env);
        QVERIFY2(rightCode.exitCode == 0, qPrintable(rightCode.err));
        QCOMPARE(arnsOfCsv(rightCode.out), all);
        QCOMPARE(m_simulator->sts().issuedCount(), issuedBefore + 2);
        for (const RunResult *result : { &plain, &noCode, &wrongCode, &notACode, &rightCode }) {
            QVERIFY(!result->err.contains(secret));
            QVERIFY(!result->out.contains(secret.toUtf8()));
        }
    }

    void awsCliSpellingsAndStdout()
    {
        const RunResult result = run({ QStringLiteral("--export"), QStringLiteral("-"), QStringLiteral("--status-equals"),
                                       QStringLiteral("ACTIVE"), QStringLiteral("--max-results"), QStringLiteral("50"),
                                       QStringLiteral("--sort-order"), QStringLiteral("ascending") },
                                     environment());
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QStringList expected = expectedArns([](const sim::Deployment &d) { return d.status == QLatin1String("Active"); });
        std::reverse(expected.begin(), expected.end());
        QCOMPARE(arnsOfCsv(result.out), expected);
    }

    void aFailureLeavesTheOldFileAndSaysWhy()
    {
        const QString path = m_home.filePath(QStringLiteral("keep.csv"));
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("previous export\n");
        old.close();
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("a-wrong-secret-VALUE"));
        const RunResult result = run({ QStringLiteral("--export"), path }, env);
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QLatin1String("signature")), qPrintable(result.err));
        QVERIFY(!result.err.contains(QLatin1String("a-wrong-secret-VALUE")));
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArrayLiteral("previous export\n"));
        QVERIFY(QDir(m_home.path()).entryList({ QStringLiteral("*.outcrop-tmp") }, QDir::Files | QDir::Hidden).isEmpty());
    }

    void unreachableServiceFailsCleanly()
    {
        const QString path = m_home.filePath(QStringLiteral("never.csv"));
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("AWS_ENDPOINT_URL_BEDROCK"), QStringLiteral("http://127.0.0.1:9"));   // discard port: refused
        const RunResult result = run({ QStringLiteral("--export"), path }, env);
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QLatin1String("127.0.0.1")), qPrintable(result.err));
        QVERIFY(!QFile::exists(path));
    }

    void streamingFailureSaysTheOutputIsIncomplete()
    {
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("AWS_ENDPOINT_URL_BEDROCK"), QStringLiteral("http://127.0.0.1:9"));
        const RunResult result = run({ QStringLiteral("--export"), QStringLiteral("-") }, env);
        QCOMPARE(result.exitCode, 1);
        // On a line of its own, after the reason (which may be several lines).
        QVERIFY2(result.err.contains(QLatin1String("\nWhat was written to standard output is incomplete.")),
                 qPrintable(result.err));
    }

    void aSymlinkAtTheTargetIsRefused()
    {
        const QString target = m_home.filePath(QStringLiteral("precious.txt"));
        QFile precious(target);
        QVERIFY(precious.open(QIODevice::WriteOnly));
        precious.write("do not overwrite");
        precious.close();
        const QString link = m_home.filePath(QStringLiteral("link.csv"));
        QVERIFY(QFile::link(target, link));
        const RunResult result = run({ QStringLiteral("--export"), link }, environment());
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(link), qPrintable(result.err));
        QVERIFY(precious.open(QIODevice::ReadOnly));
        QCOMPARE(precious.readAll(), QByteArrayLiteral("do not overwrite"));
    }

    void noRegionNamesTheOption()
    {
        QProcessEnvironment env = environment();
        env.remove(QStringLiteral("AWS_REGION"));
        const RunResult result = run({ QStringLiteral("--export"), m_home.filePath(QStringLiteral("x.csv")) }, env);
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QLatin1String("--region")), qPrintable(result.err));
    }

    void badOptionsAreUsageErrors()
    {
        const RunResult status = run({ QStringLiteral("--export"), QStringLiteral("-"), QStringLiteral("--status"),
                                       QStringLiteral("Running") },
                                     environment());
        QCOMPARE(status.exitCode, 2);
        QVERIFY2(status.err.contains(QLatin1String("--status")), qPrintable(status.err));
        const RunResult unknown = run({ QStringLiteral("--export"), QStringLiteral("-"), QStringLiteral("--colour") }, environment());
        QCOMPARE(unknown.exitCode, 2);
    }

    void readOnlyExportsAsUsual()
    {
        // --read-only refuses only mutating calls; the export reads.
        const RunResult result = run({ QStringLiteral("--demo"), QStringLiteral("--demo-count"), QStringLiteral("12"),
                                       QStringLiteral("--read-only"), QStringLiteral("--export"), QStringLiteral("-") },
                                     environment());
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QCOMPARE(arnsOfCsv(result.out).size(), 12);
    }

    void demoExportNeedsNoAwsSettings()
    {
        QProcessEnvironment env = environment();
        for (const char *name : { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION", "AWS_ENDPOINT_URL_BEDROCK" }) {
            env.remove(QString::fromLatin1(name));
        }
        const RunResult result = run({ QStringLiteral("--demo"), QStringLiteral("--demo-count"), QStringLiteral("40"),
                                       QStringLiteral("--export"), QStringLiteral("-") },
                                     env);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QCOMPARE(arnsOfCsv(result.out).size(), 40);
    }

    void debugLogHoldsNoSecret()
    {
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("wrongSecretValueForTheDebugLogTest1234567"));
        env.insert(QStringLiteral("AWS_SESSION_TOKEN"), QStringLiteral("SessionTokenValueForTheDebugLogTest"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        const RunResult result = run({ QStringLiteral("--debug"), QStringLiteral("--export"), QStringLiteral("-") }, env);
        QCOMPARE(result.exitCode, 1);
        const QString path = result.err.section(QStringLiteral(" to "), 1).section(QLatin1Char('\n'), 0, 0).trimmed();
        QVERIFY2(path.startsWith(m_home.path()), qPrintable(result.err));
        QFile log(path);
        QVERIFY2(log.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray content = log.readAll();
        QVERIFY(!content.isEmpty());
        QVERIFY(!content.contains("wrongSecretValueForTheDebugLogTest1234567"));
        QVERIFY(!content.contains("SessionTokenValueForTheDebugLogTest"));
        QVERIFY(!result.err.contains(QLatin1String("wrongSecretValueForTheDebugLogTest1234567")));
    }

    void ssoProfileExportsAndRefreshesItsToken()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        QDir(home.path()).mkpath(QStringLiteral(".aws/sso/cache"));
        QFile config(home.filePath(QStringLiteral(".aws/config")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("[profile sso-dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Dev\n"
                     "region = us-east-1\n[sso-session corp]\nsso_start_url = https://d-abc123.awsapps.com/start\n"
                     "sso_region = us-east-1\n");
        config.close();
        // What `aws sso login` leaves behind, an hour later: an expired token with a refresh token.
        const QString tokenPath = home.filePath(QStringLiteral(".aws/sso/cache/")
                                                + aws::SsoTokenCache::fileNameFor(QStringLiteral("corp")));
        const auto writeToken = [&tokenPath](bool refreshable) {
            QJsonObject token { { QStringLiteral("startUrl"), QStringLiteral("https://d-abc123.awsapps.com/start") },
                                { QStringLiteral("region"), QStringLiteral("us-east-1") },
                                { QStringLiteral("accessToken"), QStringLiteral("ExpiredAccessTokenDoNotLeak") },
                                { QStringLiteral("expiresAt"), QStringLiteral("2020-01-01T00:00:00Z") } };
            if (refreshable) {
                token.insert(QStringLiteral("clientId"), QStringLiteral("client-1"));
                token.insert(QStringLiteral("clientSecret"), QStringLiteral("ClientSecretDoNotLeak"));
                token.insert(QStringLiteral("refreshToken"), QStringLiteral("RefreshTokenDoNotLeak"));
            }
            QFile file(tokenPath);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QJsonDocument(token).toJson());
        };
        writeToken(true);

        QProcessEnvironment env = environment();
        env.remove(QStringLiteral("AWS_ACCESS_KEY_ID"));
        env.remove(QStringLiteral("AWS_SECRET_ACCESS_KEY"));
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("AWS_ENDPOINT_URL_SSO"), m_simulator->serverUrl().toString());
        env.insert(QStringLiteral("AWS_ENDPOINT_URL_SSO_OIDC"), m_simulator->serverUrl().toString());
        const QString path = home.filePath(QStringLiteral("sso.csv"));
        const RunResult result = run({ QStringLiteral("--profile"), QStringLiteral("sso-dev"), QStringLiteral("--export"),
                                       path, QStringLiteral("--status"), QStringLiteral("failed") },
                                     env);
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QFile csv(path);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(arnsOfCsv(csv.readAll()),
                 expectedArns([](const sim::Deployment &d) { return d.status == QLatin1String("Failed"); }));
        QFile refreshed(tokenPath);
        QVERIFY(refreshed.open(QIODevice::ReadOnly));
        const QJsonObject token = QJsonDocument::fromJson(refreshed.readAll()).object();
        QVERIFY(token.value(QStringLiteral("accessToken")).toString() != QLatin1String("ExpiredAccessTokenDoNotLeak"));
        QVERIFY(token.value(QStringLiteral("refreshToken")).toString() != QLatin1String("RefreshTokenDoNotLeak"));

        // Expired and not refreshable: the export stops and says what to run; no token leaks.
        writeToken(false);
        const RunResult expired = run({ QStringLiteral("--profile"), QStringLiteral("sso-dev"), QStringLiteral("--export"),
                                        home.filePath(QStringLiteral("never.csv")) },
                                      env);
        QCOMPARE(expired.exitCode, 1);
        QVERIFY2(expired.err.contains(QLatin1String("aws sso login --profile sso-dev")), qPrintable(expired.err));
        QVERIFY(!expired.err.contains(QLatin1String("DoNotLeak")));
        QVERIFY(!QFile::exists(home.filePath(QStringLiteral("never.csv"))));
    }

    void helpAndVersionNeedNoDisplay()
    {
        const RunResult help = run({ QStringLiteral("--help") }, environment());
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--export"));
        const RunResult version = run({ QStringLiteral("--version") }, environment());
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith("Outcrop "));
    }
};

QTEST_GUILESS_MAIN(TestHeadlessExport)
#include "tst_headlessexport.moc"
