// SPDX-License-Identifier: Apache-2.0
#include "export/deploymentcsvformat.h"

#include "bedrock/arnset.h"
#include "bedrock/deploymentpagereader.h"

#include <QDateTime>

#include <algorithm>
#include <cstring>

namespace outcrop::exporting {

using bedrock::DeploymentField;
using bedrock::RawDeploymentRow;
using bedrock::RawJsonString;

namespace {

// Appends through a raw pointer into spare room: QByteArray::append(const char *, n) goes through
// QByteArray::insert for every call, which was a fifth of this path's instructions with ten cells
// a row (docs/benchmarks.md).
class ByteSink
{
public:
    // Writes from the start of `bytes`, with room for `expected` bytes to begin with.
    ByteSink(QByteArray *bytes, qsizetype expected)
        : m_bytes(bytes)
    {
        m_bytes->resize(expected);
        m_data = m_bytes->data();
    }

    void append(const char *data, qsizetype size)
    {
        reserve(size);
        std::memcpy(m_data + m_size, data, size_t(size));
        m_size += size;
    }
    void append(QByteArrayView bytes) { append(bytes.data(), bytes.size()); }
    void append(char c)
    {
        reserve(1);
        m_data[m_size++] = c;
    }
    qsizetype size() const { return m_size; }
    // Gives the bytes their real size; call before the QByteArray is used again.
    void finish() { m_bytes->resize(m_size); }

private:
    void reserve(qsizetype extra)
    {
        if (m_bytes->size() - m_size < extra) {
            m_bytes->resize(std::max(m_size + extra, 2 * m_bytes->size() + 256));
            m_data = m_bytes->data();
        }
    }

    QByteArray *m_bytes;
    qsizetype m_size = 0;
    char *m_data = nullptr;
};

bool startsLikeFormula(char first)
{
    return first == '=' || first == '+' || first == '-' || first == '@';
}

class CsvRowReader final : public bedrock::RawDeploymentRowReader
{
public:
    // A page is shorter in CSV than in JSON (no keys, fewer quotes), and its ARNs are about a
    // quarter of it: one allocation each for most pages.
    CsvRowReader(bedrock::FormattedDeploymentPage *page, qsizetype jsonSize, bool formulaEscape,
                 const QByteArray *sourceRegionCell)
        : m_page(page)
        , m_text(&page->text, jsonSize)
        , m_keys(&page->keys, jsonSize / 4)
        , m_formulaEscape(formulaEscape)
        , m_sourceRegionCell(sourceRegionCell)
    {
    }

    void finish()
    {
        m_text.finish();
        m_keys.finish();
    }

    // The cells of CsvWriter::writeRow, in its order.
    bool readRow(const RawDeploymentRow &row) override
    {
        const RawJsonString &arn = row.value(DeploymentField::Arn);
        std::optional<QString> decodedArn;
        if (!arn.plain && !(decodedArn = arn.decode())) {
            return false;
        }
        if (!appendTextCell(row.value(DeploymentField::Name))) {
            return false;
        }
        m_text.append(',');
        if (decodedArn) {
            appendSlowCell(*decodedArn);
        } else {
            appendPlainCell(latin1(arn));
        }
        m_text.append(',');
        if (!appendTextCell(row.value(DeploymentField::ModelArn))) {
            return false;
        }
        // The status as the service sent it; an empty one is an empty cell, as writeRow's
        // deploymentStatusWireValue(Unknown).
        m_text.append(',');
        if (!appendTextCell(row.value(DeploymentField::Status))) {
            return false;
        }
        m_text.append(',');
        if (!appendTimeCell(row.value(DeploymentField::CreatedAt))) {
            return false;
        }
        m_text.append(',');
        if (row.has(DeploymentField::LastUpdatedAt) && !appendTimeCell(row.value(DeploymentField::LastUpdatedAt))) {
            return false;
        }
        m_text.append(',');
        if (row.has(DeploymentField::FailureMessage) && !appendTextCell(row.value(DeploymentField::FailureMessage))) {
            return false;
        }
        const bool regionFromArn = m_sourceRegionCell->isEmpty();
        if (decodedArn) {
            QStringView region;
            QStringView account;
            splitArnRegionAndAccount(QStringView(*decodedArn), &region, &account);
            m_text.append(',');
            appendSlowCell(account);
            m_text.append(',');
            if (regionFromArn) {
                appendSlowCell(region);
            }
            m_scratch.resize(0);
            bedrock::ArnSet::appendKey(m_scratch, *decodedArn);
            m_keys.append(m_scratch);
        } else {
            QLatin1String region;
            QLatin1String account;
            splitArnRegionAndAccount(latin1(arn), &region, &account);
            m_text.append(',');
            appendPlainCell(account);
            m_text.append(',');
            if (regionFromArn) {
                appendPlainCell(region);
            }
            m_keys.append(arn.begin, arn.size);   // plain ASCII: its own UTF-8
        }
        m_text.append(*m_sourceRegionCell);
        m_text.append("\r\n", 2);
        m_page->rows.append({m_text.size(), m_keys.size()});
        return true;
    }

private:
    static QLatin1String latin1(const RawJsonString &raw) { return QLatin1String(raw.begin, raw.size); }

