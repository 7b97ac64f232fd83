// SPDX-License-Identifier: Apache-2.0
#pragma once

// For tests that call the in-process simulator with the project's own AWS clients (header-only:
// the tests using it link outcrop_sim).

#include "simulator.h"

#include "aws/authprovider.h"
#include "aws/awsclient.h"
#include "aws/stsclient.h"

#include <QSignalSpy>
#include <QTest>

#include <utility>

namespace outcrop::testing {

// The simulator's endpoint and region, signing by its clock (which tests move), one attempt.
inline aws::AwsClientConfig simClientConfig(sim::Simulator *simulator)
{
    aws::AwsClientConfig config;
    config.endpoint = simulator->serverUrl();
    config.region = simulator->config().region;
    config.clock = [simulator] { return simulator->clock().now(); };
    config.retry.maxAttempts = 1;
    return config;
}

inline void waitFor(aws::AwsCall *call)
{
    QSignalSpy finished(call, &aws::AwsCall::finished);
    if (!call->isFinished() && !finished.wait(20000)) {
        qWarning("%s did not finish", qPrintable(call->operation()));
    }
}

// One ListCustomModelDeployments page; its error (none on success).
inline aws::AwsError listDeployments(aws::AwsClient *client)
{
    aws::AwsHttpRequest request;
    request.target = aws::AwsRequestTarget(QByteArrayLiteral("/model-customization/custom-model-deployments"));
    request.operation = QStringLiteral("ListCustomModelDeployments");
    aws::AwsCall *call = client->send(request);
    waitFor(call);
    return call->error();
}

// GetCallerIdentity on the simulator with these credentials.
inline std::pair<aws::CallerIdentity, aws::AwsError> callerIdentityOf(QNetworkAccessManager *network,
                                                                      sim::Simulator *simulator,
                                                                      const aws::AwsCredentials &credentials)
{
    aws::StaticAuthProvider auth(aws::AwsAuth{credentials, {}});
    aws::StsClient sts(network, &auth, simClientConfig(simulator));
    std::pair<aws::CallerIdentity, aws::AwsError> answer;
    bool done = false;
    QObject context;
    sts.getCallerIdentity(&context, [&](const aws::CallerIdentity &identity, const aws::AwsError &error) {
        answer = {identity, error};
        done = true;
    });
    if (!QTest::qWaitFor([&done] { return done; }, 20000)) {
        qWarning("GetCallerIdentity did not finish");
    }
    return answer;
}

} // namespace outcrop::testing
