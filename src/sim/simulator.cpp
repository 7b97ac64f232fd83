// SPDX-License-Identifier: Apache-2.0
#include "simulator.h"

#include "datafile.h"
#include "datagenerator.h"

#include "aws/logging.h"

#include <QTimer>
#include <QUuid>

namespace outcrop::sim {

Simulator::Simulator(const SimConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_store(&m_clock)
    , m_service(&m_store)
    , m_authenticator(&m_clock)
    , m_sso(&m_clock, &m_authenticator)
    , m_sts(&m_authenticator, &m_clock)
    , m_server([this](const SimRequest &request, Responder responder) { receive(request, std::move(responder)); })
{
    m_clock.setOffsetMs(m_config.clockOffsetSeconds * 1000);
    m_store.setTimings(m_config.timings);
    m_store.setCreateFailurePattern(QRegularExpression(m_config.createFailurePattern, QRegularExpression::CaseInsensitiveOption));
    m_store.setArnPrefix(m_config.region, m_config.accountId);
    m_store.setRandomSeed(m_config.seed ^ 0x5eedu);
    m_service.setLimits({m_config.defaultPageSize, m_config.maxDeployments, 50});
    m_authenticator.setRequired(m_config.requireAuth);
    m_authenticator.setRegion(m_config.region);
    m_authenticator.setAccountId(m_config.accountId);
    m_authenticator.setCredentials(m_config.credentials);
    m_authenticator.setBearerTokens(m_config.bearerTokens);
    m_authenticator.setMaxClockSkewSeconds(m_config.maxClockSkewSeconds);
    m_faults.setSettings(m_config.faults);
    m_faults.setLostReplies(m_config.lostReplies);
    m_sso.setSettings(m_config.sso);
    m_sts.setAccountId(m_config.accountId);
    m_sts.setRoles(m_config.roles);
}

Simulator::~Simulator() = default;

bool Simulator::start()
{
    m_errorString.clear();
    for (const ForcedError &forced : std::as_const(m_config.forcedErrors)) {
        const QString problem = m_faults.forceError(forced);
        if (!problem.isEmpty()) {
            m_errorString = QStringLiteral("forced error: ") + problem;
            return false;
        }
    }
    if (!m_config.dataFile.isEmpty()) {
        const std::optional<SimData> data = DataFile::load(m_config.dataFile, &m_errorString);
        if (!data) {
            return false;
        }
        m_store.load(*data);
    } else {
        DataGenerator::Options options;
        options.seed = m_config.seed;
        options.deploymentCount = m_config.count;
        options.region = m_config.region;
        options.accountId = m_config.accountId;
        options.anchor = m_config.anchor;
        m_store.load(DataGenerator::generate(options));
    }
    if (m_config.prerenderPageSize > 0) {
        const int pages = m_service.prerenderDeploymentPages(m_config.prerenderPageSize);
        qCInfo(lcSim) << "pre-rendered" << pages << "List pages of" << m_config.prerenderPageSize;
    }
    if (!m_server.listen(m_config.address, m_config.port)) {
        m_errorString = QStringLiteral("cannot listen on %1:%2: %3")
                            .arg(m_config.address.toString())
                            .arg(m_config.port)
                            .arg(m_server.errorString());
        return false;
    }
    return true;
}

void Simulator::stop()
{
    m_server.close();
}

QUrl Simulator::serverUrl() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_server.address().toString());
    url.setPort(m_server.port());
    return url;
}

void Simulator::receive(const SimRequest &request, Responder responder)
{
    ++m_received;
    ++m_inFlight;
    m_maxInFlight = qMax(m_maxInFlight, m_inFlight);
    auto answer = [this, request, responder = std::move(responder)] {
        SimResponse::Delivery delivery = SimResponse::Delivery::Complete;
        SimResponse response = process(request, &delivery);
        response.delivery = delivery;
        // Date follows the simulator's clock, so a client can correct its skew from it (§10.3).
        response.setHeader("Date", httpDate(m_clock.now()));
        if (response.header("x-amzn-requestid").isEmpty()) {   // STS sets its own, the one in its body
            response.setHeader("x-amzn-RequestId", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
        }
        --m_inFlight;
        responder(std::move(response));
    };
    const int latency = m_faults.settings().latencyMs;
    if (latency > 0) {
        QTimer::singleShot(latency, this, answer);
    } else {
        answer();
    }
}

SimResponse Simulator::process(const SimRequest &request, SimResponse::Delivery *delivery)
{
    if (auto sso = m_sso.handle(request)) {
        return *sso;   // IAM Identity Center routes: unsigned, no injected faults
    }
    if (StsService::isStsRequest(request)) {
        return m_sts.handle(request);
    }
    const RoutedRequest routed = Operations::route(request.method, request.pathSegments());
    if (routed.operation == Operation::Unknown) {
        return m_service.handle(routed, request);
    }
    const QString action = Operations::name(routed.operation);
    if (auto denied = m_authenticator.verify(request, action)) {
        qCDebug(lcSim) << action << "rejected:" << denied->header("x-amzn-errortype");
        return *denied;
    }
    if (auto injected = m_faults.errorFor(routed.operation)) {
        return *injected;
    }
    *delivery = m_faults.deliveryForLastRequest(routed.operation);
    return m_service.handle(routed, request);
}

} // namespace outcrop::sim
