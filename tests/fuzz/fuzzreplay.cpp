// SPDX-License-Identifier: Apache-2.0
// Replays files through a fuzz target's LLVMFuzzerTestOneInput without libFuzzer, so the seed
// corpora in tests/fuzz/corpus/ run in the normal suite (any compiler, no clang needed):
//   fuzzreplay_<target> FILE_OR_DIRECTORY...
// A failed check aborts, as under libFuzzer; an empty corpus is an error (a test that cannot fail).
#include "fuzzsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <cstdio>

namespace {

bool replayFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s: %s\n", qPrintable(path), qPrintable(file.errorString()));
        return false;
    }
    const QByteArray data = file.readAll();
    std::fprintf(stderr, "replaying %s (%lld bytes)\n", qPrintable(path), static_cast<long long>(data.size()));
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(data.constData()), size_t(data.size()));
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    int replayed = 0;
    for (int i = 1; i < argc; ++i) {
        const QString path = QString::fromLocal8Bit(argv[i]);
        QStringList files;
        if (QFileInfo(path).isDir()) {
            QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                files.append(it.next());
            }
            files.sort();
        } else {
            files.append(path);
        }
        for (const QString &file : std::as_const(files)) {
            if (!replayFile(file)) {
                return 1;
            }
            ++replayed;
        }
    }
    if (replayed == 0) {
        std::fprintf(stderr, "no input files given\n");
        return 1;
    }
    std::fprintf(stderr, "%d inputs replayed, no check failed\n", replayed);
    return 0;
}
