// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>

#include <functional>

namespace outcrop::keychain {

// Asks the Secret Service (freedesktop.org, on the session bus) whether its default collection is
// locked. QtKeychain cannot tell: through libsecret, a read from a locked keyring whose unlock
// prompt fails or is dismissed comes back as "entry not found", and a delete as success
// (checked with gnome-keyring 42 and QtKeychain 0.13). So after "not found" the store asks here.
//
// Answers `done` later, never from inside the call, and not at all when `context` is destroyed
// first. "Not locked" whenever the question cannot be answered (no bus, no Secret Service, KWallet,
// not a Unix desktop): the caller's own answer stands then.
class SecretServiceLock final
{
public:
    static void queryDefaultCollectionLocked(QObject *context, std::function<void(bool locked)> done);
};

} // namespace outcrop::keychain
