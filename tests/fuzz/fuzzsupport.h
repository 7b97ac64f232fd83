// SPDX-License-Identifier: Apache-2.0
#pragma once

// Shared by the fuzz targets (built with clang's libFuzzer under OUTCROP_FUZZ, and with the
// replay driver fuzzreplay.cpp for the normal suite).

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

// The entry point libFuzzer calls, and fuzzreplay.cpp calls for every file of a corpus.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace outcrop::fuzz {

// A property of the code under test that failed: a crash for libFuzzer, which keeps the input.
[[noreturn]] inline void fail(const char *file, int line, const char *what)
{
    std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", file, line, what);
    std::abort();
}

#define FUZZ_CHECK(condition) \
    ((condition) ? void() : ::outcrop::fuzz::fail(__FILE__, __LINE__, #condition))

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// Splits an input into parts at 0xFF, a byte that never occurs in UTF-8, so a part can hold any
// text (line breaks, quotes, NULs) and libFuzzer's mutations still move between parts easily.
inline QList<QByteArray> splitParts(QByteArrayView input, char separator = '\xff')
{
    QList<QByteArray> parts;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= input.size(); ++i) {
        if (i == input.size() || input.at(i) == separator) {
            parts.append(input.sliced(start, i - start).toByteArray());
            start = i + 1;
        }
    }
    return parts;
}

} // namespace outcrop::fuzz
