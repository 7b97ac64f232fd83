// SPDX-License-Identifier: Apache-2.0
#include "faultinjector.h"

namespace outcrop::sim {

namespace {

bool isEvery(quint64 count, int every)
{
    return every > 0 && count % static_cast<quint64>(every) == 0;
}

} // namespace

QString FaultInjector::forceError(const ForcedError &error)
{
    const Operation operation = Operations::fromName(error.operation);
    if (operation == Operation::Unknown) {
        return QStringLiteral("unknown operation \"%1\" (one of: %2)")
            .arg(error.operation, Operations::allNames().join(QStringLiteral(", ")));
    }
    const QStringList modelled = Operations::modelledErrors(operation);
    if (!modelled.contains(error.errorType)) {
        return QStringLiteral("%1 is not an error of %2 (modelled: %3)")
            .arg(error.errorType, error.operation, modelled.join(QStringLiteral(", ")));
    }
    m_forced.append(error);
    return {};
}

std::optional<SimResponse> FaultInjector::errorFor(Operation operation)
{
    ++m_requestCount;
    if (isEvery(m_requestCount, m_settings.throttleEvery)) {
        return SimResponse::error(429, "ThrottlingException", QStringLiteral("Rate exceeded"));
    }
    if (isEvery(m_requestCount, m_settings.internalErrorEvery)) {
        return SimResponse::error(500, "InternalServerException",
                                  QStringLiteral("An internal error occurred. Try your request again."));
    }
    const QString name = Operations::name(operation);
    for (qsizetype i = 0; i < m_forced.size(); ++i) {
        ForcedError &forced = m_forced[i];
        if (forced.operation != name) {
            continue;
        }
        const QString message = forced.message.isEmpty()
            ? QStringLiteral("Simulated %1 for %2").arg(forced.errorType, name)
            : forced.message;
        SimResponse response = SimResponse::error(Operations::errorStatus(forced.errorType),
                                                  forced.errorType.toLatin1(), message);
        if (forced.count > 0 && --forced.count == 0) {
            m_forced.removeAt(i);
        }
        return response;
    }
    return std::nullopt;
}

SimResponse::Delivery FaultInjector::deliveryForLastRequest(Operation operation)
{
    if (m_lostReplies.count > 0 && Operations::name(operation) == m_lostReplies.operation) {
        --m_lostReplies.count;
        return SimResponse::Delivery::ResetBeforeReply;
    }
    if (isEvery(m_requestCount, m_settings.resetEvery)) {
        return SimResponse::Delivery::ResetMidBody;
    }
    if (isEvery(m_requestCount, m_settings.truncateEvery)) {
        return SimResponse::Delivery::TruncateBody;
    }
    return SimResponse::Delivery::Complete;
}

} // namespace outcrop::sim
