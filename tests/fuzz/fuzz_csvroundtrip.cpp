// SPDX-License-Identifier: Apache-2.0
// The CSV writer (export/csvwriter.h), round trip: arbitrary rows are written, read back with a
// strict RFC 4180 reader (csvreader.h, written for the tests, not the writer's mirror image) and
// must come back equal, with a formula-escaping apostrophe exactly where a spreadsheet would
// otherwise evaluate the cell. Input: the first byte holds the options; then rows separated by
// 0xFE and cells by 0xFF (neither occurs in UTF-8). Also the hand-written time formatter against
// Qt's ISO 8601 output.
#include "fuzzsupport.h"

#include "csvreader.h"

#include "aws/utctime.h"
#include "export/csvwriter.h"

#include <QBuffer>
#include <QDateTime>

#include <cstring>

using namespace outcrop::exporting;

namespace {

bool looksLikeFormula(const QString &cell)
{
    static const QString starters = QStringLiteral("=+-@\t\r");
    return !cell.isEmpty() && starters.contains(cell.front());
}

void checkTimeFormat(const uint8_t *data, size_t size)
{
    if (size < 8) {
        return;
    }
    qint64 msecs;
    std::memcpy(&msecs, data, sizeof msecs);
    // Years 1 to 9999, the range the hand-written formatter covers itself.
    constexpr qint64 first = -62135596800000LL;   // 0001-01-01T00:00:00Z
    constexpr qint64 last = 253402300799999LL;    // 9999-12-31T23:59:59.999Z
    msecs = first + qint64(quint64(msecs) % quint64(last - first + 1));
    const QDateTime time = outcrop::aws::utcFromMSecs(msecs);
    FUZZ_CHECK(formatCsvTime(time) == time.toString(Qt::ISODateWithMs));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) {
        return 0;
    }
    CsvOptions options;
    options.byteOrderMark = data[0] & 1;
    options.formulaEscape = data[0] & 2;
    checkTimeFormat(data + 1, size - 1);

    QList<QStringList> rows;
    for (const QByteArray &row : outcrop::fuzz::splitParts(outcrop::fuzz::bytes(data + 1, size - 1), '\xfe')) {
        QStringList cells;
        for (const QByteArray &cell : outcrop::fuzz::splitParts(row)) {
            cells.append(QString::fromUtf8(cell));
        }
        rows.append(cells);
    }

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer, options);
    FUZZ_CHECK(writer.writeHeader(rows.constFirst()));
    for (qsizetype i = 1; i < rows.size(); ++i) {
        FUZZ_CHECK(writer.writeRow(rows.at(i)));
    }
    FUZZ_CHECK(writer.flush());
    FUZZ_CHECK(writer.rowsWritten() == rows.size() - 1);

    QByteArray written = buffer.data();
    const QByteArray bom = QByteArrayLiteral("\xEF\xBB\xBF");
    FUZZ_CHECK(written.startsWith(bom) == options.byteOrderMark || rows.constFirst().constFirst().startsWith(QChar(0xFEFF)));
    if (options.byteOrderMark) {
        written.remove(0, bom.size());
    }
    QList<QStringList> readBack;
    QString error;
    if (!outcrop::testing::readStrictCsv(written, &readBack, &error)) {
        std::fprintf(stderr, "not RFC 4180: %s\n", qPrintable(error));
        FUZZ_CHECK(false);
    }
    FUZZ_CHECK(readBack.size() == rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        FUZZ_CHECK(readBack.at(i).size() == rows.at(i).size());
        for (qsizetype j = 0; j < rows.at(i).size(); ++j) {
            const QString &cell = rows.at(i).at(j);
            const bool escaped = options.formulaEscape && looksLikeFormula(cell);
            const QString expected = escaped ? QString(QLatin1Char('\'') + cell) : cell;
            if (readBack.at(i).at(j) != expected) {
                std::fprintf(stderr, "row %lld cell %lld: wrote %s, read back %s\n", static_cast<long long>(i),
                             static_cast<long long>(j), expected.toUtf8().toPercentEncoding().constData(),
                             readBack.at(i).at(j).toUtf8().toPercentEncoding().constData());
                FUZZ_CHECK(false);
            }
            FUZZ_CHECK(escapeCsvCell(cell, options.formulaEscape).size() >= cell.size());
        }
    }
    return 0;
}
