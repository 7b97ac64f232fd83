// SPDX-License-Identifier: Apache-2.0
// bench-soak: the dashboard left running (docs/benchmarks.md, "Soak").
//
//   bench-soak [--interval-ms 15] [--cycles 10000] [--duration-s 0] [--rows 300]
//              [--activity-ms 100] [--sample-ms 1000] [--trim] [--malloc-info FILE] [--csv FILE]
//
// The real MainWindow is shown on the offscreen platform with a throw-away HOME and auto-refresh
// set to --interval-ms (LiveRefresh::setIntervalMs; the user's menu only offers whole seconds).
// The simulator runs in a CHILD PROCESS of this one (bench-soak --sim-child), so the figures are
// the dashboard's alone; there a DemoActivity step runs every --activity-ms (create, complete,
// delete), and the data set is kept within --rows ... --rows + 50 deployments by deleting the
// oldest Active one when it grows past that, so a flat memory curve means "no leak" and not "a
// bounded data set by luck".
//
// Every --sample-ms it records: refresh cycles done (the model's refreshed()), VmRSS, and from a
// registry of EVERY live QObject of the process (Qt's object hooks, the ones GammaRay uses): live
// QNetworkReply objects, QTimer objects and how many are running (members without a parent
// included), all QObjects; then open file descriptors and child processes other than the
// simulator (from /proc). To tell a leak from allocator fragmentation and from code pages, each
// sample also splits VmRSS into RssAnon (heap, stacks) and RssFile (mapped libraries: grows as
// code paths run for the first time), and reads glibc's mallinfo2() summed over every arena: the
// bytes in use by live allocations against the bytes the allocator holds from the system. A heap
// in use that stays flat while the allocator's holding grows is fragmentation, not a leak.
// --malloc-info writes malloc_info()'s per-arena XML at the last sample. It stops after
// --cycles refreshes or --duration-s seconds (whichever comes first; 0 = no limit) and prints a
// summary; --csv writes every sample.
//
// Blocking calls (waitForReadyRead, QEventLoop) are fine here: this is a tool, not src/.

#include "aws/authprovider.h"
#include "bedrock/bedrocksession.h"
#include "deploymenttablemodel.h"
#include "liverefresh.h"
#include "mainwindow.h"
#include "demoactivity.h"
#include "simconfig.h"
#include "simulator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <QMutex>

#include <cstdio>
#include <memory>
#include <unordered_set>
#include <vector>

#include <malloc.h>
#include <unistd.h>

using namespace outcrop;

// Qt's hook table (qhooks_p.h, exported by QtCore for tools such as GammaRay; the private header
// is not installed here). Index 3 is called from every QObject constructor, 4 from every
// destructor. Version 1 of the table (Qt 5.x and 6.x).
extern quintptr Q_CORE_EXPORT qtHookData[];

namespace {

constexpr int kAddQObjectHook = 3;
constexpr int kRemoveQObjectHook = 4;

// Every QObject alive in this process (from any thread: the network thread makes objects too).
QMutex g_objectsMutex;
std::unordered_set<QObject *> g_objects;

void objectAdded(QObject *object)
{
    QMutexLocker lock(&g_objectsMutex);
    g_objects.insert(object);
}

void objectRemoved(QObject *object)
{
    QMutexLocker lock(&g_objectsMutex);
    g_objects.erase(object);
}

// One "Name:   1234 kB" field of /proc/self/status, in KiB (-1 when missing).
qint64 statusKiB(const QByteArray &status, const char *field)
{
    const QByteArray key = QByteArray(field) + ':';
    const qsizetype at = status.indexOf(key);
    if (at < 0) {
        return -1;
    }
    const qsizetype start = at + key.size();
    const QByteArray value = status.mid(start, status.indexOf('\n', at) - start).trimmed();
    return value.left(value.indexOf(' ')).toLongLong();
}

QByteArray processStatus()
{
    QFile status(QStringLiteral("/proc/self/status"));
    return status.open(QIODevice::ReadOnly) ? status.readAll() : QByteArray();
}

int openFileDescriptors()
{
    return int(QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size());
}

// Processes whose parent is this one, except `ignore` (the simulator child).
int childProcesses(qint64 ignore)
{
    int count = 0;
    const QString self = QString::number(::getpid());
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (!numeric || pid == ignore) {
            continue;
        }
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!stat.open(QIODevice::ReadOnly)) {
            continue;
        }
        const QByteArray text = stat.readAll();
        // "pid (comm) state ppid ...": comm may hold spaces, so read after the last ')'.
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1) == self.toLatin1()) {
            ++count;
        }
    }
    return count;
}

