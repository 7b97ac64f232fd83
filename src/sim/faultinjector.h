// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "httpmessage.h"
#include "operations.h"
#include "simconfig.h"

#include <QList>

#include <optional>

namespace outcrop::sim {

// Decides, request by request, which faults to inject: periodic throttling and 500s, cut-off
// responses, added latency, and modelled errors forced per operation.
class FaultInjector
{
public:
    void setSettings(const FaultSettings &settings) { m_settings = settings; }
    void setLostReplies(const LostReplyFault &lostReplies) { m_lostReplies = lostReplies; }
    const FaultSettings &settings() const { return m_settings; }

    // Returns an error when `errorType` is not modelled for the operation.
    QString forceError(const ForcedError &error);
    void clearForcedErrors() { m_forced.clear(); }

    // Counts one request and returns the error to answer instead of the operation, if any.
    std::optional<SimResponse> errorFor(Operation operation);
    // How the response to the request counted last, of `operation`, is delivered.
    SimResponse::Delivery deliveryForLastRequest(Operation operation);
    int lostRepliesLeft() const { return m_lostReplies.count; }
    quint64 requestCount() const { return m_requestCount; }

private:
    FaultSettings m_settings;
    QList<ForcedError> m_forced;
    quint64 m_requestCount = 0;
    LostReplyFault m_lostReplies;   // its count goes down with every reply lost
};

} // namespace outcrop::sim
