// SPDX-License-Identifier: Apache-2.0
#include "lifecycleerrors.h"

#include "aws/awserror.h"

#include <QCoreApplication>

namespace outcrop::gui {

namespace {
// The translation context of these messages (lupdate reads LifecycleErrors::tr).
class LifecycleErrors
{
    Q_DECLARE_TR_FUNCTIONS(LifecycleErrors)
};

// The service's message and the request id, after our own explanation.
QString withDetails(const QString &explanation, const aws::AwsError &error)
{
    QString text = explanation;
    if (!error.message.isEmpty()) {
        text += QLatin1Char(' ') + LifecycleErrors::tr("The service said: %1").arg(error.message);
    }
    if (!error.requestId.isEmpty()) {
        text += QLatin1Char(' ') + LifecycleErrors::tr("(request id %1)").arg(error.requestId);
    }
    return text;
}
} // namespace

QString explainLifecycleError(const aws::AwsError &error, LifecycleOperation operation)
{
    using Kind = aws::AwsError::Kind;
    switch (error.kind) {
    case Kind::Conflict:
        // The service documents ConflictException for Delete only, without saying when; the
        // simulator (and, as far as users report, the service) answers it while the deployment
        // is still being created or is swapping its model.
        if (operation == LifecycleOperation::Delete) {
            return withDetails(LifecycleErrors::tr("It is being created or updated; try again when it is Active or Failed."), error);
        }
        return withDetails(LifecycleErrors::tr("The deployment is busy with another change; try again when it has finished."), error);
    case Kind::ResourceNotFound:
        if (operation == LifecycleOperation::Delete) {
            return withDetails(LifecycleErrors::tr("It no longer exists (it may have been deleted already)."), error);
        }
        if (operation == LifecycleOperation::Create || operation == LifecycleOperation::Update) {
            return withDetails(LifecycleErrors::tr("The custom model was not found in this account and region."), error);
        }
        return withDetails(LifecycleErrors::tr("The deployment no longer exists."), error);
    case Kind::ServiceQuotaExceeded:
        return withDetails(LifecycleErrors::tr("The account has as many custom model deployments as its quota allows; delete one or "
                              "request an increase in the Service Quotas console."),
                           error);
    case Kind::TooManyTags:
        return withDetails(LifecycleErrors::tr("A deployment can have at most 50 tags; remove some first."), error);
    case Kind::Validation:
        if (operation == LifecycleOperation::Create) {
            return withDetails(LifecycleErrors::tr("The service rejected the request (a deployment with this name may exist already, or "
                                  "the model is not Active)."),
                               error);
        }
        return error.userMessage();
    default:
        return error.userMessage();
    }
}

} // namespace outcrop::gui
