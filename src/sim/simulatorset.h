// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "simconfig.h"
#include "simulator.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace outcrop::sim {

// One (account, region) the simulator serves.
struct SimSource
{
    QString accountId;
    QString region;

    // "ACCOUNT:REGION" (outcrop-sim --source). Nothing, with `*error` naming the problem, otherwise.
    static std::optional<SimSource> parse(const QString &spec, QString *error);
};

// Several simulators, one per (account, region), each on its own port: a client opens at most
// six connections per host and port (QNetworkAccessManager), so sources sharing one port would
// queue behind each other, which real regions never do. Each has its own data (the base seed
// plus the source's index), generated with the same anchor so their creation times interleave,
// and its own faults (faults() of one simulator).
class SimulatorSet
{
public:
    // `base` is every simulator's configuration but for account, region, seed and port (with a
    // base port P the sources listen on P, P+1, ...; with 0 any free ports).
    SimulatorSet(const SimConfig &base, const QList<SimSource> &sources);
    ~SimulatorSet();
    SimulatorSet(const SimulatorSet &) = delete;
    SimulatorSet &operator=(const SimulatorSet &) = delete;

    // Starts every simulator; false with errorString() naming the source that failed.
    bool start();
    QString errorString() const { return m_error; }

    int size() const { return int(m_simulators.size()); }
    Simulator *simulator(int index) const { return m_simulators.at(size_t(index)).get(); }
    const SimSource &source(int index) const { return m_sources.at(index); }

    // The configuration of source `index` made from `base`.
    static SimConfig configFor(const SimConfig &base, const SimSource &source, int index);

private:
    QList<SimSource> m_sources;
    std::vector<std::unique_ptr<Simulator>> m_simulators;
    QString m_error;
};

} // namespace outcrop::sim
