// SPDX-License-Identifier: Apache-2.0
#include "deploymenttablemodel.h"

#include "statuspresentation.h"

#include "aws/awsclient.h"
#include "aws/awserror.h"
#include "aws/logging.h"
#include "bedrock/bedrockclient.h"
#include "bedrock/custommodelnames.h"
#include "bedrock/multisourcepager.h"

#include <QColor>
#include <QHash>

#include <algorithm>
#include <iterator>
#include <limits>

namespace outcrop::gui {

using bedrock::DeploymentStatus;
using bedrock::MultiSourcePager;
using bedrock::SourcedDeployment;
using bedrock::DeploymentSummary;

DeploymentTableModel::DeploymentTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    for (const DeploymentStatus status : {DeploymentStatus::Creating, DeploymentStatus::Active, DeploymentStatus::Failed}) {
        m_statusLabels.at(size_t(status)) = StatusPresentation::label(bedrock::deploymentStatusWireValue(status));
        m_statusKeys.at(size_t(status)) = StatusPresentation::key(bedrock::deploymentStatusWireValue(status));
    }
    m_clock.start();
    m_highlightTimer.setSingleShot(true);
    connect(&m_highlightTimer, &QTimer::timeout, this, &DeploymentTableModel::expireHighlights);
}

DeploymentTableModel::~DeploymentTableModel()
{
    ++m_generation;
    discardRequests();
}

void DeploymentTableModel::setClient(bedrock::BedrockClient *client)
{
    setSources(client ? QList<bedrock::ListingSource>{{client->region(), client, {}}} : QList<bedrock::ListingSource>());
}

void DeploymentTableModel::setSources(const QList<bedrock::ListingSource> &sources)
{
    m_sources = sources;
    reload();
}

aws::AwsError DeploymentTableModel::sourceError(int source) const
{
    return m_pager && source >= 0 && source < m_pager->sourceCount() ? m_pager->sourceError(source) : aws::AwsError();
}

bedrock::BedrockClient *DeploymentTableModel::clientOfRow(int row) const
{
    if (row < 0 || row >= int(m_rows.size())) {
        return nullptr;
    }
    return m_sources.value(sourceOfRow(m_rows[size_t(row)])).client;
}

aws::AwsError DeploymentTableModel::namingSource(const aws::AwsError &failure, int source) const
{
    if (m_sources.size() < 2) {
        return failure;
    }
    aws::AwsError named = failure;
    //: A source (profile · region), then what its service said
    named.message = tr("%1: %2", "source: message").arg(sourceLabel(source), failure.message);
    return named;
}

void DeploymentTableModel::setModelNames(bedrock::CustomModelNames *names)
{
    if (m_names) {
        disconnect(m_names, nullptr, this, nullptr);
    }
    m_names = names;
    if (m_names) {
        connect(m_names, &bedrock::CustomModelNames::namesChanged, this, &DeploymentTableModel::onModelNamesChanged);
    }
    // Names of the rows already loaded: as the new source knows them.
    QStringList arns;
    for (const Row &row : m_rows) {
        arns.append(row.summary.modelArn);
    }
    onModelNamesChanged(arns);
}

void DeploymentTableModel::setQuery(const bedrock::DeploymentQuery &query)
{
    m_query = query;
    reload();
}

void DeploymentTableModel::reload()
{
    ++m_generation;
    discardRequests();
    beginResetModel();
    m_rows.clear();
    m_removedCount = 0;
    m_interned.clear();
    m_origins.clear();
    m_originIndex.clear();
    m_lastOrigin = 0;
    m_internedAfterPrune = 0;
    m_insertedLocally.clear();
    m_highlightTimer.stop();
    endResetModel();
    if (!m_sources.isEmpty()) {
        m_pager = makePager();
        connectPager(m_pager);
        m_pager->fetchNext();
    }
    emitStateChanges();
}

// Cancels every request of the current generation. The pagers are deleted later, since this may
// run inside one of their signals.
void DeploymentTableModel::discardRequests()
{
    for (MultiSourcePager *pager : {m_pager, m_refreshPager}) {
        if (pager) {
            disconnect(pager, nullptr, this, nullptr);
            pager->cancel();
            pager->deleteLater();
        }
    }
    const bool wasRefreshing = m_refreshPager != nullptr;
    m_pager = nullptr;
    m_refreshPager = nullptr;
    m_refreshRows.clear();
    m_loadingAll = false;
    for (const QPointer<aws::AwsCall> &call : std::as_const(m_transitionalCalls)) {
        if (call) {
            call->cancel();
        }
    }
    m_transitionalCalls.clear();
    m_transitionalInFlight.clear();
    if (wasRefreshing) {
        emit refreshingChanged(false);
    }
}

MultiSourcePager *DeploymentTableModel::makePager()
{
    bedrock::DeploymentQuery query = m_query;
    if (query.maxResults == 0) {
        query.maxResults = m_pageSize;
    }
    return new MultiSourcePager(m_sources, query, this);
}

