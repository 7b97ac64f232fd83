// SPDX-License-Identifier: Apache-2.0
#include "firstrowreport.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QTimer>

#include <cstdio>

namespace outcrop::app {

bool FirstRowReport::isRequested()
{
    return qEnvironmentVariableIsSet("OUTCROP_REPORT_FIRST_ROW");
}

void FirstRowReport::install(QAbstractItemView *view)
{
    new FirstRowReport(view);
}

FirstRowReport::FirstRowReport(QAbstractItemView *view)
    : QObject(view)
    , m_view(view)
{
    m_clock.start();
    view->viewport()->installEventFilter(this);
}

bool FirstRowReport::eventFilter(QObject *watched, QEvent *event)
{
    // The paint that draws rows is under way: report on the next turn of the event loop, after
    // it has been painted and flushed to the window's surface.
    if (event->type() == QEvent::Paint && !m_reporting && m_view && m_view->model()
        && m_view->model()->rowCount() > 0) {
        m_reporting = true;
        QTimer::singleShot(0, this, &FirstRowReport::report);
    }
    return QObject::eventFilter(watched, event);
}

void FirstRowReport::report()
{
    std::fprintf(stderr, "outcrop: first row on screen after %lld ms\n", static_cast<long long>(m_clock.elapsed()));
    std::fflush(stderr);
    if (m_view) {
        m_view->viewport()->removeEventFilter(this);
    }
    deleteLater();
}

} // namespace outcrop::app
