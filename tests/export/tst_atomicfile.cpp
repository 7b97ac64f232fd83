// SPDX-License-Identifier: Apache-2.0
#include "export/atomicfilewriter.h"
#include "export/csvwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using outcrop::exporting::AtomicFileWriter;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(content), content.size());
}

QStringList entries(const QTemporaryDir &dir)
{
    return QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                                      QDir::Name);
}

bool write(AtomicFileWriter &writer, const QByteArray &content)
{
    return writer.device()->write(content) == content.size();
}

} // namespace

class TestAtomicFile : public QObject
{
    Q_OBJECT

private slots:
    void commitCreatesTheFile()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("out.csv"));
        const mode_t oldMask = ::umask(022);
        AtomicFileWriter writer;
        const bool opened = writer.open(target);
        ::umask(oldMask);
        QVERIFY2(opened, qPrintable(writer.errorString()));
        QVERIFY(!writer.isStreaming());
        // Beside the target, in the same directory (so rename() is atomic), and nothing at the
        // target until commit().
        QCOMPARE(QFileInfo(writer.temporaryPath()).absolutePath(), QFileInfo(dir.path()).absoluteFilePath());
        QVERIFY(!QFile::exists(target));
        QVERIFY(write(writer, "a,b\r\n"));
        QVERIFY(!QFile::exists(target));
        QVERIFY2(writer.commit(), qPrintable(writer.errorString()));
        QCOMPARE(readAll(target), QByteArray("a,b\r\n"));
        QCOMPARE(entries(dir), QStringList{QStringLiteral("out.csv")});
        // 0666 & ~umask, like a shell redirect, not QTemporaryFile's 0600.
        struct stat status = {};
        QCOMPARE(::stat(QFile::encodeName(target).constData(), &status), 0);
        QCOMPARE(int(status.st_mode & 0777), 0644);
    }

    void commitReplacesAnExistingFileKeepingItsMode()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("out.csv"));
        writeFile(target, "old content that is longer\n");
        QCOMPARE(::chmod(QFile::encodeName(target).constData(), 0640), 0);
        AtomicFileWriter writer;
        QVERIFY2(writer.open(target), qPrintable(writer.errorString()));
        QVERIFY(write(writer, "new"));
        QCOMPARE(readAll(target), QByteArray("old content that is longer\n"));   // untouched until commit
        QVERIFY2(writer.commit(), qPrintable(writer.errorString()));
        QCOMPARE(readAll(target), QByteArray("new"));
        struct stat status = {};
        QCOMPARE(::stat(QFile::encodeName(target).constData(), &status), 0);
        QCOMPARE(int(status.st_mode & 0777), 0640);
        QCOMPARE(entries(dir), QStringList{QStringLiteral("out.csv")});
    }

    // The replaced file is held across the rename and let go on a pool thread (freeing its storage
    // is then not the caller's wait): while the pool is busy it is still open, unlinked; once the
    // pool has run, no descriptor of this process refers to it.
    void theReplacedFileIsReleasedOnAPoolThread()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("out.csv"));
        writeFile(target, QByteArray(100000, 'o'));
        const auto openDeletedTargets = [&target] {
            int count = 0;
            const QDir fds(QStringLiteral("/proc/self/fd"));
            for (const QString &fd : fds.entryList(QDir::Files | QDir::System)) {
                if (QFile::symLinkTarget(fds.filePath(fd)) == target + QStringLiteral(" (deleted)")) {
                    ++count;
                }
            }
            return count;
        };
        QThreadPool *pool = QThreadPool::globalInstance();
        QSemaphore holding;
        QSemaphore release;
        for (int i = 0; i < pool->maxThreadCount(); ++i) {
            pool->start([&holding, &release] {
                holding.release();
                release.acquire();
            });
        }
        QVERIFY(holding.tryAcquire(pool->maxThreadCount(), 10000));

        AtomicFileWriter writer;
        QVERIFY2(writer.open(target), qPrintable(writer.errorString()));
        QVERIFY(write(writer, "new"));
        QVERIFY2(writer.commit(), qPrintable(writer.errorString()));
        QCOMPARE(readAll(target), QByteArray("new"));
        QCOMPARE(openDeletedTargets(), 1);   // the old file, waiting for a pool thread
        release.release(pool->maxThreadCount());
        QVERIFY(pool->waitForDone(10000));
        QCOMPARE(openDeletedTargets(), 0);
        QCOMPARE(entries(dir), QStringList{QStringLiteral("out.csv")});
    }

    void csvWriterThroughTheAtomicFile()
    {
        // The way the export uses the two: CSV streamed into the temporary file, then committed.
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("deployments.csv"));
        AtomicFileWriter file;
        QVERIFY(file.open(target));
        outcrop::exporting::CsvWriter csv(file.device());
        QVERIFY(csv.writeHeader({QStringLiteral("a"), QStringLiteral("b")}));
        for (int i = 0; i < 10000; ++i) {
            QVERIFY(csv.writeRow(QStringList{QString::number(i), QStringLiteral("=x")}));
        }
        QVERIFY(csv.flush());
        QVERIFY(!QFile::exists(target));
        QVERIFY2(file.commit(), qPrintable(file.errorString()));
        const QByteArray written = readAll(target);
        QVERIFY(written.startsWith("a,b\r\n0,'=x\r\n1,'=x\r\n"));
        QVERIFY(written.endsWith("9999,'=x\r\n"));
        QCOMPARE(written.count("\r\n"), 10001);
    }

    // startWriteback is a hint between writes: the file and the target are as without it, and
    // it does nothing before open(), after cancel() or on standard output.
    void startWritebackChangesNothingVisible()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("out.csv"));
        AtomicFileWriter writer;
        writer.startWriteback();
        QVERIFY2(writer.open(target), qPrintable(writer.errorString()));
        QByteArray expected;
        for (int page = 0; page < 5; ++page) {
            const QByteArray rows = QByteArray(70000, char('a' + page)) + "\r\n";
            QVERIFY(write(writer, rows));
            writer.startWriteback();
            expected += rows;
            QVERIFY(!QFile::exists(target));
        }
        QVERIFY2(writer.commit(), qPrintable(writer.errorString()));
        QCOMPARE(readAll(target), expected);
        QCOMPARE(entries(dir), QStringList{QStringLiteral("out.csv")});
        writer.startWriteback();

        AtomicFileWriter cancelled;
        QVERIFY(cancelled.open(dir.filePath(QStringLiteral("other.csv"))));
        QVERIFY(write(cancelled, "x\r\n"));
        cancelled.startWriteback();
        cancelled.cancel();
        cancelled.startWriteback();
        QCOMPARE(entries(dir), QStringList{QStringLiteral("out.csv")});

        AtomicFileWriter streaming;
        QVERIFY(streaming.open(QStringLiteral("-")));
        QVERIFY(streaming.isStreaming());
        streaming.startWriteback();
        streaming.cancel();
    }

    void cancelLeavesTheOldFileAndNoTemporary()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("out.csv"));
        writeFile(target, "old");
        AtomicFileWriter writer;
        QVERIFY(writer.open(target));
        const QString temporary = writer.temporaryPath();
        QVERIFY(QFile::exists(temporary));
        QVERIFY(write(writer, "partial"));
        writer.cancel();
        QVERIFY(!QFile::exists(temporary));
        QCOMPARE(readAll(target), QByteArray("old"));
        QCOMPARE(entries(dir), QStringList{QStringLiteral("out.csv")});
    }

    void destructorLeavesNothingAtANewTarget()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("out.csv"));
        {
            AtomicFileWriter writer;
            QVERIFY(writer.open(target));
            QVERIFY(write(writer, "partial"));
        }
        QVERIFY(entries(dir).isEmpty());
    }

    void symlinkAtTargetIsRefused_data()
    {
        QTest::addColumn<bool>("dangling");
        QTest::newRow("to a file") << false;
        QTest::newRow("dangling") << true;
    }
    void symlinkAtTargetIsRefused()
    {
        QFETCH(bool, dangling);
        QTemporaryDir dir;
        const QString victim = dir.filePath(QStringLiteral("victim"));
        if (!dangling) {
            writeFile(victim, "precious");
        }
        const QString target = dir.filePath(QStringLiteral("out.csv"));
        QVERIFY(QFile::link(victim, target));
        AtomicFileWriter writer;
        QVERIFY(!writer.open(target));
        QVERIFY2(writer.errorString().contains(target), qPrintable(writer.errorString()));
        QVERIFY2(writer.errorString().contains(QLatin1String("symbolic link")), qPrintable(writer.errorString()));
        QVERIFY(QFileInfo(target).isSymLink());
        if (dangling) {
            QVERIFY(!QFile::exists(victim));
        } else {
            QCOMPARE(readAll(victim), QByteArray("precious"));
        }
        QCOMPARE(entries(dir).size(), dangling ? 1 : 2);   // no temporary left
        QVERIFY(!writer.commit());
    }

    void plantedSymlinkAtTemporaryNameIsNotFollowed()
    {
        QTemporaryDir dir;
        const QString victim = dir.filePath(QStringLiteral("victim"));
        writeFile(victim, "precious");
        const QString planted = dir.filePath(QStringLiteral("planted.tmp"));
        const QString plantedFile = dir.filePath(QStringLiteral("planted-file.tmp"));
        const QString fresh = dir.filePath(QStringLiteral("fresh.tmp"));
        QVERIFY(QFile::link(victim, planted));
        writeFile(plantedFile, "someone else's");
        QStringList tried;
        AtomicFileWriter writer;
        writer.setTemporaryNameSource([&](const QString &directory, const QString &fileName, int attempt) {
            Q_UNUSED(directory);
            Q_UNUSED(fileName);
            const QString name = attempt == 0 ? planted : attempt == 1 ? plantedFile : fresh;
            tried << name;
            return name;
        });
        const QString target = dir.filePath(QStringLiteral("out.csv"));
        QVERIFY2(writer.open(target), qPrintable(writer.errorString()));
        QCOMPARE(tried, (QStringList{planted, plantedFile, fresh}));
        QCOMPARE(writer.temporaryPath(), fresh);
        QVERIFY(write(writer, "export"));
        QVERIFY(writer.commit());
        QCOMPARE(readAll(target), QByteArray("export"));
        QCOMPARE(readAll(victim), QByteArray("precious"));
        QCOMPARE(readAll(plantedFile), QByteArray("someone else's"));
        QVERIFY(QFileInfo(planted).isSymLink());
    }

    void defaultTemporaryNamesDiffer()
    {
        const QString first = AtomicFileWriter::defaultTemporaryName(QStringLiteral("/d"), QStringLiteral("f.csv"), 0);
        const QString second = AtomicFileWriter::defaultTemporaryName(QStringLiteral("/d"), QStringLiteral("f.csv"), 0);
        QVERIFY(first.startsWith(QLatin1String("/d/f.csv.")));
        QVERIFY(first != second);
    }

    void missingDirectoryIsNamed()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("no/such/dir/out.csv"));
        AtomicFileWriter writer;
        QVERIFY(!writer.open(target));
        QVERIFY2(writer.errorString().contains(target), qPrintable(writer.errorString()));
        QVERIFY2(writer.errorString().contains(QLatin1String("No such file or directory")),
                 qPrintable(writer.errorString()));
    }

    void fileInPlaceOfDirectoryIsNamed()
    {
        QTemporaryDir dir;
        const QString notADirectory = dir.filePath(QStringLiteral("plain"));
        writeFile(notADirectory, "x");
        const QString target = notADirectory + QStringLiteral("/out.csv");
        AtomicFileWriter writer;
        QVERIFY(!writer.open(target));
        QVERIFY2(writer.errorString().contains(target), qPrintable(writer.errorString()));
        QVERIFY2(writer.errorString().contains(QLatin1String("Not a directory")), qPrintable(writer.errorString()));
        QCOMPARE(entries(dir), QStringList{QStringLiteral("plain")});
    }

    void unwritableDirectoryIsNamed()
    {
        if (::geteuid() == 0) {
            QSKIP("root may write into any directory");
        }
        QTemporaryDir dir;
        const QString locked = dir.filePath(QStringLiteral("locked"));
        QVERIFY(QDir().mkdir(locked));
        QCOMPARE(::chmod(QFile::encodeName(locked).constData(), 0555), 0);
        const QString target = locked + QStringLiteral("/out.csv");
        AtomicFileWriter writer;
        const bool opened = writer.open(target);
        ::chmod(QFile::encodeName(locked).constData(), 0755);
        QVERIFY(!opened);
        QVERIFY2(writer.errorString().contains(target), qPrintable(writer.errorString()));
        QVERIFY2(writer.errorString().contains(QLatin1String("Permission denied")), qPrintable(writer.errorString()));
    }

    void directoryOrDeviceAtTargetIsRefused()
    {
        QTemporaryDir dir;
        AtomicFileWriter writer;
        QVERIFY(!writer.open(dir.path()));
        QVERIFY2(writer.errorString().contains(dir.path()), qPrintable(writer.errorString()));
        QVERIFY(!writer.open(QStringLiteral("/dev/null")));
        QVERIFY2(writer.errorString().contains(QLatin1String("/dev/null")), qPrintable(writer.errorString()));
        QVERIFY(!writer.open(QString()));
        QVERIFY(!writer.errorString().isEmpty());
    }

    void writeFailedMessageNamesThePath()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("out.csv"));
        AtomicFileWriter writer;
        QVERIFY(writer.open(target));
        const QString message = writer.writeFailedMessage(QStringLiteral("No space left on device"));
        QVERIFY(message.contains(target));
        QVERIFY(message.contains(QLatin1String("No space left on device")));
        QVERIFY(!message.contains(QLatin1String("incomplete")));
    }

    void dashStreamsToStandardOutput()
    {
        QTemporaryDir dir;
        const QString capture = dir.filePath(QStringLiteral("stdout"));
        const int captureFd = ::open(QFile::encodeName(capture).constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        QVERIFY(captureFd >= 0);
        std::fflush(stdout);
        const int savedStdout = ::dup(STDOUT_FILENO);
        ::dup2(captureFd, STDOUT_FILENO);
        ::close(captureFd);

        bool opened = false;
        bool streaming = false;
        bool written = false;
        bool committed = false;
        QString temporaryPath = QStringLiteral("unset");
        QString message;
        {
            AtomicFileWriter writer;
            opened = writer.open(QStringLiteral("-"));
            streaming = writer.isStreaming();
            temporaryPath = writer.temporaryPath();
            written = write(writer, "a,b\r\n");
            message = writer.writeFailedMessage(QStringLiteral("Broken pipe"));
            committed = writer.commit();
        }
        ::dup2(savedStdout, STDOUT_FILENO);
        ::close(savedStdout);

        QVERIFY(opened);
        QVERIFY(streaming);
        QVERIFY(temporaryPath.isEmpty());
        QVERIFY(written);
        QVERIFY(committed);
        QCOMPARE(readAll(capture), QByteArray("a,b\r\n"));
        QVERIFY(message.contains(QLatin1String("standard output")));
        QVERIFY(message.contains(QLatin1String("incomplete")));
        QCOMPARE(entries(dir), QStringList{QStringLiteral("stdout")});
        // Standard output itself stays open for the test's own log.
        QVERIFY(::fcntl(STDOUT_FILENO, F_GETFD) != -1);
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"
