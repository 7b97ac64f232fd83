// SPDX-License-Identifier: Apache-2.0
// bench-dashboard: the dashboard's performance figures (docs/benchmarks.md, "Dashboard").
//
//   bench-dashboard [--runs N] [--rows N] [--memory-rows N] [--only stalls|memory|startup]
//
// Without --child it is the driver: it runs every measurement N times, each in a fresh child
// process of itself (so one run's heap, caches and settings never leak into the next), and prints
// the median of each figure. A child (--child load ...) measures one load of the real MainWindow:
//
// - the window is shown on the offscreen platform with its proxy, sidebar, overview and detail
//   dock, at a desktop size (1600x1000), with the shipped settings (a throw-away HOME);
// - the rows come from outcrop-sim in ANOTHER PROCESS (default data mix, pre-rendered pages of
//   1000), so the simulator's own work never counts as a stall of the dashboard's GUI thread;
// - a 1 ms precise timer records the gaps between its timeouts: a gap is how long the GUI thread
//   could not turn its event loop (a stall), with up to 1 ms of timer period included;
// - per page: the insertion (rowsAboutToBeInserted -> the model's rowsLoaded, i.e. the vector
//   append plus every listener: proxy, view, counts, histogram, window) and the whole event-loop
//   turn that delivered the page (the timer gap that saw rowsLoaded: reading the reply, parsing
//   the JSON, preparing the rows, inserting them);
// - VmRSS with the window shown and no session, and again after the last page and a settle time.
//
// Start-up (--child startup): `outcrop --demo` is started with OUTCROP_REPORT_FIRST_ROW=1 and timed
// from QProcess::start() to its "first row on screen" line on stderr.
//
// Blocking calls (waitForFinished, QEventLoop) are fine here: this is a tool, not src/.

#include "aws/authprovider.h"
#include "bedrock/bedrocksession.h"
#include "deploymentfilterproxy.h"
#include "deploymenttablemodel.h"
#include "filterbar.h"
#include "mainwindow.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHeaderView>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

#include <malloc.h>
#include <sys/resource.h>
#include <time.h>

using namespace outcrop;

namespace {

constexpr int kPageSize = 1000;
constexpr int kSettleMs = 1000;   // after the last page: the window's 400 ms row observation and repaints

// Resident set size of this process in bytes (Linux: /proc/self/status, VmRSS in kB).
qint64 residentBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QByteArray text = status.readAll();
    const qsizetype at = text.indexOf("VmRSS:");
    if (at < 0) {
        return -1;
    }
    const QByteArray value = text.mid(at + 6, text.indexOf('\n', at) - at - 6).trimmed();
    return value.left(value.indexOf(' ')).toLongLong() * 1024;
}

double percentile(std::vector<double> values, double fraction)
{
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const size_t at = std::min(values.size() - 1, size_t(fraction * double(values.size() - 1) + 0.5));
    return values[at];
}

double median(const std::vector<double> &values)
{
    return percentile(values, 0.5);
}

double maximum(const std::vector<double> &values)
{
    return values.empty() ? 0 : *std::max_element(values.begin(), values.end());
}

// Milliseconds since the process's first call: one clock for the stall and event traces.
double processMs()
{
    static QElapsedTimer clock = [] {
        QElapsedTimer started;
        started.start();
        return started;
    }();
    return double(clock.nsecsElapsed()) / 1e6;
}

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

// Records the gaps between the timeouts of a 1 ms precise timer: the event loop's stalls.
class StallRecorder final : public QObject
{
public:
    StallRecorder()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const double gapMs = double(now - m_last) / 1e6;
            m_last = now;
            gaps.push_back(gapMs);
            if (gapMs > 12 && qEnvironmentVariableIsSet("BENCH_DEBUG_GAPS")) {
                std::fprintf(stderr, "gap %.1f ms ending at %.1f ms (process %.1f ms)%s\n", gapMs, double(now) / 1e6,
                             processMs(), m_pageSeen ? " (page)" : "");
            }
            if (m_pageSeen) {
                pageTurns.push_back(gapMs);
                m_pageSeen = false;
            }
        });
    }
    void start()
    {
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    void pageSeen() { m_pageSeen = true; }

    std::vector<double> gaps;
    std::vector<double> pageTurns;

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    bool m_pageSeen = false;
};