void DeploymentTableModel::connectPager(MultiSourcePager *pager)
{
    const quint64 generation = m_generation;
    connect(pager, &MultiSourcePager::rowsReleased, this, [this, generation](const QList<SourcedDeployment> &rows) {
        if (generation == m_generation) {
            appendRows(rows);
        }
    });
    // A page that released nothing (its rows wait for another source) still ends a request.
    connect(pager, &MultiSourcePager::sourcePageArrived, this, [this, generation] {
        if (generation == m_generation) {
            emitStateChanges();
        }
    });
    connect(pager, &MultiSourcePager::finished, this, [this, generation] {
        if (generation == m_generation) {
            m_loadingAll = false;
            emitStateChanges();
        }
    });
    connect(pager, &MultiSourcePager::sourceFailed, this,
            [this, generation](int source, const aws::AwsError &failure) {
                if (generation == m_generation) {
                    if (!m_pager || !m_pager->hasMore()) {
                        m_loadingAll = false;
                    }
                    emitStateChanges();
                    emit sourceFailed(source, sourceLabel(source), failure);
                    emit error(namingSource(failure, source));
                }
            });
}

int DeploymentTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DeploymentTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeploymentTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= int(m_rows.size())
        || index.column() >= ColumnCount) {
        return {};
    }
    const Row &row = m_rows[size_t(index.row())];
    const DeploymentSummary &summary = row.summary;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return summary.name;
        case StatusColumn: {
            const QString status = summary.status == DeploymentStatus::Unknown ? summary.statusText
                                                                               : m_statusLabels.at(size_t(summary.status));
            // Only the few rows swapping their model pay for this concatenation.
            const QString update = row.updateStatus();
            if (update.isEmpty() || update.compare(QLatin1String("UpdateCompleted"), Qt::CaseInsensitive) == 0) {
                return status;
            }
            return update == updatingStatus()
                ? tr("%1 · updating model", "deployment status while UpdateCustomModelDeployment runs").arg(status)
                : tr("%1 · update failed", "deployment status after UpdateCustomModelDeployment failed").arg(status);
        }
        case ModelColumn:
            return row.modelName;
        case CreatedColumn:
            return row.createdText();
        case LastUpdatedColumn:
            return row.lastUpdatedText();
        case FailureMessageColumn:
            return summary.failureMessage;
        case ArnColumn:
            return summary.arn;
        case AccountColumn:
            return originOfRow(row).account;
        case RegionColumn:
            return originOfRow(row).region;
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case StatusColumn:
            if (const QString update = row.updateStatus();
                !update.isEmpty() && update.compare(QLatin1String("UpdateCompleted"), Qt::CaseInsensitive) != 0) {
                return update == updatingStatus()
                    ? tr("Swapping the model to %1").arg(row.updateTargetArn())
                    : tr("Swapping the model to %1 failed; the deployment still serves %2")
                          .arg(row.updateTargetArn(), summary.modelArn);
            }
            if (summary.status == DeploymentStatus::Unknown
                && summary.statusText.compare(QLatin1String("Deleting"), Qt::CaseInsensitive) != 0) {
                return tr("“%1” is a status this version of Outcrop does not know; it is shown as the service sent it.")
                    .arg(summary.statusText);
            }
            break;
        case ModelColumn:
            return summary.modelArn;
        case CreatedColumn:
        case LastUpdatedColumn: {
            // On hover only, so computing the age here costs nothing per paint.
            const QDateTime &time = index.column() == CreatedColumn ? summary.createdAt : summary.lastUpdatedAt;
            if (!time.isValid()) {
                return {};
            }
            return tr("%1 (%2)", "relative age (full local time)")
                .arg(LocalTimeFormatter::relativeAge(time, QDateTime::currentDateTimeUtc()),
                     LocalTimeFormatter::formatLong(time));
        }
        case NameColumn:
        case FailureMessageColumn:
        case ArnColumn:
            return data(index, Qt::DisplayRole);
        case AccountColumn:
        case RegionColumn:
            return tr("Listed from %1").arg(sourceLabel(sourceOfRow(row)));
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == StatusColumn) {
            return StatusPresentation::icon(summary.status);
        }
        break;
    case Qt::BackgroundRole:
        // Translucent, so the tint works on light and dark palettes alike.
        switch (row.change) {
        case Change::Added:
            return QColor(0x43, 0xa0, 0x47, 60);
        case Change::Changed:
            return QColor(0xfb, 0xc0, 0x2d, 60);
        case Change::Removed:
            return QColor(0xe5, 0x39, 0x35, 60);
        case Change::None:
            break;
        }
        break;
    case RawValueRole:
        switch (index.column()) {
        case NameColumn:
            return summary.name;
        case StatusColumn:
            return int(summary.status);
        case ModelColumn:
            return row.modelName;
        case CreatedColumn:
            return summary.createdAt;
        case LastUpdatedColumn:
            return summary.lastUpdatedAt;
        case FailureMessageColumn:
            return summary.failureMessage;
        case ArnColumn:
            return summary.arn;
        case AccountColumn:
            return originOfRow(row).account;
        case RegionColumn:
            return originOfRow(row).region;
        }
        break;
    case ArnRole:
        return summary.arn;
    case StatusRole:
        // StatusPresentation::key(statusText) without parsing the text again for each call
        // (StatusCounts and the histogram ask for every inserted row).
        return summary.status == DeploymentStatus::Unknown ? StatusPresentation::key(summary.statusText)
                                                           : m_statusKeys.at(size_t(summary.status));
    case ChangeHighlightRole:
        return int(row.change);
    case CreatedAtRole:
        return summary.createdAt;
    case ModelArnRole:
        return summary.modelArn;
    case SourceRole:
        return sourceOfRow(row);
    case UpdateStatusRole:
        return row.updateStatus();
    }
    return {};
}

