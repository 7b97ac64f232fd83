// SPDX-License-Identifier: Apache-2.0
// FlowLayout wraps onto more lines when narrow, keeps forced line breaks, stretches the items
// given a stretch; and the filter bar built on it fits a 960 px window next to the sidebar.
#include "filterbar.h"
#include "flowlayout.h"

#include <QApplication>
#include <QTest>
#include <QWidget>

using namespace outcrop::gui;

namespace {
QWidget *fixedBox(QWidget *parent, int width, int height = 20)
{
    auto *box = new QWidget(parent);
    box->setMinimumSize(width, height);
    box->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    return box;
}
} // namespace

class TestFlowLayout : public QObject
{
    Q_OBJECT

private slots:
    void wrapsWhenNarrowAndKeepsOneLineWhenWide()
    {
        QWidget host;
        auto *layout = new FlowLayout(&host);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setHorizontalSpacing(10);
        layout->setVerticalSpacing(5);
        QWidget *a = fixedBox(&host, 100);
        QWidget *b = fixedBox(&host, 100);
        QWidget *c = fixedBox(&host, 100);
        layout->addWidget(a, 0);
        layout->addWidget(b, 0);
        layout->addWidget(c, 0);

        QCOMPARE(layout->minimumSize().width(), 100);
        QCOMPARE(layout->heightForWidth(320), 20);            // 3 × 100 + 2 × 10 fit one line
        QCOMPARE(layout->heightForWidth(319), 20 + 5 + 20);   // the third wraps
        QCOMPARE(layout->heightForWidth(100), 3 * 20 + 2 * 5);

        layout->setGeometry(QRect(0, 0, 250, layout->heightForWidth(250)));
        QCOMPARE(a->geometry().topLeft(), QPoint(0, 0));
        QCOMPARE(b->geometry().left(), a->geometry().right() + 1 + 10);
        QCOMPARE(c->geometry().topLeft(), QPoint(0, 25));
    }

    void aLineBreakStartsANewLineAtAnyWidth()
    {
        QWidget host;
        auto *layout = new FlowLayout(&host);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setVerticalSpacing(5);
        layout->addWidget(fixedBox(&host, 50), 0);
        layout->addLineBreak();
        layout->addWidget(fixedBox(&host, 50), 0);
        QCOMPARE(layout->heightForWidth(1000), 45);
        QCOMPARE(layout->sizeHint().width(), 50);
    }

    void spareWidthGoesToStretchingItems()
    {
        QWidget host;
        auto *layout = new FlowLayout(&host);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setHorizontalSpacing(0);
        QWidget *fixed = fixedBox(&host, 100);
        fixed->setMaximumWidth(100);
        QWidget *one = fixedBox(&host, 100);
        QWidget *three = fixedBox(&host, 100);
        layout->addWidget(fixed, 0);
        layout->addWidget(one, 1);
        layout->addWidget(three, 3);
        layout->setGeometry(QRect(0, 0, 700, 20));
        QCOMPARE(fixed->width(), 100);
        QCOMPARE(one->width(), 200);
        QCOMPARE(three->width(), 400);
    }

    void theFilterBarFitsBesideTheSidebarAt200PercentOfA1920Screen()
    {
        // 960 device-independent pixels, less a status sidebar and a details dock of ~300.
        FilterBar bar;
        QVERIFY2(bar.minimumSizeHint().width() <= 500,
                 qPrintable(QString::number(bar.minimumSizeHint().width())));
        // Narrower means more lines, never clipped fields.
        QVERIFY(bar.heightForWidth(500) > bar.heightForWidth(1400));
    }
};

QTEST_MAIN(TestFlowLayout)
#include "tst_flowlayout.moc"
