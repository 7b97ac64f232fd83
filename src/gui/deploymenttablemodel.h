// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "localtimeformatter.h"

#include "bedrock/deployment.h"
#include "bedrock/deploymentquery.h"
#include "bedrock/multisourcepager.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QTimer>

#include <array>
#include <memory>
#include <vector>

namespace outcrop::aws {
class AwsCall;
struct AwsError;
} // namespace outcrop::aws

namespace outcrop::bedrock {
struct DeploymentDetail;
class BedrockClient;
class CustomModelNames;
} // namespace outcrop::bedrock

namespace outcrop::gui {

// The deployments of one query, loaded page by page as the view scrolls (canFetchMore/fetchMore,
// one request in flight per source) or all at once (loadAll), and kept live without a reset:
// refresh() re-lists the loaded window and merges it by ARN, refreshTransitional() polls Get for
// the rows that are changing. setQuery() and setSources() are the only paths that reset the model.
//
// The rows may come from several sources (profile, region), listed concurrently and merged by
// MultiSourcePager: the model itself stays in global creation-time order, and a row is appended
// only when no source can still send one that belongs above it. A source that fails reports
// sourceFailed() (and error(), naming it) while the others go on.
//
// Built for large lists: every display string is prepared once when a row is stored (or changes),
// so data() only reads. A row is a plain struct (no QObject), with strings shared between rows
// where they repeat (model ARNs, model names, statuses, account and region): 216 bytes inline and
// about 570 with its strings on x86-64.
class DeploymentTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeploymentTableModel)