QVariant DeploymentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Name", "column");
        case StatusColumn:
            return tr("Status", "column");
        case ModelColumn:
            return tr("Model", "column");
        case CreatedColumn:
            return tr("Created", "column");
        case LastUpdatedColumn:
            return tr("Last updated", "column");
        case FailureMessageColumn:
            return tr("Failure message", "column");
        case ArnColumn:
            return tr("Deployment ARN", "column");
        case AccountColumn:
            return tr("Account", "column");
        case RegionColumn:
            return tr("Region", "column");
        }
    } else if (role == Qt::ToolTipRole) {
        if (isServerSorted(section)) {
            return tr("Sorting by this column is done by the service, across all pages.");
        }
        return tr("Sorting by this column sorts the rows loaded so far.");
    }
    return {};
}

bool DeploymentTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_pager && m_pager->hasMore() && !isLoading() && !isRefreshing();
}

void DeploymentTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent)) {
        return;
    }
    m_pager->fetchNext();
    emitStateChanges();
}

void DeploymentTableModel::loadAll()
{
    if (!m_pager || !m_pager->hasMore() || isRefreshing()) {
        return;
    }
    m_loadingAll = true;
    m_pager->fetchAll();
    emitStateChanges();
}

bool DeploymentTableModel::isLoading() const
{
    // While loading all, the pager is idle for a moment between a page and the next request.
    return m_pager && (m_pager->isLoading() || (m_loadingAll && m_pager->hasMore()));
}

bool DeploymentTableModel::hasMore() const
{
    return m_pager && m_pager->hasMore();
}

int DeploymentTableModel::rowOfArn(const QString &arn) const
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].summary.arn == arn) {
            return int(i);
        }
    }
    return -1;
}

void DeploymentTableModel::emitStateChanges()
{
    const bool loading = isLoading();
    if (loading != m_lastLoading) {
        m_lastLoading = loading;
        emit loadingChanged(loading);
    }
    const bool more = hasMore();
    if (more != m_lastHasMore) {
        m_lastHasMore = more;
        emit hasMoreChanged(more);
    }
}

// --- rows -------------------------------------------------------------------------------------

void DeploymentTableModel::intern(QString &text)
{
    const auto found = m_interned.constFind(text);
    if (found != m_interned.cend()) {
        text = *found;
    } else {
        m_interned.insert(text);
    }
}

// A string stays interned after the last row using it has gone (a deployment deleted, a model
// swapped, a new model or account in every deployment): without pruning, the set would grow with
// every distinct string ever shown. Once it has doubled since it was last rebuilt, it is rebuilt
// from the rows, so it stays within twice the strings shown plus the slack, at the cost of one
// pass over the rows per doubling.
void DeploymentTableModel::pruneInterned()
{
    constexpr qsizetype slack = 64;
    if (m_interned.size() <= 2 * m_internedAfterPrune + slack) {
        return;
    }
    QSet<QString> used;
    used.reserve(m_internedAfterPrune + slack);
    for (const Row &row : m_rows) {
        used.insert(row.summary.modelArn);
        used.insert(row.summary.statusText);
    }
    m_interned = std::move(used);
    m_internedAfterPrune = m_interned.size();
}

void DeploymentTableModel::format(Row &row)
{
    row.modelName = m_names ? m_names->displayName(row.summary.modelArn) : bedrock::shortNameFromArn(row.summary.modelArn);
    QString created = m_timeFormatter.format(row.summary.createdAt);
    const QString lastUpdated = m_timeFormatter.format(row.summary.lastUpdatedAt);
    // A cell of a short date and time format; the limit only keeps the size in its 16 bits.
    created.truncate(std::numeric_limits<quint16>::max());
    row.createdTextSize = quint16(created.size());
    if (lastUpdated == created) {
        row.timeTexts = std::move(created);
    } else {
        row.timeTexts = created + QChar(u'\0') + lastUpdated;
    }
}

