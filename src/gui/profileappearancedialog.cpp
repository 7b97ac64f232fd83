// SPDX-License-Identifier: Apache-2.0
#include "profileappearancedialog.h"

#include "connectionbar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>

namespace outcrop::gui {

namespace {
QIcon swatch(const QColor &color)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    if (color.isValid()) {
        QPainter painter(&pixmap);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawRoundedRect(QRectF(1, 1, 14, 14), 3, 3);
    }
    return QIcon(pixmap);
}
} // namespace

ProfileAppearanceDialog::ProfileAppearanceDialog(const QString &profile, QWidget *parent)
    : QDialog(parent)
    , m_profile(profile)
{
    setWindowTitle(tr("Profile Label and Colour"));
    auto *form = new QFormLayout(this);
    m_label = new QLineEdit(this);
    m_label->setPlaceholderText(tr("e.g. Production"));
    m_label->setMaxLength(40);
    m_color = new QComboBox(this);
    const QList<QPair<QString, QColor>> colors {
        { tr("No colour"), QColor() },          { tr("Red"), QColor(0xd3, 0x2f, 0x2f) },
        { tr("Orange"), QColor(0xef, 0x6c, 0x00) }, { tr("Green"), QColor(0x2e, 0x7d, 0x32) },
        { tr("Blue"), QColor(0x15, 0x65, 0xc0) },   { tr("Purple"), QColor(0x6a, 0x1b, 0x9a) },
    };
    for (const auto &[name, color] : colors) {
        m_color->addItem(swatch(color), name, color);
    }
    const ProfileAppearance current = ProfileAppearance::load(profile);
    m_label->setText(current.label);
    for (int i = 0; i < m_color->count(); ++i) {
        if (m_color->itemData(i).value<QColor>() == current.color) {
            m_color->setCurrentIndex(i);
        }
    }
    m_readOnly = new QCheckBox(tr("&Read-only: hide the actions that create, change, delete or tag deployments"), this);
    m_readOnly->setToolTip(tr("On by default for a profile whose label or name contains “prod”"));
    m_readOnly->setChecked(current.isReadOnly(profile));
    m_readOnlyChosen = current.readOnly.has_value();
    connect(m_readOnly, &QCheckBox::clicked, this, [this] { m_readOnlyChosen = true; });
    // Until the user decides, the default follows the label as it is typed.
    connect(m_label, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (!m_readOnlyChosen) {
            m_readOnly->setChecked(ProfileAppearance::looksLikeProduction(m_profile, text));
        }
    });
    form->addRow(tr("Profile:"), new QLabel(profile.toHtmlEscaped(), this));
    form->addRow(tr("&Label:"), m_label);
    form->addRow(tr("&Colour:"), m_color);
    form->addRow(QString(), m_readOnly);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ProfileAppearanceDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

void ProfileAppearanceDialog::save()
{
    ProfileAppearance::save(m_profile, ProfileAppearance { m_label->text().trimmed(), m_color->currentData().value<QColor>(),
                                                           m_readOnly->isChecked() });
    emit appearanceChanged(m_profile);
    accept();
}

} // namespace outcrop::gui
