// SPDX-License-Identifier: Apache-2.0
#include "simulatorset.h"

#include "validation.h"

namespace outcrop::sim {

std::optional<SimSource> SimSource::parse(const QString &spec, QString *error)
{
    const qsizetype colon = spec.indexOf(u':');
    SimSource source{spec.left(colon), spec.mid(colon + 1)};
    if (colon <= 0 || !Shapes::fullMatch(QStringLiteral("[0-9]{12}"), source.accountId)
        || !Shapes::fullMatch(QStringLiteral("[a-z0-9]+(-[a-z0-9]+)*"), source.region)) {
        *error = QStringLiteral("--source: expected ACCOUNT:REGION (12 digits, a region such as us-west-2), got \"%1\"")
                     .arg(spec);
        return std::nullopt;
    }
    return source;
}

SimulatorSet::SimulatorSet(const SimConfig &base, const QList<SimSource> &sources)
    : m_sources(sources)
{
    for (int i = 0; i < sources.size(); ++i) {
        m_simulators.push_back(std::make_unique<Simulator>(configFor(base, sources.at(i), i)));
    }
}

SimulatorSet::~SimulatorSet() = default;

SimConfig SimulatorSet::configFor(const SimConfig &base, const SimSource &source, int index)
{
    SimConfig config = base;
    config.accountId = source.accountId;
    config.region = source.region;
    config.seed = base.seed + quint32(index);
    if (base.port != 0) {
        config.port = quint16(base.port + index);
    }
    return config;
}

bool SimulatorSet::start()
{
    for (int i = 0; i < size(); ++i) {
        if (!m_simulators.at(size_t(i))->start()) {
            m_error = QStringLiteral("source %1:%2: %3")
                          .arg(m_sources.at(i).accountId, m_sources.at(i).region,
                               m_simulators.at(size_t(i))->errorString());
            return false;
        }
    }
    return true;
}

} // namespace outcrop::sim
