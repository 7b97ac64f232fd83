// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QMap>
#include <QString>
#include <QVariantMap>

#include <memory>

class QSettings;

namespace outcrop::gui {

// Settings to write together: `values` under their full keys; each of `groups` is replaced by
// exactly its map (keys of the group that are not in it are removed).
struct SettingsSnapshot
{
    QVariantMap values;
    QMap<QString, QVariantMap> groups;
};

// Replaces the keys of `settings`' current group with exactly `state` (keys not in it removed).
void replaceGroupKeys(QSettings &settings, const QVariantMap &state);

// Writes snapshots of settings, now or on a worker thread. Writing QSettings syncs its file
// (QSaveFile: write, fsync, rename under a lock file), which blocked the GUI thread for 10-15 ms
// with ~1 ms of CPU when the table's header changed during a load (docs/benchmarks.md,
// "Dashboard"). QSettings objects on different threads may use the same file at the same time
// (QSettings is reentrant); a snapshot taken later always wins over an earlier one still waiting.
class SettingsWriter
{
    Q_DISABLE_COPY_MOVE(SettingsWriter)

public:
    SettingsWriter();
    // Writes a snapshot still waiting for the worker now (flush()).
    ~SettingsWriter();

    // Writes on the calling thread.
    void write(const SettingsSnapshot &snapshot);
    // Writes on a pool thread, unless a later write() or writeInBackground() comes first.
    void writeInBackground(SettingsSnapshot snapshot);
    // Writes the snapshot given to writeInBackground() now if the worker has not written it yet.
    void flush();

private:
    struct Shared;
    std::shared_ptr<Shared> m_shared;
    quint64 m_issued = 0;
};

} // namespace outcrop::gui
