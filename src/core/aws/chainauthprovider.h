// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "aws/authprovider.h"

#include <QObject>

namespace outcrop::aws {

class CredentialChain;

// Authenticates requests the way the AWS SDKs do: with a Bedrock API key when
// AWS_BEARER_TOKEN_BEDROCK is set, else with the credentials of the chain. Requests that ask
// while the chain is resolving wait for the same answer.
class ChainAuthProvider final : public QObject, public AuthProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChainAuthProvider)

public:
    ChainAuthProvider(CredentialChain *chain, QByteArray bearerToken, QObject *parent = nullptr);

    void fetchAuth(QObject *context, Callback callback) override;
    std::optional<AwsAuth> readyAuth() const override;
    void invalidate() override;

private:
    CredentialChain *m_chain;
    QByteArray m_bearerToken;
    AuthWaiters m_waiters;
};

} // namespace outcrop::aws