namespace {
// `size` characters of `text` from `from`, sharing its heap block (no copy, no allocation): the
// block stays alive while any such part of it does. QString::mid() and sliced() copy. Through
// QString's public data pointer, since no documented call shares part of a string in Qt 6.4.
QString sharedPart(const QString &text, qsizetype from, qsizetype size)
{
    if (size <= 0) {
        return {};
    }
    QString::DataPointer part = text.data_ptr();   // one more reference to the block
    part.ptr += from;
    part.size = size;
    return QString(std::move(part));
}

// Field `index` of an ARN split at ':', as bedrock::arnField() gives it, without a copy.
QStringView arnFieldView(QStringView arn, int index)
{
    qsizetype start = 0;
    for (int field = 0; field < index; ++field) {
        const qsizetype colon = arn.indexOf(QLatin1Char(':'), start);
        if (colon < 0) {
            return {};
        }
        start = colon + 1;
    }
    const qsizetype end = arn.indexOf(QLatin1Char(':'), start);
    return arn.sliced(start, (end < 0 ? arn.size() : end) - start);
}
} // namespace

QString DeploymentTableModel::Row::createdText() const
{
    return sharedPart(timeTexts, 0, createdTextSize);
}

QString DeploymentTableModel::Row::lastUpdatedText() const
{
    if (timeTexts.size() == createdTextSize) {   // both read the same, or there is no last update
        return summary.lastUpdatedAt.isValid() ? createdText() : QString();
    }
    return sharedPart(timeTexts, createdTextSize + 1, timeTexts.size() - createdTextSize - 1);
}

quint32 DeploymentTableModel::originOf(const DeploymentSummary &summary, int source)
{
    const QStringView region = arnFieldView(summary.arn, 3);
    const QStringView account = arnFieldView(summary.arn, 4);
    if (m_lastOrigin < quint32(m_origins.size())) {
        const Origin &last = m_origins.at(m_lastOrigin);
        if (last.source == source && last.account == account && last.region == region) {
            return m_lastOrigin;
        }
    }
    const QString key = QString::number(source) + QLatin1Char(':') + account + QLatin1Char(':') + region;
    auto found = m_originIndex.constFind(key);
    if (found == m_originIndex.cend()) {
        found = m_originIndex.insert(key, quint32(m_origins.size()));
        m_origins.append(Origin{source, account.toString(), region.toString()});
    }
    m_lastOrigin = *found;
    return m_lastOrigin;
}

DeploymentTableModel::Row DeploymentTableModel::makeRow(const DeploymentSummary &summary, int source)
{
    Row row;
    row.summary = summary;
    row.origin = originOf(summary, source);
    // Many rows share a model and a status: one string each instead of one per row.
    intern(row.summary.modelArn);
    intern(row.summary.statusText);
    if (m_names) {
        // The source's account, so each model is asked for through the source it belongs to.
        m_names->setClientAccount(source, m_origins.at(row.origin).account);
        if (!m_names->hasName(row.summary.modelArn)) {
            m_names->resolve(row.summary.modelArn);
        }
    }
    format(row);
    return row;
}

void DeploymentTableModel::appendRows(const QList<SourcedDeployment> &rows)
{
    // The pager drops the ARNs it has seen; a row still shown as removed may come back, though.
    QSet<QString> shownAsRemoved;
    if (m_removedCount > 0) {
        for (const Row &row : m_rows) {
            if (row.change == Change::Removed) {
                shownAsRemoved.insert(row.summary.arn);
            }
        }
    }
    std::vector<Row> fresh;
    fresh.reserve(size_t(rows.size()));
    for (const SourcedDeployment &entry : rows) {
        if (shownAsRemoved.contains(entry.deployment.arn)) {
            continue;
        }
        if (!m_insertedLocally.isEmpty() && m_insertedLocally.contains(entry.deployment.arn)
            && rowOfArn(entry.deployment.arn) >= 0) {
            continue;   // created in this window and inserted already
        }
        fresh.push_back(makeRow(entry.deployment, entry.source));
    }
    if (!fresh.empty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(fresh.size()) - 1);
        m_rows.insert(m_rows.end(), std::make_move_iterator(fresh.begin()), std::make_move_iterator(fresh.end()));
        endInsertRows();
    }
    emitStateChanges();
    emit rowsLoaded(int(fresh.size()));
}

bool DeploymentTableModel::sameContent(const DeploymentSummary &a, const DeploymentSummary &b)
{
    return a.statusText == b.statusText && a.name == b.name && a.modelArn == b.modelArn
        && a.lastUpdatedAt == b.lastUpdatedAt && a.failureMessage == b.failureMessage && a.createdAt == b.createdAt;
}

void DeploymentTableModel::updateRow(int rowIndex, const DeploymentSummary &summary)
{
    Row &row = m_rows[size_t(rowIndex)];
    const Change change = row.change;
    std::unique_ptr<RowUpdate> update = std::move(row.update);
    const qint64 until = row.highlightUntilMs;
    row = makeRow(summary, sourceOfRow(row));
    row.change = change;
    row.update = std::move(update);
    row.highlightUntilMs = until;
    highlight(row, Change::Changed);
}

