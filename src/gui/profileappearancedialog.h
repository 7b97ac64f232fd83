// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;

namespace outcrop::gui {

// View > Profile Label and Colour: gives the current profile a label ("Production") and a colour
// (red for prod) that the title and a stripe above the table show, and the read-only setting
// (on by default for a production-looking label, see ProfileAppearance). Non-modal: open() it.
class ProfileAppearanceDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileAppearanceDialog)

public:
    explicit ProfileAppearanceDialog(const QString &profile, QWidget *parent = nullptr);

    QLineEdit *labelEdit() const { return m_label; }
    QComboBox *colorCombo() const { return m_color; }
    QCheckBox *readOnlyCheck() const { return m_readOnly; }

signals:
    void appearanceChanged(const QString &profile);

private:
    void save();

    QString m_profile;
    QLineEdit *m_label = nullptr;
    QComboBox *m_color = nullptr;
    QCheckBox *m_readOnly = nullptr;
    bool m_readOnlyChosen = false;   // stored, or clicked: the label no longer decides
};

} // namespace outcrop::gui
