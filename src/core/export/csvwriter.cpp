// SPDX-License-Identifier: Apache-2.0
#include "export/csvwriter.h"

#include "bedrock/deployment.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QIODevice>
#include <QStringDecoder>
#include <QStringEncoder>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace outcrop::exporting {

namespace {

// Bytes collected before they go to the device: large enough that a 25,000-row export is a few
// hundred writes, small enough not to matter in memory.
constexpr qsizetype flushThreshold = 64 * 1024;

const char utf8ByteOrderMark[] = "\xEF\xBB\xBF";

// Encodes straight into `out`'s spare capacity: no temporary QByteArray per cell. Stateless, so
// a lone surrogate becomes U+FFFD here instead of being carried into the next cell.
void appendUtf8(QByteArray &out, QStringView text)
{
    if (text.isEmpty()) {
        return;
    }
    QStringEncoder encoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless);
    const qsizetype oldSize = out.size();
    out.resize(oldSize + encoder.requiredSpace(text.size()));
    char *end = encoder.appendToBuffer(out.data() + oldSize, text);
    out.resize(end - out.constData());
}

// OWASP "CSV Injection": these first characters make Excel, LibreOffice and Google Sheets
// evaluate the cell (a leading tab or CR is stripped by some of them, exposing what follows).
bool looksLikeFormula(QStringView cell)
{
    if (cell.isEmpty()) {
        return false;
    }
    const char16_t first = cell.front().unicode();
    return first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t'
        || first == u'\r';
}

char *putDigits(char *out, int value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char('0' + value % 10);
        value /= 10;
    }
    return out + width;
}

// ISO 8601 UTC with milliseconds, formatted by hand: QDateTime::toString builds the string
// through its format parser for every call, and toUTC(), date() and time() each convert through
// the calendar; both showed on a 25,000-row export (docs/benchmarks.md). The civil date comes
// from the milliseconds since the epoch (H. Hinnant, "chrono-Compatible Low-Level Date
// Algorithms", civil_from_days).
} // namespace

void appendCsvTime(QByteArray &out, const QDateTime &time)
{
    if (!time.isValid()) {
        return;
    }
    constexpr qint64 msecsPerDay = 86400000;
    const qint64 msecs = time.toMSecsSinceEpoch();
    const qint64 days = msecs / msecsPerDay - (msecs % msecsPerDay < 0 ? 1 : 0);
    const int msecOfDay = int(msecs - days * msecsPerDay);
    const qint64 shifted = days + 719468;   // days since 0000-03-01
    const qint64 era = (shifted >= 0 ? shifted : shifted - 146096) / 146097;
    const qint64 dayOfEra = shifted - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 monthIndex = (5 * dayOfYear + 2) / 153;   // March = 0
    const int day = int(dayOfYear - (153 * monthIndex + 2) / 5 + 1);
    const int month = int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 1 || year > 9999) {
        // Qt has no year 0 and counts years BCE from -1: it writes those (and far futures) itself.
        out += time.toUTC().toString(Qt::ISODateWithMs).toLatin1();
        return;
    }
    char text[24];
    char *p = putDigits(text, int(year), 4);
    *p++ = '-';
    p = putDigits(p, month, 2);
    *p++ = '-';
    p = putDigits(p, day, 2);
    *p++ = 'T';
    p = putDigits(p, msecOfDay / 3600000, 2);
    *p++ = ':';
    p = putDigits(p, msecOfDay / 60000 % 60, 2);
    *p++ = ':';
    p = putDigits(p, msecOfDay / 1000 % 60, 2);
    *p++ = '.';
    p = putDigits(p, msecOfDay % 1000, 3);
    *p++ = 'Z';
    out.append(text, p - text);
}

