// SPDX-License-Identifier: Apache-2.0
// The official AWS SigV4 test suite and the Bedrock-shaped vectors, in both signing modes.
// OUTCROP_SIGV4_VECTORS=<folder> runs only that folder of cases (same layout).
#include "sigv4vectorcheck.h"
#include "sigv4vectorreader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace outcrop::testsupport;

Q_DECLARE_METATYPE(outcrop::testsupport::SigningMode)

namespace {

const QString sharedTestData = QStringLiteral(OUTCROP_SHARED_DIR "/testdata");

QStringList vectorFolders()
{
    const QString chosen = qEnvironmentVariable("OUTCROP_SIGV4_VECTORS");
    if (!chosen.isEmpty())
        return {chosen};
    return {sharedTestData + QStringLiteral("/sigv4"), sharedTestData + QStringLiteral("/bedrock-sigv4")};
}

bool copyCase(const QString &from, const QString &to)
{
    const QDir source(from);
    if (!QDir().mkpath(to))
        return false;
    const QStringList files = source.entryList(QDir::Files);
    for (const QString &file : files) {
        if (!QFile::copy(source.filePath(file), QDir(to).filePath(file)))
            return false;
    }
    return !files.isEmpty();
}

bool overwrite(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

bool anyContains(const QStringList &lines, const QString &text)
{
    for (const QString &line : lines) {
        if (line.contains(text))
            return true;
    }
    return false;
}

} // namespace

class TestSigV4Vectors : public QObject
{
    Q_OBJECT

private slots:
    void everyFolderHasCases()
    {
        const QStringList folders = vectorFolders();
        for (const QString &folder : folders)
            QVERIFY2(!sigV4CaseDirectories(folder).isEmpty(), qPrintable(folder + QStringLiteral(": no cases")));
        if (qEnvironmentVariableIsEmpty("OUTCROP_SIGV4_VECTORS")) {
            // Catch a data set that lost cases: the READMEs list 26 and 7.
            QCOMPARE(sigV4CaseDirectories(folders.at(0)).size(), 26);
            QCOMPARE(sigV4CaseDirectories(folders.at(1)).size(), 7);
        }
    }

    void vectors_data()
    {
        QTest::addColumn<QString>("directory");
        QTest::addColumn<SigningMode>("mode");
        const QStringList folders = vectorFolders();
        for (const QString &folder : folders) {
            const QStringList directories = sigV4CaseDirectories(folder);
            for (const QString &directory : directories) {
                const QByteArray name = QDir(directory).dirName().toUtf8();
                QTest::newRow(QByteArray(name + " header").constData()) << directory << SigningMode::Header;
                QTest::newRow(QByteArray(name + " query").constData()) << directory << SigningMode::Query;
            }
        }
    }

    void vectors()
    {
        QFETCH(QString, directory);
        QFETCH(SigningMode, mode);
        const QStringList mismatches = checkSigV4VectorCase(directory, mode);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
    }

