// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "authenticator.h"
#include "bedrockservice.h"
#include "deploymentstore.h"
#include "faultinjector.h"
#include "httpserver.h"
#include "simclock.h"
#include "simconfig.h"
#include "ssoservice.h"
#include "stsservice.h"

#include <QObject>
#include <QUrl>

namespace outcrop::sim {

// The Bedrock service simulator: an HTTP server on loopback in front of the operations, with
// authentication, fault injection and latency. Started from code by tests and the app's --demo
// (start(), then serverUrl()) and by the outcrop-sim executable.
//
// Per request: latency (a timer, so requests overlap) -> route -> authenticate -> injected
// faults and forced errors -> the operation -> Date and x-amzn-RequestId headers.
// STS (POST / with a form body) goes to StsService, past the faults.
class Simulator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Simulator)

public:
    explicit Simulator(const SimConfig &config = SimConfig(), QObject *parent = nullptr);
    ~Simulator() override;

    // Loads the data (the JSON file or the generated set) and listens on config.port.
    // Returns false with errorString() naming the problem (a bad data file, a busy port).
    bool start();
    void stop();
    QString errorString() const { return m_errorString; }
    QUrl serverUrl() const;   // http://127.0.0.1:PORT
    quint16 port() const { return m_server.port(); }

    const SimConfig &config() const { return m_config; }
    DeploymentStore &store() { return m_store; }
    Authenticator &authenticator() { return m_authenticator; }
    FaultInjector &faults() { return m_faults; }
    SimClock &clock() { return m_clock; }
    SsoService &sso() { return m_sso; }
    StsService &sts() { return m_sts; }

    // Statistics, for tests and the benchmark.
    int requestsInFlight() const { return m_inFlight; }
    int maxRequestsInFlight() const { return m_maxInFlight; }
    quint64 requestsReceived() const { return m_received; }
    int acceptedConnections() const { return m_server.acceptedConnections(); }

private:
    void receive(const SimRequest &request, Responder responder);
    SimResponse process(const SimRequest &request, SimResponse::Delivery *delivery);

    SimConfig m_config;
    SimClock m_clock;
    DeploymentStore m_store;
    BedrockService m_service;
    Authenticator m_authenticator;
    SsoService m_sso;
    StsService m_sts;
    FaultInjector m_faults;
    HttpServer m_server;
    QString m_errorString;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
    quint64 m_received = 0;
};

} // namespace outcrop::sim
