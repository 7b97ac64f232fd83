// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace outcrop::sim {

// Collects constraint violations and words them as AWS (Coral) front ends do:
// "2 validation errors detected: Value '0' at 'maxResults' failed to satisfy constraint: Member
// must have value greater than or equal to 1; Value ...".
class ValidationErrors
{
public:
    void add(const QString &value, const QString &field, const QString &constraint);
    void addNull(const QString &field);
    bool isEmpty() const { return m_errors.isEmpty(); }
    QString message() const;

    // Length checks, in characters (the model's min/max for strings).
    void checkLength(const QString &value, const QString &field, int min, int max);
    void checkPattern(const QString &value, const QString &field, const QString &pattern);
    void checkEnum(const QString &value, const QString &field, const QStringList &allowed);

private:
    QStringList m_errors;
};

// The service's shapes (bedrock-api.md §2), applied as full matches.
class Shapes
{
public:
    static const QString deploymentNamePattern;
    static const QString customModelArnPattern;
    static const QString modelArnPattern;
    static const QString idempotencyTokenPattern;
    static const QString tagPattern;
    static const QString nameFragmentPattern;

    static bool fullMatch(const QString &pattern, const QString &value);
    // RFC 3339 with 0-9 fractional digits and 'Z' or an offset (what the SDKs send, §1.4).
    static QDateTime parseTimestamp(const QString &text);
};

} // namespace outcrop::sim
