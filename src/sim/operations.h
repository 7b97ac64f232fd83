// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace outcrop::sim {

enum class Operation {
    Unknown,
    ListCustomModelDeployments,
    GetCustomModelDeployment,
    CreateCustomModelDeployment,
    DeleteCustomModelDeployment,
    UpdateCustomModelDeployment,
    ListCustomModels,
    GetCustomModel,
    ListTagsForResource,
    TagResource,
    UntagResource,
};

// A request matched to an operation, with its decoded path label.
struct RoutedRequest
{
    Operation operation = Operation::Unknown;
    QString identifier;   // the path label, decoded exactly once
};

class Operations
{
public:
    static RoutedRequest route(const QByteArray &method, const QStringList &pathSegments);
    static QString name(Operation operation);   // "ListCustomModelDeployments"
    static Operation fromName(const QString &name);
    static QStringList allNames();
    // The errors the service model lists for the operation (botocore service-2.json "errors").
    static QStringList modelledErrors(Operation operation);
    // The HTTP status of a modelled error (model "httpStatusCode"), 0 for an unknown name.
    static int errorStatus(const QString &errorType);
};

} // namespace outcrop::sim
