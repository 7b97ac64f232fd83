// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "fieldvaliditymarker.h"
#include "lifecycleerrors.h"

#include "aws/awserror.h"
#include "bedrock/deployment.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace outcrop::aws {
class AwsCall;
}
namespace outcrop::bedrock {
class BedrockClient;
}

namespace outcrop::gui {

// The tags of one resource (a deployment), for the detail pane: listed with ListTagsForResource,
// added with TagResource and removed with UntagResource. The service's limits (key and value
// characters and lengths, 50 tags per resource counting the existing ones) are checked before
// anything is sent; errors are shown inline. Read-only hides the add and remove controls.
class TagEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagEditor)

public:
    explicit TagEditor(QWidget *parent = nullptr);
    ~TagEditor() override;

    void setClient(bedrock::BedrockClient *client);
    // Lists the tags of this resource (cancelling a call for the previous one); empty: clear.
    void setResourceArn(const QString &arn);
    QString resourceArn() const { return m_arn; }
    void reload();
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    const QList<bedrock::Tag> &tags() const { return m_tags; }
    bool isLoaded() const { return m_loaded; }
    bool isBusy() const;
    // The inline message: an error, or empty.
    QString messageText() const;

    QTableWidget *table() const { return m_table; }
    QLineEdit *keyEdit() const { return m_key; }
    QLineEdit *valueEdit() const { return m_value; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }

public slots:
    // Adds (or overwrites) the tag typed in the key and value fields.
    void addTag();
    // Removes the selected tags.
    void removeSelectedTags();

signals:
    // The tags changed on the service (after add or remove) or arrived.
    void tagsChanged();

private:
    void cancelCall();
    void showTags();
    void showMessage(const QString &text);
    void updateControls();
    void validateInput();
    // The reply handler of a TagResource or UntagResource call: on success `applyLocally`
    // updates the shown tags, on failure the error is shown; a reply for another resource is dropped.
    std::function<void(const aws::AwsError &)> mutationDone(LifecycleOperation operation,
                                                            std::function<void()> applyLocally);

    QPointer<bedrock::BedrockClient> m_client;
    QPointer<aws::AwsCall> m_call;
    quint64 m_generation = 0;   // a reply for an earlier resource or request is dropped
    QString m_arn;
    QList<bedrock::Tag> m_tags;
    bool m_loaded = false;
    bool m_readOnly = false;
    QString m_inputProblem;

    QLabel *m_status = nullptr;
    QTableWidget *m_table = nullptr;
    QWidget *m_editRow = nullptr;
    QLineEdit *m_key = nullptr;
    QLineEdit *m_value = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_message = nullptr;
    std::unique_ptr<FieldValidityMarker> m_keyMarker;
    std::unique_ptr<FieldValidityMarker> m_valueMarker;
};

} // namespace outcrop::gui