void DeploymentTableModel::highlight(Row &row, Change change)
{
    // A row added by this refresh and changed again before its highlight ends stays "added".
    if (!(row.change == Change::Added && change == Change::Changed)) {
        row.change = change;
    }
    row.highlightUntilMs = m_clock.elapsed() + m_highlightMs;
}

void DeploymentTableModel::markRemoved(int rowIndex)
{
    Row &row = m_rows[size_t(rowIndex)];
    if (row.change != Change::Removed) {
        ++m_removedCount;
    }
    row.change = Change::Removed;
    row.highlightUntilMs = m_clock.elapsed() + m_highlightMs;
}

void DeploymentTableModel::removeRows(const QList<int> &rowsAscending)
{
    // Back to front, one contiguous range at a time, so earlier indexes stay valid.
    qsizetype end = rowsAscending.size();
    while (end > 0) {
        qsizetype start = end - 1;
        while (start > 0 && rowsAscending.at(start - 1) == rowsAscending.at(start) - 1) {
            --start;
        }
        const int first = rowsAscending.at(start);
        const int last = rowsAscending.at(end - 1);
        beginRemoveRows({}, first, last);
        for (int i = first; i <= last; ++i) {
            const Row &row = m_rows[size_t(i)];
            if (row.change == Change::Removed) {
                --m_removedCount;
            }
            // A row created here that leaves (deleted, or pushed out of the window) needs no
            // guard against a later page carrying it again: appendRows() checks rowOfArn() too.
            m_insertedLocally.remove(row.summary.arn);
        }
        m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
        endRemoveRows();
        end = start;
    }
    // Called by every refresh's merge, so strings left over by swapped models go too.
    pruneInterned();
}

void DeploymentTableModel::onModelNamesChanged(const QStringList &modelArns)
{
    const QSet<QString> changed(modelArns.cbegin(), modelArns.cend());
    int first = -1;
    int last = -1;
    for (size_t i = 0; i < m_rows.size(); ++i) {
        Row &row = m_rows[i];
        if (!changed.contains(row.summary.modelArn)) {
            continue;
        }
        const QString name = m_names ? m_names->displayName(row.summary.modelArn)
                                     : bedrock::shortNameFromArn(row.summary.modelArn);
        if (name != row.modelName) {
            row.modelName = name;
            first = first < 0 ? int(i) : first;
            last = int(i);
        }
    }
    // One signal for the span: the view repaints only what is visible of it.
    if (first >= 0) {
        emit dataChanged(index(first, ModelColumn), index(last, ModelColumn));
    }
}

// --- refresh ----------------------------------------------------------------------------------

bool DeploymentTableModel::refresh()
{
    if (m_sources.isEmpty() || isLoading() || isRefreshing()) {
        return false;
    }
    m_refreshRows.clear();
    m_refreshPager = makePager();
    const quint64 generation = m_generation;
    connect(m_refreshPager, &MultiSourcePager::rowsReleased, this,
            [this, generation](const QList<SourcedDeployment> &rows) {
                if (generation == m_generation) {
                    m_refreshRows.append(rows);
                }
            });
    connect(m_refreshPager, &MultiSourcePager::sourcePageArrived, this, [this, generation] {
        if (generation == m_generation) {
            continueRefresh();
        }
    });
    connect(m_refreshPager, &MultiSourcePager::finished, this, [this, generation] {
        if (generation == m_generation) {
            continueRefresh();
        }
    });
    connect(m_refreshPager, &MultiSourcePager::sourceFailed, this,
            [this, generation](int source, const aws::AwsError &failure) {
                if (generation != m_generation || !m_refreshPager) {
                    return;
                }
                emit sourceFailed(source, sourceLabel(source), failure);
                for (int i = 0; i < m_refreshPager->sourceCount(); ++i) {
                    if (!m_refreshPager->sourceError(i).isError()) {
                        // The others go on; the failed source's rows stay as they are.
                        emit error(namingSource(failure, source));
                        continueRefresh();
                        return;
                    }
                }
                abortRefresh(namingSource(failure, source));
            });
    m_refreshPager->fetchNext();
    emit refreshingChanged(true);
    emitStateChanges();
    return true;
}

void DeploymentTableModel::abortRefresh(const aws::AwsError &failure)
{
    // The rows stay as they are; the next refresh tries again.
    disconnect(m_refreshPager, nullptr, this, nullptr);
    m_refreshPager->cancel();
    m_refreshPager->deleteLater();
    m_refreshPager = nullptr;
    m_refreshRows.clear();
    emit refreshingChanged(false);
    emitStateChanges();
    emit error(failure);
}

