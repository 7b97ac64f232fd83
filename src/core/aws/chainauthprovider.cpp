// SPDX-License-Identifier: Apache-2.0
#include "aws/chainauthprovider.h"

#include "aws/credentialchain.h"

namespace outcrop::aws {

ChainAuthProvider::ChainAuthProvider(CredentialChain *chain, QByteArray bearerToken, QObject *parent)
    : QObject(parent)
    , m_chain(chain)
    , m_bearerToken(std::move(bearerToken))
{
    connect(m_chain, &CredentialChain::resolved, this,
            [this](const AwsCredentials &credentials) { answer(AwsAuth { credentials, {} }, {}); });
    connect(m_chain, &CredentialChain::failedWithError, this, [this](const AwsError &error) { answer({}, error); });
}

void ChainAuthProvider::fetchAuth(QObject *context, Callback callback)
{
    if (!m_bearerToken.isEmpty()) {
        callback(AwsAuth { {}, m_bearerToken }, {});
        return;
    }
    m_waiters.append(Waiter { context, std::move(callback) });
    if (m_waiters.size() == 1) {
        m_chain->resolve();   // answers later, from its cache or after running the chain
    }
}

void ChainAuthProvider::invalidate()
{
    m_chain->invalidate();
}

void ChainAuthProvider::answer(const AwsAuth &auth, const AwsError &error)
{
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters) {
        if (waiter.context) {
            waiter.callback(auth, error);
        }
    }
}

} // namespace outcrop::aws
