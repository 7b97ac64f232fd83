// SPDX-License-Identifier: Apache-2.0
// The strings and URLs behind the deployment actions: AWS CLI commands, the invoke snippet, the
// console URL per partition, and shell quoting (checked by splitting the result back into words).
#include "aws/shellwords.h"
#include "aws/utctime.h"
#include "bedrock/deploymentcommands.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace outcrop::bedrock;

namespace {

const QString kArn = QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/abcdef123456");
const QString kModelArn =
    QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.nova-micro-v1:0:128k/abcdefghijkl");

QStringList words(const QString &command)
{
    QStringList result;
    QString error;
    if (!outcrop::aws::splitShellWords(command, &result, &error)) {
        qWarning("cannot split %s: %s", qPrintable(command), qPrintable(error));
    }
    return result;
}

// The members of an operation's input shape in botocore's service model.
QStringList inputMembers(const QString &operation)
{
    QFile file(QStringLiteral(OUTCROP_SHARED_DIR "/reference/botocore-bedrock/service-2.json"));
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QJsonObject model = QJsonDocument::fromJson(file.readAll()).object();
    const QString shape = model.value(QStringLiteral("operations")).toObject().value(operation).toObject()
                              .value(QStringLiteral("input")).toObject().value(QStringLiteral("shape")).toString();
    return model.value(QStringLiteral("shapes")).toObject().value(shape).toObject()
        .value(QStringLiteral("members")).toObject().keys();
}

// How the AWS CLI names a member's flag: camelCase to kebab-case (awscli's xform_name).
QString cliFlag(const QString &member)
{
    QString flag = QStringLiteral("--");
    for (const QChar c : member) {
        if (c.isUpper()) {
            flag += QLatin1Char('-') + c.toLower();
        } else {
            flag += c;
        }
    }
    return flag;
}

QStringList flagsOf(const QString &command)
{
    QStringList flags;
    for (const QString &word : words(command)) {
        if (word.startsWith(QLatin1String("--"))) {
            flags << word;
        }
    }
    return flags;
}

} // namespace

