// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

class QAbstractItemView;

namespace outcrop::app {

// For the start-up benchmark (bench/gui, docs/benchmarks.md): with OUTCROP_REPORT_FIRST_ROW set
// in the environment, writes one line to stderr once the table has painted its first rows,
//   outcrop: first row on screen after N ms
// (N counted from install(), once the window exists; the benchmark times the whole process from
// its start to this line). Without the variable nothing is installed.
class FirstRowReport final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FirstRowReport)

public:
    static bool isRequested();
    // Watches the view's viewport; the report deletes itself after its line.
    static void install(QAbstractItemView *view);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit FirstRowReport(QAbstractItemView *view);
    void report();

    QPointer<QAbstractItemView> m_view;
    QElapsedTimer m_clock;
    bool m_reporting = false;
};

} // namespace outcrop::app
