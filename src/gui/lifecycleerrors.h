// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace outcrop::aws {
struct AwsError;
}

namespace outcrop::gui {

// The mutating calls of the lifecycle actions, for explaining their errors.
enum class LifecycleOperation { Create, Update, Delete, Tag, Untag };

// A sentence for the user about a failed lifecycle call: what the error means for this action
// and what to do, then the service's own message and the request id (AwsError::userMessage()).
// ConflictException on Delete, for instance, says that the deployment is being created or
// updated and to try again when it is Active or Failed.
QString explainLifecycleError(const aws::AwsError &error, LifecycleOperation operation);

} // namespace outcrop::gui
