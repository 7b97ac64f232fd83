// SPDX-License-Identifier: Apache-2.0
// The dashboard window (offscreen platform) against a simulator that throttles, answers 500,
// resets connections, truncates bodies and adds latency all at once: every deployment is shown
// exactly once, through loading and refreshes. When retries run out the error banner says so,
// the rows already shown stay, and the next successful refresh clears the banner.
#include "bedrock/custommodelnames.h"
#include "faultsettings.h"
#include "guitestsupport.h"

#include "deploymentfilterproxy.h"
#include "deploymenttablemodel.h"
#include "errorbanner.h"
#include "liverefresh.h"
#include "mainwindow.h"

#include <QCoreApplication>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace outcrop;
using namespace outcrop::gui;

namespace {

QStringList shownArns(const MainWindow &window)
{
    QStringList arns;
    const DeploymentTableModel *model = window.tableModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        arns.append(model->deployment(row).arn);
    }
    return arns;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

bool settled(const MainWindow &window)
{
    return !window.tableModel()->isLoading() && !window.tableModel()->hasMore();
}

} // namespace

class TestFaultWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("OutcropTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_faultwindow"));
        QSettings().clear();
    }

    void everyDeploymentIsShownExactlyOnceAndFailuresAreReported()
    {
        test::SimFixture fixture(test::quietConfig(120));
        // No deployment in Creating: the window would poll those with Get alongside the List
        // pages, and the fault periods' promise (never three failures in a row) holds for the
        // requests of one call only when calls do not interleave.
        QStringList creating;
        for (const auto &stored : fixture.simulator.store().deploymentsByCreation()) {
            if (stored->data.status == QLatin1String("Creating")) {
                creating.append(stored->data.arn);
            }
        }
        for (const QString &arn : std::as_const(creating)) {
            fixture.simulator.store().completeCreation(arn, false, {});
        }
        const QStringList expected = sorted(fixture.listedArns());

        MainWindow window;
        QSignalSpy errors(window.tableModel(), &DeploymentTableModel::error);
        QSignalSpy refreshed(window.tableModel(), &DeploymentTableModel::refreshed);
        window.show();
        window.setSession(fixture.session.get(), ConnectionLabel { QStringLiteral("p"), QStringLiteral("us-east-1"), false });
        window.liveRefresh()->setIntervalSeconds(0);   // the refreshes below are the test's own
        // The faults start once the first page and the list of model names are in: the periods
        // below never fail three consecutive requests, but two calls in flight together would
        // share the request numbers, and one of them could meet three faults in a row.
        QTRY_VERIFY_WITH_TIMEOUT(fixture.simulator.requestsReceived() >= 2 && !window.tableModel()->isLoading()
                                     && !window.modelNames()->isBusy(),
                                 30000);
        fixture.simulator.faults().setSettings(faulttest::allFaultsAtOnce());
        // Pages of 10: twelve pages, so that many requests meet the faults.
        bedrock::DeploymentQuery query;
        query.maxResults = 10;
        window.applyQuery(query);
        QTRY_VERIFY_WITH_TIMEOUT(window.tableModel()->rowCount() > 0, 30000);
        window.tableModel()->loadAll();
        QTRY_VERIFY_WITH_TIMEOUT(settled(window), 60000);
        QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).value(0).value<aws::AwsError>().userMessage()));
        QStringList shown = shownArns(window);
        QCOMPARE(QSet<QString>(shown.begin(), shown.end()).size(), shown.size());   // no row twice
        QCOMPARE(sorted(shown), expected);                                           // none missing
        QCOMPARE(window.proxyModel()->rowCount(), expected.size());                  // and the view shows them all
        // Every kind of fault happened at least once: the 4th, 6th, 9th and 15th request had one.
        QVERIFY2(fixture.simulator.faults().requestCount() >= 15,
                 qPrintable(QString::number(fixture.simulator.faults().requestCount())));

        // Two refreshes under the same faults: merged in, still each deployment once.
        for (int round = 1; round <= 2; ++round) {
            window.refresh();
            QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() == round || !errors.isEmpty(), 60000);
            QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).value(0).value<aws::AwsError>().userMessage()));
                shown = shownArns(window);
            QCOMPARE(QSet<QString>(shown.begin(), shown.end()).size(), shown.size());
            QCOMPARE(sorted(shown), expected);
        }

        // Retries run out: every request fails. The banner says so; the rows stay.
        fixture.simulator.faults().setSettings(faulttest::everyRequestFails());
        window.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(errors.size() == 1, 60000);
        QCOMPARE(errors.first().first().value<aws::AwsError>().kind, aws::AwsError::Kind::InternalServer);
        QVERIFY(window.errorBanner()->isVisible());
        QVERIFY(window.errorBanner()->level() != ErrorBanner::Level::Information);
        QVERIFY2(window.errorBanner()->plainText().contains(QLatin1String("internal error")),
                 qPrintable(window.errorBanner()->plainText()));
        QCOMPARE(sorted(shownArns(window)), expected);
        QCOMPARE(window.proxyModel()->rowCount(), expected.size());

        // The service recovers: the next refresh succeeds and the banner goes.
        fixture.simulator.faults().setSettings(sim::FaultSettings());
        window.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(refreshed.size() == 3, 30000);
        QTRY_VERIFY(!window.errorBanner()->isVisible());
        QCOMPARE(sorted(shownArns(window)), expected);
        window.setSession(nullptr, {});
    }
};

QTEST_MAIN(TestFaultWindow)
#include "tst_faultwindow.moc"
