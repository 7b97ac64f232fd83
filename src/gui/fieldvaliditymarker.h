// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

class QWidget;

namespace outcrop::gui {

// Marks an input field as invalid the way Wireshark's SyntaxLineEdit does (anchors-code.md §5),
// without a style sheet (which would switch the field to a different look from its neighbours):
//  - the field's Base colour is tinted red, computed from the current palette so it reads in
//    light and dark themes (call again after a palette change);
//  - a line edit (or the line edit of an editable combo box) gets a trailing warning icon;
//  - the reason becomes the tooltip and the accessible description, so screen readers say why;
//  - the dynamic property "validity" is "invalid" or "valid" for style sheets and tests.
// An empty reason marks the field valid and restores its palette, tooltip and description.
class FieldValidityMarker final
{
public:
    FieldValidityMarker(QWidget *field, QString hint);

    void setInvalidReason(const QString &reason);
    bool isInvalid() const { return !m_reason.isEmpty(); }
    const QString &reason() const { return m_reason; }
    // Re-tints an invalid field from its parent's palette (after a theme change).
    void refresh();
    // Tints from this widget's palette instead of the field's parent: an ancestor that gets a
    // PaletteChange before Qt propagates the new palette down to the field's own parent.
    void setPaletteSource(const QWidget *source) { m_paletteSource = source; }

private:
    QWidget *m_field;
    const QWidget *m_paletteSource = nullptr;
    QString m_hint;      // tooltip while valid
    QString m_reason;
};

} // namespace outcrop::gui
