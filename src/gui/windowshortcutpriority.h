// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>

class QKeyEvent;
class QWidget;

namespace outcrop::gui {

// Lets the window's shortcuts (Ctrl+E export, Ctrl+R refresh, ...) win over the Emacs-style
// bindings of text fields. A QLineEdit accepts the ShortcutOverride of most Ctrl+letter keys on
// Linux (Ctrl+E = end of line, Ctrl+A = start of line, ...), and an accepted ShortcutOverride
// stops QShortcutMap: a window QAction with Ctrl+E would never fire while a filter field has
// focus. This filter leaves the ShortcutOverride unaccepted for modified keys except the
// editing keys a field cannot live without (clipboard, undo/redo, select all, word moves and
// deletes). When no window shortcut matches such a key, Qt still delivers the key press to the
// field, so Ctrl+E keeps moving to the end of the line in a window without an export action.
// Keys without Ctrl/Alt/Meta always stay with the field (typing "Delete" must not delete a row).
class WindowShortcutPriority final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WindowShortcutPriority)

public:
    explicit WindowShortcutPriority(QObject *parent = nullptr);

    // Installs one filter (owned by root) on every text-taking descendant of root: line edits,
    // spin boxes and date edits, combo boxes.
    static void installOn(QWidget *root);

    // True when `event` (a ShortcutOverride) is a key a text field must keep for itself.
    static bool isFieldEditingKey(const QKeyEvent *event);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace outcrop::gui