    // The harness itself must be able to fail: a copied case with one wrong byte in the expected
    // signature is reported, and only in the mode it belongs to.
    void corruptedSignatureIsReported()
    {
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        const QString copy = temporary.filePath(QStringLiteral("get-vanilla"));
        QVERIFY(copyCase(sharedTestData + QStringLiteral("/sigv4/get-vanilla"), copy));
        QCOMPARE(checkSigV4VectorCase(copy, SigningMode::Header), QStringList());

        const QString signaturePath = QDir(copy).filePath(QStringLiteral("header-signature.txt"));
        QFile file(signaturePath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray signature = file.readAll();
        file.close();
        QCOMPARE(signature.size(), 64);
        signature[10] = signature.at(10) == '0' ? '1' : '0';
        QVERIFY(overwrite(signaturePath, signature));

        const QStringList mismatches = checkSigV4VectorCase(copy, SigningMode::Header);
        QVERIFY(!mismatches.isEmpty());
        QVERIFY2(anyContains(mismatches, QStringLiteral("get-vanilla header: signature: expected \"")
                                              + QString::fromLatin1(signature)),
                 qPrintable(mismatches.join(QLatin1Char('\n'))));
        QCOMPARE(checkSigV4VectorCase(copy, SigningMode::Query), QStringList());
    }

    void corruptedSignedRequestIsReported()
    {
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        const QString copy = temporary.filePath(QStringLiteral("get-vanilla"));
        QVERIFY(copyCase(sharedTestData + QStringLiteral("/sigv4/get-vanilla"), copy));
        const QString path = QDir(copy).filePath(QStringLiteral("header-signed-request.txt"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray bytes = file.readAll();
        file.close();
        QVERIFY(bytes.contains("SignedHeaders=host;x-amz-date,"));
        bytes.replace("SignedHeaders=host;x-amz-date,", "SignedHeaders=host,");
        QVERIFY(overwrite(path, bytes));

        const QStringList mismatches = checkSigV4VectorCase(copy, SigningMode::Header);
        QVERIFY2(anyContains(mismatches, QStringLiteral("Authorization SignedHeaders")),
                 qPrintable(mismatches.join(QLatin1Char('\n'))));
    }

    void unreadableCaseIsReported()
    {
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        const QString copy = temporary.filePath(QStringLiteral("get-vanilla"));
        QVERIFY(copyCase(sharedTestData + QStringLiteral("/sigv4/get-vanilla"), copy));
        QVERIFY(QFile::remove(QDir(copy).filePath(QStringLiteral("query-string-to-sign.txt"))));
        const QStringList mismatches = checkSigV4VectorCase(copy, SigningMode::Query);
        QCOMPARE(mismatches.size(), 1);
        QVERIFY2(mismatches.first().contains(QStringLiteral("query-string-to-sign.txt")), qPrintable(mismatches.first()));
    }

    // post-sts-header-after is not in the snapshot. Its canonical request equals post-vanilla's (the
    // README lists them as sharing a signature), and only the rendering differs: the token is in
    // the request (header) or the target (query) but not signed. Rebuild it from post-vanilla.
    void tokenAddedAfterSigning_data()
    {
        QTest::addColumn<SigningMode>("mode");
        QTest::newRow("header") << SigningMode::Header;
        QTest::newRow("query") << SigningMode::Query;
    }

    void tokenAddedAfterSigning()
    {
        QFETCH(SigningMode, mode);
        SigV4VectorCase after;
        SigV4VectorCase before;
        QString error;
        QVERIFY2(readSigV4VectorCase(sharedTestData + QStringLiteral("/sigv4/post-vanilla"), &after, &error),
                 qPrintable(error));
        QVERIFY2(readSigV4VectorCase(sharedTestData + QStringLiteral("/sigv4/post-sts-header-before"), &before, &error),
                 qPrintable(error));
        const QString token = before.context.credentials.sessionToken;
        QVERIFY(token.contains(QLatin1Char('/')) && token.contains(QLatin1Char('+')));
        after.name = QStringLiteral("post-sts-header-after (rebuilt)");
        after.context.credentials.sessionToken = token;
        after.context.omitSessionToken = true;

        QList<outcrop::aws::HttpHeader> &headers = after.header.signedRequest.headers;
        QCOMPARE(headers.at(1).name, QByteArray("X-Amz-Date"));
        headers.insert(1, {QByteArrayLiteral("X-Amz-Security-Token"), token.toUtf8()});
        QByteArray &target = after.query.signedRequest.target;
        const qsizetype signatureAt = target.indexOf("&X-Amz-Signature=");
        QVERIFY(signatureAt > 0);
        target.insert(signatureAt, "&X-Amz-Security-Token=" + token.toUtf8().toPercentEncoding());

        const QStringList mismatches = checkSigV4VectorCase(after, mode);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
        // Against the unmodified post-vanilla rendering it must fail: the token is expected.
        SigV4VectorCase plain;
        QVERIFY(readSigV4VectorCase(sharedTestData + QStringLiteral("/sigv4/post-vanilla"), &plain, &error));
        plain.context = after.context;
        QVERIFY(!checkSigV4VectorCase(plain, mode).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSigV4Vectors)
#include "tst_sigv4vectors.moc"