struct SimProcess
{
    QProcess process;
    QUrl url;

    bool start(int count)
    {
        process.setProgram(QStringLiteral(OUTCROP_SIM_EXECUTABLE));
        process.setArguments({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--count"),
                              QString::number(count), QStringLiteral("--prerender"), QString::number(kPageSize)});
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start();
        // Its contract: the first line is "listening http://127.0.0.1:PORT".
        while (!process.canReadLine()) {
            if (!process.waitForReadyRead(60000)) {
                return false;
            }
        }
        const QString line = QString::fromUtf8(process.readLine()).trimmed();
        url = QUrl(line.mid(line.indexOf(QLatin1Char(' ')) + 1));
        return url.isValid();
    }
    ~SimProcess()
    {
        process.kill();
        process.waitForFinished();
    }
};

// One load of the real window; prints "result key=value ..." on stdout.
int runLoad(int rows, bool sortByName)
{
    SimProcess sim;
    if (!sim.start(rows)) {
        std::fprintf(stderr, "bench-dashboard: outcrop-sim did not start\n");
        return 1;
    }

    gui::MainWindow window;
    window.resize(1600, 1000);
    gui::DeploymentTableModel *model = window.tableModel();
    // Pages of 1000, as a user picks them in the filter bar (it owns the query's page size).
    bedrock::DeploymentQuery query = window.filterBar()->query();
    query.maxResults = kPageSize;
    window.filterBar()->setQuery(query);
    window.applyQuery(query);   // no session yet: stored, listed by setSession()
    if (sortByName) {
        window.tableView()->sortByColumn(gui::DeploymentTableModel::NameColumn, Qt::AscendingOrder);
    }
    window.show();
    spin(500);
    malloc_trim(0);
    const qint64 emptyRss = residentBytes();

    aws::AwsAuth auth;
    auth.credentials.accessKeyId = QStringLiteral("AKIDEXAMPLE");
    auth.credentials.secretAccessKey = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    auth.credentials.source = QStringLiteral("bench");
    bedrock::BedrockSession session(sim.url, QStringLiteral("us-east-1"),
                                    std::make_unique<aws::StaticAuthProvider>(auth));

    StallRecorder stalls;
    QElapsedTimer insertion;
    std::vector<double> insertionMs;
    QObject::connect(model, &QAbstractItemModel::rowsAboutToBeInserted, model, [&insertion] { insertion.start(); });
    QElapsedTimer total;
    QEventLoop done;
    bool loadAllStarted = false;
    QObject::connect(model, &gui::DeploymentTableModel::rowsLoaded, model, [&](int) {
        insertionMs.push_back(double(insertion.nsecsElapsed()) / 1e6);
        stalls.pageSeen();
        if (!loadAllStarted) {
            loadAllStarted = true;
            model->loadAll();   // as View > Load All does after the first page
        }
    });
    QObject::connect(model, &gui::DeploymentTableModel::loadingChanged, &done, [&](bool loading) {
        if (!loading && !model->hasMore()) {
            done.quit();
        }
    });
    QObject::connect(model, &gui::DeploymentTableModel::error, &done, [&done](const aws::AwsError &) {
        std::fprintf(stderr, "bench-dashboard: the load failed\n");
        done.exit(1);
    });

    int proxyInserts = 0;
    QObject::connect(window.proxyModel(), &QAbstractItemModel::rowsInserted, model, [&proxyInserts] { ++proxyInserts; });
    stalls.start();
    total.start();
    window.setSession(&session, gui::ConnectionLabel{QStringLiteral("bench"), QStringLiteral("us-east-1"), false});
    if (done.exec() != 0) {
        return 1;
    }
    const double totalMs = double(total.nsecsElapsed()) / 1e6;
    spin(kSettleMs);
    stalls.stop();
    const qint64 loadedRss = residentBytes();
    malloc_trim(0);
    const qint64 trimmedRss = residentBytes();

    if (model->rowCount() != rows || window.proxyModel()->rowCount() != rows) {
        std::fprintf(stderr, "bench-dashboard: %d rows in the model, %d in the proxy, not %d\n", model->rowCount(),
                     window.proxyModel()->rowCount(), rows);
        return 1;
    }
    if (sortByName) {
        // The local sort really was active: the proxy's first rows are in name order.
        const QAbstractItemModel *proxy = window.proxyModel();
        const QString first = proxy->index(0, gui::DeploymentTableModel::NameColumn).data().toString();
        const QString second = proxy->index(1, gui::DeploymentTableModel::NameColumn).data().toString();
        if (proxy->headerData(0, Qt::Horizontal).isNull() || QString::localeAwareCompare(first, second) > 0) {
            std::fprintf(stderr, "bench-dashboard: the proxy is not sorted by name\n");
            return 1;
        }
    }

    const auto over16 = std::count_if(stalls.gaps.begin(), stalls.gaps.end(), [](double gap) { return gap > 16.0; });
    QTextStream(stdout) << "result"
                        << " total_ms=" << totalMs << " max_gap_ms=" << maximum(stalls.gaps)
                        << " p99_gap_ms=" << percentile(stalls.gaps, 0.99)
                        << " p999_gap_ms=" << percentile(stalls.gaps, 0.999) << " gaps_over_16ms=" << over16
                        << " insert_median_ms=" << median(insertionMs) << " insert_max_ms=" << maximum(insertionMs)
                        << " page_turn_median_ms=" << median(stalls.pageTurns)
                        << " page_turn_max_ms=" << maximum(stalls.pageTurns) << " pages=" << insertionMs.size() << " proxy_insertions=" << proxyInserts
                        << " sort_column=" << window.proxyModel()->sortColumn()
                        << " rss_empty_mb=" << double(emptyRss) / 1048576.0
                        << " rss_loaded_mb=" << double(loadedRss) / 1048576.0
                        << " rss_trimmed_mb=" << double(trimmedRss) / 1048576.0
                        << " bytes_per_row=" << double(loadedRss - emptyRss) / rows
                        << " trimmed_bytes_per_row=" << double(trimmedRss - emptyRss) / rows << Qt::endl;
    return 0;
}

