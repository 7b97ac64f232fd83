// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "aws/awscredentials.h"
#include "aws/awserror.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>
#include <utility>

namespace outcrop::aws {

// What one request is authenticated with: SigV4 credentials, or a Bedrock API key. When
// `bearerToken` is set (AWS_BEARER_TOKEN_BEDROCK), requests carry "Authorization: Bearer" and no
// signature, as the AWS SDKs do (../shared/docs/bedrock-api.md §1.2). When `anonymous` is set the
// request goes out unsigned: the operations modelled with smithy.api#noAuth (SSO
// GetRoleCredentials, SSO OIDC CreateToken) carry their token in a header or the body instead.
struct AwsAuth
{
    AwsCredentials credentials;
    QByteArray bearerToken;
    bool anonymous = false;

    bool isBearer() const { return !bearerToken.isEmpty(); }
};

// Supplies the authentication of each attempt. Asynchronous, because a credential_process or the
// keychain may take time; implementations cache and refresh as they see fit.
class AuthProvider
{
public:
    // `error` is set (isError()) when there is no auth; its kind is Credentials, or a more
    // specific one the GUI reacts to (SsoLoginRequired, with the command to run).
    using Callback = std::function<void(const AwsAuth &auth, const AwsError &error)>;

    virtual ~AuthProvider() = default;
    // Calls `callback` once, with the auth or an error, possibly before returning. The callback is
    // dropped if `context` is destroyed first.
    virtual void fetchAuth(QObject *context, Callback callback) = 0;
    // What fetchAuth would answer straight from a cache, with nothing to run or refresh, if
    // anything: AwsCall::startNow sends with it at once. None by default.
    virtual std::optional<AwsAuth> readyAuth() const { return std::nullopt; }
    // The service said the credentials expired: the next fetch must not serve them from a cache.
    virtual void invalidate() {}
};

// The requests waiting for one answer (a credential chain resolving, a keyring read): each is
// answered once, unless its context has been destroyed meanwhile.
class AuthWaiters
{
public:
    // True for the first waiter: the caller starts the work whose answer they all wait for.
    bool add(QObject *context, AuthProvider::Callback callback)
    {
        m_waiters.append(Waiter{context, std::move(callback)});
        return m_waiters.size() == 1;
    }
    void answer(const AwsAuth &auth, const AwsError &error)
    {
        // A callback may ask again (a retry): it joins a fresh list.
        const QList<Waiter> waiters = std::exchange(m_waiters, {});
        for (const Waiter &waiter : waiters) {
            if (waiter.context) {
                waiter.callback(auth, error);
            }
        }
    }

private:
    struct Waiter
    {
        QPointer<QObject> context;
        AuthProvider::Callback callback;
    };
    QList<Waiter> m_waiters;
};

// Fixed credentials (tests, the simulator demo, credentials typed into the app).
class StaticAuthProvider final : public AuthProvider
{
public:
    explicit StaticAuthProvider(AwsAuth auth)
        : m_auth(std::move(auth))
    {
    }
    void fetchAuth(QObject *context, Callback callback) override
    {
        if (context) {
            callback(m_auth, {});
        }
    }
    std::optional<AwsAuth> readyAuth() const override { return m_auth; }
    void setAuth(const AwsAuth &auth) { m_auth = auth; }

private:
    AwsAuth m_auth;
};

// No authentication: for the unsigned (smithy.api#noAuth) operations of SSO and SSO OIDC.
class AnonymousAuthProvider final : public AuthProvider
{
public:
    void fetchAuth(QObject *context, Callback callback) override
    {
        if (context) {
            AwsAuth auth;
            auth.anonymous = true;
            callback(auth, {});
        }
    }
};

} // namespace outcrop::aws
