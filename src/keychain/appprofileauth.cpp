// SPDX-License-Identifier: Apache-2.0
#include "appprofileauth.h"

#include "appprofiles.h"

#include <QTimer>

namespace outcrop::keychain {

AppProfileAuthProvider::AppProfileAuthProvider(AppProfiles *profiles, QString profile, QObject *parent)
    : QObject(parent)
    , m_profiles(profiles)
    , m_profile(std::move(profile))
{
}

void AppProfileAuthProvider::fetchAuth(QObject *context, Callback callback)
{
    if (m_auth) {
        if (context) {
            callback(*m_auth, {});
        }
        return;
    }
    if (!m_waiters.add(context, std::move(callback))) {
        return;   // a read is under way: this request waits for its answer too
    }
    if (m_failure) {
        // Answered on a later turn of the event loop, as a keyring answer would be.
        QTimer::singleShot(0, this, [this, failure = *m_failure] { m_waiters.answer({}, failure); });
        return;
    }
    if (!m_profiles) {
        // Answered on a later turn of the event loop, as a keyring answer would be.
        QTimer::singleShot(0, this, [this] {
            m_waiters.answer({}, aws::AwsError::make(aws::AwsError::Kind::Credentials,
                                                     tr("The app profile %1 is no longer available.").arg(m_profile)));
        });
        return;
    }
    ++m_reads;
    m_profiles->credentials(m_profile, this, [this](const AppCredentials &credentials, const QString &error) {
        if (!error.isEmpty() || !credentials.isValid()) {
            // The keyring's own message names what is wrong (locked, no entry for this profile);
            // it never holds a secret. Kept until Retry (invalidate()).
            m_failure = aws::AwsError::make(aws::AwsError::Kind::Credentials,
                                            error.isEmpty() ? tr("The app profile %1 has no usable credentials in "
                                                                 "the system keyring.")
                                                                  .arg(m_profile)
                                                            : error);
            m_waiters.answer({}, *m_failure);
            return;
        }
        m_auth = credentials.toAuth();
        m_waiters.answer(*m_auth, {});
    });
}

void AppProfileAuthProvider::invalidate()
{
    m_auth.reset();
    m_failure.reset();
}

} // namespace outcrop::keychain