// `outcrop --demo` from process start to its first-row line; prints "result first_row_ms=...".
int runStartup(const QString &home)
{
    QProcess app;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("OUTCROP_REPORT_FIRST_ROW"), QStringLiteral("1"));
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    app.setProcessEnvironment(environment);
    app.setProgram(QStringLiteral(OUTCROP_APP_EXECUTABLE));
    app.setArguments({QStringLiteral("--demo")});
    app.setReadChannel(QProcess::StandardError);   // the line comes on stderr
    QElapsedTimer clock;
    clock.start();
    app.start();
    double firstRowMs = -1;
    QByteArray output;
    while (firstRowMs < 0 && app.waitForReadyRead(10000)) {
        output += app.readAllStandardError();
        if (output.contains("first row on screen")) {
            firstRowMs = double(clock.nsecsElapsed()) / 1e6;
        }
    }
    app.kill();
    app.waitForFinished();
    if (firstRowMs < 0) {
        std::fprintf(stderr, "bench-dashboard: outcrop --demo never reported its first row:\n%s\n", output.constData());
        return 1;
    }
    QTextStream(stdout) << "result first_row_ms=" << firstRowMs << Qt::endl;
    return 0;
}

// Runs a child of this executable and returns its "result" figures. Every child has a fresh HOME:
// the window saves its header (the sort column) and filters, which must not carry over.
QMap<QString, double> runChild(const QStringList &arguments)
{
    QTemporaryDir homeDir;
    const QString home = homeDir.path();
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config"));
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), arguments);
    child.waitForFinished(-1);
    QMap<QString, double> figures;
    const QString output = QString::fromUtf8(child.readAllStandardOutput());
    for (const QString &line : output.split(QLatin1Char('\n'))) {
        if (!line.startsWith(QLatin1String("result "))) {
            continue;
        }
        for (const QString &pair : line.mid(7).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            figures.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1).toDouble());
        }
    }
    if (child.exitCode() != 0 || figures.isEmpty()) {
        std::fprintf(stderr, "bench-dashboard: a run failed (%s)\n", qPrintable(arguments.join(QLatin1Char(' '))));
        std::exit(1);
    }
    return figures;
}

