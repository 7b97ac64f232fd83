// SPDX-License-Identifier: Apache-2.0
#include "aws/credentialprocess.h"
#include "aws/utctime.h"
#include "aws/shellwords.h"

#include "awstesthelpers.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <signal.h>

using namespace outcrop::aws;
using outcrop::testing::readFile;
using outcrop::testing::writeFile;

namespace {

const QString kSecret = QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY");
const QString kToken = QStringLiteral("FwoGZXIvYXdzSESSIONTOKEN");

QProcessEnvironment childEnvironment()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
    return env;
}

QByteArray credentialsJson(const QByteArray &extra = QByteArray())
{
    return "{\"Version\": 1, \"AccessKeyId\": \"AKIDPROCESS\", \"SecretAccessKey\": \"" + kSecret.toUtf8()
        + "\", \"SessionToken\": \"" + kToken.toUtf8() + "\"" + extra + "}";
}

QStringList words(std::initializer_list<const char *> list)
{
    QStringList result;
    for (const char *word : list) {
        result.append(QString::fromUtf8(word));
    }
    return result;
}

bool processGone(qint64 pid)
{
    const QByteArray stat = readFile(QStringLiteral("/proc/%1/stat").arg(pid));
    return stat.isEmpty() || stat.contains(") Z ");
}

} // namespace

