// SPDX-License-Identifier: Apache-2.0
#include "export/deploymentcsvformat.h"

#include "bedrock/arnset.h"
#include "bedrock/deploymentpagereader.h"

#include <QDateTime>

#include <cstring>

namespace outcrop::exporting {

using bedrock::DeploymentField;
using bedrock::RawDeploymentRow;
using bedrock::RawJsonString;

namespace {

// A plain string is printable ASCII without escapes (so no quote, CR or LF): its bytes are the
// cell unless it holds a comma or, with formula escaping, starts like a formula. Those few go
// through appendCsvCell, which writes the same bytes the row path would.
void appendPlainCell(QByteArray &out, QLatin1String cell, bool formulaEscape)
{
    const bool formulaStart = formulaEscape && !cell.isEmpty()
        && (cell.front() == QLatin1Char('=') || cell.front() == QLatin1Char('+') || cell.front() == QLatin1Char('-')
            || cell.front() == QLatin1Char('@'));
    if (formulaStart || std::memchr(cell.data(), ',', size_t(cell.size())) != nullptr) {
        appendCsvCell(out, QString(cell), formulaEscape);
        return;
    }
    out.append(cell.data(), cell.size());
}

QLatin1String latin1(const RawJsonString &raw)
{
    return QLatin1String(raw.begin, raw.size);
}

bool appendTextCell(QByteArray &out, const RawJsonString &raw, bool formulaEscape)
{
    if (raw.plain) {
        appendPlainCell(out, latin1(raw), formulaEscape);
        return true;
    }
    const std::optional<QString> text = raw.decode();
    if (!text) {
        return false;
    }
    appendCsvCell(out, *text, formulaEscape);
    return true;
}

bool isDigits(const char *text, int count)
{
    for (int i = 0; i < count; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return false;
        }
    }
    return true;
}

int number(const char *text, int count)
{
    int value = 0;
    for (int i = 0; i < count; ++i) {
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

// True for a time in exactly the form the CSV writes, "YYYY-MM-DDTHH:MM:SS.sssZ" (upper-case T
// and Z, three fraction digits, a real date from year 1 in the proleptic Gregorian calendar as
// QDate, hours 00-23, no leap second): parsing it and formatting it again would give back the
// same 24 bytes.
bool isCsvTimeShape(const char *t, qsizetype size)
{
    if (size != 24 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' || t[16] != ':' || t[19] != '.'
        || t[23] != 'Z' || !isDigits(t, 4) || !isDigits(t + 5, 2) || !isDigits(t + 8, 2) || !isDigits(t + 11, 2)
        || !isDigits(t + 14, 2) || !isDigits(t + 17, 2) || !isDigits(t + 20, 3)) {
        return false;
    }
    const int year = number(t, 4);
    const int month = number(t + 5, 2);
    const int day = number(t + 8, 2);
    if (year < 1 || month < 1 || month > 12 || day < 1 || number(t + 11, 2) > 23 || number(t + 14, 2) > 59
        || number(t + 17, 2) > 59) {
        return false;
    }
    static constexpr int daysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    return day <= daysInMonth[month - 1] + (month == 2 && leap ? 1 : 0);
}

// Times need no escaping: digits, '-', ':', '.', 'T' and 'Z' only.
bool appendTimeCell(QByteArray &out, const RawJsonString &raw)
{
    if (raw.plain && isCsvTimeShape(raw.begin, raw.size)) {
        out.append(raw.begin, raw.size);
        return true;
    }
    QDateTime time;
    if (!bedrock::readDeploymentTime(raw, &time)) {
        return false;
    }
    appendCsvTime(out, time);
    return true;
}

class CsvRowReader final : public bedrock::RawDeploymentRowReader
{
public:
    CsvRowReader(bedrock::FormattedDeploymentPage *page, bool formulaEscape, const QByteArray *sourceRegionCell)
        : m_page(page)
        , m_formulaEscape(formulaEscape)
        , m_sourceRegionCell(sourceRegionCell)
    {
    }

    // The cells of CsvWriter::writeRow, in its order.
    bool readRow(const RawDeploymentRow &row) override
    {
        QByteArray &out = m_page->text;
        const RawJsonString &arn = row.value(DeploymentField::Arn);
        std::optional<QString> decodedArn;
        if (!arn.plain && !(decodedArn = arn.decode())) {
            return false;
        }
        if (!appendTextCell(out, row.value(DeploymentField::Name), m_formulaEscape)) {
            return false;
        }
        out += ',';
        appendTextCell(out, arn, m_formulaEscape);
        out += ',';
        if (!appendTextCell(out, row.value(DeploymentField::ModelArn), m_formulaEscape)) {
            return false;
        }
        // The status as the service sent it; an empty one is an empty cell, as writeRow's
        // deploymentStatusWireValue(Unknown).
        out += ',';
        if (!appendTextCell(out, row.value(DeploymentField::Status), m_formulaEscape)) {
            return false;
        }
        out += ',';
        if (!appendTimeCell(out, row.value(DeploymentField::CreatedAt))) {
            return false;
        }
        out += ',';
        if (row.has(DeploymentField::LastUpdatedAt) && !appendTimeCell(out, row.value(DeploymentField::LastUpdatedAt))) {
            return false;
        }
        out += ',';
        if (row.has(DeploymentField::FailureMessage)
            && !appendTextCell(out, row.value(DeploymentField::FailureMessage), m_formulaEscape)) {
            return false;
        }
        if (decodedArn) {
            QStringView region;
            QStringView account;
            splitArnRegionAndAccount(QStringView(*decodedArn), &region, &account);
            out += ',';
            appendCsvCell(out, account, m_formulaEscape);
            out += ',';
            if (m_sourceRegionCell->isEmpty()) {
                appendCsvCell(out, region, m_formulaEscape);
            }
            bedrock::ArnSet::appendKey(m_page->keys, *decodedArn);
        } else {
            QLatin1String region;
            QLatin1String account;
            splitArnRegionAndAccount(latin1(arn), &region, &account);
            out += ',';
            appendPlainCell(out, account, m_formulaEscape);
            out += ',';
            if (m_sourceRegionCell->isEmpty()) {
                appendPlainCell(out, region, m_formulaEscape);
            }
            m_page->keys.append(arn.begin, arn.size);   // plain ASCII: its own UTF-8
        }
        out += *m_sourceRegionCell;
        out += "\r\n";
        m_page->rows.append({out.size(), m_page->keys.size()});
        return true;
    }

private:
    bedrock::FormattedDeploymentPage *m_page;
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
    // A page is about as long in CSV as in JSON, minus the keys: one allocation for most pages.
    result.text.reserve(json.size());
    CsvRowReader reader(&result, m_options.formulaEscape, &m_sourceRegionCell);
    if (!bedrock::scanDeploymentPage(json, reader, &result.nextToken)) {
        return false;
    }
    *page = std::move(result);
    return true;
}

} // namespace outcrop::exporting