void report(const QString &title, const QList<QMap<QString, double>> &runs, const QStringList &keys)
{
    QTextStream out(stdout);
    out << title << " (median of " << runs.size() << " runs; min .. max)\n";
    for (const QString &key : keys) {
        std::vector<double> values;
        for (const auto &run : runs) {
            values.push_back(run.value(key));
        }
        out << QStringLiteral("  %1 %2   (%3 .. %4)\n")
                   .arg(key, -24)
                   .arg(median(values), 10, 'f', 2)
                   .arg(*std::min_element(values.begin(), values.end()), 0, 'f', 2)
                   .arg(maximum(values), 0, 'f', 2);
    }
    out.flush();
}

// The calling thread's CPU time and scheduling counters.
struct ThreadUsage
{
    double cpuMs = 0;
    long involuntary = 0;
    long voluntary = 0;
    long faults = 0;

    static ThreadUsage now()
    {
        ThreadUsage usage;
        timespec cpu{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
        usage.cpuMs = double(cpu.tv_sec) * 1e3 + double(cpu.tv_nsec) / 1e6;
        rusage counters{};
        getrusage(RUSAGE_THREAD, &counters);
        usage.involuntary = counters.ru_nivcsw;
        usage.voluntary = counters.ru_nvcsw;
        usage.faults = counters.ru_minflt + counters.ru_majflt;
        return usage;
    }
};

// With BENCH_TRACE_EVENTS=1 a child prints every event dispatch on the GUI thread that took more
// than 4 ms (receiver class and name, event type, time since start), nested ones indented: it
// tells which handler a long gap of the stall recorder was spent in.
class TracingApplication final : public QApplication
{
public:
    TracingApplication(int &argc, char **argv)
        : QApplication(argc, argv)
        , m_enabled(qEnvironmentVariableIsSet("BENCH_TRACE_EVENTS"))
    {
    }

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!m_enabled) {
            return QApplication::notify(receiver, event);
        }
        const double start = processMs();
        const ThreadUsage before = ThreadUsage::now();
        const int type = int(event->type());
        ++m_depth;
        const bool result = QApplication::notify(receiver, event);
        --m_depth;
        const double ms = processMs() - start;
        if (ms > 4.0) {
            const ThreadUsage after = ThreadUsage::now();
            const QObject *parent = receiver->parent();
            // CPU time far below the wall time: the thread waited (preempted, blocked, page faults).
            std::fprintf(stderr,
                         "event %*s%.1f ms (cpu %.1f ms, %ld involuntary / %ld voluntary switches, %ld faults) at %.1f "
                         "ms: type %d to %s '%s' (parent %s '%s')\n",
                         m_depth * 2, "", ms, after.cpuMs - before.cpuMs, after.involuntary - before.involuntary,
                         after.voluntary - before.voluntary, after.faults - before.faults, start, type,
                         receiver->metaObject()->className(),
                         qPrintable(receiver->objectName()), parent ? parent->metaObject()->className() : "-",
                         parent ? qPrintable(parent->objectName()) : "");
        }
        return result;
    }

private:
    int m_depth = 0;
    bool m_enabled = false;
};

} // namespace

