// SPDX-License-Identifier: Apache-2.0
#include "headlessexport.h"

#include "aws/awsenvironment.h"
#include "aws/credentialchain.h"
#include "bedrock/bedrockclient.h"
#include "bedrock/bedrocksession.h"
#include "demomode.h"
#include "export/deploymentexport.h"

#include <QCoreApplication>
#include <QTextStream>

#include <csignal>

namespace outcrop::app {

namespace {

void printError(const QString &message)
{
    QTextStream(stderr) << "outcrop: " << message << Qt::endl;
}

int exportThrough(bedrock::BedrockSession *session, const exporting::ExportOptions &options, bool readOnly)
{
    // The export only reads; --read-only still holds for the session, as it does in the window.
    session->client()->setReadOnly(readOnly);
    exporting::DeploymentExport exportJob(session->client(), options);
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
    return exitCode;
}

// No window to ask in: the code comes from --mfa-code, or the role cannot be assumed.
aws::MfaCodeProvider mfaCodeFromCommandLine(const QString &code)
{
    return [code](const aws::MfaCodeRequest &request, const aws::MfaCodeCallback &answer) {
        if (code.isEmpty()) {
            answer({}, QStringLiteral("profile %1 needs an MFA code (mfa_serial %2): pass --mfa-code")
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

    if (commandLine.demo) {
        DemoMode demo(commandLine.demoCount);
        if (!demo.start()) {
            printError(demo.errorString());
            return 1;
        }
        return exportThrough(demo.session(), options, commandLine.readOnly);
    }

    aws::AwsClientOptions clientOptions;
    clientOptions.profile = options.connection.profile;
    clientOptions.region = options.connection.region;
    clientOptions.endpointUrl = options.connection.endpointUrl;
    const aws::AwsEnvironment environment = aws::AwsEnvironment::system();
    const bedrock::BedrockConnection connection = bedrock::BedrockConnection::resolve(clientOptions, environment);
    if (!connection.isValid()) {
        printError(connection.error);
        return 1;
    }
    bedrock::BedrockSession session(connection, clientOptions, environment);
    session.credentialChain()->setMfaCodeProvider(mfaCodeFromCommandLine(options.connection.mfaCode));
    return exportThrough(&session, options, commandLine.readOnly);
}

} // namespace outcrop::app
