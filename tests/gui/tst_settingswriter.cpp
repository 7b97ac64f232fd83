// SPDX-License-Identifier: Apache-2.0
// SettingsWriter: snapshots written now or on a worker thread; a later snapshot always wins over
// an earlier background one; destroying the writer writes what is still waiting; groups are
// replaced as a whole.

#include "settingswriter.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <memory>

using namespace outcrop::gui;

namespace {

SettingsSnapshot snapshotOf(const QString &value)
{
    SettingsSnapshot snapshot;
    snapshot.values.insert(QStringLiteral("window/value"), value);
    return snapshot;
}

QString storedValue()
{
    return QSettings().value(QStringLiteral("window/value")).toString();
}

} // namespace

class TestSettingsWriter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("OutcropTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_settingswriter"));
    }

    void init()
    {
        QThreadPool::globalInstance()->waitForDone();
        QSettings().clear();
    }

    void writeIsThereAtOnce()
    {
        SettingsWriter writer;
        writer.write(snapshotOf(QStringLiteral("now")));
        QCOMPARE(storedValue(), QStringLiteral("now"));
    }

    void backgroundWriteArrives()
    {
        SettingsWriter writer;
        writer.writeInBackground(snapshotOf(QStringLiteral("later")));
        QTRY_COMPARE(storedValue(), QStringLiteral("later"));
    }

    void aLaterWriteWinsOverAnEarlierBackgroundOne()
    {
        for (int round = 0; round < 50; ++round) {
            SettingsWriter writer;
            writer.writeInBackground(snapshotOf(QStringLiteral("old %1").arg(round)));
            writer.write(snapshotOf(QStringLiteral("new %1").arg(round)));
            QThreadPool::globalInstance()->waitForDone();
            QCOMPARE(storedValue(), QStringLiteral("new %1").arg(round));
        }
    }

    void theNewestBackgroundWriteWins()
    {
        SettingsWriter writer;
        for (int round = 0; round < 20; ++round) {
            writer.writeInBackground(snapshotOf(QStringLiteral("value %1").arg(round)));
        }
        QThreadPool::globalInstance()->waitForDone();
        QCOMPARE(storedValue(), QStringLiteral("value 19"));
    }

    void destroyingTheWriterWritesWhatIsWaiting()
    {
        // Keep the pool's only thread busy so the background write cannot have run yet.
        auto writer = std::make_unique<SettingsWriter>();
        const int threads = QThreadPool::globalInstance()->maxThreadCount();
        QThreadPool::globalInstance()->setMaxThreadCount(1);
        QAtomicInt release = 0;
        QThreadPool::globalInstance()->start([&release] {
            while (release.loadAcquire() == 0) {
                QThread::msleep(1);
            }
        });
        writer->writeInBackground(snapshotOf(QStringLiteral("waiting")));
        QCOMPARE(storedValue(), QString());
        writer.reset();
        QCOMPARE(storedValue(), QStringLiteral("waiting"));
        release.storeRelease(1);
        QThreadPool::globalInstance()->waitForDone();
        QThreadPool::globalInstance()->setMaxThreadCount(threads);
        QCOMPARE(storedValue(), QStringLiteral("waiting"));
    }

    void aGroupIsReplacedAsAWhole()
    {
        QSettings().setValue(QStringLiteral("filters/stale"), 1);
        QSettings().setValue(QStringLiteral("filters/kept"), 1);
        SettingsSnapshot snapshot;
        snapshot.groups.insert(QStringLiteral("filters"), {{QStringLiteral("kept"), 2}, {QStringLiteral("added"), 3}});
        SettingsWriter writer;
        writer.write(snapshot);
        QSettings settings;
        QVERIFY(!settings.contains(QStringLiteral("filters/stale")));
        QCOMPARE(settings.value(QStringLiteral("filters/kept")).toInt(), 2);
        QCOMPARE(settings.value(QStringLiteral("filters/added")).toInt(), 3);
    }
};

QTEST_GUILESS_MAIN(TestSettingsWriter)
#include "tst_settingswriter.moc"
