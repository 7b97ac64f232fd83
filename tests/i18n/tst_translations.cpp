// SPDX-License-Identifier: Apache-2.0
// The translations are complete and current: every .ts entry finished (no unfinished, obsolete or
// vanished ones), every source string of the code in it (a fresh lupdate run over a copy changes
// nothing), and no translation equal to its English source unless translations/untranslated.json
// allows it for that language (AWS names, API values such as Creating).
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    QString comment;
    QString type;            // "", "unfinished", "obsolete", "vanished"
    QStringList translations;  // one, or one per plural form

    QString key() const { return context + QLatin1String(" / ") + source + QLatin1String(" / ") + comment; }
};

QList<Message> readTs(const QString &path, QString *language, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            continue;
        }
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            *language = xml.attributes().value(QLatin1String("language")).toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = Message{context, {}, {}, {}, {}};
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            message.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value(QLatin1String("type")).toString();
            // Either text or <numerusform> children.
            QString text;
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isCharacters()) {
                    text += xml.text();
                } else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) {
                    message.translations << xml.readElementText();
                } else if (xml.isEndElement() && xml.name() == QLatin1String("translation")) {
                    break;
                }
            }
            if (message.translations.isEmpty()) {
                message.translations << text;
            }
            messages << message;
        }
    }
    if (xml.hasError()) {
        *error = QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
    }
    return messages;
}

QStringList tsFiles()
{
    return QString::fromUtf8(OUTCROP_TS_FILES).split(QLatin1Char(','));
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private slots:
    void everyEntryIsFinished_data();
    void everyEntryIsFinished();
    void everySourceStringIsInTheFile_data() { everyEntryIsFinished_data(); }
    void everySourceStringIsInTheFile();
    void translationsDifferFromTheSource_data() { everyEntryIsFinished_data(); }
    void translationsDifferFromTheSource();
};

void TestTranslations::everyEntryIsFinished_data()
{
    QTest::addColumn<QString>("path");
    for (const QString &path : tsFiles()) {
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
    }
}

void TestTranslations::everyEntryIsFinished()
{
    QFETCH(QString, path);
    QString language;
    QString error;
    const QList<Message> messages = readTs(path, &language, &error);
    QVERIFY2(error.isEmpty(), qPrintable(path + QLatin1String(": ") + error));
    QVERIFY2(messages.size() > 100, "suspiciously few messages");
    QStringList problems;
    for (const Message &message : messages) {
        if (!message.type.isEmpty()) {
            problems << message.type + QLatin1String(": ") + message.key();
        } else if (message.translations.contains(QString())) {
            problems << QLatin1String("empty: ") + message.key();
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

// lupdate over a copy of the file: a string added to the code appears as unfinished, one removed
// from it as vanished (obsolete), so the copy differs from the committed file.
void TestTranslations::everySourceStringIsInTheFile()
{
    QFETCH(QString, path);
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString copy = scratch.filePath(QFileInfo(path).fileName());
    QVERIFY(QFile::copy(path, copy));
    QProcess lupdate;
    lupdate.start(QStringLiteral(OUTCROP_LUPDATE),
                  {QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"),
                   QStringLiteral("-project"), QStringLiteral(OUTCROP_LUPDATE_PROJECT), QStringLiteral("-ts"), copy});
    QVERIFY(lupdate.waitForFinished(60000));
    QCOMPARE(lupdate.exitCode(), 0);

    QString language;
    QString error;
    const QList<Message> committed = readTs(path, &language, &error);
    const QList<Message> updated = readTs(copy, &language, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QSet<QString> committedKeys;
    for (const Message &message : committed) {
        committedKeys.insert(message.key());
    }
    QStringList problems;
    for (const Message &message : updated) {
        if (!committedKeys.contains(message.key())) {
            problems << QLatin1String("missing from the .ts file (run update_translations): ") + message.key();
        } else if (message.type == QLatin1String("vanished") || message.type == QLatin1String("obsolete")) {
            problems << QLatin1String("no longer in the code (run update_translations): ") + message.key();
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestTranslations::translationsDifferFromTheSource()
{
    QFETCH(QString, path);
    QString language;
    QString error;
    const QList<Message> messages = readTs(path, &language, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QFile allowListFile(QStringLiteral(OUTCROP_UNTRANSLATED_ALLOWLIST));
    QVERIFY2(allowListFile.open(QIODevice::ReadOnly), qPrintable(allowListFile.fileName()));
    const QJsonObject allowLists = QJsonDocument::fromJson(allowListFile.readAll()).object();
    QSet<QString> allowed;
    const QString shortLanguage = language.section(QLatin1Char('_'), 0, 0);
    for (const QString &list : {QStringLiteral("all"), shortLanguage}) {
        for (const QJsonValue &value : allowLists.value(list).toArray()) {
            allowed.insert(value.toString());
        }
    }
    QVERIFY2(allowLists.contains(shortLanguage), qPrintable(QLatin1String("no allow-list for ") + shortLanguage));
    QStringList problems;
    for (const Message &message : messages) {
        for (const QString &translation : message.translations) {
            if (translation == message.source && !allowed.contains(message.source)) {
                problems << QLatin1String("same as the English source: ") + message.key();
            }
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
