// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bedrock/deployment.h"

#include <QList>
#include <QString>

class QComboBox;

namespace outcrop::gui::CustomModelCombo {

// An editable combo box of the account's custom models: each item shows the model's name (with
// its id when two models share a name) and holds its ARN as item data and tooltip. The user
// picks a model by name or types (pastes) an ARN.

// Replaces the items from `firstItem` on with `models`, sorted by name, in one block (an account
// can have thousands of models; item by item was quadratic).
void setModels(QComboBox *combo, const QList<bedrock::CustomModel> &models, int firstItem = 0);
// The ARN of the model the field names: an item whose text it is (exact case first, then any
// case), else the typed text itself (trimmed), to be validated as an ARN.
QString chosenArn(const QComboBox *combo);
// Shows the model with this ARN: its item when listed, else the ARN as typed text.
void selectArn(QComboBox *combo, const QString &arn);

} // namespace outcrop::gui::CustomModelCombo
