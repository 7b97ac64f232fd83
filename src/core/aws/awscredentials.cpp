// SPDX-License-Identifier: Apache-2.0
#include "aws/awscredentials.h"

#include <QDebugStateSaver>

namespace outcrop::aws {

QDebug operator<<(QDebug debug, const AwsCredentials &credentials)
{
    const QDebugStateSaver saver(debug);
    debug.nospace() << "AwsCredentials(" << credentials.accessKeyId << ", from " << credentials.source
                    << (credentials.sessionToken.isEmpty() ? "" : ", with session token");
    if (credentials.expires()) {
        debug << ", expires " << credentials.expiration.toString(Qt::ISODate);
    }
    debug << ")";
    return debug;
}

} // namespace outcrop::aws
