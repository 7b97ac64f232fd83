// SPDX-License-Identifier: Apache-2.0
#include "settingswriter.h"

#include <QMutex>
#include <QMutexLocker>
#include <QSettings>
#include <QThreadPool>

#include <optional>

namespace outcrop::gui {

void replaceGroupKeys(QSettings &settings, const QVariantMap &state)
{
    for (const QString &key : settings.childKeys()) {
        if (!state.contains(key)) {
            settings.remove(key);
        }
    }
    for (auto it = state.cbegin(); it != state.cend(); ++it) {
        settings.setValue(it.key(), it.value());
    }
}

// Generations are given out on the owner's thread in the order of the calls; a snapshot whose
// generation is not newer than the last one written is stale and skipped.
struct SettingsWriter::Shared
{
    QMutex mutex;
    quint64 written = 0;
    std::optional<SettingsSnapshot> waiting;   // the newest background snapshot not written yet
    quint64 waitingGeneration = 0;

    // Called with the mutex held.
    void writeLocked(const SettingsSnapshot &snapshot, quint64 generation)
    {
        if (generation <= written) {
            return;
        }
        {
            QSettings settings;
            for (auto it = snapshot.values.cbegin(); it != snapshot.values.cend(); ++it) {
                settings.setValue(it.key(), it.value());
            }
            for (auto it = snapshot.groups.cbegin(); it != snapshot.groups.cend(); ++it) {
                settings.beginGroup(it.key());
                replaceGroupKeys(settings, it.value());
                settings.endGroup();
            }
        }   // the file is synced here
        written = generation;
        if (waitingGeneration <= generation) {
            waiting.reset();
        }
    }
};

SettingsWriter::SettingsWriter()
    : m_shared(std::make_shared<Shared>())
{
}

SettingsWriter::~SettingsWriter()
{
    flush();
}

void SettingsWriter::write(const SettingsSnapshot &snapshot)
{
    const quint64 generation = ++m_issued;
    QMutexLocker lock(&m_shared->mutex);
    m_shared->writeLocked(snapshot, generation);
}

void SettingsWriter::writeInBackground(SettingsSnapshot snapshot)
{
    const quint64 generation = ++m_issued;
    {
        QMutexLocker lock(&m_shared->mutex);
        m_shared->waiting = snapshot;
        m_shared->waitingGeneration = generation;
    }
    QThreadPool::globalInstance()->start([shared = m_shared, snapshot = std::move(snapshot), generation] {
        QMutexLocker lock(&shared->mutex);
        shared->writeLocked(snapshot, generation);
    });
}

void SettingsWriter::flush()
{
    QMutexLocker lock(&m_shared->mutex);
    if (m_shared->waiting) {
        const SettingsSnapshot snapshot = *m_shared->waiting;
        m_shared->writeLocked(snapshot, m_shared->waitingGeneration);
    }
}

} // namespace outcrop::gui
