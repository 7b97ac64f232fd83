// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QLatin1String>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <cstring>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

class QDateTime;
class QIODevice;

namespace outcrop::bedrock {
struct DeploymentSummary;
}

namespace outcrop::exporting {

struct CsvOptions
{
    bool byteOrderMark = false;   // --bom: some spreadsheets need it to read UTF-8
    bool formulaEscape = true;    // off with --no-formula-escape
};

// Appends one RFC 4180 cell to `out` as UTF-8: quoted only when it holds a comma, a quote, CR or
// LF (quotes doubled). With `formulaEscape`, a cell that a spreadsheet would run as a formula
// (first character =, +, -, @, tab or CR; OWASP "CSV Injection") gets a leading apostrophe, which
// the spreadsheet shows as text. Plain ASCII cells are copied without an allocation.
void appendCsvCell(QByteArray &out, QStringView cell, bool formulaEscape);
// The same cell from its UTF-8 bytes (the bytes appendCsvCell writes for the QString they encode).
void appendCsvCellUtf8(QByteArray &out, QByteArrayView cell, bool formulaEscape);
// The same as a string, for tests and for callers that want to show the escaped form.
QString escapeCsvCell(QStringView cell, bool formulaEscape);
// A time as the CSV shows it: ISO 8601 UTC with milliseconds, "2025-07-20T10:11:12.123Z";
// empty for an invalid (absent) time.
QString formatCsvTime(const QDateTime &time);
void appendCsvTime(QByteArray &out, const QDateTime &time);

// The region and account fields of an ARN ("arn:partition:service:region:account:resource"),
// empty when it has fewer fields; for QStringView and QLatin1String alike (the export's CSV path
// reads ARNs straight from a page's bytes). A colon is found with memchr in bytes: the general
// QLatin1String::indexOf showed on that path (docs/benchmarks.md).
inline qsizetype indexOfColon(QStringView text, qsizetype from)
{
    return text.indexOf(u':', from);
}
inline qsizetype indexOfColon(QLatin1String text, qsizetype from)
{
    const void *colon = std::memchr(text.data() + from, ':', size_t(text.size() - from));
    return colon ? static_cast<const char *>(colon) - text.data() : -1;
}

#ifdef __SSE2__
// The fields of an ARN's bytes from one pass over its first bytes, sixteen at a time: the colons
// before the account's end lie within its first ~40 bytes.
inline void splitArnRegionAndAccount(QLatin1String arn, QLatin1String *region, QLatin1String *account)
{
    qsizetype colons[5];
    int found = 0;
    const char *const data = arn.data();
    const __m128i colon = _mm_set1_epi8(':');
    qsizetype block = 0;
    for (; found < 5 && block + 16 <= arn.size(); block += 16) {
        auto mask = unsigned(_mm_movemask_epi8(
            _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i *>(data + block)), colon)));
        for (; mask != 0 && found < 5; mask &= mask - 1) {
            colons[found++] = block + __builtin_ctz(mask);
        }
    }
    for (qsizetype i = block; found < 5 && i < arn.size(); ++i) {
        if (data[i] == ':') {
            colons[found++] = i;
        }
    }
    // Field 3 runs from the third colon to the fourth (or the end), field 4 from the fourth to the
    // fifth (or the end); fewer colons leave them empty, as the general version does.
    const auto field = [&](int index) {
        if (found < index) {
            return QLatin1String();
        }
        const qsizetype start = colons[index - 1] + 1;
        const qsizetype end = found > index ? colons[index] : arn.size();
        return QLatin1String(data + start, end - start);
    };
    *region = field(3);
    *account = field(4);
}
#endif

template <typename View>
void splitArnRegionAndAccount(View arn, View *region, View *account)
{
    qsizetype start = 0;
    for (int field = 0; field <= 4; ++field) {
        const qsizetype colon = indexOfColon(arn, start);
        const View value = arn.sliced(start, (colon < 0 ? arn.size() : colon) - start);
        if (field == 3) {
            *region = value;
        } else if (field == 4) {
            *account = value;
        }
        if (colon < 0) {
            break;
        }
        start = colon + 1;
    }
}

// Streams CSV to a device: rows are encoded into a small buffer that goes to the device whenever
// it fills, so an export of 25,000 deployments is never held in memory as a whole. One writer
// for the headless export and the GUI's "Export CSV" (which writes its visible columns through
// writeHeader/writeRow with strings).
//
// Every write returns false once the device refused bytes (disk full, closed pipe); errorString()
// then says why. Call flush() after the last row: buffered bytes are not written by the destructor,
// because by then the device may be half torn down and nobody could report the error.
class CsvWriter
{
public:
    explicit CsvWriter(QIODevice *device, CsvOptions options = {});
    CsvWriter(const CsvWriter &) = delete;
    CsvWriter &operator=(const CsvWriter &) = delete;

    // The fixed English keys of the deployment export, whatever the UI language:
    // name,arn,modelArn,status,createdAt,lastUpdatedAt,failureMessage,account,region.
    static QStringList deploymentHeader();

    bool writeDeploymentHeader();
    // One deployment. `sourceRegion` is the region it was listed from; when empty, the region
    // in its ARN is used. An absent optional field is an empty cell.
    bool writeRow(const bedrock::DeploymentSummary &deployment, const QString &sourceRegion);

    // Rows already formatted as writeRow would (DeploymentCsvFormat): `rowCount` of them.
    bool writeFormattedRows(QByteArrayView rows, qsizetype rowCount);

    // Arbitrary columns (the GUI's visible columns, in view order).
    bool writeHeader(const QStringList &columns);
    bool writeRow(const QStringList &cells);

    // Hands the buffered bytes to the device. False (with errorString()) when it refused them.
    bool flush();

    QString errorString() const { return m_errorString; }
    qint64 rowsWritten() const { return m_rowsWritten; }   // data rows, not the header

private:
    void beginOutput();
    void appendCell(QStringView cell, bool first);
    void appendRawCell(QLatin1String cell, bool first);
    bool endRow(bool isDataRow);
    bool writeToDevice(const char *data, qsizetype size);

    QPointer<QIODevice> m_device;
    CsvOptions m_options;
    QByteArray m_buffer;
    QString m_errorString;
    qint64 m_rowsWritten = 0;
    bool m_started = false;
};

} // namespace outcrop::exporting
