// SPDX-License-Identifier: Apache-2.0
#include "operations.h"

namespace outcrop::sim {

namespace {

struct OperationInfo
{
    Operation operation;
    const char *name;
};

const OperationInfo operationInfos[] = {
    {Operation::ListCustomModelDeployments, "ListCustomModelDeployments"},
    {Operation::GetCustomModelDeployment, "GetCustomModelDeployment"},
    {Operation::CreateCustomModelDeployment, "CreateCustomModelDeployment"},
    {Operation::DeleteCustomModelDeployment, "DeleteCustomModelDeployment"},
    {Operation::UpdateCustomModelDeployment, "UpdateCustomModelDeployment"},
    {Operation::ListCustomModels, "ListCustomModels"},
    {Operation::GetCustomModel, "GetCustomModel"},
    {Operation::ListTagsForResource, "ListTagsForResource"},
    {Operation::TagResource, "TagResource"},
    {Operation::UntagResource, "UntagResource"},
};

} // namespace

RoutedRequest Operations::route(const QByteArray &method, const QStringList &segments)
{
    RoutedRequest routed;
    const auto is = [&](const char *expected) { return method == expected; };
    if (segments.size() >= 2 && segments.at(0) == QLatin1String("model-customization")
        && segments.at(1) == QLatin1String("custom-model-deployments")) {
        if (segments.size() == 2) {
            routed.operation = is("GET")    ? Operation::ListCustomModelDeployments
                : is("POST")                ? Operation::CreateCustomModelDeployment
                                            : Operation::Unknown;
        } else if (segments.size() == 3 && !segments.at(2).isEmpty()) {
            routed.identifier = segments.at(2);
            routed.operation = is("GET")     ? Operation::GetCustomModelDeployment
                : is("DELETE")               ? Operation::DeleteCustomModelDeployment
                : is("PATCH")                ? Operation::UpdateCustomModelDeployment
                                             : Operation::Unknown;
        }
    } else if (!segments.isEmpty() && segments.at(0) == QLatin1String("custom-models") && is("GET")) {
        if (segments.size() == 1) {
            routed.operation = Operation::ListCustomModels;
        } else if (segments.size() == 2 && !segments.at(1).isEmpty()) {
            routed.operation = Operation::GetCustomModel;
            routed.identifier = segments.at(1);
        }
    } else if (segments.size() == 1 && is("POST")) {
        if (segments.at(0) == QLatin1String("listTagsForResource")) {
            routed.operation = Operation::ListTagsForResource;
        } else if (segments.at(0) == QLatin1String("tagResource")) {
            routed.operation = Operation::TagResource;
        } else if (segments.at(0) == QLatin1String("untagResource")) {
            routed.operation = Operation::UntagResource;
        }
    }
    return routed;
}

QString Operations::name(Operation operation)
{
    for (const auto &info : operationInfos) {
        if (info.operation == operation) {
            return QLatin1String(info.name);
        }
    }
    return QStringLiteral("Unknown");
}

Operation Operations::fromName(const QString &name)
{
    for (const auto &info : operationInfos) {
        if (name == QLatin1String(info.name)) {
            return info.operation;
        }
    }
    return Operation::Unknown;
}

QStringList Operations::allNames()
{
    QStringList names;
    for (const auto &info : operationInfos) {
        names.append(QLatin1String(info.name));
    }
    return names;
}

QStringList Operations::modelledErrors(Operation operation)
{
    QStringList errors = {QStringLiteral("AccessDeniedException"), QStringLiteral("ValidationException"),
                          QStringLiteral("InternalServerException"), QStringLiteral("ThrottlingException")};
    switch (operation) {
    case Operation::Unknown:
        return {};
    case Operation::ListCustomModelDeployments:
    case Operation::ListCustomModels:
        break;
    case Operation::CreateCustomModelDeployment:
        errors << QStringLiteral("ResourceNotFoundException") << QStringLiteral("TooManyTagsException")
               << QStringLiteral("ServiceQuotaExceededException");
        break;
    case Operation::DeleteCustomModelDeployment:
        errors << QStringLiteral("ResourceNotFoundException") << QStringLiteral("ConflictException");
        break;
    case Operation::TagResource:
        errors << QStringLiteral("ResourceNotFoundException") << QStringLiteral("TooManyTagsException");
        break;
    case Operation::GetCustomModelDeployment:
    case Operation::UpdateCustomModelDeployment:
    case Operation::GetCustomModel:
    case Operation::ListTagsForResource:
    case Operation::UntagResource:
        errors << QStringLiteral("ResourceNotFoundException");
        break;
    }
    return errors;
}

int Operations::errorStatus(const QString &errorType)
{
    static const QHash<QString, int> statuses = {
        {QStringLiteral("AccessDeniedException"), 403},
        {QStringLiteral("ValidationException"), 400},
        {QStringLiteral("InternalServerException"), 500},
        {QStringLiteral("ThrottlingException"), 429},
        {QStringLiteral("ResourceNotFoundException"), 404},
        {QStringLiteral("ConflictException"), 400},
        {QStringLiteral("ServiceQuotaExceededException"), 400},
        {QStringLiteral("TooManyTagsException"), 400},
        {QStringLiteral("ServiceUnavailableException"), 503},
    };
    return statuses.value(errorType, 0);
}

} // namespace outcrop::sim
