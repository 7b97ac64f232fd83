// SPDX-License-Identifier: Apache-2.0
#include "export/deploymentcsvformat.h"

#include "bedrock/deploymentpagereader.h"

#include <QDateTime>

#include <algorithm>
#include <cstring>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

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
    // Appends to `bytes`, with room for `capacity` bytes in all to begin with.
    ByteSink(QByteArray *bytes, qsizetype capacity)
        : m_bytes(bytes)
        , m_size(bytes->size())
    {
        m_bytes->resize(std::max(m_size, capacity));
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
    // Appends `cell` unless it holds a comma (then nothing is appended and false returned): the
    // check and the copy in one pass, sixteen bytes at a time (SSE2, all of x86-64), the last
    // ones by an overlapping load and store. A separate search and memcpy call cost more than
    // both for the short cells of a row (a name, an ARN, a status).
    bool appendWithoutComma(QLatin1String cell)
    {
        const char *from = cell.data();
        const qsizetype size = cell.size();
        reserve(size);
        char *to = m_data + m_size;
#ifdef __SSE2__
        if (size >= 16) {
            const __m128i comma = _mm_set1_epi8(',');
            const auto copyBlock = [&comma](const char *source, char *target) {
                const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(source));
                _mm_storeu_si128(reinterpret_cast<__m128i *>(target), bytes);
                return _mm_movemask_epi8(_mm_cmpeq_epi8(bytes, comma)) == 0;
            };
            for (qsizetype i = 0; i + 16 <= size; i += 16) {
                if (!copyBlock(from + i, to + i)) {
                    return false;
                }
            }
            if (!copyBlock(from + size - 16, to + size - 16)) {
                return false;
            }
            m_size += size;
            return true;
        }
#endif
        for (qsizetype i = 0; i < size; ++i) {
            if (from[i] == ',') {
                return false;
            }
            to[i] = from[i];
        }
        m_size += size;
        return true;
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
    qsizetype m_size;
    char *m_data = nullptr;
};

bool startsLikeFormula(char first)
{
    return first == '=' || first == '+' || first == '-' || first == '@';
}

// The rows of a page the reader has checked (bedrock::readRawDeploymentPage): every string
// decodes and every time is valid, so nothing here can fail.
class CsvRowWriter
{
public:
    CsvRowWriter(QByteArray *out, qsizetype expected, bool formulaEscape, const QByteArray *sourceRegionCell)
        : m_text(out, expected)
        , m_formulaEscape(formulaEscape)
        , m_sourceRegionCell(sourceRegionCell)
    {
    }

    void finish() { m_text.finish(); }

    // The cells of CsvWriter::writeRow, in its order. False only for what the reader would have
    // declined.
    bool appendRow(const RawDeploymentRow &row)
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
        if (!appendTimeCell(row, DeploymentField::CreatedAt)) {
            return false;
        }
        m_text.append(',');
        if (row.has(DeploymentField::LastUpdatedAt) && !appendTimeCell(row, DeploymentField::LastUpdatedAt)) {
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
        }
        m_text.append(*m_sourceRegionCell);
        m_text.append("\r\n", 2);
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
        // An ARN without region or account fields gives a default QLatin1String, whose data()
        // is null: memchr on it is undefined even for zero bytes (UBSan, the asan preset).
        if (cell.isEmpty()) {
            return;
        }
        if ((m_formulaEscape && startsLikeFormula(cell.front().toLatin1())) || !m_text.appendWithoutComma(cell)) {
            appendSlowCell(QString(cell));
        }
    }

    bool appendTextCell(const RawJsonString &raw)
    {
        if (raw.plain) {
            appendPlainCell(latin1(raw));
            return true;
        }
        // Decoded straight to UTF-8 and quoted as bytes: through a QString (decode, then
        // appendCsvCell's encoder) this was about half of the formatting's instructions for the
        // few cells that need it (failure messages with quotes, line breaks or non-ASCII text).
        m_decoded.resize(0);
        if (!raw.appendDecodedUtf8(m_decoded)) {
            return false;
        }
        m_scratch.resize(0);
        appendCsvCellUtf8(m_scratch, m_decoded, m_formulaEscape);
        m_text.append(m_scratch);
        return true;
    }

    // Times need no escaping: digits, '-', ':', '.', 'T' and 'Z' only. One the page check found
    // canonical already is copied as it stands.
    bool appendTimeCell(const RawDeploymentRow &row, DeploymentField field)
    {
        const RawJsonString &raw = row.value(field);
        if (row.isCanonicalTime(field) || (raw.plain && bedrock::isCanonicalTime(raw.begin, raw.size))) {
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

    ByteSink m_text;
    QByteArray m_scratch;
    QByteArray m_decoded;   // a cell decoded to UTF-8, before quoting
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

bool DeploymentCsvFormat::appendRows(const bedrock::RawDeploymentPage &page, QByteArray *out) const
{
    // CSV is shorter than the JSON it comes from (no keys, fewer quotes): one allocation.
    CsvRowWriter writer(out, out->size() + page.body.size(), m_options.formulaEscape, &m_sourceRegionCell);
    bool ok = true;
    for (const RawDeploymentRow &row : page.rows) {
        ok = writer.appendRow(row) && ok;
    }
    writer.finish();
    return ok;
}

} // namespace outcrop::exporting