void DeploymentTableModel::continueRefresh()
{
    // Signals of the pager arrive in bursts (a page, its release, a finish): decide once, after.
    if (!m_refreshPager || m_refreshInStep) {
        return;
    }
    m_refreshInStep = true;
    QMetaObject::invokeMethod(
        this,
        [this, generation = m_generation] {
            m_refreshInStep = false;
            if (generation != m_generation || !m_refreshPager || m_refreshPager->isLoading()) {
                return;
            }
            // As many rows as are loaded (at least a page, so that an empty list shows deployments
            // created since), in the merged order; a source that failed keeps its rows and does
            // not count.
            int target = 0;
            for (const Row &row : m_rows) {
                if (row.change != Change::Removed && !m_refreshPager->sourceError(sourceOfRow(row)).isError()) {
                    ++target;
                }
            }
            const bool covered = !m_refreshPager->hasMore() || m_refreshRows.size() >= std::max(target, 1);
            if (covered) {
                finishRefresh();
            } else {
                m_refreshPager->fetchNext();
            }
        },
        Qt::QueuedConnection);
}

void DeploymentTableModel::finishRefresh()
{
    // A source that failed during the refresh keeps the rows it had: they join the new list in
    // their place, so that they are neither removed nor re-inserted.
    QSet<int> failed;
    for (int i = 0; i < m_refreshPager->sourceCount(); ++i) {
        if (m_refreshPager->sourceError(i).isError()) {
            failed.insert(i);
        }
    }
    if (!failed.isEmpty()) {
        QList<SourcedDeployment> kept;
        for (const Row &row : m_rows) {
            if (failed.contains(sourceOfRow(row)) && row.change != Change::Removed) {
                kept.append({sourceOfRow(row), row.summary});
            }
        }
        const bool descending = m_query.sortOrder != bedrock::SortOrder::Ascending;
        QList<SourcedDeployment> merged;
        merged.reserve(m_refreshRows.size() + kept.size());
        std::merge(m_refreshRows.cbegin(), m_refreshRows.cend(), kept.cbegin(), kept.cend(), std::back_inserter(merged),
                   [descending](const SourcedDeployment &a, const SourcedDeployment &b) {
                       return descending ? a.deployment.createdAt > b.deployment.createdAt
                                         : a.deployment.createdAt < b.deployment.createdAt;
                   });
        m_refreshRows = std::move(merged);
    }
    mergeRefresh();
    // The refresh pager knows where the new window ends: it carries on from there.
    MultiSourcePager *previous = m_pager;
    if (previous) {
        disconnect(previous, nullptr, this, nullptr);
        previous->cancel();
        previous->deleteLater();
    }
    m_pager = m_refreshPager;
    m_refreshPager = nullptr;
    disconnect(m_pager, nullptr, this, nullptr);
    connectPager(m_pager);
    m_refreshRows.clear();
    emit refreshingChanged(false);
    emitStateChanges();
    emit refreshed();
}

void DeploymentTableModel::mergeRefresh()
{
    const QList<SourcedDeployment> &fresh = m_refreshRows;
    const bool listComplete = !m_refreshPager->hasMore();
    QHash<QString, int> freshPosition;
    freshPosition.reserve(fresh.size());
    for (qsizetype i = 0; i < fresh.size(); ++i) {
        freshPosition.insert(fresh.at(i).deployment.arn, int(i));
    }

    // 1. Which rows stay. A live row stays when the new list has it after the rows kept before it
    //    (the list order is by creation time, which never changes, so this is the normal case).
    //    A row shown as removed that came back, or a row out of order, goes and is inserted again.
    std::vector<int> position(m_rows.size(), -1);
    int lastKeptRow = -1;
    int lastPosition = -1;
    for (size_t i = 0; i < m_rows.size(); ++i) {
        const int at = freshPosition.value(m_rows[i].summary.arn, -1);
        position[i] = at;
        if (at > lastPosition && m_rows[i].change != Change::Removed) {
            lastPosition = at;
            lastKeptRow = int(i);
        } else if (at >= 0) {
            position[i] = -2;   // present, but must be re-inserted
        }
    }
    QList<int> dropNow;
    int removedFirst = -1;
    int removedLast = -1;
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (position[i] == -2) {
            dropNow.append(int(i));
        } else if (position[i] == -1 && m_rows[i].change != Change::Removed) {
            if (!listComplete && int(i) > lastKeptRow) {
                // Beyond the re-listed window (rows created since pushed it down): not deleted,
                // so it goes quietly and comes back when the user scrolls to it.
                dropNow.append(int(i));
            } else {
                markRemoved(int(i));
                removedFirst = removedFirst < 0 ? int(i) : removedFirst;
                removedLast = int(i);
            }
        }
    }
    if (removedFirst >= 0) {
        emit dataChanged(index(removedFirst, 0), index(removedLast, ColumnCount - 1));
    }
    removeRows(dropNow);

    // 2. Walk the new list against the rows: the live rows are now a subsequence of it in the
    //    same order, so each new row is either the next live row (update it) or new (insert it).
    size_t cursor = 0;
    int changedFirst = -1;
    int changedLast = -1;
    const auto flushChanged = [&] {
        if (changedFirst >= 0) {
            emit dataChanged(index(changedFirst, 0), index(changedLast, ColumnCount - 1));
            changedFirst = changedLast = -1;
        }
    };
    qsizetype next = 0;
    while (next < fresh.size()) {
        while (cursor < m_rows.size() && m_rows[cursor].change == Change::Removed) {
            ++cursor;
        }
        if (cursor < m_rows.size() && m_rows[cursor].summary.arn == fresh.at(next).deployment.arn) {
            if (!sameContent(m_rows[cursor].summary, fresh.at(next).deployment)) {
                updateRow(int(cursor), fresh.at(next).deployment);
                if (changedFirst >= 0 && changedLast != int(cursor) - 1) {
                    flushChanged();
                }
                changedFirst = changedFirst < 0 ? int(cursor) : changedFirst;
                changedLast = int(cursor);
            }
            ++cursor;
            ++next;
            continue;
        }
        const QString nextLiveArn = cursor < m_rows.size() ? m_rows[cursor].summary.arn : QString();
        qsizetype end = next;
        while (end < fresh.size() && fresh.at(end).deployment.arn != nextLiveArn) {
            ++end;
        }
        std::vector<Row> inserted;
        inserted.reserve(size_t(end - next));
        for (qsizetype i = next; i < end; ++i) {
            inserted.push_back(makeRow(fresh.at(i).deployment, fresh.at(i).source));
            highlight(inserted.back(), Change::Added);
        }
        flushChanged();
        beginInsertRows({}, int(cursor), int(cursor) + int(inserted.size()) - 1);
        m_rows.insert(m_rows.begin() + qsizetype(cursor), std::make_move_iterator(inserted.begin()),
                      std::make_move_iterator(inserted.end()));
        endInsertRows();
        cursor += inserted.size();
        next = end;
    }
    flushChanged();
    scheduleHighlightExpiry();
}

