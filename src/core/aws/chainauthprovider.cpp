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
            [this](const AwsCredentials &credentials) { m_waiters.answer(AwsAuth { credentials, {} }, {}); });
    connect(m_chain, &CredentialChain::failedWithError, this,
            [this](const AwsError &error) { m_waiters.answer({}, error); });
}

void ChainAuthProvider::fetchAuth(QObject *context, Callback callback)
{
    if (!m_bearerToken.isEmpty()) {
        callback(AwsAuth { {}, m_bearerToken }, {});
        return;
    }
    if (m_waiters.add(context, std::move(callback))) {
        m_chain->resolve();   // answers later, from its cache or after running the chain
    }
}

std::optional<AwsAuth> ChainAuthProvider::readyAuth() const
{
    if (!m_bearerToken.isEmpty()) {
        return AwsAuth { {}, m_bearerToken };
    }
    if (const std::optional<AwsCredentials> cached = m_chain->cachedCredentials()) {
        return AwsAuth { *cached, {} };
    }
    return std::nullopt;
}

void ChainAuthProvider::invalidate()
{
    m_chain->invalidate();
}

} // namespace outcrop::aws
