// SPDX-License-Identifier: Apache-2.0
#include "tageditor.h"

#include "lifecycleerrors.h"

#include "aws/awsclient.h"
#include "bedrock/bedrockclient.h"
#include "bedrock/deploymentmutations.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace outcrop::gui {

TagEditor::TagEditor(QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(tr("Tags"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    m_status = new QLabel(this);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setAccessibleName(tr("Tags status"));
    layout->addWidget(m_status);

    m_table = new QTableWidget(0, 2, this);
    m_table->setObjectName(QStringLiteral("tagTable"));
    m_table->setAccessibleName(tr("Tags"));
    m_table->setHorizontalHeaderLabels({ tr("Key", "tag"), tr("Value", "tag") });
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setTabKeyNavigation(false);
    m_table->setMinimumHeight(m_table->fontMetrics().lineSpacing() * 5);
    m_table->setMaximumHeight(m_table->fontMetrics().lineSpacing() * 10);
    layout->addWidget(m_table);

    // Key and value get a line of their own, the buttons the line below: side by side with the
    // buttons, in a details dock of a usual width, each field had room for a few characters only.
    m_editRow = new QWidget(this);
    auto *edit = new QVBoxLayout(m_editRow);
    edit->setContentsMargins(0, 0, 0, 0);
    auto *fields = new QHBoxLayout;
    auto *buttons = new QHBoxLayout;
    m_key = new QLineEdit(m_editRow);
    m_key->setObjectName(QStringLiteral("tagKeyEdit"));
    m_key->setPlaceholderText(tr("Key", "tag"));
    m_key->setAccessibleName(tr("New tag key"));
    m_key->setMaxLength(bedrock::MutationLimits::maxTagKeyLength);
    m_value = new QLineEdit(m_editRow);
    m_value->setObjectName(QStringLiteral("tagValueEdit"));
    m_value->setPlaceholderText(tr("Value", "tag"));
    m_value->setAccessibleName(tr("New tag value"));
    m_value->setMaxLength(bedrock::MutationLimits::maxTagValueLength);
    m_add = new QPushButton(tr("Add", "tag"), m_editRow);
    m_add->setObjectName(QStringLiteral("addTagButton"));
    m_add->setAccessibleName(tr("Add the tag"));
    m_add->setToolTip(tr("Add the tag, or change the value of a tag with this key"));
    m_remove = new QPushButton(tr("Remove", "tag"), m_editRow);
    m_remove->setObjectName(QStringLiteral("removeTagButton"));
    m_remove->setAccessibleName(tr("Remove the selected tags"));
    fields->addWidget(m_key, 2);
    fields->addWidget(m_value, 3);
    buttons->addStretch(1);
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    edit->addLayout(fields);
    edit->addLayout(buttons);
    layout->addWidget(m_editRow);
    m_keyMarker = std::make_unique<FieldValidityMarker>(
        m_key, tr("1 to 128 letters, digits, spaces and . _ : / = + @ -; not starting with aws:"));
    m_valueMarker = std::make_unique<FieldValidityMarker>(
        m_value, tr("Up to 256 letters, digits, spaces and . _ : / = + @ -"));

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_message->setAccessibleName(tr("Tag error"));
    m_message->hide();
    layout->addWidget(m_message);

    connect(m_key, &QLineEdit::textChanged, this, &TagEditor::validateInput);
    connect(m_value, &QLineEdit::textChanged, this, &TagEditor::validateInput);
    connect(m_key, &QLineEdit::returnPressed, this, &TagEditor::addTag);
    connect(m_value, &QLineEdit::returnPressed, this, &TagEditor::addTag);
    connect(m_add, &QPushButton::clicked, this, &TagEditor::addTag);
    connect(m_remove, &QPushButton::clicked, this, &TagEditor::removeSelectedTags);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &TagEditor::updateControls);
    validateInput();
    showTags();
}

TagEditor::~TagEditor()
{
    cancelCall();
}

void TagEditor::setClient(bedrock::BedrockClient *client)
{
    if (m_client == client) {
        return;
    }
    m_client = client;
    reload();
}

void TagEditor::setResourceArn(const QString &arn)
{
    if (arn == m_arn && (m_loaded || m_call)) {
        return;
    }
    m_arn = arn;
    reload();
}

void TagEditor::reload()
{
    cancelCall();
    m_tags.clear();
    m_loaded = false;
    showMessage({});
    if (!m_client || m_arn.isEmpty()) {
        showTags();
        return;
    }
    const quint64 generation = m_generation;
    m_call = m_client->listTags(m_arn, this, [this, generation](const QList<bedrock::Tag> &tags, const aws::AwsError &error) {
        if (generation != m_generation) {
            return;
        }
        m_call = nullptr;
        if (error.isError()) {
            showMessage(error.userMessage());
        } else {
            m_tags = tags;
            m_loaded = true;
            emit tagsChanged();
        }
        showTags();
    });
    showTags();
}

void TagEditor::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    m_editRow->setVisible(!readOnly);
    updateControls();
}

bool TagEditor::isBusy() const
{
    return !m_call.isNull();
}

QString TagEditor::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void TagEditor::cancelCall()
{
    ++m_generation;   // first, so a reply delivered from inside cancel() is dropped
    if (m_call) {
        m_call->cancel();
    }
    m_call = nullptr;
}

