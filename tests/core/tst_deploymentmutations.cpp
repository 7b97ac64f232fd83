// SPDX-License-Identifier: Apache-2.0
// The validators of the lifecycle inputs (name, description, tags, token, model ARN) against the
// service model's lengths and patterns (service-2.json, bedrock-api.md §2), and the token maker.
#include "bedrock/deploymentmutations.h"

#include <QSet>
#include <QTest>

using namespace outcrop::bedrock;

class TestDeploymentMutations : public QObject
{
    Q_OBJECT

private slots:
    void deploymentName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        // The full-match results of bedrock-api.md §2.
        QTest::newRow("plain") << "my-dep_1" << true;
        QTest::newRow("trailing underscore") << "a_" << true;
        QTest::newRow("63 characters") << QString(63, QLatin1Char('x')) << true;
        QTest::newRow("one character") << "a" << true;
        QTest::newRow("64 characters") << QString(64, QLatin1Char('x')) << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("leading dash") << "-bad" << false;
        QTest::newRow("two dashes") << "a--b" << false;
        QTest::newRow("dash underscore") << "a-_b" << false;
        QTest::newRow("dot") << "a.b" << false;
        QTest::newRow("space") << "has space" << false;
        QTest::newRow("non-ASCII letter") << QStringLiteral("caf\u00e9") << false;
    }

    void deploymentName()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        const QString problem = validateDeploymentName(name);
        QCOMPARE(problem.isEmpty(), valid);
        if (!valid) {
            QVERIFY2(problem.contains(QLatin1String("deployment name")), qPrintable(problem));
        }
    }

    void description()
    {
        QVERIFY(validateDescription({}).isEmpty());
        QVERIFY(validateDescription(QStringLiteral("line one\nline two")).isEmpty());
        QVERIFY(validateDescription(QString(2048, QLatin1Char('d'))).isEmpty());
        // Smithy counts code points: 2048 emoji are 4096 UTF-16 units but allowed.
        QString emoji;
        for (int i = 0; i < 2048; ++i) {
            emoji += QString::fromUcs4(U"\U0001F600", 1);
        }
        QVERIFY(validateDescription(emoji).isEmpty());
        const QString problem = validateDescription(QString(2049, QLatin1Char('d')));
        QVERIFY(problem.contains(QLatin1String("description")));
        QVERIFY(problem.contains(QLatin1String("2049")));
    }

    void tags_data()
    {
        QTest::addColumn<QList<Tag>>("tags");
        QTest::addColumn<QString>("problemContains");   // empty: valid
        const auto tag = [](const QString &key, const QString &value) { return Tag{key, value}; };
        QTest::newRow("none") << QList<Tag>() << "";
        QTest::newRow("every allowed character")
            << QList<Tag>{tag(QStringLiteral("aZ09 ._:/=+@-"), QStringLiteral("aZ09 ._:/=+@-"))} << "";
        QTest::newRow("empty value") << QList<Tag>{tag(QStringLiteral("k"), QString())} << "";
        QTest::newRow("longest key and value")
            << QList<Tag>{tag(QString(128, QLatin1Char('k')), QString(256, QLatin1Char('v')))} << "";
        QTest::newRow("empty key") << QList<Tag>{tag(QString(), QStringLiteral("v"))} << "Tag 1: the key is empty";
        QTest::newRow("long key") << QList<Tag>{tag(QStringLiteral("ok"), {}), tag(QString(129, QLatin1Char('k')), {})}
                                  << "Tag 2: the key is 129";
        QTest::newRow("long value") << QList<Tag>{tag(QStringLiteral("k"), QString(257, QLatin1Char('v')))}
                                    << "the value is 257";
        QTest::newRow("bad key character") << QList<Tag>{tag(QStringLiteral("a!"), {})} << "the key \"a!\"";
        QTest::newRow("bad value character") << QList<Tag>{tag(QStringLiteral("k"), QStringLiteral("50%"))}
                                             << "the value \"50%\"";
        QTest::newRow("reserved key") << QList<Tag>{tag(QStringLiteral("AWS:cloudformation"), {})} << "aws:";
        QTest::newRow("duplicate key") << QList<Tag>{tag(QStringLiteral("k"), {}), tag(QStringLiteral("k"), QStringLiteral("x"))}
                                       << "more than once";
        QTest::newRow("keys differ by case") << QList<Tag>{tag(QStringLiteral("k"), {}), tag(QStringLiteral("K"), {})} << "";
        QList<Tag> many;
        for (int i = 0; i < 201; ++i) {
            many.append(tag(QStringLiteral("k%1").arg(i), {}));
        }
        QTest::newRow("201 tags") << many << "201 tags";
        many.removeLast();
        QTest::newRow("200 tags") << many << "";
    }

    void tags()
    {
        QFETCH(QList<Tag>, tags);
        QFETCH(QString, problemContains);
        const QString problem = validateTags(tags);
        if (problemContains.isEmpty()) {
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        } else {
            QVERIFY2(problem.contains(problemContains), qPrintable(problem));
        }
    }

    void tagKeys()
    {
        QVERIFY(validateTagKeys({QStringLiteral("team"), QStringLiteral("cost centre")}).isEmpty());
        QVERIFY(validateTagKeys({}).contains(QLatin1String("No tag keys")));
        QVERIFY(validateTagKeys({QStringLiteral("ok"), QStringLiteral("bad#")}).contains(QLatin1String("Tag 2")));
        QVERIFY(validateTagKeys({QStringLiteral("aws:createdBy")}).contains(QLatin1String("aws:")));
        QStringList many;
        for (int i = 0; i < 201; ++i) {
            many.append(QStringLiteral("k%1").arg(i));
        }
        QVERIFY(validateTagKeys(many).contains(QLatin1String("201")));
    }

    void tagTotal()
    {
        QList<Tag> existing;
        for (int i = 0; i < 49; ++i) {
            existing.append(Tag{QStringLiteral("k%1").arg(i), {}});
        }
        QVERIFY(validateTagTotal(existing, {Tag{QStringLiteral("new"), {}}}).isEmpty());
        // Overwriting a key does not add a tag.
        QVERIFY(validateTagTotal(existing, {Tag{QStringLiteral("k1"), QStringLiteral("v")}, Tag{QStringLiteral("new"), {}}})
                    .isEmpty());
        const QString problem = validateTagTotal(existing, {Tag{QStringLiteral("a"), {}}, Tag{QStringLiteral("b"), {}}});
        QVERIFY2(problem.contains(QLatin1String("51")) && problem.contains(QLatin1String("50")), qPrintable(problem));
    }

    void clientRequestTokens()
    {
        QSet<QString> seen;
        for (int i = 0; i < 20; ++i) {
            const QString token = newClientRequestToken();
            QVERIFY2(validateClientRequestToken(token).isEmpty(), qPrintable(token));
            QCOMPARE(token.size(), 36);
            seen.insert(token);
        }
        QCOMPARE(seen.size(), 20);
        QVERIFY(!validateClientRequestToken(QString()).isEmpty());
        QVERIFY(!validateClientRequestToken(QStringLiteral("-leading")).isEmpty());
        QVERIFY(!validateClientRequestToken(QStringLiteral("under_score")).isEmpty());
        QVERIFY(!validateClientRequestToken(QString(257, QLatin1Char('a'))).isEmpty());
        QVERIFY(validateClientRequestToken(QString(256, QLatin1Char('a'))).isEmpty());
    }

    void modelArnsAndIdentifiers()
    {
        QVERIFY(validateCustomModelArn(QStringLiteral(
                    "arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.nova-micro-v1:0:128k/abcdefghijkl"))
                    .isEmpty());
        QVERIFY(validateCustomModelArn(QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:custom-model/imported/abcdefghijkl"))
                    .isEmpty());
        QVERIFY(validateCustomModelArn({}).contains(QLatin1String("required")));
        QVERIFY(validateCustomModelArn(QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:custom-model/abcdefghijkl"))
                    .contains(QLatin1String("custom model")));
        QVERIFY(!validateDeploymentIdentifier(QStringLiteral(" ")).isEmpty());
        QVERIFY(validateDeploymentIdentifier(QStringLiteral("my-dep")).isEmpty());
        QVERIFY(validateResourceArn(QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/abcdef123456"))
                    .isEmpty());
        QVERIFY(!validateResourceArn(QStringLiteral("my-dep")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDeploymentMutations)
#include "tst_deploymentmutations.moc"