int main(int argc, char *argv[])
{
    processMs();
    TracingApplication app(argc, argv);
    // Never the user's settings: the driver gives every child its own throw-away HOME as well.
    QCoreApplication::setOrganizationName(QStringLiteral("OutcropBench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench-dashboard"));

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Runs per measurement (default 5)."), QStringLiteral("N"),
                      QStringLiteral("5")});
    parser.addOption({QStringLiteral("rows"), QStringLiteral("Rows of the stall runs (default 25000)."),
                      QStringLiteral("N"), QStringLiteral("25000")});
    parser.addOption({QStringLiteral("memory-rows"), QStringLiteral("Rows of the memory runs (default 100000)."),
                      QStringLiteral("N"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("only"), QStringLiteral("Only one measurement: stalls, memory or startup."),
                      QStringLiteral("WHAT")});
    parser.addOption({QStringLiteral("child"), QStringLiteral("Internal: one run (load or startup)."),
                      QStringLiteral("KIND")});
    parser.addOption({QStringLiteral("sort"), QStringLiteral("Internal: sort by name during the load.")});
    parser.process(app);

    const QString child = parser.value(QStringLiteral("child"));
    if (child == QLatin1String("load")) {
        return runLoad(parser.value(QStringLiteral("rows")).toInt(), parser.isSet(QStringLiteral("sort")));
    }
    if (child == QLatin1String("startup")) {
        return runStartup(QDir::homePath());
    }

    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    const QString only = parser.value(QStringLiteral("only"));
    const QString rows = parser.value(QStringLiteral("rows"));
    const QStringList loadKeys = {QStringLiteral("total_ms"),           QStringLiteral("max_gap_ms"),
                                  QStringLiteral("p99_gap_ms"),         QStringLiteral("p999_gap_ms"),
                                  QStringLiteral("gaps_over_16ms"),     QStringLiteral("insert_median_ms"),
                                  QStringLiteral("insert_max_ms"),      QStringLiteral("page_turn_median_ms"),
                                  QStringLiteral("page_turn_max_ms"),   QStringLiteral("proxy_insertions")};
    QTextStream(stdout) << "bench-dashboard: " << runs << " runs per measurement, pages of " << kPageSize
                        << ", outcrop-sim in its own process\n"
                        << Qt::flush;
    if (only.isEmpty() || only == QLatin1String("stalls")) {
        for (const bool sorted : {false, true}) {
            QList<QMap<QString, double>> results;
            for (int run = 0; run < runs; ++run) {
                QStringList arguments = {QStringLiteral("--child"), QStringLiteral("load"), QStringLiteral("--rows"), rows};
                if (sorted) {
                    arguments << QStringLiteral("--sort");
                }
                results.append(runChild(arguments));
            }
            report(QStringLiteral("Load %1 rows, %2").arg(rows, sorted ? QStringLiteral("sorted by Name (local sort)")
                                                                      : QStringLiteral("server order")),
                   results, loadKeys);
        }
    }
    if (only.isEmpty() || only == QLatin1String("memory")) {
        QList<QMap<QString, double>> results;
        for (int run = 0; run < runs; ++run) {
            results.append(runChild({QStringLiteral("--child"), QStringLiteral("load"), QStringLiteral("--rows"),
                                     parser.value(QStringLiteral("memory-rows"))}));
        }
        report(QStringLiteral("Memory, %1 rows").arg(parser.value(QStringLiteral("memory-rows"))), results,
               {QStringLiteral("rss_empty_mb"), QStringLiteral("rss_loaded_mb"), QStringLiteral("rss_trimmed_mb"),
                QStringLiteral("bytes_per_row"), QStringLiteral("trimmed_bytes_per_row"), QStringLiteral("total_ms")});
    }
    if (only.isEmpty() || only == QLatin1String("startup")) {
        const QStringList arguments = {QStringLiteral("--child"), QStringLiteral("startup")};
        runChild(arguments);   // warm-up: page cache, font cache
        QList<QMap<QString, double>> results;
        for (int run = 0; run < runs; ++run) {
            results.append(runChild(arguments));
        }
        report(QStringLiteral("Start-up of outcrop --demo to the first row on screen"), results,
               {QStringLiteral("first_row_ms")});
    }
    return 0;
}
