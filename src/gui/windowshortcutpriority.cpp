// SPDX-License-Identifier: Apache-2.0
#include "windowshortcutpriority.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QEvent>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLineEdit>
#include <QWidget>

namespace outcrop::gui {

WindowShortcutPriority::WindowShortcutPriority(QObject *parent)
    : QObject(parent)
{
}

void WindowShortcutPriority::installOn(QWidget *root)
{
    auto *filter = new WindowShortcutPriority(root);
    const QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        // The focus widget gets the ShortcutOverride: a spin box or combo box forwards it to its
        // inner line edit, so the filter has to sit on the outer widget too.
        if (qobject_cast<QLineEdit *>(widget) || qobject_cast<QAbstractSpinBox *>(widget)
            || qobject_cast<QComboBox *>(widget)) {
            widget->installEventFilter(filter);
        }
    }
}

bool WindowShortcutPriority::isFieldEditingKey(const QKeyEvent *event)
{
    constexpr Qt::KeyboardModifiers commandModifiers = Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier;
    if (!(event->modifiers() & commandModifiers)) {
        return true;
    }
    static const QKeySequence::StandardKey kept[] = {
        QKeySequence::Copy, QKeySequence::Cut, QKeySequence::Paste, QKeySequence::Undo,
        QKeySequence::Redo, QKeySequence::SelectAll, QKeySequence::MoveToNextWord,
        QKeySequence::MoveToPreviousWord, QKeySequence::SelectNextWord, QKeySequence::SelectPreviousWord,
        QKeySequence::DeleteStartOfWord, QKeySequence::DeleteEndOfWord,
    };
    for (QKeySequence::StandardKey key : kept) {
        if (event->matches(key)) {
            return true;
        }
    }
    return false;
}

bool WindowShortcutPriority::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride && !isFieldEditingKey(static_cast<QKeyEvent *>(event))) {
        // Swallow it unaccepted: the field never sees the override, so the shortcut map gets its
        // turn; without a matching shortcut the key press still reaches the field.
        event->ignore();
        return true;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace outcrop::gui