namespace {

// The common cell: ASCII with nothing to quote or escape, copied with one resize and no
// encoder. False (and `out` as it was) for any other cell.
bool appendPlainAsciiCell(QByteArray &out, QStringView cell, bool formulaEscape)
{
    if (formulaEscape && looksLikeFormula(cell)) {
        return false;
    }
    const qsizetype oldSize = out.size();
    out.resize(oldSize + cell.size());
    char *to = out.data() + oldSize;
    const char16_t *from = cell.utf16();
    qsizetype i = 0;
#ifdef __SSE2__
    // Eight characters at a time (SSE2 is part of x86-64): this copy was the largest single cost
    // of the export's CSV writing after the page reader (docs/benchmarks.md).
    const __m128i nonAsciiBits = _mm_set1_epi16(short(0xFF80));
    const __m128i comma = _mm_set1_epi16(u',');
    const __m128i quote = _mm_set1_epi16(u'"');
    const __m128i carriageReturn = _mm_set1_epi16(u'\r');
    const __m128i lineFeed = _mm_set1_epi16(u'\n');
    for (; i + 8 <= cell.size(); i += 8) {
        const __m128i chars = _mm_loadu_si128(reinterpret_cast<const __m128i *>(from + i));
        const __m128i nonAscii = _mm_cmpeq_epi16(_mm_and_si128(chars, nonAsciiBits), _mm_setzero_si128());
        const __m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi16(chars, comma), _mm_cmpeq_epi16(chars, quote)),
                                             _mm_or_si128(_mm_cmpeq_epi16(chars, carriageReturn),
                                                          _mm_cmpeq_epi16(chars, lineFeed)));
        // nonAscii is all ones where a character IS ASCII; every lane must be ASCII and not special.
        if (_mm_movemask_epi8(_mm_andnot_si128(special, nonAscii)) != 0xFFFF) {
            out.resize(oldSize);
            return false;
        }
        _mm_storel_epi64(reinterpret_cast<__m128i *>(to + i), _mm_packus_epi16(chars, chars));
    }
#endif
    for (; i < cell.size(); ++i) {
        const char16_t u = from[i];
        if (u >= 0x80 || u == u',' || u == u'"' || u == u'\r' || u == u'\n') {
            out.resize(oldSize);
            return false;
        }
        to[i] = char(u);
    }
    return true;
}

} // namespace

void appendCsvCell(QByteArray &out, QStringView cell, bool formulaEscape)
{
    if (appendPlainAsciiCell(out, cell, formulaEscape)) {
        return;
    }
    // Any other cell is quoted and marked from its UTF-8 bytes, the one place that does it.
    QByteArray utf8;
    appendUtf8(utf8, cell);
    appendCsvCellUtf8(out, utf8, formulaEscape);
}

// Quoting and the formula mark depend only on ASCII characters, which UTF-8 keeps as single
// bytes and never uses inside a longer sequence: the same decisions byte for byte.
void appendCsvCellUtf8(QByteArray &out, QByteArrayView cell, bool formulaEscape)
{
    bool quoted = false;
    for (const char c : cell) {
        if (c == ',' || c == '"' || c == '\r' || c == '\n') {
            quoted = true;
            break;
        }
    }
    const char first = cell.isEmpty() ? '\0' : cell.front();
    const bool formula =
        formulaEscape && (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r');
    if (quoted) {
        out += '"';
    }
    if (formula) {
        out += '\'';
    }
    if (!quoted) {
        out.append(cell);
        return;
    }
    // RFC 4180 §2.7: a quote inside a quoted field is doubled.
    qsizetype segmentStart = 0;
    for (qsizetype i = 0; i < cell.size(); ++i) {
        if (cell[i] == '"') {
            out.append(cell.sliced(segmentStart, i + 1 - segmentStart));
            out += '"';
            segmentStart = i + 1;
        }
    }
    out.append(cell.sliced(segmentStart));
    out += '"';
}

QString escapeCsvCell(QStringView cell, bool formulaEscape)
{
    QByteArray bytes;
    appendCsvCell(bytes, cell, formulaEscape);
    // Not QString::fromUtf8, which drops a leading byte order mark: a cell starting with U+FEFF
    // would lose it (found by tests/fuzz/fuzz_csvroundtrip).
    QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::Stateless | QStringConverter::Flag::ConvertInitialBom);
    return decoder.decode(bytes);
}

QString formatCsvTime(const QDateTime &time)
{
    QByteArray bytes;
    appendCsvTime(bytes, time);
    return QString::fromLatin1(bytes);
}

CsvWriter::CsvWriter(QIODevice *device, CsvOptions options)
    : m_device(device)
    , m_options(options)
{
    m_buffer.reserve(flushThreshold + 4096);
}

