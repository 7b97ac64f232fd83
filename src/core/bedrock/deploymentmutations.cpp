// SPDX-License-Identifier: Apache-2.0
#include "bedrock/deploymentmutations.h"

#include "bedrock/deploymentquery.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

namespace outcrop::bedrock {

namespace {

// The translation context "DeploymentMutations" of this file (a class of its own: lupdate gives
// tr() calls in free functions the namespace as context).
class DeploymentMutationsTr
{
    Q_DECLARE_TR_FUNCTIONS(DeploymentMutations)
};

// Smithy measures string lengths in Unicode code points, not UTF-16 units.
qsizetype codePointCount(const QString &text)
{
    qsizetype count = 0;
    for (auto it = text.cbegin(); it != text.cend(); ++it) {
        if (!(it->isLowSurrogate() && it != text.cbegin() && (it - 1)->isHighSurrogate())) {
            ++count;
        }
    }
    return count;
}

// TagKey and TagValue share the pattern [a-zA-Z0-9\s._:/=+@-]* (service-2.json).
bool isTagText(const QString &text)
{
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-zA-Z0-9\\s._:/=+@-]*")));
    return pattern.match(text).hasMatch();
}

// AWS reserves the "aws:" prefix (any case) in tag keys and values for its own tags; users can
// neither add nor remove them (AWS General Reference, "Tagging AWS resources", tag restrictions).
bool hasReservedPrefix(const QString &text)
{
    return text.startsWith(QLatin1String("aws:"), Qt::CaseInsensitive);
}

QString tagKeyProblem(const QString &key, qsizetype index)
{
    const QString which = DeploymentMutationsTr::tr("Tag %1").arg(index + 1);
    if (key.isEmpty()) {
        return DeploymentMutationsTr::tr("%1: the key is empty; a tag key needs 1 to %2 characters.")
            .arg(which)
            .arg(MutationLimits::maxTagKeyLength);
    }
    if (key.size() > MutationLimits::maxTagKeyLength) {
        return DeploymentMutationsTr::tr("%1: the key is %2 characters long; at most %3 are allowed.")
            .arg(which)
            .arg(key.size())
            .arg(MutationLimits::maxTagKeyLength);
    }
    if (!isTagText(key)) {
        return DeploymentMutationsTr::tr("%1: the key \"%2\" may only hold letters a-z and A-Z, digits, spaces and "
                                         ". _ : / = + @ -.")
            .arg(which, key);
    }
    if (hasReservedPrefix(key)) {
        return DeploymentMutationsTr::tr("%1: the key \"%2\" starts with \"aws:\", which AWS reserves for its own tags.")
            .arg(which, key);
    }
    return {};
}

} // namespace

QString newClientRequestToken()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString validateDeploymentName(const QString &name)
{
    // ModelDeploymentName: 1..63 characters, pattern ([0-9a-zA-Z][_-]?){1,63} as a full match: a
    // letter or digit first, and '-' or '_' only one at a time after a letter or digit.
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("([0-9a-zA-Z][_-]?){1,63}")));
    if (name.isEmpty()) {
        return DeploymentMutationsTr::tr("The deployment name is required: 1 to %1 letters, digits, '-' and '_'.")
            .arg(MutationLimits::maxNameLength);
    }
    if (name.size() > MutationLimits::maxNameLength) {
        return DeploymentMutationsTr::tr("The deployment name is %1 characters long; at most %2 are allowed.")
            .arg(name.size())
            .arg(MutationLimits::maxNameLength);
    }
    if (!pattern.match(name).hasMatch()) {
        return DeploymentMutationsTr::tr("The deployment name \"%1\" is not allowed: use letters a-z and A-Z, digits, "
                                         "'-' and '_', start with a letter or digit, and never put two of '-' and '_' "
                                         "in a row.")
            .arg(name);
    }
    return {};
}

QString validateDescription(const QString &text)
{
    // CustomModelDeploymentDescription: 1..2048, pattern .* (any text); empty means "none".
    const qsizetype length = codePointCount(text);
    if (length > MutationLimits::maxDescriptionLength) {
        return DeploymentMutationsTr::tr("The description is %1 characters long; at most %2 are allowed.")
            .arg(length)
            .arg(MutationLimits::maxDescriptionLength);
    }
    return {};
}

