// SPDX-License-Identifier: Apache-2.0
#include "headlessexport.h"

#include "aws/awsenvironment.h"
#include "aws/credentialchain.h"
#include "bedrock/bedrockclient.h"
#include "bedrock/bedrocksession.h"
#include "bedrock/deploymentsources.h"
#include "demomode.h"
#include "export/deploymentexport.h"

#include <QCoreApplication>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <memory>
#include <vector>

namespace outcrop::app {

namespace {

void printError(const QString &message)
{
    QTextStream(stderr) << "outcrop: " << message << Qt::endl;
}

// After a successful export all that was asked for is done: the file committed (fsynced and
// renamed) or standard output written. What is left is tearing down Qt's threads, the network
// access manager, the sessions and the heap, ~1 ms that nobody waits for (docs/benchmarks.md), so
// the process ends here. No child process is running by now (credential_process ends before its
// credentials are used), and the kernel closes the connection and any descriptor a pool task
// still holds. Failures take the usual way out. So do sanitizer builds, so that LeakSanitizer still
// checks the export's objects when the process ends.
void endSuccessfulExport()
{
#if !defined(OUTCROP_SANITIZERS)
    std::fflush(stdout);
    std::fflush(stderr);
    std::_Exit(0);
#endif
}

int exportThrough(const QList<bedrock::ListingSource> &sources, const exporting::ExportOptions &options, bool readOnly)
{
    // The export only reads; --read-only still holds for every session, as it does in the window.
    for (const bedrock::ListingSource &source : sources) {
        if (source.client) {
            source.client->setReadOnly(readOnly);
        }
    }
    exporting::DeploymentExport exportJob(sources, options);
    int exitCode = 1;
    QObject::connect(&exportJob, &exporting::DeploymentExport::finished, &exportJob,
                     [&exitCode](bool ok, const QString &message) {
                         if (!ok) {
                             printError(message);
                         }
                         exitCode = ok ? 0 : 1;
                         QCoreApplication::exit(exitCode);
                     });
    exportJob.start();
    QCoreApplication::exec();
    if (exitCode == 0) {
        endSuccessfulExport();
    }
    return exitCode;
}

// No window to ask in: the code comes from --mfa-code, or the role cannot be assumed.
aws::MfaCodeProvider mfaCodeFromCommandLine(const QString &code)
{
    return [code](const aws::MfaCodeRequest &request, const aws::MfaCodeCallback &answer) {
        if (code.isEmpty()) {
            // An explicit context: lupdate does not resolve a tr() class inside this lambda.
            answer({}, QCoreApplication::translate("HeadlessExport", "profile %1 needs an MFA code (mfa_serial %2): pass --mfa-code")
                           .arg(request.profile, request.mfaSerial));
        } else {
            answer(code, {});
        }
    };
}

} // namespace

int runHeadlessExport(const CommandLine &commandLine)
{
    const exporting::ExportOptions &options = commandLine.exportOptions;
    // Writing to a pipe whose reader went away must fail with a message, not kill the process.
    std::signal(SIGPIPE, SIG_IGN);
#if defined(__GLIBC__)
    // A short-lived process that allocates a few hundred kilobytes per page (the body, its rows,
    // its CSV) and frees them a page later: by default glibc maps such blocks afresh and hands
    // freed memory back to the kernel, so every page faulted its memory in again. Kept and
    // reused instead: ~400 fewer page faults and ~2 ms less for 25,000 rows (docs/benchmarks.md).
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
#endif

    if (commandLine.demo) {
        DemoMode demo(commandLine.demoCount, options.connection.regions);
        if (!demo.start()) {
            printError(demo.errorString());
            return 1;
        }
        QList<bedrock::ListingSource> sources;
        for (bedrock::BedrockSession *session : demo.sessions()) {
            sources.append({session->region(), session->client(), {}});
        }
        return exportThrough(sources, options, commandLine.readOnly);
    }

    // Every --profile in every --region (or its own): each source with its own credentials and
    // endpoint. One that cannot be resolved stops the export before anything is written.
    const aws::AwsEnvironment environment = aws::AwsEnvironment::system();
    const QList<bedrock::ResolvedSource> resolved = bedrock::resolveSources(
        bedrock::crossSources(options.connection.profiles, options.connection.regions), options.connection.endpointUrl,
        environment);
    const bool several = resolved.size() > 1;
    std::vector<std::unique_ptr<bedrock::BedrockSession>> sessions;
    QList<bedrock::ListingSource> sources;
    for (const bedrock::ResolvedSource &source : resolved) {
        if (!source.connection.isValid()) {
            // One source: the message as it always was; several: which source it is.
            printError(several ? source.errorMessage() : source.connection.error);
            return 1;
        }
        sessions.push_back(std::make_unique<bedrock::BedrockSession>(
            source.connection, source.source.clientOptions(options.connection.endpointUrl), environment));
        sessions.back()->credentialChain()->setMfaCodeProvider(mfaCodeFromCommandLine(options.connection.mfaCode));
        sources.append({source.label, sessions.back()->client(), {}});
    }
    return exportThrough(sources, options, commandLine.readOnly);
}

} // namespace outcrop::app