class TestDeploymentCommands : public QObject
{
    Q_OBJECT

private slots:
    void shellQuote_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("plain ARN") << kArn << kArn;
        QTest::newRow("empty") << QString() << QStringLiteral("''");
        QTest::newRow("space") << QStringLiteral("my profile") << QStringLiteral("'my profile'");
        QTest::newRow("single quote") << QStringLiteral("it's") << QStringLiteral("'it'\"'\"'s'");
        QTest::newRow("dollar and backtick") << QStringLiteral("$HOME`id`") << QStringLiteral("'$HOME`id`'");
        QTest::newRow("double quotes") << QStringLiteral("say \"hi\"") << QStringLiteral("'say \"hi\"'");
        QTest::newRow("glob") << QStringLiteral("dep*") << QStringLiteral("'dep*'");
        QTest::newRow("semicolon") << QStringLiteral("a;rm -rf x") << QStringLiteral("'a;rm -rf x'");
        QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("'a\nb'");
        QTest::newRow("non-ASCII") << QStringLiteral("caf\u00e9") << QStringLiteral("'caf\u00e9'");
        QTest::newRow("safe punctuation") << QStringLiteral("a@b%c+d=e:f,g./h_i-j")
                                          << QStringLiteral("a@b%c+d=e:f,g./h_i-j");
    }

    void shellQuote()
    {
        QFETCH(QString, word);
        QFETCH(QString, quoted);
        QCOMPARE(outcrop::bedrock::shellQuote(word), quoted);
        // A POSIX shell (shlex rules) reads the quoted form back as the same single word.
        QCOMPARE(words(QStringLiteral("echo ") + outcrop::bedrock::shellQuote(word)),
                 QStringList({ QStringLiteral("echo"), word }));
    }

    void getCommandForTheDeployment()
    {
        CliOptions options;
        options.region = QStringLiteral("us-east-1");
        QCOMPARE(getDeploymentCliCommand(kArn, options),
                 QStringLiteral("aws bedrock get-custom-model-deployment --custom-model-deployment-identifier ") + kArn
                     + QStringLiteral(" --region us-east-1"));
    }

    void getCommandQuotesProfileAndEndpoint()
    {
        CliOptions options;
        options.region = QStringLiteral("eu-west-1");
        options.profile = QStringLiteral("team's admin");
        options.endpointUrl = QStringLiteral("http://127.0.0.1:8080");
        const QString command = getDeploymentCliCommand(QStringLiteral("my deployment"), options);
        QCOMPARE(words(command),
                 QStringList({ QStringLiteral("aws"), QStringLiteral("bedrock"),
                               QStringLiteral("get-custom-model-deployment"),
                               QStringLiteral("--custom-model-deployment-identifier"), QStringLiteral("my deployment"),
                               QStringLiteral("--region"), QStringLiteral("eu-west-1"), QStringLiteral("--profile"),
                               QStringLiteral("team's admin"), QStringLiteral("--endpoint-url"),
                               QStringLiteral("http://127.0.0.1:8080") }));
    }

    void withoutRegionNoRegionFlag()
    {
        QCOMPARE(getDeploymentCliCommand(kArn, CliOptions()),
                 QStringLiteral("aws bedrock get-custom-model-deployment --custom-model-deployment-identifier ") + kArn);
    }

    void getFlagIsTheServiceModelsMember()
    {
        const QStringList members = inputMembers(QStringLiteral("GetCustomModelDeployment"));
        QCOMPARE(members, QStringList({ QStringLiteral("customModelDeploymentIdentifier") }));
        QVERIFY(flagsOf(getDeploymentCliCommand(kArn, {})).contains(cliFlag(members.first())));
    }

    void listCommandWithEveryFilter()
    {
        DeploymentQuery query;
        query.createdAfter = outcrop::aws::utcDateTime(QDate(2025, 7, 1), QTime(0, 0));
        query.createdBefore = outcrop::aws::utcDateTime(QDate(2025, 8, 1), QTime(12, 34, 56, 789));
        query.nameContains = QStringLiteral("support");
        query.statusEquals = QStringLiteral("FAILED");
        query.modelArnEquals = kModelArn;
        query.sortByCreationTime = true;
        query.sortOrder = SortOrder::Ascending;
        query.maxResults = 50;
        CliOptions options;
        options.region = QStringLiteral("us-west-2");
        QCOMPARE(listDeploymentsCliCommand(query, options),
                 QStringLiteral("aws bedrock list-custom-model-deployments --created-after 2025-07-01T00:00:00Z "
                                "--created-before 2025-08-01T12:34:56.789Z --name-contains support "
                                "--status-equals Failed --model-arn-equals ")
                     + kModelArn
                     + QStringLiteral(" --sort-by CreationTime --sort-order Ascending --page-size 50 "
                                      "--region us-west-2"));
    }

    void listCommandWithoutFilters()
    {
        QCOMPARE(listDeploymentsCliCommand(DeploymentQuery(), CliOptions()),
                 QStringLiteral("aws bedrock list-custom-model-deployments"));
    }

    void listFlagsAreTheServiceModelsMembers()
    {
        DeploymentQuery query;
        query.createdAfter = outcrop::aws::utcDateTime(QDate(2025, 7, 1), QTime(0, 0));
        query.createdBefore = outcrop::aws::utcDateTime(QDate(2025, 8, 1), QTime(0, 0));
        query.nameContains = QStringLiteral("x");
        query.statusEquals = QStringLiteral("Active");
        query.modelArnEquals = kModelArn;
        query.sortByCreationTime = true;
        query.sortOrder = SortOrder::Descending;
        const QStringList members = inputMembers(QStringLiteral("ListCustomModelDeployments"));
        QVERIFY(!members.isEmpty());
        QStringList memberFlags;
        for (const QString &member : members) {
            memberFlags << cliFlag(member);
        }
        const QStringList flags = flagsOf(listDeploymentsCliCommand(query, {}));
        QCOMPARE(flags.size(), 7);
        for (const QString &flag : flags) {
            QVERIFY2(memberFlags.contains(flag), qPrintable(flag));
        }
    }

    void invokeSnippet()
    {
        CliOptions options;
        options.region = QStringLiteral("us-east-1");
        options.endpointUrl = QStringLiteral("https://bedrock.vpce.example");
        const QString snippet = converseCliSnippet(kArn, options);
        QCOMPARE(snippet,
                 QStringLiteral("aws bedrock-runtime converse --model-id ") + kArn
                     + QStringLiteral(" --region us-east-1 --messages "
                                      "'[{\"role\":\"user\",\"content\":[{\"text\":\"Hello\"}]}]'"));
        // The control plane's endpoint is not the runtime's, so it is left out.
        QVERIFY(!snippet.contains(QLatin1String("endpoint")));
        const QStringList parts = words(snippet);
        QCOMPARE(parts.at(parts.indexOf(QStringLiteral("--model-id")) + 1), kArn);
        QJsonParseError error;
        const QJsonDocument messages = QJsonDocument::fromJson(parts.last().toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(messages.array().first().toObject().value(QStringLiteral("role")).toString(), QStringLiteral("user"));
    }

    void consoleUrl_data()
    {
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("url");
        QTest::newRow("aws") << QStringLiteral("us-east-1")
                             << QStringLiteral("https://console.aws.amazon.com/bedrock/home?region=us-east-1");
        QTest::newRow("aws eu") << QStringLiteral("eu-central-1")
                                << QStringLiteral("https://console.aws.amazon.com/bedrock/home?region=eu-central-1");
        QTest::newRow("aws-cn") << QStringLiteral("cn-north-1")
                                << QStringLiteral("https://console.amazonaws.cn/bedrock/home?region=cn-north-1");
        QTest::newRow("aws-us-gov")
            << QStringLiteral("us-gov-west-1")
            << QStringLiteral("https://console.amazonaws-us-gov.com/bedrock/home?region=us-gov-west-1");
        QTest::newRow("aws-iso: no public console") << QStringLiteral("us-iso-east-1") << QString();
        QTest::newRow("no region") << QString() << QString();
    }

    void consoleUrl()
    {
        QFETCH(QString, region);
        QFETCH(QString, url);
        const QUrl consoleUrl = bedrockConsoleUrl(region);
        QCOMPARE(consoleUrl.isValid(), !url.isEmpty());
        QCOMPARE(consoleUrl.toString(QUrl::FullyEncoded), url);
    }
};

QTEST_GUILESS_MAIN(TestDeploymentCommands)
#include "tst_deploymentcommands.moc"
