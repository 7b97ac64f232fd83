// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QRandomGenerator>

// One to three random edits of `json` (a byte replaced by one of `alphabet`, bytes removed, a
// byte inserted, a piece of the text copied elsewhere): the damaged pages the fast readers'
// tests compare with QJsonDocument's answer.
inline QByteArray damagedJson(QByteArray json, const QByteArray &alphabet, QRandomGenerator &random)
{
    const int edits = 1 + random.bounded(3);
    for (int edit = 0; edit < edits; ++edit) {
        const int at = random.bounded(int(json.size()));
        switch (random.bounded(4)) {
        case 0: json[at] = alphabet.at(random.bounded(int(alphabet.size()))); break;
        case 1: json.remove(at, 1 + random.bounded(4)); break;
        case 2: json.insert(at, alphabet.at(random.bounded(int(alphabet.size())))); break;
        default: json.insert(at, json.mid(random.bounded(int(json.size())), 1 + random.bounded(40))); break;
        }
    }
    return json;
}
