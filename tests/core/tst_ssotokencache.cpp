// SPDX-License-Identifier: Apache-2.0
#include "aws/awsenvironment.h"
#include "aws/ssotokencache.h"
#include "aws/utctime.h"

#include "awstesthelpers.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace outcrop::aws;
using outcrop::testing::readFile;
using outcrop::testing::writeFile;

namespace {
const QByteArray kAccessToken = "AccessTokenDoNotLeak";
const QByteArray kClientSecret = "ClientSecretDoNotLeak";
const QByteArray kRefreshToken = "RefreshTokenDoNotLeak";
} // namespace

class TestSsoTokenCache : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const QByteArray &content)
    {
        const QString path = m_dir.filePath(QStringLiteral("token.json"));
        writeFile(path, content);
        return path;
    }

    static void verifyNoSecret(const QString &text)
    {
        for (const QByteArray &secret : { kAccessToken, kClientSecret, kRefreshToken }) {
            QVERIFY2(!text.contains(QString::fromLatin1(secret)), qPrintable(text));
        }
    }

private slots:
    void fileNamesAreTheSha1OfTheSessionOrStartUrl()
    {
        // Values computed with `printf %s NAME | sha1sum`, the rule of getSSOTokenFilepath and botocore.
        QCOMPARE(SsoTokenCache::fileNameFor(QStringLiteral("my-sso")),
                 QStringLiteral("0ad374308c5a4e22f723adf10145eafad7c4031c.json"));
        QCOMPARE(SsoTokenCache::fileNameFor(QStringLiteral("https://d-abc123.awsapps.com/start")),
                 QStringLiteral("40a89917e3175433e361b710a9d43528d7f1890a.json"));
        // A known answer, independent of the code under test: sha1("abc").
        QCOMPARE(SsoTokenCache::fileNameFor(QStringLiteral("abc")),
                 QStringLiteral("a9993e364706816aba3e25717850c26c9cd0d89d.json"));
        QProcessEnvironment variables;
        variables.insert(QStringLiteral("HOME"), QStringLiteral("/home/someone"));
        QCOMPARE(SsoTokenCache::filePathFor(AwsEnvironment(variables), QStringLiteral("abc")),
                 QStringLiteral("/home/someone/.aws/sso/cache/a9993e364706816aba3e25717850c26c9cd0d89d.json"));
    }

    void readsWhatTheCliWrites()
    {
        const QString path = write("{\n  \"startUrl\": \"https://d-abc123.awsapps.com/start\",\n  \"region\": \"eu-west-1\",\n"
                                   "  \"accessToken\": \"" + kAccessToken + "\",\n  \"expiresAt\": \"2026-02-03T04:05:06Z\",\n"
                                   "  \"clientId\": \"client-1\",\n  \"clientSecret\": \"" + kClientSecret + "\",\n"
                                   "  \"registrationExpiresAt\": \"2026-05-01T00:00:00Z\",\n"
                                   "  \"refreshToken\": \"" + kRefreshToken + "\",\n  \"extra\": 7\n}\n");
        QString error;
        const std::optional<SsoToken> token = SsoTokenCache::read(path, &error);
        QVERIFY2(token, qPrintable(error));
        QCOMPARE(token->accessToken, QString::fromLatin1(kAccessToken));
        QCOMPARE(token->expiresAt, utcDateTime(QDate(2026, 2, 3), QTime(4, 5, 6)));
        QCOMPARE(token->refreshToken, QString::fromLatin1(kRefreshToken));
        QCOMPARE(token->clientId, QStringLiteral("client-1"));
        QCOMPARE(token->clientSecret, QString::fromLatin1(kClientSecret));
        QCOMPARE(token->registrationExpiresAt, utcDateTime(QDate(2026, 5, 1), QTime(0, 0)));
        QCOMPARE(token->startUrl, QStringLiteral("https://d-abc123.awsapps.com/start"));
        QCOMPARE(token->region, QStringLiteral("eu-west-1"));
        QVERIFY(token->canRefresh());
        QCOMPARE(token->otherFields.value(QStringLiteral("extra")).toInt(), 7);
    }

    void readsEveryExpirySpelling_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("CLI v2") << QStringLiteral("2026-02-03T04:05:06Z") << true;
        QTest::newRow("JS SDK toISOString") << QStringLiteral("2026-02-03T04:05:06.000Z") << true;
        QTest::newRow("CLI v1") << QStringLiteral("2026-02-03T04:05:06UTC") << true;
        QTest::newRow("offset") << QStringLiteral("2026-02-03T05:05:06+01:00") << true;
        QTest::newRow("no zone (would be local time)") << QStringLiteral("2026-02-03T04:05:06") << false;
        QTest::newRow("words") << QStringLiteral("tomorrow") << false;
    }

    void readsEveryExpirySpelling()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        const QDateTime time = SsoTokenCache::parseTime(text);
        QCOMPARE(time.isValid(), valid);
        if (valid) {
            QCOMPARE(time, utcDateTime(QDate(2026, 2, 3), QTime(4, 5, 6)));
        }
    }

    void legacyTokenWithoutRefreshFields()
    {
        const QString path = write("{\"accessToken\": \"" + kAccessToken + "\", \"expiresAt\": \"2026-02-03T04:05:06UTC\", "
                                   "\"region\": \"us-east-1\", \"startUrl\": \"https://x\"}");
        QString error;
        const std::optional<SsoToken> token = SsoTokenCache::read(path, &error);
        QVERIFY2(token, qPrintable(error));
        QVERIFY(!token->canRefresh());
        QVERIFY(!token->registrationExpiresAt.isValid());
    }

    void badFilesAreNamedClearly_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not JSON") << QByteArray("{\"accessToken\": \"" + kAccessToken + "\",") << QStringLiteral("not valid JSON");
        QTest::newRow("array") << QByteArray("[]") << QStringLiteral("not a JSON object");
        QTest::newRow("no accessToken") << QByteArray("{\"expiresAt\": \"2026-02-03T04:05:06Z\"}")
                                        << QStringLiteral("the field “accessToken” is missing");
        QTest::newRow("no expiresAt") << QByteArray("{\"accessToken\": \"" + kAccessToken + "\"}")
                                      << QStringLiteral("the field “expiresAt” is missing");
        QTest::newRow("number token") << QByteArray("{\"accessToken\": 5, \"expiresAt\": \"2026-02-03T04:05:06Z\"}")
                                      << QStringLiteral("the field “accessToken” is not a non-empty string");
        QTest::newRow("bad time") << QByteArray("{\"accessToken\": \"" + kAccessToken + "\", \"expiresAt\": \"soon\"}")
                                  << QStringLiteral("the field “expiresAt” is not an ISO 8601 UTC time");
        QTest::newRow("bad refresh token type")
            << QByteArray("{\"accessToken\": \"" + kAccessToken + "\", \"expiresAt\": \"2026-02-03T04:05:06Z\", "
                          "\"refreshToken\": true}")
            << QStringLiteral("the field “refreshToken” is not a non-empty string");
    }

    void badFilesAreNamedClearly()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        const QString path = write(content);
        QString error;
        QVERIFY(!SsoTokenCache::read(path, &error));
        QVERIFY2(error.startsWith(path + QStringLiteral(": ")), qPrintable(error));
        QVERIFY2(error.contains(expected), qPrintable(error));
        verifyNoSecret(error);
    }

    void missingFileIsNamed()
    {
        const QString path = m_dir.filePath(QStringLiteral("absent.json"));
        QString error;
        QVERIFY(!SsoTokenCache::read(path, &error));
        QCOMPARE(error, path + QStringLiteral(": no such file"));
    }

    void writeIsAtomicPrivateAndKeepsUnknownFields()
    {
        const QString path = write("{\"accessToken\": \"old\", \"expiresAt\": \"2020-01-01T00:00:00Z\", \"extra\": \"kept\","
                                   "\"clientId\": \"c\", \"clientSecret\": \"" + kClientSecret + "\", \"refreshToken\": \"r1\"}");
        QString error;
        std::optional<SsoToken> token = SsoTokenCache::read(path, &error);
        QVERIFY2(token, qPrintable(error));
        token->accessToken = QString::fromLatin1(kAccessToken);
        token->expiresAt = utcDateTime(QDate(2026, 2, 3), QTime(4, 5, 6));
        token->refreshToken = QString::fromLatin1(kRefreshToken);
        QVERIFY2(SsoTokenCache::write(path, *token, &error), qPrintable(error));

        const QJsonObject written = QJsonDocument::fromJson(readFile(path)).object();
        QCOMPARE(written.value(QStringLiteral("accessToken")).toString(), QString::fromLatin1(kAccessToken));
        QCOMPARE(written.value(QStringLiteral("expiresAt")).toString(), QStringLiteral("2026-02-03T04:05:06Z"));
        QCOMPARE(written.value(QStringLiteral("refreshToken")).toString(), QString::fromLatin1(kRefreshToken));
        QCOMPARE(written.value(QStringLiteral("clientSecret")).toString(), QString::fromLatin1(kClientSecret));
        QCOMPARE(written.value(QStringLiteral("extra")).toString(), QStringLiteral("kept"));
        QCOMPARE(QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList { QStringLiteral("token.json") });

        const std::optional<SsoToken> again = SsoTokenCache::read(path, &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(again->expiresAt, token->expiresAt);
    }

    void writeCreatesTheCacheFolder()
    {
        const QString path = m_dir.filePath(QStringLiteral("home/.aws/sso/cache/x.json"));
        SsoToken token;
        token.accessToken = QStringLiteral("a");
        token.expiresAt = utcDateTime(QDate(2026, 1, 1), QTime(0, 0));
        QString error;
        QVERIFY2(SsoTokenCache::write(path, token, &error), qPrintable(error));
        QVERIFY(SsoTokenCache::read(path, &error));
    }
};

QTEST_GUILESS_MAIN(TestSsoTokenCache)
#include "tst_ssotokencache.moc"
