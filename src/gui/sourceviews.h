// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace outcrop::gui {

// A named set of sources the user saved (View › Sources): profiles × regions, as on the command
// line (no region: each profile in its own region).
struct SourceView
{
    QString name;
    QStringList profiles;
    QStringList regions;

    bool operator==(const SourceView &other) const
    {
        return name == other.name && profiles == other.profiles && regions == other.regions;
    }
};

// The saved views, in QSettings (group "sourceViews"), sorted by name. Names only and the profile
// and region names: nothing secret.
class SourceViews
{
public:
    static QList<SourceView> load();
    // Replaces a view of the same name.
    static void save(const SourceView &view);
    static void remove(const QString &name);
};

} // namespace outcrop::gui
