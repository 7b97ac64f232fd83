// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "aws/authprovider.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

namespace outcrop::keychain {

class AppProfiles;

// Authenticates one source's requests with an app profile's credentials, read from the system
// keyring (AppProfiles::credentials) when the first request asks for them. So a source of several
// is set up at once, like the others, and its first page simply waits for the secret: nothing
// else waits, and nothing blocks.
//
// Requests that ask while the read runs wait for the same answer. The credentials are kept for
// the provider's life (an app profile's keys do not change by themselves; invalidate() forgets
// them). A read that fails (the keyring locked or unavailable, an entry missing) fails the waiting
// requests with the keyring's message (kind Credentials), which fails that source only. The
// failure is kept until invalidate() (the banner's Retry): a keyring that shows an unlock prompt
// for a read would otherwise ask again at every auto-refresh. Unlocking the keyring (or entering
// the secret again) and pressing Retry is enough.
class AppProfileAuthProvider final : public QObject, public aws::AuthProvider
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppProfileAuthProvider)

public:
    AppProfileAuthProvider(AppProfiles *profiles, QString profile, QObject *parent = nullptr);

    void fetchAuth(QObject *context, Callback callback) override;
    void invalidate() override;

    QString profile() const { return m_profile; }
    // How many times the keyring was read (for tests: waiters share one read).
    int readCount() const { return m_reads; }

private:
    QPointer<AppProfiles> m_profiles;
    QString m_profile;
    std::optional<aws::AwsAuth> m_auth;
    std::optional<aws::AwsError> m_failure;   // the last read's, until invalidate()
    aws::AuthWaiters m_waiters;
    int m_reads = 0;
};

} // namespace outcrop::keychain