void DeploymentTableModel::refreshTransitional()
{
    const quint64 generation = m_generation;
    int started = 0;
    for (const Row &row : m_rows) {
        if (started >= maxTransitionalGets) {
            break;
        }
        const QString &arn = row.summary.arn;
        bedrock::BedrockClient *client = m_sources.value(sourceOfRow(row)).client;
        if (!client || row.change == Change::Removed || m_transitionalInFlight.contains(arn)
            || !(bedrock::isTransitional(row.summary.statusText) || row.updateStatus() == updatingStatus())) {
            continue;
        }
        m_transitionalInFlight.insert(arn);
        ++started;
        m_transitionalCalls.append(client->getDeployment(
            arn, this, [this, generation, arn](const bedrock::DeploymentDetail &detail, const aws::AwsError &failure) {
                if (generation == m_generation) {   // else a reply for an older query
                    onTransitionalReply(arn, detail, failure);
                }
            }));
    }
    m_transitionalCalls.removeAll(QPointer<aws::AwsCall>());
}

void DeploymentTableModel::onTransitionalReply(const QString &arn, const bedrock::DeploymentDetail &detail,
                                               const aws::AwsError &failure)
{
    m_transitionalInFlight.remove(arn);
    const int rowIndex = rowOfArn(arn);
    if (rowIndex < 0 || m_rows[size_t(rowIndex)].change == Change::Removed) {
        return;
    }
    if (failure.isError()) {
        if (failure.kind == aws::AwsError::Kind::ResourceNotFound) {
            // Deleting has finished.
            markRemoved(rowIndex);
            emit dataChanged(index(rowIndex, 0), index(rowIndex, ColumnCount - 1));
            scheduleHighlightExpiry();
        } else if (failure.kind != aws::AwsError::Kind::Cancelled) {
            qCDebug(lcNet) << "GetCustomModelDeployment failed while polling:" << failure.code;
        }
        return;
    }
    emit detailPolled(detail);
    applyDetail(detail);
}

void DeploymentTableModel::takeUpdateDetails(Row &row, const bedrock::DeploymentDetail &detail)
{
    if (!detail.hasUpdateDetails) {
        // No update in Get's reply: one this window started may not show yet; keep it, unless
        // the deployment serves the target model already.
        if (row.updateStatus() != updatingStatus() || detail.summary.modelArn == row.updateTargetArn()) {
            row.update.reset();
        }
        return;
    }
    const QString &status = detail.updateDetails.updateStatus;
    row.setUpdate(status.compare(updatingStatus(), Qt::CaseInsensitive) == 0 ? updatingStatus() : status,
                  detail.updateDetails.modelArn);
}

void DeploymentTableModel::applyDetail(const bedrock::DeploymentDetail &detail)
{
    const int rowIndex = rowOfArn(detail.summary.arn);
    if (rowIndex < 0 || m_rows[size_t(rowIndex)].change == Change::Removed) {
        return;
    }
    Row &row = m_rows[size_t(rowIndex)];
    const QString updateBefore = row.updateStatus();
    takeUpdateDetails(row, detail);
    const bool contentChanged = !sameContent(row.summary, detail.summary);
    if (contentChanged) {
        updateRow(rowIndex, detail.summary);
    }
    if (contentChanged || m_rows[size_t(rowIndex)].updateStatus() != updateBefore) {
        emit dataChanged(index(rowIndex, 0), index(rowIndex, ColumnCount - 1));
        scheduleHighlightExpiry();
    }
}

