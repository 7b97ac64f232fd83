// SPDX-License-Identifier: Apache-2.0
#pragma once

// The Bedrock client wired to an in-process simulator over loopback, with retry delays scaled
// down so fault tests finish in seconds (the arithmetic is the standard mode's, tested in
// tst_retrypolicy and tst_awsclient).
#include "aws/authprovider.h"
#include "aws/awsclient.h"
#include "bedrock/bedrockclient.h"
#include "simulator.h"

#include <QNetworkAccessManager>
#include <QTest>

#include <memory>

namespace outcrop::testing {

inline aws::AwsAuth documentationAuth()
{
    aws::AwsAuth auth;
    auth.credentials.accessKeyId = QStringLiteral("AKIDEXAMPLE");
    auth.credentials.secretAccessKey = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    return auth;
}

struct ClientHarness
{
    explicit ClientHarness(sim::SimConfig config, aws::AwsAuth credentials = documentationAuth())
        : simulator(config)
        , auth(std::move(credentials))
    {
        started = simulator.start();
        aws::AwsClientConfig clientConfig;
        clientConfig.endpoint = simulator.serverUrl();
        clientConfig.region = config.region;
        clientConfig.retry.throttlingBaseMs = 10;
        clientConfig.retry.transientBaseMs = 2;
        clientConfig.attemptTimeoutMs = 5000;
        awsClient = std::make_unique<aws::AwsClient>(&network, &this->auth, clientConfig);
        client = std::make_unique<bedrock::BedrockClient>(awsClient.get());
    }

    sim::Simulator simulator;
    bool started = false;
    QNetworkAccessManager network;
    aws::StaticAuthProvider auth;
    std::unique_ptr<aws::AwsClient> awsClient;
    std::unique_ptr<bedrock::BedrockClient> client;
};

// Runs one call to completion and returns what `done` received.
template<typename Result, typename Start>
std::pair<Result, aws::AwsError> await(Start start)
{
    std::pair<Result, aws::AwsError> outcome;
    bool finished = false;
    QObject context;
    start(&context, [&](const Result &result, const aws::AwsError &error) {
        outcome = { result, error };
        finished = true;
    });
    if (!QTest::qWaitFor([&] { return finished; }, 30000)) {
        outcome.second = aws::AwsError::make(aws::AwsError::Kind::Timeout, QStringLiteral("the test waited in vain"));
    }
    return outcome;
}

} // namespace outcrop::testing