public:
    enum Column {
        NameColumn,
        StatusColumn,
        ModelColumn,
        CreatedColumn,
        LastUpdatedColumn,
        FailureMessageColumn,
        ArnColumn,
        AccountColumn,   // hidden unless several sources are shown
        RegionColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        // The typed value a column sorts on (QString, QDateTime, or the DeploymentStatus as int);
        // never sort or filter on display text.
        RawValueRole = Qt::UserRole + 1,
        ArnRole,              // the deployment ARN, on every column
        StatusRole,           // StatusPresentation::key(): "Active", or an unknown status as sent
        ChangeHighlightRole,  // Change as int, while the highlight lasts
        CreatedAtRole,        // QDateTime (UTC), the proxy's secondary sort key
        ModelArnRole,
        SourceRole,           // the index of the source the row was listed from (int)
        // updateDetails.updateStatus as last seen by a Get ("Updating", "UpdateFailed", ...);
        // empty when no model swap has been seen.
        UpdateStatusRole,
    };
    Q_ENUM(Role)

    // What a refresh did to a row, shown for highlightDuration(). A Removed row stays in the model,
    // highlighted, until its highlight ends; then it is removed.
    // One byte: a row keeps one (see Row).
    enum class Change : quint8 { None, Added, Changed, Removed };
    Q_ENUM(Change)

    static constexpr int defaultPageSize = 100;
    static constexpr int defaultHighlightMs = 5000;
    // Get calls refreshTransitional() starts at most per call.
    static constexpr int maxTransitionalGets = 32;

    explicit DeploymentTableModel(QObject *parent = nullptr);
    ~DeploymentTableModel() override;

    // The client the rows come from (nullptr: none). Reloads the current query.
    void setClient(bedrock::BedrockClient *client);
    // The sources the rows come from, each with its own client (a null client is a source that
    // could not be connected: it reports sourceFailed). Reloads the current query.
    void setSources(const QList<bedrock::ListingSource> &sources);
    int sourceCount() const { return int(m_sources.size()); }
    QString sourceLabel(int source) const { return m_sources.value(source).label; }
    // The error of a source in the current listing (none: no error).
    aws::AwsError sourceError(int source) const;
    // The client of the source row `row` came from (null when that source has none).
    bedrock::BedrockClient *clientOfRow(int row) const;
    // Where Model column names come from (optional; without it the short name from the ARN).
    void setModelNames(bedrock::CustomModelNames *names);
    // A new query: cancels every request in flight, resets the model and loads the first page.
    // A page size of 0 in the query means pageSize().
    void setQuery(const bedrock::DeploymentQuery &query);
    const bedrock::DeploymentQuery &query() const { return m_query; }
    // Takes effect with the next setQuery() or refresh().
    void setPageSize(int rows) { m_pageSize = rows; }
    int pageSize() const { return m_pageSize; }
    void setHighlightDuration(int ms) { m_highlightMs = ms; }
    int highlightDuration() const { return m_highlightMs; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // True while more pages remain and no request is in flight.
    bool canFetchMore(const QModelIndex &parent) const override;
    // Starts loading the next page and returns; the rows are inserted when it arrives.
    void fetchMore(const QModelIndex &parent) override;

    // Loads every remaining page, one after another.
    void loadAll();
    // Re-lists the loaded window (as many rows as are loaded, in pages of the current size) and
    // merges it in by ARN: dataChanged, row insertion and removal, never a reset. Returns false
    // (and does nothing) while pages are loading or a refresh is running.
    bool refresh();
    // GetCustomModelDeployment for the rows that are changing (Creating, an unknown status such
    // as Deleting, an update in progress); dataChanged when one has changed.
    void refreshTransitional();

    // --- lifecycle actions: what this window just asked the service to do, shown at once ---
    // A deployment this window created: inserted as the service lists it (first in newest-first
    // order, last in oldest-first order), highlighted, and then followed by the poller. Returns
    // false (and inserts nothing) when it does not match the query's server-side filters, since
    // a list with those filters would never show it.
    bool insertCreated(const bedrock::DeploymentSummary &summary, int source = 0);
    // DeleteCustomModelDeployment was accepted: the row shows Deleting (a transitional status,
    // so it is polled) until Get answers ResourceNotFound or a refresh no longer lists it.
    void markDeleting(const QString &arn);
    // UpdateCustomModelDeployment was accepted: the row counts as updating (polled) until a Get
    // reports the update completed or failed.
    void markUpdating(const QString &arn, const QString &targetModelArn);
    // A Get from elsewhere (the detail pane): the row takes its status and update progress.
    void applyDetail(const bedrock::DeploymentDetail &detail);
    bool isUpdating(int row) const { return m_rows.at(size_t(row)).updateStatus() == updatingStatus(); }
    QString updateStatus(int row) const { return m_rows.at(size_t(row)).updateStatus(); }
    // Whether a deployment with this name is loaded (the create dialog's duplicate check).
    bool hasDeploymentNamed(const QString &name) const;

    bool isLoading() const;
    bool isRefreshing() const { return m_refreshPager != nullptr; }
    bool hasMore() const;
    // The rows that are not waiting for removal (Change::Removed).
    int loadedCount() const { return int(m_rows.size()) - m_removedCount; }

    // Bookkeeping that must follow the rows shown, not every row ever shown (a window left open for
    // days while deployments come and go; bench-soak): the distinct shared strings kept for
    // interning, and the rows created in this window that the service's list has not reached.
    qsizetype internedStringCount() const { return m_interned.size(); }
    qsizetype locallyInsertedCount() const { return m_insertedLocally.size(); }

    const bedrock::DeploymentSummary &deployment(int row) const { return m_rows.at(size_t(row)).summary; }
    int rowOfArn(const QString &arn) const;   // -1 when not loaded

    static bool isHiddenByDefault(int column)
    {
        return column == ArnColumn || column == AccountColumn || column == RegionColumn;
    }
    // Created sorts through the service (DeploymentQuery::sortOrder) across every page; any other
    // column sorts only the loaded rows.
    static bool isServerSorted(int column) { return column == CreatedColumn; }

signals:
    void loadingChanged(bool loading);
    void refreshingChanged(bool refreshing);
    void hasMoreChanged(bool hasMore);
    // A page arrived: `count` new rows were appended.
    void rowsLoaded(int count);
    // A refresh has been merged in.
    void refreshed();
    // A call failed; with several sources, its message names the source.
    // The poller's Get for a changing row arrived (the detail pane follows update progress).
    void detailPolled(const outcrop::bedrock::DeploymentDetail &detail);
    void error(const outcrop::aws::AwsError &error);
    // A source failed (its rows so far stay, the others go on); `label` is sourceLabel(source).
    void sourceFailed(int source, const QString &label, const outcrop::aws::AwsError &error);

private:
    struct RowUpdate
    {
        QString status;
        QString targetArn;
    };
    // Where a row was listed from and what its ARN names: one entry per (source, account, region)
    // seen, which rows refer to by index instead of carrying two strings each.
    struct Origin
    {
        int source = 0;
        QString account;   // from the ARN
        QString region;
    };
    // Every byte of a row counts 100,000 times (docs/benchmarks.md, "memory per loaded row"): the
    // strings that repeat between rows are shared, the small fields packed at the end.
    struct Row
    {
        bedrock::DeploymentSummary summary;
        QString modelName;
        // The Created and Last updated cells, formatted once, in one string: "created\0last updated"
        // (one heap block instead of two; the \0 ends the first one for code that reads it as a
        // C string), or just "created" when both read the same.
        QString timeTexts;
        qint64 highlightUntilMs = 0;
        // updateDetails from the last Get, or the swap this window asked for. Out of line: a few
        // rows ever have one.
        std::unique_ptr<RowUpdate> update;
        quint32 origin = 0;             // index in m_origins
        quint16 createdTextSize = 0;    // of timeTexts
        Change change = Change::None;

        QString createdText() const;
        QString lastUpdatedText() const;
        // updateDetails.updateStatus ("Updating": polled as transitional); empty when none.
        QString updateStatus() const { return update ? update->status : QString(); }
        QString updateTargetArn() const { return update ? update->targetArn : QString(); }
        void setUpdate(const QString &status, const QString &targetArn)
        {
            update = std::make_unique<RowUpdate>(RowUpdate{status, targetArn});
        }
    };

    static QString updatingStatus() { return QStringLiteral("Updating"); }
    bool matchesServerFilters(const bedrock::DeploymentSummary &summary) const;
    void takeUpdateDetails(Row &row, const bedrock::DeploymentDetail &detail);

    void reload();
    void discardRequests();
    bedrock::MultiSourcePager *makePager();
    void connectPager(bedrock::MultiSourcePager *pager);
    void appendRows(const QList<bedrock::SourcedDeployment> &rows);
    void continueRefresh();
    void finishRefresh();
    void abortRefresh(const aws::AwsError &failure);
    void mergeRefresh();
    aws::AwsError namingSource(const aws::AwsError &failure, int source) const;
    void onTransitionalReply(const QString &arn, const bedrock::DeploymentDetail &detail,
                             const aws::AwsError &failure);
    void removeRows(const QList<int> &rowsAscending);
    void markRemoved(int row);
    void updateRow(int row, const bedrock::DeploymentSummary &summary);
    Row makeRow(const bedrock::DeploymentSummary &summary, int source);
    quint32 originOf(const bedrock::DeploymentSummary &summary, int source);
    const Origin &originOfRow(const Row &row) const { return m_origins.at(row.origin); }
    int sourceOfRow(const Row &row) const { return originOfRow(row).source; }
    void format(Row &row);
    void intern(QString &text);
    void pruneInterned();
    void highlight(Row &row, Change change);
    void scheduleHighlightExpiry();
    void expireHighlights();
    void onModelNamesChanged(const QStringList &modelArns);
    void emitStateChanges();
    static bool sameContent(const bedrock::DeploymentSummary &a, const bedrock::DeploymentSummary &b);

    QList<bedrock::ListingSource> m_sources;
    QPointer<bedrock::CustomModelNames> m_names;
    bedrock::DeploymentQuery m_query;
    int m_pageSize = defaultPageSize;
    int m_highlightMs = defaultHighlightMs;
    quint64 m_generation = 0;   // bumped by every reset; replies of an older one are dropped

    std::vector<Row> m_rows;
    int m_removedCount = 0;
    QSet<QString> m_interned;
    QList<Origin> m_origins;
    QHash<QString, quint32> m_originIndex;   // "source:account:region" -> index in m_origins
    quint32 m_lastOrigin = 0;                // rows of a page mostly share one: checked first
    qsizetype m_internedAfterPrune = 0;   // m_interned.size() when pruneInterned() last rebuilt it

    bedrock::MultiSourcePager *m_pager = nullptr;
    bool m_loadingAll = false;
    bedrock::MultiSourcePager *m_refreshPager = nullptr;
    QList<bedrock::SourcedDeployment> m_refreshRows;
    bool m_refreshInStep = false;
    QSet<QString> m_transitionalInFlight;
    // Created here and inserted before the service's list reached them: a later page that
    // carries one again must not add it twice.
    QSet<QString> m_insertedLocally;
    QList<QPointer<aws::AwsCall>> m_transitionalCalls;

    LocalTimeFormatter m_timeFormatter;
    std::array<QString, 4> m_statusLabels;   // per DeploymentStatus, translated once
    std::array<QString, 4> m_statusKeys;     // per known DeploymentStatus: StatusPresentation::key()
    QElapsedTimer m_clock;
    QTimer m_highlightTimer;

    bool m_lastLoading = false;
    bool m_lastHasMore = false;
};

} // namespace outcrop::gui