QStringList CsvWriter::deploymentHeader()
{
    return {QStringLiteral("name"),          QStringLiteral("arn"),
            QStringLiteral("modelArn"),      QStringLiteral("status"),
            QStringLiteral("createdAt"),     QStringLiteral("lastUpdatedAt"),
            QStringLiteral("failureMessage"), QStringLiteral("account"),
            QStringLiteral("region")};
}

void CsvWriter::beginOutput()
{
    if (!m_started) {
        m_started = true;
        if (m_options.byteOrderMark) {
            m_buffer.append(utf8ByteOrderMark, 3);
        }
    }
}

void CsvWriter::appendCell(QStringView cell, bool first)
{
    if (!first) {
        m_buffer += ',';
    }
    appendCsvCell(m_buffer, cell, m_options.formulaEscape);
}

bool CsvWriter::endRow(bool isDataRow)
{
    m_buffer += "\r\n";   // RFC 4180 §2.1: CRLF, after the last row too
    if (isDataRow) {
        ++m_rowsWritten;
    }
    if (!m_errorString.isEmpty()) {
        m_buffer.resize(0);   // the output is broken: do not grow without bound
        return false;
    }
    if (m_buffer.size() >= flushThreshold) {
        return flush();
    }
    return true;
}

bool CsvWriter::writeDeploymentHeader()
{
    return writeHeader(deploymentHeader());
}

bool CsvWriter::writeRow(const bedrock::DeploymentSummary &deployment, const QString &sourceRegion)
{
    beginOutput();
    appendCell(deployment.name, true);
    appendCell(deployment.arn, false);
    appendCell(deployment.modelArn, false);
    // The status as the service sent it (a value outside the model, e.g. "Deleting", stays).
    appendCell(deployment.statusText.isEmpty() ? bedrock::deploymentStatusWireValue(deployment.status)
                                               : deployment.statusText,
               false);
    // Times need no escaping: digits, '-', ':', '.', 'T' and 'Z' only.
    m_buffer += ',';
    appendCsvTime(m_buffer, deployment.createdAt);
    m_buffer += ',';
    appendCsvTime(m_buffer, deployment.lastUpdatedAt);
    appendCell(deployment.failureMessage, false);
    // ARN fields are plain substrings: sliced views, no allocation.
    QStringView account;
    QStringView arnRegion;
    splitArnRegionAndAccount(QStringView(deployment.arn), &arnRegion, &account);
    appendCell(account, false);
    appendCell(sourceRegion.isEmpty() ? arnRegion : QStringView(sourceRegion), false);
    return endRow(true);
}

bool CsvWriter::writeFormattedRows(QByteArrayView rows, qsizetype rowCount)
{
    beginOutput();
    m_rowsWritten += rowCount;
    if (!m_errorString.isEmpty()) {
        m_buffer.resize(0);
        return false;
    }
    if (m_buffer.size() + rows.size() < flushThreshold) {
        m_buffer.append(rows);
        return true;
    }
    // A page of rows goes to the device as it is, not through the buffer (a copy less).
    return flush() && writeToDevice(rows.data(), rows.size());
}

bool CsvWriter::writeHeader(const QStringList &columns)
{
    beginOutput();
    for (qsizetype i = 0; i < columns.size(); ++i) {
        appendCell(columns.at(i), i == 0);
    }
    return endRow(false);
}

bool CsvWriter::writeRow(const QStringList &cells)
{
    beginOutput();
    for (qsizetype i = 0; i < cells.size(); ++i) {
        appendCell(cells.at(i), i == 0);
    }
    return endRow(true);
}

bool CsvWriter::flush()
{
    if (!m_errorString.isEmpty()) {
        return false;
    }
    if (m_buffer.isEmpty()) {
        return true;
    }
    if (!writeToDevice(m_buffer.constData(), m_buffer.size())) {
        return false;
    }
    m_buffer.resize(0);   // keeps the capacity for the next rows
    return true;
}

bool CsvWriter::writeToDevice(const char *data, qsizetype size)
{
    if (!m_device || !m_device->isWritable()) {
        m_errorString = QCoreApplication::translate("CsvWriter", "the output is not open for writing");
        return false;
    }
    qsizetype written = 0;
    while (written < size) {
        const qint64 count = m_device->write(data + written, size - written);
        if (count <= 0) {
            m_errorString = m_device->errorString();
            return false;
        }
        written += count;
    }
    return true;
}

} // namespace outcrop::exporting
