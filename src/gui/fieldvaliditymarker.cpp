// SPDX-License-Identifier: Apache-2.0
#include "fieldvaliditymarker.h"

#include <QAction>
#include <QApplication>
#include <QColor>
#include <QComboBox>
#include <QLineEdit>
#include <QPalette>
#include <QStyle>
#include <QVariant>
#include <QWidget>

namespace outcrop::gui {

namespace {

const char warningActionName[] = "outcrop_invalid_field_action";

QColor mix(const QColor &base, const QColor &tint, double amount)
{
    return QColor::fromRgbF(float(base.redF() * (1 - amount) + tint.redF() * amount),
                            float(base.greenF() * (1 - amount) + tint.greenF() * amount),
                            float(base.blueF() * (1 - amount) + tint.blueF() * amount));
}

QLineEdit *editorOf(QWidget *field)
{
    if (auto *lineEdit = qobject_cast<QLineEdit *>(field)) {
        return lineEdit;
    }
    if (auto *combo = qobject_cast<QComboBox *>(field)) {
        return combo->lineEdit();
    }
    return nullptr;
}

} // namespace

FieldValidityMarker::FieldValidityMarker(QWidget *field, QString hint)
    : m_field(field)
    , m_hint(std::move(hint))
{
    m_field->setToolTip(m_hint);
    m_field->setProperty("validity", QStringLiteral("valid"));
}

void FieldValidityMarker::setInvalidReason(const QString &reason)
{
    if (reason == m_reason) {
        return;
    }
    m_reason = reason;
    refresh();
}

void FieldValidityMarker::refresh()
{
    const bool invalid = isInvalid();
    m_field->setProperty("validity", invalid ? QStringLiteral("invalid") : QStringLiteral("valid"));
    m_field->setToolTip(invalid ? m_reason : m_hint);
    m_field->setAccessibleDescription(invalid ? m_reason : QString());

    if (invalid) {
        const QWidget *parent = m_paletteSource ? m_paletteSource : m_field->parentWidget();
        QPalette palette = parent ? parent->palette() : QApplication::palette();
        // 30% of a mid red keeps black text readable on a light Base and white text on a dark
        // one (contrast stays above 4.5:1 on Fusion's light and dark Base colours).
        const QColor tinted = mix(palette.color(QPalette::Base), QColor(220, 50, 47), 0.3);
        palette.setColor(QPalette::Base, tinted);
        m_field->setPalette(palette);
    } else {
        m_field->setPalette(QPalette());   // back to inheriting the parent's palette
    }

    if (QLineEdit *editor = editorOf(m_field)) {
        auto *action = editor->findChild<QAction *>(QLatin1String(warningActionName));
        if (invalid && !action) {
            action = editor->addAction(m_field->style()->standardIcon(QStyle::SP_MessageBoxWarning),
                                       QLineEdit::TrailingPosition);
            action->setObjectName(QLatin1String(warningActionName));
        }
        if (action) {
            action->setVisible(invalid);
            action->setToolTip(m_reason);
        }
    }
}

} // namespace outcrop::gui
