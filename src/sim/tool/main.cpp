// SPDX-License-Identifier: Apache-2.0
// outcrop-sim: the Bedrock service simulator as a process, for scripts, the benchmark and the
// JS SDK conformance test. Prints "listening http://127.0.0.1:PORT" first, then serves.
#include "datafile.h"
#include "datagenerator.h"
#include "simcommandline.h"
#include "simulator.h"
#include "simulatorset.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <cstdio>

using namespace outcrop::sim;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("outcrop-sim"));
    QTextStream err(stderr);

    const SimCommandLine::Result options = SimCommandLine::parse(QCoreApplication::arguments());
    if (options.helpRequested) {
        QTextStream(stdout) << options.helpText;
        return 0;
    }
    if (!options.error.isEmpty()) {
        err << "outcrop-sim: " << options.error << "\nTry outcrop-sim --help\n";
        return 2;
    }
    if (!options.writeDataFile.isEmpty()) {
        DataGenerator::Options generator;
        generator.seed = options.config.seed;
        generator.deploymentCount = options.config.count;
        generator.region = options.config.region;
        generator.accountId = options.config.accountId;
        generator.anchor = options.config.anchor;
        QFile file(options.writeDataFile);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || file.write(DataFile::serialize(DataGenerator::generate(generator))) < 0) {
            err << "outcrop-sim: " << options.writeDataFile << ": " << file.errorString() << '\n';
            return 1;
        }
        return 0;
    }

    if (!options.sources.isEmpty()) {
        SimulatorSet simulators(options.config, options.sources);
        if (!simulators.start()) {
            err << "outcrop-sim: " << simulators.errorString() << '\n';
            return 1;
        }
        // One line per source, in the order given, before anything else.
        for (int i = 0; i < simulators.size(); ++i) {
            std::printf("listening %s %s:%s\n", simulators.simulator(i)->serverUrl().toString().toUtf8().constData(),
                        simulators.source(i).accountId.toUtf8().constData(),
                        simulators.source(i).region.toUtf8().constData());
        }
        std::fflush(stdout);
        return app.exec();
    }

    Simulator simulator(options.config);
    if (!simulator.start()) {
        err << "outcrop-sim: " << simulator.errorString() << '\n';
        return 1;
    }
    // The contract with scripts: this exact first line, flushed at once.
    std::printf("listening %s\n", simulator.serverUrl().toString().toUtf8().constData());
    std::fflush(stdout);
    return app.exec();
}