class TestCredentialProcess : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString script(const QString &name, const QByteArray &body)
    {
        const QString path = m_dir.filePath(name);
        writeFile(path, "#!/bin/sh\n" + body, true);
        return path;
    }

    struct Outcome
    {
        bool succeeded = false;
        AwsCredentials credentials;
        QString error;
    };

    Outcome run(const QString &commandLine, std::chrono::milliseconds timeout = std::chrono::milliseconds(20000))
    {
        CredentialProcess process(QStringLiteral("tester"), commandLine, childEnvironment());
        process.setTimeout(timeout);
        QSignalSpy succeeded(&process, &CredentialProcess::succeeded);
        QSignalSpy failed(&process, &CredentialProcess::failed);
        process.start();
        // Never synchronously, so callers can connect after start().
        if (succeeded.count() + failed.count() != 0) {
            return { false, {}, QStringLiteral("signal emitted inside start()") };
        }
        if (!QTest::qWaitFor([&] { return succeeded.count() + failed.count() > 0; }, 30000)) {
            return { false, {}, QStringLiteral("no signal") };
        }
        QTest::qWait(50); // a second signal would be a defect
        Outcome outcome;
        if (succeeded.count() == 1 && failed.isEmpty()) {
            outcome.succeeded = true;
            outcome.credentials = succeeded.first().first().value<AwsCredentials>();
        } else if (failed.count() == 1 && succeeded.isEmpty()) {
            outcome.error = failed.first().first().toString();
        } else {
            outcome.error = QStringLiteral("more than one signal");
        }
        return outcome;
    }

    static void verifyNoSecret(const QString &text)
    {
        QVERIFY2(!text.contains(kSecret), qPrintable(text));
        QVERIFY2(!text.contains(kToken), qPrintable(text));
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<AwsCredentials>();
        QVERIFY(m_dir.isValid());
    }

    void splitsLikeShlex_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QStringList>("words");
        // Expected values are what Python's shlex.split gives.
        QTest::newRow("plain") << QString::fromUtf8("aws-vault export --format=json  dev") << words({ "aws-vault", "export", "--format=json", "dev" });
        QTest::newRow("single quotes") << QString::fromUtf8("cmd 'a b' 'c\\d'") << words({ "cmd", "a b", "c\\d" });
        QTest::newRow("double quotes") << QString::fromUtf8(R"(cmd "a \"b\" \\ \x" "$HOME")") << words({ "cmd", R"(a "b" \ \x)", "$HOME" });
        QTest::newRow("backslash outside") << QString::fromUtf8(R"(cmd a\ b \'c \\)") << words({ "cmd", "a b", "'c", "\\" });
        QTest::newRow("joined parts") << QString::fromUtf8(R"(cmd a'b'"c"d)") << words({ "cmd", "abcd" });
        QTest::newRow("empty word") << QString::fromUtf8("cmd '' \"\"") << words({ "cmd", "", "" });
        QTest::newRow("no comments or operators") << QString::fromUtf8("cmd #x ;y |z") << words({ "cmd", "#x", ";y", "|z" });
        QTest::newRow("tabs and newlines") << QString::fromUtf8("\tcmd\n a ") << words({ "cmd", "a" });
    }

    void splitsLikeShlex()
    {
        QFETCH(QString, line);
        QFETCH(QStringList, words);
        QStringList result;
        QString error;
        QVERIFY2(splitShellWords(line, &result, &error), qPrintable(error));
        QCOMPARE(result, words);
    }

    void splitErrors()
    {
        QStringList words;
        QString error;
        QVERIFY(!splitShellWords(QStringLiteral("cmd 'open"), &words, &error));
        QCOMPARE(error, QStringLiteral("No closing quotation"));
        QVERIFY(!splitShellWords(QStringLiteral("cmd \"open \\\""), &words, &error));
        QCOMPARE(error, QStringLiteral("No closing quotation"));
        QVERIFY(!splitShellWords(QStringLiteral("cmd trailing\\"), &words, &error));
        QCOMPARE(error, QStringLiteral("No escaped character"));
    }

    void success()
    {
        const QString path = script(QStringLiteral("ok.sh"),
                                    "cat <<'EOF'\n" + credentialsJson(", \"Expiration\": \"2099-01-02T03:04:05Z\"") + "\nEOF\n");
        const Outcome outcome = run(path);
        QVERIFY2(outcome.succeeded, qPrintable(outcome.error));
        QCOMPARE(outcome.credentials.accessKeyId, QStringLiteral("AKIDPROCESS"));
        QCOMPARE(outcome.credentials.secretAccessKey, kSecret);
        QCOMPARE(outcome.credentials.sessionToken, kToken);
        QCOMPARE(outcome.credentials.expiration, outcrop::aws::utcDateTime(QDate(2099, 1, 2), QTime(3, 4, 5)));
        QCOMPARE(outcome.credentials.source, QStringLiteral("credential_process of profile tester"));
    }

    void quotingAndPathWithSpaces()
    {
        const QString path = script(QStringLiteral("dir with space/cred proc.sh"),
                                    "printf '{\"Version\":1,\"AccessKeyId\":\"%s|%s|%s|%s\",\"SecretAccessKey\":\"x\"}' "
                                    "\"$#\" \"$1\" \"$2\" \"$3\"\n");
        const QString line = QStringLiteral("\"%1\" 'arg one' two\\ three '$HOME;touch pwned'").arg(path);
        const Outcome outcome = run(line);
        QVERIFY2(outcome.succeeded, qPrintable(outcome.error));
        // No shell: $HOME and ; reach the program untouched.
        QCOMPARE(outcome.credentials.accessKeyId, QStringLiteral("3|arg one|two three|$HOME;touch pwned"));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("pwned"))));
    }

    void shellSyntaxIsNeverInterpreted()
    {
        // Each marker would be created by a shell running this line: after ";", inside "$(...)",
        // inside backquotes, after "&&" and after "|". Without a shell these are words handed to
        // printf, which ignores them.
        const QString semicolon = m_dir.filePath(QStringLiteral("marker-semicolon"));
        const QString substitution = m_dir.filePath(QStringLiteral("marker-substitution"));
        const QString backquote = m_dir.filePath(QStringLiteral("marker-backquote"));
        const QString andThen = m_dir.filePath(QStringLiteral("marker-and"));
        const QString pipe = m_dir.filePath(QStringLiteral("marker-pipe"));
        const QString line = QStringLiteral("printf '{\"Version\":1,\"AccessKeyId\":\"AKIDNOSHELL\",\"SecretAccessKey\":\"s\"}' "
                                            "; touch %1 $(touch %2) `touch %3` && touch %4 | touch %5")
                                 .arg(semicolon, substitution, backquote, andThen, pipe);
        const Outcome outcome = run(line);
        QVERIFY2(outcome.succeeded, qPrintable(outcome.error));
        QCOMPARE(outcome.credentials.accessKeyId, QStringLiteral("AKIDNOSHELL"));
        for (const QString &marker : { semicolon, substitution, backquote, andThen, pipe }) {
            QVERIFY2(!QFile::exists(marker), qPrintable(marker));
        }

        // Control: the same line through /bin/sh creates them, so the check above can fail.
        QProcess shell;
        shell.start(QStringLiteral("/bin/sh"), { QStringLiteral("-c"), line });
        QVERIFY(shell.waitForFinished(10000));
        QVERIFY(QFile::exists(semicolon));
        QVERIFY(QFile::exists(substitution));
    }

    void programFromPath()
    {
        // "printf" is found through the child's PATH.
        const Outcome outcome = run(QStringLiteral(R"(printf '{"Version":1,"AccessKeyId":"AKIDPATH","SecretAccessKey":"s"}')"));
        QVERIFY2(outcome.succeeded, qPrintable(outcome.error));
        QCOMPARE(outcome.credentials.accessKeyId, QStringLiteral("AKIDPATH"));
        QVERIFY(outcome.credentials.sessionToken.isEmpty());
        QVERIFY(!outcome.credentials.expires());
    }

    void nonZeroExit()
    {
        const QString path = script(QStringLiteral("fail.sh"),
                                    "echo '" + credentialsJson() + "'\necho 'token expired, run login' >&2\nexit 3\n");
        const Outcome outcome = run(path + QStringLiteral(" --secret-arg ") + kSecret);
        QVERIFY(!outcome.succeeded);
        QVERIFY2(outcome.error.contains(QLatin1String("exited with code 3")), qPrintable(outcome.error));
        QVERIFY(outcome.error.contains(QLatin1String("token expired, run login")));
        QVERIFY(outcome.error.contains(QLatin1String("profile tester")));
        QVERIFY(outcome.error.contains(path));
        verifyNoSecret(outcome.error); // neither stdout nor the arguments
    }

    void timeoutKillsTheProcessGroup()
    {
        const QString pidFile = m_dir.filePath(QStringLiteral("sleeper.pid"));
        const QString path = script(QStringLiteral("hang.sh"),
                                    "sleep 30 &\necho $! > '" + pidFile.toUtf8() + "'\necho '" + credentialsJson()
                                        + "'\nwait\n");
        // Two seconds: the shell must have started the sleeper and written its pid before the
        // timeout, also on a loaded machine (the pid file is read once, below).
        const Outcome outcome = run(path, std::chrono::milliseconds(2000));
        QVERIFY(!outcome.succeeded);
        QVERIFY2(outcome.error.contains(QLatin1String("did not finish within 2 seconds")), qPrintable(outcome.error));
        verifyNoSecret(outcome.error);
        const qint64 sleeper = readFile(pidFile).trimmed().toLongLong();
        QVERIFY(sleeper > 0);
        QTRY_VERIFY(processGone(sleeper));
    }

    void destructionKillsTheProcess()
    {
        const QString pidFile = m_dir.filePath(QStringLiteral("destroyed.pid"));
        const QString path = script(QStringLiteral("long.sh"), "echo $$ > '" + pidFile.toUtf8() + "'\nexec sleep 30\n");
        auto process = std::make_unique<CredentialProcess>(QStringLiteral("tester"), path, childEnvironment());
        QSignalSpy failed(process.get(), &CredentialProcess::failed);
        process->start();
        QTRY_VERIFY(!readFile(pidFile).trimmed().isEmpty());
        const qint64 pid = readFile(pidFile).trimmed().toLongLong();
        QVERIFY(!processGone(pid));
        process.reset();
        QTRY_VERIFY(processGone(pid));
    }

    void badOutputs_data()
    {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<QString>("problem");
        QTest::newRow("not JSON") << QByteArray("AccessKeyId=AKID SecretAccessKey=") + kSecret.toUtf8()
                                  << QStringLiteral("not a JSON object");
        QTest::newRow("truncated JSON") << credentialsJson().left(60) << QStringLiteral("not a JSON object");
        QTest::newRow("array") << QByteArray("[1]") << QStringLiteral("not a JSON object");
        QTest::newRow("Version 2") << credentialsJson().replace("\"Version\": 1", "\"Version\": 2")
                                   << QStringLiteral("\"Version\" other than 1");
        QTest::newRow("Version string") << credentialsJson().replace("\"Version\": 1", "\"Version\": \"1\"")
                                        << QStringLiteral("\"Version\" other than 1");
        QTest::newRow("no Version") << credentialsJson().replace("\"Version\": 1,", "")
                                    << QStringLiteral("no \"Version\"");
        QTest::newRow("no secret") << QByteArray(R"({"Version":1,"AccessKeyId":"AKID"})")
                                   << QStringLiteral("printed no \"SecretAccessKey\"");
        QTest::newRow("no keys") << QByteArray(R"({"Version":1})")
                                 << QStringLiteral("printed no \"AccessKeyId\" and \"SecretAccessKey\"");
        QTest::newRow("expired") << credentialsJson(", \"Expiration\": \"2001-01-01T00:00:00Z\"")
                                 << QStringLiteral("expired credentials");
        QTest::newRow("bad Expiration") << credentialsJson(", \"Expiration\": \"next tuesday\"")
                                        << QStringLiteral("not an ISO 8601 time");
    }

    void badOutputs()
    {
        QFETCH(QByteArray, output);
        QFETCH(QString, problem);
        const QString outputFile = m_dir.filePath(QStringLiteral("output-%1").arg(QString::fromLatin1(QTest::currentDataTag())));
        writeFile(outputFile, output);
        const Outcome outcome = run(QStringLiteral("cat '%1'").arg(outputFile));
        QVERIFY(!outcome.succeeded);
        QVERIFY2(outcome.error.contains(problem), qPrintable(outcome.error));
        QVERIFY(outcome.error.startsWith(QStringLiteral("credential_process of profile tester failed: “cat”")));
        verifyNoSecret(outcome.error);
    }

    void startProblems()
    {
        Outcome outcome = run(QStringLiteral("'unterminated ") + kSecret);
        QVERIFY(outcome.error.contains(QLatin1String("profile tester")));
        QVERIFY2(outcome.error.contains(QLatin1String("No closing quotation")), qPrintable(outcome.error));
        verifyNoSecret(outcome.error);
        outcome = run(QStringLiteral("no-such-program-outcrop --flag"));
        QVERIFY2(outcome.error.contains(QStringLiteral("“no-such-program-outcrop” was not found in PATH")),
                 qPrintable(outcome.error));
        outcome = run(m_dir.filePath(QStringLiteral("missing.sh")));
        QVERIFY2(outcome.error.contains(QLatin1String("could not be started")), qPrintable(outcome.error));
        outcome = run(QStringLiteral("   "));
        QVERIFY(outcome.error.contains(QLatin1String("empty")));
    }

    void parsesFractionalSecondsAndOffsets()
    {
        QString error;
        const QDateTime now = outcrop::aws::utcDateTime(QDate(2025, 1, 1), QTime(0, 0));
        AwsCredentials credentials = CredentialProcess::parseOutput(
            credentialsJson(", \"Expiration\": \"2025-08-01T09:00:00.123456Z\""), now, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(credentials.expiration, outcrop::aws::utcDateTime(QDate(2025, 8, 1), QTime(9, 0, 0, 123)));
        credentials = CredentialProcess::parseOutput(credentialsJson(", \"Expiration\": \"2025-08-01T11:00:00+02:00\""),
                                                     now, &error);
        QCOMPARE(credentials.expiration.toUTC(), outcrop::aws::utcDateTime(QDate(2025, 8, 1), QTime(9, 0)));
    }
};

QTEST_GUILESS_MAIN(TestCredentialProcess)
#include "tst_credentialprocess.moc"