QString validateTags(const QList<Tag> &tags)
{
    if (tags.size() > MutationLimits::maxTagsPerRequest) {
        return DeploymentMutationsTr::tr("There are %1 tags; at most %2 can be sent at once.")
            .arg(tags.size())
            .arg(MutationLimits::maxTagsPerRequest);
    }
    QSet<QString> seen;
    for (qsizetype i = 0; i < tags.size(); ++i) {
        const Tag &tag = tags.at(i);
        const QString keyProblem = tagKeyProblem(tag.key, i);
        if (!keyProblem.isEmpty()) {
            return keyProblem;
        }
        const QString which = DeploymentMutationsTr::tr("Tag %1").arg(i + 1);
        if (tag.value.size() > MutationLimits::maxTagValueLength) {
            return DeploymentMutationsTr::tr("%1 (%2): the value is %3 characters long; at most %4 are allowed.")
                .arg(which, tag.key)
                .arg(tag.value.size())
                .arg(MutationLimits::maxTagValueLength);
        }
        if (!isTagText(tag.value)) {
            return DeploymentMutationsTr::tr("%1 (%2): the value \"%3\" may only hold letters a-z and A-Z, digits, spaces "
                                             "and . _ : / = + @ -.")
                .arg(which, tag.key, tag.value);
        }
        if (hasReservedPrefix(tag.value)) {
            return DeploymentMutationsTr::tr("%1 (%2): the value starts with \"aws:\", which AWS reserves for its own tags.")
                .arg(which, tag.key);
        }
        if (seen.contains(tag.key)) {
            return DeploymentMutationsTr::tr("%1: the key \"%2\" appears more than once; each tag key must be unique.")
                .arg(which, tag.key);
        }
        seen.insert(tag.key);
    }
    return {};
}

QString validateTagKeys(const QStringList &keys)
{
    if (keys.isEmpty()) {
        return DeploymentMutationsTr::tr("No tag keys to remove.");
    }
    if (keys.size() > MutationLimits::maxTagsPerRequest) {
        return DeploymentMutationsTr::tr("There are %1 tag keys; at most %2 can be removed at once.")
            .arg(keys.size())
            .arg(MutationLimits::maxTagsPerRequest);
    }
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const QString problem = tagKeyProblem(keys.at(i), i);
        if (!problem.isEmpty()) {
            return problem;
        }
    }
    return {};
}

QString validateTagTotal(const QList<Tag> &existing, const QList<Tag> &added)
{
    QSet<QString> keys;
    for (const Tag &tag : existing) {
        keys.insert(tag.key);
    }
    for (const Tag &tag : added) {
        keys.insert(tag.key);
    }
    if (keys.size() > MutationLimits::maxTagsPerResource) {
        return DeploymentMutationsTr::tr("The deployment would have %1 tags; a resource can have at most %2.")
            .arg(keys.size())
            .arg(MutationLimits::maxTagsPerResource);
    }
    return {};
}

QString validateClientRequestToken(const QString &token)
{
    // IdempotencyToken: 1..256, [a-zA-Z0-9]([-a-zA-Z0-9]{0,254}[a-zA-Z0-9])?
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-zA-Z0-9]([-a-zA-Z0-9]{0,254}[a-zA-Z0-9])?")));
    if (token.isEmpty() || token.size() > MutationLimits::maxClientRequestTokenLength
        || !pattern.match(token).hasMatch()) {
        return DeploymentMutationsTr::tr("The client request token \"%1\" is not allowed: use 1 to %2 letters, digits "
                                         "and '-', starting and ending with a letter or digit.")
            .arg(token)
            .arg(MutationLimits::maxClientRequestTokenLength);
    }
    return {};
}

QString validateCustomModelArn(const QString &modelArn)
{
    if (modelArn.isEmpty()) {
        return DeploymentMutationsTr::tr("The custom model is required.");
    }
    if (!isCustomModelArn(modelArn)) {
        return DeploymentMutationsTr::tr("The custom model \"%1\" is not a custom model ARN "
                                         "(arn:aws:bedrock:REGION:ACCOUNT:custom-model/...).")
            .arg(modelArn);
    }
    return {};
}

QString validateDeploymentIdentifier(const QString &identifier)
{
    if (identifier.trimmed().isEmpty()) {
        return DeploymentMutationsTr::tr("No deployment is given (its ARN or name is required).");
    }
    return {};
}

QString validateResourceArn(const QString &resourceArn)
{
    // TaggableResourcesArn: 20..1011 characters; its pattern is a long alternation of every
    // taggable Bedrock resource, which the service checks.
    if (!resourceArn.startsWith(QLatin1String("arn:")) || resourceArn.size() < 20 || resourceArn.size() > 1011) {
        return DeploymentMutationsTr::tr("The resource \"%1\" is not an ARN (arn:aws:bedrock:REGION:ACCOUNT:...).")
            .arg(resourceArn);
    }
    return {};
}

} // namespace outcrop::bedrock
