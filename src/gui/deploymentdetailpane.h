// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "aws/awserror.h"
#include "bedrock/deployment.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <functional>

class QFrame;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;
class QToolButton;

namespace outcrop::aws {
class AwsCall;
}
namespace outcrop::bedrock {
class BedrockClient;
}

namespace outcrop::gui {

class TagEditor;

// Everything about one deployment, for a dock or a splitter next to the list. showDeployment()
// shows the row's summary fields at once, then fetches GetCustomModelDeployment for what only Get
// returns (description, update details) and the freshest status. Selecting another deployment
// cancels the fetch in flight, and a reply for a deployment no longer shown is dropped. Errors
// are shown inline, never in a dialog. Every value is selectable and copyable.
class DeploymentDetailPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeploymentDetailPane)

public:
    using ModelNameLookup = std::function<QString(const QString &modelArn)>;

    explicit DeploymentDetailPane(QWidget *parent = nullptr);
    ~DeploymentDetailPane() override;

    // Not owned. Without a client the pane shows the summary only.
    void setClient(bedrock::BedrockClient *client);

    // Custom model display names: set one by one (from ListCustomModels or GetCustomModel) and/or
    // through a lookup function, asked first. Without a name the model's id is shown.
    void setModelName(const QString &modelArn, const QString &name);
    void setModelNameLookup(ModelNameLookup lookup);

    // Actions for the pane's context menu (DeploymentActions::actions()).
    void setContextActions(const QList<QAction *> &actions);

    // The deployment's tags (ListTagsForResource), with add and remove unless read-only.
    TagEditor *tagEditor() const { return m_tags; }
    void setReadOnly(bool readOnly);

    bool hasDeployment() const { return !m_summary.arn.isEmpty(); }
    const bedrock::DeploymentSummary &summary() const { return m_summary; }
    bool hasDetail() const { return m_hasDetail; }
    const bedrock::DeploymentDetail &detail() const { return m_detail; }
    bool isLoading() const;
    // The x-amzn-RequestId of the last Get, successful or not.
    QString lastRequestId() const { return m_lastRequestId; }
    const aws::AwsError &lastError() const { return m_lastError; }
    // The text shown in the error area (empty when there is no error).
    QString errorText() const;

public slots:
    void showDeployment(const outcrop::bedrock::DeploymentSummary &deployment);
    // Fetches the shown deployment again.
    void refresh();
    // A Get made elsewhere (the list's poller following an update): shown when it is about the
    // shown deployment, without a fetch of its own.
    void applyDetail(const outcrop::bedrock::DeploymentDetail &detail);
    // Back to the empty state; a fetch in flight is cancelled.
    void clear();

signals:
    // A Get for the shown deployment arrived (the list can update its row from it).
    void detailLoaded(const outcrop::bedrock::DeploymentDetail &detail);
    void loadFailed(const outcrop::aws::AwsError &error);
    void loadingChanged(bool loading);

protected:
    void changeEvent(QEvent *event) override;

private:
    QLineEdit *addValueRow(const QString &label, const QString &accessibleName);
    void addRow(const QString &label, QWidget *field, const QString &accessibleName);
    void setRowVisible(QWidget *field, bool visible);
    void fetch();
    void cancelFetch();
    void onReply(const bedrock::DeploymentDetail &detail, const aws::AwsError &error, const QString &requestId);
    void setLoading(bool loading);
    void showSummaryFields();
    void showDetailFields();
    void showError();
    void showRequestId();
    void applyStatusColors();
    QString modelDisplayName(const QString &modelArn) const;

    QPointer<bedrock::BedrockClient> m_client;
    QPointer<aws::AwsCall> m_call;
    quint64 m_generation = 0;   // bumped for every fetch and cancel; a reply of an older one is dropped
    bool m_loading = false;

    bedrock::DeploymentSummary m_summary;
    bedrock::DeploymentDetail m_detail;
    bool m_hasDetail = false;
    QString m_lastRequestId;
    aws::AwsError m_lastError;
    QHash<QString, QString> m_modelNames;
    ModelNameLookup m_modelNameLookup;

    QStackedWidget *m_stack;
    QWidget *m_detailsPage;
    QLabel *m_titleLabel;
    QLabel *m_loadingLabel;
    QToolButton *m_refreshButton;
    QFrame *m_errorFrame;
    QLabel *m_errorIcon;
    QLabel *m_errorLabel;
    QGridLayout *m_grid;
    QHash<QWidget *, QLabel *> m_rowLabels;   // field -> its label
    QLineEdit *m_nameField;
    QLineEdit *m_statusField;
    QLineEdit *m_arnField;
    QLabel *m_descriptionField;
    QLineEdit *m_modelField;
    QLineEdit *m_modelArnField;
    QLineEdit *m_updateStatusField;
    QLineEdit *m_updateModelField;
    QLineEdit *m_createdField;
    QLineEdit *m_lastUpdatedField;
    QLineEdit *m_accountField;
    QLineEdit *m_regionField;
    QPlainTextEdit *m_failureField;
    QWidget *m_requestIdRow;
    QLineEdit *m_requestIdField;
    QToolButton *m_copyRequestIdButton;
    TagEditor *m_tags;
};

} // namespace outcrop::gui
