// SPDX-License-Identifier: Apache-2.0
#include "custommodelcombo.h"

#include <QAbstractItemModel>
#include <QComboBox>
#include <QCoreApplication>

#include <algorithm>

namespace outcrop::gui::CustomModelCombo {

void setModels(QComboBox *combo, const QList<bedrock::CustomModel> &models, int firstItem)
{
    QList<bedrock::CustomModel> sorted = models;
    std::sort(sorted.begin(), sorted.end(), [](const bedrock::CustomModel &left, const bedrock::CustomModel &right) {
        return left.name.compare(right.name, Qt::CaseInsensitive) < 0;
    });
    if (combo->count() > firstItem) {
        combo->model()->removeRows(firstItem, combo->count() - firstItem);
    }
    QStringList labels;
    labels.reserve(sorted.size());
    for (int i = 0; i < sorted.size(); ++i) {
        const bedrock::CustomModel &model = sorted.at(i);
        const bool nameRepeats = (i > 0 && sorted.at(i - 1).name == model.name)
            || (i + 1 < sorted.size() && sorted.at(i + 1).name == model.name);
        QString label = model.name.isEmpty() ? bedrock::shortNameFromArn(model.arn) : model.name;
        if (nameRepeats) {
            label = QCoreApplication::translate("outcrop::gui::FilterBar", "%1 (%2)")
                        .arg(label, bedrock::shortNameFromArn(model.arn));
        }
        labels.append(label);
    }
    combo->insertItems(firstItem, labels);
    for (int i = 0; i < sorted.size(); ++i) {
        combo->setItemData(firstItem + i, sorted.at(i).arn, Qt::UserRole);
        combo->setItemData(firstItem + i, sorted.at(i).arn, Qt::ToolTipRole);
    }
}

QString chosenArn(const QComboBox *combo)
{
    const QString text = combo->currentText().trimmed();
    if (text.isEmpty()) {
        return {};
    }
    int index = combo->findText(text, Qt::MatchFixedString | Qt::MatchCaseSensitive);
    if (index < 0) {
        index = combo->findText(text, Qt::MatchFixedString);
    }
    return index >= 0 ? combo->itemData(index).toString() : text;
}

void selectArn(QComboBox *combo, const QString &arn)
{
    const int index = arn.isEmpty() ? -1 : combo->findData(arn);
    if (index >= 0) {
        combo->setCurrentIndex(index);
        // An editable combo keeps typed text over a re-selected index: show the item.
        combo->setEditText(combo->itemText(index));
    } else {
        combo->setEditText(arn);
    }
}

} // namespace outcrop::gui::CustomModelCombo