    // Any cell, the way writeRow writes it.
    void appendSlowCell(QStringView cell)
    {
        m_scratch.resize(0);
        appendCsvCell(m_scratch, cell, m_formulaEscape);
        m_text.append(m_scratch);
    }

    // A plain string is printable ASCII without escapes (so no quote, CR or LF): its bytes are the
    // cell unless it holds a comma or, with formula escaping, starts like a formula. Those few go
    // through appendCsvCell, which writes the same bytes the row path would.
    void appendPlainCell(QLatin1String cell)
    {
        if ((m_formulaEscape && !cell.isEmpty() && startsLikeFormula(cell.front().toLatin1()))
            || std::memchr(cell.data(), ',', size_t(cell.size())) != nullptr) {
            appendSlowCell(QString(cell));
            return;
        }
        m_text.append(cell.data(), cell.size());
    }

    bool appendTextCell(const RawJsonString &raw)
    {
        if (raw.plain) {
            appendPlainCell(latin1(raw));
            return true;
        }
        const std::optional<QString> text = raw.decode();
        if (!text) {
            return false;
        }
        appendSlowCell(*text);
        return true;
    }

    // Times need no escaping: digits, '-', ':', '.', 'T' and 'Z' only.
    bool appendTimeCell(const RawJsonString &raw)
    {
        if (raw.plain && isCsvTimeShape(raw.begin, raw.size)) {
            m_text.append(raw.begin, raw.size);
            return true;
        }
        QDateTime time;
        if (!bedrock::readDeploymentTime(raw, &time)) {
            return false;
        }
        m_scratch.resize(0);
        appendCsvTime(m_scratch, time);
        m_text.append(m_scratch);
        return true;
    }

    // True for a time in exactly the form the CSV writes, "YYYY-MM-DDTHH:MM:SS.sssZ" (upper-case
    // T and Z, three fraction digits, a real date from year 1 in the proleptic Gregorian calendar
    // as QDate, hours 00-23, no leap second): parsing and formatting it would give back the same
    // 24 bytes. Checked eight bytes at a time: a byte-by-byte check of every time was 9 % of
    // this path (docs/benchmarks.md).
    static bool isCsvTimeShape(const char *t, qsizetype size)
    {
        if (size != 24) {
            return false;
        }
        // Per 8-byte word (little-endian: byte i at bits 8i): the separators' places and values.
        static constexpr quint64 separatorMasks[3] = {0xFF0000FF00000000ULL, 0x0000FF0000FF0000ULL,
                                                      0xFF000000FF0000FFULL};
        static constexpr quint64 separatorValues[3] = {0x2D00002D00000000ULL,   // "YYYY-MM-"
                                                       0x00003A0000540000ULL,   // "DDTHH:MM"
                                                       0x5A0000002E00003AULL};  // ":SS.sssZ"
        constexpr quint64 zeros = 0x3030303030303030ULL;
        constexpr quint64 sixes = 0x0606060606060606ULL;
        constexpr quint64 highNibbles = 0xF0F0F0F0F0F0F0F0ULL;
        quint64 bad = 0;
        for (int i = 0; i < 3; ++i) {
            quint64 word;
            std::memcpy(&word, t + 8 * i, sizeof word);
            bad |= (word & separatorMasks[i]) ^ separatorValues[i];
            // '0'-'9' become 0-9; anything else has a high nibble, or reaches one when 6 is added.
            const quint64 digits = (word ^ zeros) & ~separatorMasks[i];
            bad |= (digits & highNibbles) | ((digits + sixes) & highNibbles);
        }
        if (bad != 0) {
            return false;
        }
        const auto two = [t](int at) { return (t[at] - '0') * 10 + (t[at + 1] - '0'); };
        const int year = two(0) * 100 + two(2);
        const int month = two(5);
        const int day = two(8);
        if (year < 1 || month < 1 || month > 12 || day < 1 || two(11) > 23 || two(14) > 59 || two(17) > 59) {
            return false;
        }
        static constexpr int daysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        return day <= daysInMonth[month - 1] + (month == 2 && leap ? 1 : 0);
    }

    bedrock::FormattedDeploymentPage *m_page;
    ByteSink m_text;
    ByteSink m_keys;
    QByteArray m_scratch;
    bool m_formulaEscape;
    const QByteArray *m_sourceRegionCell;
};

} // namespace

DeploymentCsvFormat::DeploymentCsvFormat(CsvOptions options, const QString &sourceRegion)
    : m_options(options)
    , m_sourceRegion(sourceRegion)
{
    appendCsvCell(m_sourceRegionCell, m_sourceRegion, m_options.formulaEscape);
}

bool DeploymentCsvFormat::format(const QByteArray &json, bedrock::FormattedDeploymentPage *page) const
{
    bedrock::FormattedDeploymentPage result;
    CsvRowReader reader(&result, json.size(), m_options.formulaEscape, &m_sourceRegionCell);
    const bool read = bedrock::scanDeploymentPage(json, reader, &result.nextToken);
    reader.finish();
    if (!read) {
        return false;
    }
    *page = std::move(result);
    return true;
}

} // namespace outcrop::exporting