struct Sample
{
    double seconds = 0;
    int cycles = 0;
    qint64 rssKiB = 0;
    qint64 rssAnonKiB = 0;
    qint64 rssFileKiB = 0;
    qint64 heapInUseKiB = 0;   // mallinfo2: uordblks + hblkhd (live allocations, mmapped ones included)
    qint64 heapHeldKiB = 0;    // mallinfo2: arena + hblkhd (what the allocator holds from the system)
    int rows = 0;
    int replies = 0;
    int timers = 0;
    int activeTimers = 0;
    int objects = 0;
    int fds = 0;
    int children = 0;
};

// --sim-child: the simulator with a moving, bounded data set; prints its URL, runs until killed.
int runSimulatorChild(int rows, int activityMs)
{
    sim::SimConfig config;
    config.count = rows;
    config.anchor = QDateTime::currentDateTimeUtc();
    config.timings.creatingMs = 2000;
    config.timings.deletingMs = 1500;
    config.timings.updatingMs = 2000;
    sim::Simulator simulator(config);
    if (!simulator.start()) {
        std::fprintf(stderr, "simulator: %s\n", qPrintable(simulator.errorString()));
        return 1;
    }
    sim::DemoActivity activity(&simulator.store());
    QTimer steps;
    QObject::connect(&steps, &QTimer::timeout, &activity, [&] {
        activity.step();
        sim::DeploymentStore &store = simulator.store();
        if (store.deploymentCount() > rows + 50) {
            for (const auto &stored : store.deploymentsByCreation()) {
                if (stored->data.status == QLatin1String("Active")) {
                    store.beginDelete(stored->data.arn);
                    break;
                }
            }
        }
    });
    steps.start(activityMs);
    std::printf("%s\n", qPrintable(simulator.serverUrl().toString()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    qtHookData[kAddQObjectHook] = reinterpret_cast<quintptr>(&objectAdded);
    qtHookData[kRemoveQObjectHook] = reinterpret_cast<quintptr>(&objectRemoved);
    // A throw-away HOME: the window reads and writes its settings there, never the user's.
    QTemporaryDir home;
    const bool simChild = argc > 1 && qstrcmp(argv[1], "--sim-child") == 0;
    if (!simChild) {
        qputenv("HOME", home.path().toLocal8Bit());
        qputenv("XDG_CONFIG_HOME", (home.path() + QStringLiteral("/.config")).toLocal8Bit());
        qputenv("XDG_CACHE_HOME", (home.path() + QStringLiteral("/.cache")).toLocal8Bit());
        qputenv("XDG_DATA_HOME", (home.path() + QStringLiteral("/.local/share")).toLocal8Bit());
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
        }
    }
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption simChildOption(QStringLiteral("sim-child"));
    const QCommandLineOption intervalOption(QStringLiteral("interval-ms"), QStringLiteral("Auto-refresh interval."), QStringLiteral("ms"), QStringLiteral("15"));
    const QCommandLineOption cyclesOption(QStringLiteral("cycles"), QStringLiteral("Stop after this many refreshes (0 = no limit)."), QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption durationOption(QStringLiteral("duration-s"), QStringLiteral("Stop after this long (0 = no limit)."), QStringLiteral("s"), QStringLiteral("0"));
    const QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("Deployments in the simulator."), QStringLiteral("n"), QStringLiteral("300"));
    const QCommandLineOption activityOption(QStringLiteral("activity-ms"), QStringLiteral("Demo activity step interval."), QStringLiteral("ms"), QStringLiteral("100"));
    const QCommandLineOption sampleOption(QStringLiteral("sample-ms"), QStringLiteral("Sampling interval."), QStringLiteral("ms"), QStringLiteral("1000"));
    const QCommandLineOption trimOption(QStringLiteral("trim"), QStringLiteral("malloc_trim(0) before each RSS sample: "
        "freed heap pages go back to the system, so what remains is memory in use (tells a leak from fragmentation)."));
    const QCommandLineOption mallocInfoOption(QStringLiteral("malloc-info"), QStringLiteral("Write glibc's malloc_info() "
        "(every arena's sizes and free lists, XML) to this file at the last sample."), QStringLiteral("file"));
    const QCommandLineOption csvOption(QStringLiteral("csv"), QStringLiteral("Write every sample to this file."), QStringLiteral("file"));
    parser.addOptions({ simChildOption, intervalOption, cyclesOption, durationOption, rowsOption, activityOption,
                        sampleOption, trimOption, mallocInfoOption, csvOption });
    parser.process(app);
    const int rows = parser.value(rowsOption).toInt();
    if (parser.isSet(simChildOption)) {
        return runSimulatorChild(rows, parser.value(activityOption).toInt());
    }
    const int intervalMs = parser.value(intervalOption).toInt();
    const int maxCycles = parser.value(cyclesOption).toInt();
    const qint64 maxMs = parser.value(durationOption).toLongLong() * 1000;

    QProcess simulator;
    simulator.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    simulator.start(QCoreApplication::applicationFilePath(),
                    { QStringLiteral("--sim-child"), QStringLiteral("--rows"), QString::number(rows),
                      QStringLiteral("--activity-ms"), parser.value(activityOption) });
    if (!simulator.waitForReadyRead(30000)) {
        std::fprintf(stderr, "the simulator did not start\n");
        return 1;
    }
    const QUrl endpoint(QString::fromUtf8(simulator.readLine().trimmed()));

    const sim::SimCredential key = sim::SimConfig::documentationCredential();
    aws::AwsAuth auth;
    auth.credentials.accessKeyId = key.accessKeyId;
    auth.credentials.secretAccessKey = key.secretAccessKey;
    auto session = std::make_unique<bedrock::BedrockSession>(endpoint, QStringLiteral("us-east-1"),
                                                             std::make_unique<aws::StaticAuthProvider>(auth));
    gui::MainWindow window;
    window.resize(1400, 900);
    window.show();
    gui::ConnectionLabel label;
    label.profile = QStringLiteral("soak");
    label.region = QStringLiteral("us-east-1");
    window.setSession(session.get(), label);
    window.liveRefresh()->setIntervalMs(intervalMs);

    int cycles = 0;
    int errors = 0;
    QObject::connect(window.tableModel(), &gui::DeploymentTableModel::refreshed, [&] { ++cycles; });
    QObject::connect(window.tableModel(), &gui::DeploymentTableModel::error, [&] { ++errors; });

    QElapsedTimer clock;
    clock.start();
    std::vector<Sample> samples;
    const bool trim = parser.isSet(trimOption);
    const auto sample = [&] {
        if (trim) {
            ::malloc_trim(0);
        }
        Sample s;
        s.seconds = double(clock.elapsed()) / 1000.0;
        s.cycles = cycles;
        const QByteArray status = processStatus();
        s.rssKiB = statusKiB(status, "VmRSS");
        s.rssAnonKiB = statusKiB(status, "RssAnon");
        s.rssFileKiB = statusKiB(status, "RssFile");
        const struct mallinfo2 heap = ::mallinfo2();
        s.heapInUseKiB = qint64((heap.uordblks + heap.hblkhd) / 1024);
        s.heapHeldKiB = qint64((heap.arena + heap.hblkhd) / 1024);
        s.rows = window.tableModel()->rowCount();
        {
            // Only objects of this (the GUI) thread are inspected: the others may be mid-destruction.
            QMutexLocker lock(&g_objectsMutex);
            s.objects = int(g_objects.size());
            for (QObject *object : g_objects) {
                if (object->thread() != QThread::currentThread()) {
                    continue;
                }
                if (const auto *timer = qobject_cast<QTimer *>(object)) {
                    ++s.timers;
                    s.activeTimers += timer->isActive() ? 1 : 0;
                } else if (qobject_cast<QNetworkReply *>(object)) {
                    ++s.replies;
                }
            }
        }
        s.fds = openFileDescriptors();
        s.children = childProcesses(simulator.processId());
        samples.push_back(s);
        std::fprintf(stderr, "%7.1f s  cycles %6d  rss %7lld KiB (anon %7lld, file %6lld)  heap in use %7lld of %7lld KiB  rows %4d  "
                     "replies %2d  timers %3d (%2d active)  objects %5d  fds %3d  children %d\n",
                     s.seconds, s.cycles, s.rssKiB, s.rssAnonKiB, s.rssFileKiB, s.heapInUseKiB, s.heapHeldKiB, s.rows,
                     s.replies, s.timers, s.activeTimers, s.objects, s.fds, s.children);
    };
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, sample);
    sampler.start(parser.value(sampleOption).toInt());
    QTimer stopCheck;
    QObject::connect(&stopCheck, &QTimer::timeout, [&] {
        if ((maxCycles > 0 && cycles >= maxCycles) || (maxMs > 0 && clock.elapsed() >= maxMs)) {
            window.liveRefresh()->setIntervalMs(0);
            sampler.stop();
            stopCheck.stop();
            // Let the last refresh finish, then take the final sample with nothing in flight.
            QTimer::singleShot(2000, &app, [&] {
                sample();
                if (parser.isSet(mallocInfoOption)) {
                    if (FILE *info = std::fopen(qPrintable(parser.value(mallocInfoOption)), "w")) {
                        ::malloc_info(0, info);
                        std::fclose(info);
                    }
                }
                QCoreApplication::quit();
            });
        }
    });
    stopCheck.start(5);
    sample();
    app.exec();

    if (parser.isSet(csvOption)) {
        QFile csv(parser.value(csvOption));
        if (csv.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            QTextStream out(&csv);
            out << "seconds,cycles,rss_kib,rss_anon_kib,rss_file_kib,heap_in_use_kib,heap_held_kib,rows,replies,timers,"
                   "active_timers,objects,fds,children\n";
            for (const Sample &s : samples) {
                out << s.seconds << ',' << s.cycles << ',' << s.rssKiB << ',' << s.rssAnonKiB << ',' << s.rssFileKiB << ','
                    << s.heapInUseKiB << ',' << s.heapHeldKiB << ',' << s.rows << ',' << s.replies << ','
                    << s.timers << ',' << s.activeTimers << ',' << s.objects << ',' << s.fds << ',' << s.children << '\n';
            }
        }
    }
    const Sample &first = samples.front();
    const Sample &middle = samples.at(samples.size() / 2);
    const Sample &last = samples.back();
    std::printf("interval %d ms, %d refresh cycles in %.0f s, %d errors\n", intervalMs, last.cycles, last.seconds, errors);
    std::printf("RSS KiB: start %lld, middle %lld, end %lld\n", first.rssKiB, middle.rssKiB, last.rssKiB);
    std::printf("heap in use KiB: start %lld, middle %lld, end %lld (held from the system: %lld, %lld, %lld)\n",
                first.heapInUseKiB, middle.heapInUseKiB, last.heapInUseKiB, first.heapHeldKiB, middle.heapHeldKiB,
                last.heapHeldKiB);
    std::printf("at the end: %d live replies, %d timers (%d active), %d QObjects, %d fds, %d child processes\n",
                last.replies, last.timers, last.activeTimers, last.objects, last.fds, last.children);
    window.setSession(nullptr, {});
    session.reset();
    simulator.kill();
    simulator.waitForFinished(5000);
    return 0;
}