// --- lifecycle actions --------------------------------------------------------------------------

bool DeploymentTableModel::matchesServerFilters(const DeploymentSummary &summary) const
{
    if (!m_query.nameContains.isEmpty() && !summary.name.contains(m_query.nameContains, Qt::CaseInsensitive)) {
        return false;
    }
    if (!m_query.statusEquals.isEmpty() && m_query.statusEquals.compare(summary.statusText, Qt::CaseInsensitive) != 0) {
        return false;
    }
    if (!m_query.modelArnEquals.isEmpty() && m_query.modelArnEquals != summary.modelArn) {
        return false;
    }
    if (m_query.createdAfter.isValid() && summary.createdAt <= m_query.createdAfter) {
        return false;
    }
    if (m_query.createdBefore.isValid() && summary.createdAt >= m_query.createdBefore) {
        return false;
    }
    return true;
}

bool DeploymentTableModel::insertCreated(const DeploymentSummary &summary, int source)
{
    if (summary.arn.isEmpty() || !matchesServerFilters(summary)) {
        return false;
    }
    const int existing = rowOfArn(summary.arn);
    if (existing >= 0) {
        // A refresh was quicker than the reply: the row is there already.
        return true;
    }
    m_insertedLocally.insert(summary.arn);
    Row row = makeRow(summary, source);
    highlight(row, Change::Added);
    // The service lists newest first unless the query asks for ascending order.
    const int at = m_query.sortOrder == bedrock::SortOrder::Ascending ? int(m_rows.size()) : 0;
    beginInsertRows({}, at, at);
    m_rows.insert(m_rows.begin() + at, std::move(row));
    endInsertRows();
    scheduleHighlightExpiry();
    emitStateChanges();
    return true;
}

void DeploymentTableModel::markDeleting(const QString &arn)
{
    const int rowIndex = rowOfArn(arn);
    if (rowIndex < 0 || m_rows[size_t(rowIndex)].change == Change::Removed) {
        return;
    }
    // "Deleting" is what the service itself shows while a deletion runs (a status outside the
    // API's enum, see deployment.h); as an unknown status it counts as transitional and is polled.
    DeploymentSummary summary = m_rows[size_t(rowIndex)].summary;
    summary.statusText = QStringLiteral("Deleting");
    summary.status = bedrock::deploymentStatusFromText(summary.statusText);
    updateRow(rowIndex, summary);
    emit dataChanged(index(rowIndex, 0), index(rowIndex, ColumnCount - 1));
    scheduleHighlightExpiry();
}

void DeploymentTableModel::markUpdating(const QString &arn, const QString &targetModelArn)
{
    const int rowIndex = rowOfArn(arn);
    if (rowIndex < 0 || m_rows[size_t(rowIndex)].change == Change::Removed) {
        return;
    }
    Row &row = m_rows[size_t(rowIndex)];
    row.setUpdate(updatingStatus(), targetModelArn);
    highlight(row, Change::Changed);
    emit dataChanged(index(rowIndex, 0), index(rowIndex, ColumnCount - 1));
    scheduleHighlightExpiry();
}

bool DeploymentTableModel::hasDeploymentNamed(const QString &name) const
{
    return std::any_of(m_rows.cbegin(), m_rows.cend(), [&name](const Row &row) {
        return row.change != Change::Removed && row.summary.name == name;
    });
}

// --- highlights -------------------------------------------------------------------------------

void DeploymentTableModel::scheduleHighlightExpiry()
{
    qint64 earliest = std::numeric_limits<qint64>::max();
    for (const Row &row : m_rows) {
        if (row.change != Change::None) {
            earliest = std::min(earliest, row.highlightUntilMs);
        }
    }
    if (earliest == std::numeric_limits<qint64>::max()) {
        m_highlightTimer.stop();
        return;
    }
    m_highlightTimer.start(int(std::clamp<qint64>(earliest - m_clock.elapsed(), 0, std::numeric_limits<int>::max())));
}

void DeploymentTableModel::expireHighlights()
{
    // Rows highlighted by one refresh get their end times a few ms apart (each as it is merged);
    // ending every highlight due within this slack together makes them fade at once, with one
    // dataChanged, instead of one timer wake-up and repaint each.
    constexpr qint64 slackMs = 100;
    const qint64 now = m_clock.elapsed() + slackMs;
    QList<int> gone;
    int first = -1;
    int last = -1;
    for (size_t i = 0; i < m_rows.size(); ++i) {
        Row &row = m_rows[i];
        if (row.change == Change::None || row.highlightUntilMs > now) {
            continue;
        }
        if (row.change == Change::Removed) {
            gone.append(int(i));
        } else {
            row.change = Change::None;
            first = first < 0 ? int(i) : first;
            last = int(i);
        }
    }
    if (first >= 0) {
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
    }
    removeRows(gone);
    scheduleHighlightExpiry();
}

} // namespace outcrop::gui
