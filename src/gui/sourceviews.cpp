// SPDX-License-Identifier: Apache-2.0
#include "sourceviews.h"

#include <QSettings>

#include <algorithm>

namespace outcrop::gui {

namespace {
const QString group = QStringLiteral("sourceViews");
const QString nameKey = QStringLiteral("name");
const QString profilesKey = QStringLiteral("profiles");
const QString regionsKey = QStringLiteral("regions");

void write(QSettings &settings, const QList<SourceView> &views)
{
    settings.remove(group);
    settings.beginWriteArray(group, int(views.size()));
    for (int i = 0; i < views.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(nameKey, views.at(i).name);
        settings.setValue(profilesKey, views.at(i).profiles);
        settings.setValue(regionsKey, views.at(i).regions);
    }
    settings.endArray();
}
} // namespace

QList<SourceView> SourceViews::load()
{
    QSettings settings;
    QList<SourceView> views;
    const int count = settings.beginReadArray(group);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        SourceView view{settings.value(nameKey).toString(), settings.value(profilesKey).toStringList(),
                        settings.value(regionsKey).toStringList()};
        // A hand-edited or damaged entry without a name or a source is skipped, not shown.
        if (!view.name.trimmed().isEmpty() && !(view.profiles.isEmpty() && view.regions.isEmpty())) {
            views.append(view);
        }
    }
    settings.endArray();
    std::sort(views.begin(), views.end(),
              [](const SourceView &a, const SourceView &b) { return a.name.localeAwareCompare(b.name) < 0; });
    return views;
}

void SourceViews::save(const SourceView &view)
{
    QList<SourceView> views = load();
    views.removeIf([&view](const SourceView &existing) { return existing.name == view.name; });
    views.append(view);
    QSettings settings;
    write(settings, views);
}

void SourceViews::remove(const QString &name)
{
    QList<SourceView> views = load();
    views.removeIf([&name](const SourceView &existing) { return existing.name == name; });
    QSettings settings;
    write(settings, views);
}

} // namespace outcrop::gui