void TagEditor::showTags()
{
    m_table->setRowCount(int(m_tags.size()));
    QList<bedrock::Tag> sorted = m_tags;
    std::sort(sorted.begin(), sorted.end(), [](const bedrock::Tag &a, const bedrock::Tag &b) {
        return a.key.compare(b.key, Qt::CaseInsensitive) < 0;
    });
    for (int row = 0; row < sorted.size(); ++row) {
        auto *key = new QTableWidgetItem(sorted.at(row).key);
        key->setToolTip(sorted.at(row).key);
        auto *value = new QTableWidgetItem(sorted.at(row).value);
        value->setToolTip(sorted.at(row).value);
        m_table->setItem(row, 0, key);
        m_table->setItem(row, 1, value);
    }
    if (m_call && !m_loaded) {
        m_status->setText(tr("Loading tags…"));
    } else if (m_call) {
        m_status->setText(tr("Saving…", "tags"));
    } else if (!m_loaded) {
        m_status->setText(m_arn.isEmpty() ? QString() : tr("Tags could not be loaded."));
    } else {
        m_status->setText(m_tags.isEmpty() ? tr("No tags") : tr("%n tag(s)", nullptr, int(m_tags.size())));
    }
    updateControls();
}

void TagEditor::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void TagEditor::validateInput()
{
    const QString key = m_key->text().trimmed();
    const QString value = m_value->text();
    QString problem;
    if (!key.isEmpty() || !value.isEmpty()) {
        problem = key.isEmpty() ? tr("Enter the tag's key.")
                                : bedrock::validateTags({ bedrock::Tag { key, value } });
    }
    // The service's message names the field ("tag key ..." or "tag value ..."); mark the field.
    const bool valueProblem = !problem.isEmpty() && !key.isEmpty()
        && bedrock::validateTags({ bedrock::Tag { key, QString() } }).isEmpty();
    m_keyMarker->setInvalidReason(!problem.isEmpty() && !valueProblem ? problem : QString());
    m_valueMarker->setInvalidReason(valueProblem ? problem : QString());
    m_inputProblem = problem;
    if (!m_call) {
        showMessage(problem);   // why Add is disabled, without hovering for the tooltip
    }
    updateControls();
}

void TagEditor::updateControls()
{
    const bool ready = m_client && m_loaded && !m_call && !m_readOnly;
    m_add->setEnabled(ready && !m_key->text().trimmed().isEmpty() && m_inputProblem.isEmpty());
    m_remove->setEnabled(ready && !m_table->selectionModel()->selectedRows().isEmpty());
    m_key->setEnabled(!m_arn.isEmpty() && !m_readOnly);
    m_value->setEnabled(!m_arn.isEmpty() && !m_readOnly);
}

void TagEditor::addTag()
{
    if (!m_add->isEnabled()) {
        if (!m_inputProblem.isEmpty()) {
            showMessage(m_inputProblem);
        }
        return;
    }
    const bedrock::Tag tag { m_key->text().trimmed(), m_value->text() };
    // 50 per resource, existing ones included: said here instead of a TooManyTagsException.
    const QString totalProblem = bedrock::validateTagTotal(m_tags, { tag });
    if (!totalProblem.isEmpty()) {
        showMessage(totalProblem);
        return;
    }
    showMessage({});
    m_call = m_client->tagResource(m_arn, { tag }, this, mutationDone(LifecycleOperation::Tag, [this, tag] {
        const auto existing = std::find_if(m_tags.begin(), m_tags.end(),
                                           [&tag](const bedrock::Tag &t) { return t.key == tag.key; });
        if (existing != m_tags.end()) {
            existing->value = tag.value;
        } else {
            m_tags.append(tag);
        }
        m_key->clear();
        m_value->clear();
    }));
    showTags();
}

void TagEditor::removeSelectedTags()
{
    if (!m_remove->isEnabled()) {
        return;
    }
    QStringList keys;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows()) {
        keys.append(m_table->item(index.row(), 0)->text());
    }
    const QString problem = bedrock::validateTagKeys(keys);
    if (!problem.isEmpty()) {
        showMessage(problem);
        return;
    }
    showMessage({});
    m_call = m_client->untagResource(m_arn, keys, this, mutationDone(LifecycleOperation::Untag, [this, keys] {
        m_tags.erase(std::remove_if(m_tags.begin(), m_tags.end(),
                                    [&keys](const bedrock::Tag &t) { return keys.contains(t.key); }),
                     m_tags.end());
    }));
    showTags();
}

std::function<void(const aws::AwsError &)> TagEditor::mutationDone(LifecycleOperation operation,
                                                                   std::function<void()> applyLocally)
{
    const quint64 generation = ++m_generation;
    return [this, generation, operation, applyLocally = std::move(applyLocally)](const aws::AwsError &error) {
        if (generation != m_generation) {
            return;   // another resource is shown by now
        }
        m_call = nullptr;
        if (error.isError()) {
            showMessage(explainLifecycleError(error, operation));
        } else {
            applyLocally();
        }
        showTags();
        if (!error.isError()) {
            emit tagsChanged();
        }
    };
}

} // namespace outcrop::gui
