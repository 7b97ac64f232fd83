// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "simconfig.h"
#include "simulatorset.h"

#include <QString>
#include <QStringList>

namespace outcrop::sim {

// The outcrop-sim command line, turned into a SimConfig (in the library, so tests check it).
class SimCommandLine
{
public:
    struct Result
    {
        SimConfig config;
        QString error;           // non-empty: a message naming the bad option
        bool helpRequested = false;
        QString helpText;
        QString writeDataFile;   // --write-data: write the data set there and exit
        // --source: serve these (account, region) pairs, each on its own port (SimulatorSet);
        // empty: one simulator with config's account and region.
        QList<SimSource> sources;
    };

    static Result parse(const QStringList &arguments);
};

} // namespace outcrop::sim
