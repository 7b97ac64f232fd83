// SPDX-License-Identifier: Apache-2.0
#include "bedrock/deploymentpagereader.h"

#include "bedrock/rfc3339.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <iterator>
#include <cstring>
#include <optional>
#include <utility>

namespace outcrop::bedrock {

namespace {

using RawString = RawJsonString;

// Characters the fast path leaves to QJsonDocument, which may treat them its own way: controls
// written as \u escapes, the byte order mark and the Unicode non-characters.
bool isOrdinaryCharacter(char32_t code)
{
    return code >= 0x20 && code != 0xFEFF && (code & 0xFFFE) != 0xFFFE && (code < 0xFDD0 || code > 0xFDEF);
}

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF. -1 when invalid.
int decodeUtf8(const unsigned char *&at, const unsigned char *end)
{
    const unsigned char lead = *at;
    int continuation = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        continuation = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        continuation = 2;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        continuation = 3;
    } else {
        return -1;
    }
    static constexpr char32_t leadBits[] = {0, 0x1F, 0x0F, 0x07};
    static constexpr char32_t smallestCode[] = {0, 0x80, 0x800, 0x10000};   // shorter forms are overlong
    char32_t code = lead & leadBits[continuation];
    const char32_t smallest = smallestCode[continuation];
    if (end - at <= continuation) {
        return -1;
    }
    for (int i = 1; i <= continuation; ++i) {
        if ((at[i] & 0xC0) != 0x80) {
            return -1;
        }
        code = (code << 6) | (at[i] & 0x3F);
    }
    if (code < smallest || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
        return -1;
    }
    at += continuation + 1;
    return int(code);
}

int hexDigit(unsigned char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
        return (c | 0x20) - 'a' + 10;
    }
    return -1;
}

// The first byte at or after `at` that is a backslash or not ASCII (or a control, which the
// tokenizer never lets into a string token), or `end`: the bytes before it stand for themselves.
const char *endOfAsciiRun(const char *at, const char *end)
{
#ifdef __SSE2__
    // A signed compare below 0x20 catches the controls and every byte from 0x80 alike.
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i space = _mm_set1_epi8(0x20);
    while (end - at >= 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(at));
        const int stops = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(bytes, backslash), _mm_cmplt_epi8(bytes, space)));
        if (stops != 0) {
            return at + __builtin_ctz(unsigned(stops));
        }
        at += 16;
    }
#endif
    while (at < end && *at != '\\' && static_cast<unsigned char>(*at) >= 0x20 && static_cast<unsigned char>(*at) < 0x80) {
        ++at;
    }
    return at;
}

// Where decoded text goes: into a QString, or nowhere when a page is only checked (the export's
// direct path checks every escaped string but writes its CSV from the bytes later: building the
// QString was a fifth of the page checking; docs/benchmarks.md).
class QStringSink
{
public:
    explicit QStringSink(qsizetype size) { m_text.reserve(size); }
    void appendAscii(const char *begin, qsizetype size) { m_text.append(QLatin1String(begin, size)); }
    void append(QChar c) { m_text += c; }
    QString take() { return std::move(m_text); }

private:
    QString m_text;
};

class DiscardingSink
{
public:
    void appendAscii(const char *, qsizetype) {}
    void append(QChar) {}
};

// Into UTF-8 bytes, for the export's CSV: the same characters as QStringSink, without the round
// trip through UTF-16. Surrogates arrive only in pairs (decodeEscapedText refuses escaped ones
// and splits a raw character beyond the BMP into its two halves).
class Utf8Sink
{
public:
    explicit Utf8Sink(QByteArray &out)
        : m_out(out)
    {
    }
    void appendAscii(const char *begin, qsizetype size) { m_out.append(begin, size); }
    void append(QChar c)
    {
        const char16_t u = c.unicode();
        if (QChar::isHighSurrogate(u)) {
            m_high = u;
            return;
        }
        char32_t code = u;
        if (QChar::isLowSurrogate(u)) {
            code = QChar::surrogateToUcs4(m_high, u);
        }
        char bytes[4];
        int size = 0;
        if (code < 0x80) {
            bytes[size++] = char(code);
        } else if (code < 0x800) {
            bytes[size++] = char(0xC0 | (code >> 6));
            bytes[size++] = char(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            bytes[size++] = char(0xE0 | (code >> 12));
            bytes[size++] = char(0x80 | ((code >> 6) & 0x3F));
            bytes[size++] = char(0x80 | (code & 0x3F));
        } else {
            bytes[size++] = char(0xF0 | (code >> 18));
            bytes[size++] = char(0x80 | ((code >> 12) & 0x3F));
            bytes[size++] = char(0x80 | ((code >> 6) & 0x3F));
            bytes[size++] = char(0x80 | (code & 0x3F));
        }
        m_out.append(bytes, size);
    }

private:
    QByteArray &m_out;
    char16_t m_high = 0;
};

// Decodes the bytes of a string token into `sink`; false for escapes and characters left to
// QJsonDocument. One function for both sinks, so that checking and decoding cannot disagree.
template <typename Sink>
bool decodeEscapedText(const char *begin, qsizetype size, Sink &sink)
{
    const auto *at = reinterpret_cast<const unsigned char *>(begin);
    const auto *end = at + size;
    while (at < end) {
        const auto *runEnd = reinterpret_cast<const unsigned char *>(
            endOfAsciiRun(reinterpret_cast<const char *>(at), reinterpret_cast<const char *>(end)));
        if (runEnd != at) {
            sink.appendAscii(reinterpret_cast<const char *>(at), runEnd - at);
            at = runEnd;
            continue;
        }
        const unsigned char c = *at;
        if (c < 0x80 && c != '\\') {
            sink.append(QLatin1Char(char(c)));   // a control: not in a token the tokenizer made
            ++at;
            continue;
        }
        if (c >= 0x80) {
            const int code = decodeUtf8(at, end);
            if (code < 0 || !isOrdinaryCharacter(char32_t(code))) {
                return false;
            }
            if (QChar::requiresSurrogates(char32_t(code))) {
                sink.append(QChar(QChar::highSurrogate(char32_t(code))));
                sink.append(QChar(QChar::lowSurrogate(char32_t(code))));
            } else {
                sink.append(QChar(char16_t(code)));
            }
            continue;
        }
        ++at;   // the tokenizer saw to it that a character follows a backslash
        switch (*at++) {
        case '"': sink.append(QLatin1Char('"')); break;
        case '\\': sink.append(QLatin1Char('\\')); break;
        case '/': sink.append(QLatin1Char('/')); break;
        case 'b': sink.append(QLatin1Char('\b')); break;
        case 'f': sink.append(QLatin1Char('\f')); break;
        case 'n': sink.append(QLatin1Char('\n')); break;
        case 'r': sink.append(QLatin1Char('\r')); break;
        case 't': sink.append(QLatin1Char('\t')); break;
        case 'u': {
            if (end - at < 4) {
                return false;
            }
            int code = 0;
            for (int i = 0; i < 4; ++i) {
                const int digit = hexDigit(at[i]);
                if (digit < 0) {
                    return false;
                }
                code = code * 16 + digit;
            }
            at += 4;
            if (QChar::isSurrogate(char32_t(code)) || !isOrdinaryCharacter(char32_t(code))) {
                return false;
            }
            sink.append(QChar(char16_t(code)));
            break;
        }
        default:
            return false;
        }
    }
    return true;
}

// The value of a string token; nullopt for escapes and characters left to QJsonDocument.
std::optional<QString> decodeRawString(const RawString &raw)
{
    if (raw.plain) {
        return QString::fromLatin1(raw.begin, raw.size);
    }
    QStringSink sink(raw.size);
    if (!decodeEscapedText(raw.begin, raw.size, sink)) {
        return std::nullopt;
    }
    return sink.take();
}

using Field = DeploymentField;
constexpr int FieldCount = int(DeploymentField::Count);

// The wire names of the fields, in the order of DeploymentField.
constexpr QLatin1String fieldNames[FieldCount] = {
    QLatin1String("customModelDeploymentArn"), QLatin1String("customModelDeploymentName"), QLatin1String("modelArn"),
    QLatin1String("createdAt"), QLatin1String("status"), QLatin1String("lastUpdatedAt"), QLatin1String("failureMessage"),
};

#ifdef __SSE2__
// A row's key with its quotes and colon as the service writes it (`"status":`), padded to 32
// bytes, and a bit per byte of the pattern: Cursor::consumeKey compares it 16 bytes at a time.
struct KeyPattern
{
    alignas(16) char bytes[32] = {};
    quint32 mask = 0;
    qsizetype size = 0;
};

constexpr KeyPattern keyPatternOf(QLatin1String name)
{
    KeyPattern pattern;
    pattern.size = name.size() + 3;
    pattern.bytes[0] = '"';
    for (qsizetype i = 0; i < name.size(); ++i) {
        pattern.bytes[i + 1] = name.data()[i];
    }
    pattern.bytes[name.size() + 1] = '"';
    pattern.bytes[name.size() + 2] = ':';
    pattern.mask = pattern.size >= 32 ? ~quint32(0) : (quint32(1) << pattern.size) - 1;
    return pattern;
}

template <std::size_t... fields>
constexpr std::array<KeyPattern, FieldCount> keyPatternsOf(std::index_sequence<fields...>)
{
    return {keyPatternOf(fieldNames[fields])...};
}

constexpr std::array<KeyPattern, FieldCount> keyPatterns = keyPatternsOf(std::make_index_sequence<FieldCount>());
constexpr bool keyPatternsFit()
{
    for (const QLatin1String name : fieldNames) {
        if (name.size() + 3 > 32) {
            return false;
        }
    }
    return true;
}
static_assert(keyPatternsFit(), "a key pattern must fit in 32 bytes");
#endif

// A forward-only tokenizer over the page's bytes. Every method returns false on what it does not
// expect; the reader then gives the page up to QJsonDocument.
class Cursor
{
public:
    Cursor(const char *begin, const char *end)
        : m_at(begin)
        , m_end(end)
    {
    }

    bool atEnd()
    {
        skipWhiteSpace();
        return m_at == m_end;
    }

    bool consume(char c)
    {
        skipWhiteSpace();
        if (m_at < m_end && *m_at == c) {
            ++m_at;
            return true;
        }
        return false;
    }

    bool consumeWord(const char *word, qsizetype size)
    {
        skipWhiteSpace();
        if (m_end - m_at >= size && std::memcmp(m_at, word, size) == 0) {
            m_at += size;
            return true;
        }
        return false;
    }

    // A null where a string may be stands for an absent field, as QJsonValue::isNull in the checked path.
    bool consumeNull()
    {
        skipWhiteSpace();
        return m_at < m_end && *m_at == 'n' && consumeWord("null", 4);
    }

    // The key of `field` followed by its colon, when it is exactly that (no escapes, which would
    // make it a key this reader leaves to QJsonDocument anyway); false and nothing consumed
    // otherwise. Rows come with their keys in one order, so guessing the next key and checking
    // it here skips reading the key as a string and looking it up (docs/benchmarks.md).
    bool consumeKey(int field)
    {
        skipWhiteSpace();
#ifdef __SSE2__
        // `"name":` as the service writes it, compared sixteen bytes at a time with a pattern.
        const KeyPattern &pattern = keyPatterns[field];
        if (m_end - m_at >= qsizetype(sizeof pattern.bytes)) {
            const auto *bytes = reinterpret_cast<const __m128i *>(m_at);
            const auto *expected = reinterpret_cast<const __m128i *>(pattern.bytes);
            const unsigned equal = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(bytes), _mm_load_si128(expected))))
                | unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128(bytes + 1), _mm_load_si128(expected + 1)))) << 16;
            if ((~equal & pattern.mask) == 0) {
                m_at += pattern.size;
                return true;
            }
        }
#endif
        const QLatin1String name = fieldNames[field];
        const qsizetype size = name.size();
        if (m_end - m_at < size + 2 || m_at[0] != '"' || m_at[size + 1] != '"'
            || std::memcmp(m_at + 1, name.data(), size_t(size)) != 0) {
            return false;
        }
        const char *key = m_at;
        m_at += size + 2;
        if (consume(':')) {
            return true;
        }
        // Nothing consumed after all: the caller reads the key again as a string and declines
        // the page. Left past the key, it took the next string for the key and accepted
        // {"createdAt""createdAt": ...}, which is not JSON (found by tests/fuzz/fuzz_deploymentpage).
        m_at = key;
        return false;
    }

    bool readString(RawString *raw)
    {
        return consume('"') && readStringAfterQuote(raw);
    }

    // The next token after white space begins with `c` (nothing consumed).
    bool nextIs(char c)
    {
        skipWhiteSpace();
        return m_at < m_end && *m_at == c;
    }

    // The rest of a string token whose opening quote m_at points at.
    bool readStringAt(RawString *raw)
    {
        ++m_at;
        return readStringAfterQuote(raw);
    }

    // Skips a value of a field this reader does not use, checking it as a JSON parser would.
    // Numbers are left to QJsonDocument (its range and precision rules are its own).
    bool skipValue(int depth = 0)
    {
        constexpr int maximumDepth = 32;
        skipWhiteSpace();
        if (m_at == m_end || depth > maximumDepth) {
            return false;
        }
        switch (*m_at) {
        case '"': {
            RawString raw;
            return readString(&raw) && raw.isDecodable();
        }
        case '{':
            ++m_at;
            if (consume('}')) {
                return true;
            }
            do {
                RawString key;
                if (!readString(&key) || !key.isDecodable() || !consume(':') || !skipValue(depth + 1)) {
                    return false;
                }
            } while (consume(','));
            return consume('}');
        case '[':
            ++m_at;
            if (consume(']')) {
                return true;
            }
            do {
                if (!skipValue(depth + 1)) {
                    return false;
                }
            } while (consume(','));
            return consume(']');
        case 't':
            return consumeWord("true", 4);
        case 'f':
            return consumeWord("false", 5);
        case 'n':
            return consumeNull();
        default:
            return false;
        }
    }

private:
    // The bytes of a string up to its closing quote. Sixteen bytes at a time (SSE2, all of
    // x86-64) while none of them is a quote, a backslash or a control, straight to the byte that
    // stops; bytes from 0x80 on pass in the same blocks (they only make the string not `plain`;
    // RawJsonString::decode checks their UTF-8). The last bytes of a page, and targets without
    // SSE2, go eight bytes at a time, then byte by byte.
    bool readStringAfterQuote(RawString *raw)
    {
        const char *begin = m_at;
        bool plain = true;
#ifdef __SSE2__
        const __m128i quote = _mm_set1_epi8('"');
        const __m128i backslash = _mm_set1_epi8('\\');
        const __m128i space = _mm_set1_epi8(0x20);
        unsigned nonAscii = 0;
#endif
        for (;;) {
#ifdef __SSE2__
            if (m_end - m_at >= 16) {
                const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(m_at));
                const unsigned high = unsigned(_mm_movemask_epi8(bytes));
                // A signed compare below 0x20 catches the controls and every byte from 0x80 alike.
                const unsigned low = unsigned(_mm_movemask_epi8(_mm_cmplt_epi8(bytes, space)));
                const unsigned stops =
                    unsigned(_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash))))
                    | (low & ~high);
                if (stops == 0) {
                    nonAscii |= high;
                    m_at += 16;
                    continue;
                }
                const int offset = __builtin_ctz(stops);
                nonAscii |= high & ((1U << offset) - 1);
                m_at += offset;
            } else {
                skipOrdinaryBytes();
            }
#else
            skipOrdinaryBytes();
#endif
            if (m_at == m_end) {
                return false;
            }
            const auto c = static_cast<unsigned char>(*m_at);
            if (c == '"') {
#ifdef __SSE2__
                plain = plain && nonAscii == 0;
#endif
                *raw = RawString{begin, m_at - begin, plain};
                ++m_at;
                return true;
            }
            if (c == '\\') {
                if (m_end - m_at < 2) {
                    return false;
                }
                plain = false;
                m_at += 2;
                continue;
            }
            if (c < 0x20) {
                return false;
            }
            plain = plain && c < 0x80;
            ++m_at;
        }
    }

    // Skips eight bytes at a time while none of them is a quote, a backslash, a control or a
    // non-ASCII byte (the bit tricks of "Bit Twiddling Hacks", "determine if a word has a byte
    // less than n"): most of a page is plain ASCII inside strings.
    void skipOrdinaryBytes()
    {
        constexpr quint64 ones = 0x0101010101010101ULL;
        constexpr quint64 highBits = 0x8080808080808080ULL;
        const auto hasByteBelow = [](quint64 word, unsigned n) { return (word - ones * n) & ~word & highBits; };
        while (m_end - m_at >= 8) {
            quint64 word;
            std::memcpy(&word, m_at, sizeof word);
            if (hasByteBelow(word ^ (ones * '"'), 1) | hasByteBelow(word ^ (ones * '\\'), 1) | hasByteBelow(word, 0x20)
                | (word & highBits)) {
                return;
            }
            m_at += 8;
        }
    }

    // JSON's white space (RFC 8259 §2), the same four QJsonDocument skips.
    void skipWhiteSpace()
    {
        if (m_at < m_end && static_cast<unsigned char>(*m_at) > ' ') {
            return;   // the common case, in a page without white space
        }
        while (m_at < m_end && (*m_at == ' ' || *m_at == '\n' || *m_at == '\r' || *m_at == '\t')) {
            ++m_at;
        }
    }

    const char *m_at;
    const char *m_end;
};

int fieldOf(const RawString &key)
{
    for (int field = 0; field < FieldCount; ++field) {
        if (key.is(fieldNames[field])) {
            return field;
        }
    }
    return -1;
}

// Statuses take a handful of values: rows share one QString per value instead of each holding
// its own copy (an allocation per row less, and less memory for a long list).
class StatusStrings
{
public:
    bool read(const RawString &raw, QString *text)
    {
        if (raw.plain) {
            const QByteArrayView bytes(raw.begin, raw.size);
            for (const Entry &entry : m_entries) {
                if (entry.bytes == bytes) {
                    *text = entry.text;
                    return true;
                }
            }
        }
        std::optional<QString> value = raw.decode();
        if (!value) {
            return false;
        }
        if (raw.plain && m_entries.size() < maximumEntries) {
            m_entries.append({QByteArray(raw.begin, raw.size), *value});
        }
        *text = std::move(*value);
        return true;
    }

private:
    static constexpr qsizetype maximumEntries = 8;
    struct Entry
    {
        QByteArray bytes;
        QString text;
    };
    QList<Entry> m_entries;
};

// One row's fields as they stand in the JSON: the checks every reader shares (an object, no
// duplicate keys, strings or null where strings belong, the required fields present).
bool scanRow(Cursor &cursor, RawDeploymentRow *row)
{
    if (!cursor.consume('{')) {
        return false;
    }
    bool seen[FieldCount] = {};
    int expected = 0;   // the field that usually comes next
    if (!cursor.consume('}')) {
        do {
            int field;
            if (expected < FieldCount && cursor.consumeKey(expected)) {
                field = expected;
            } else {
                RawString key;
                if (!cursor.readString(&key) || !key.plain || !cursor.consume(':')) {
                    return false;
                }
                field = fieldOf(key);
            }
            expected = field + 1;
            if (field < 0) {
                if (!cursor.skipValue()) {
                    return false;
                }
                continue;
            }
            // Which of two equal keys QJsonDocument keeps is its business.
            if (seen[field]) {
                return false;
            }
            seen[field] = true;
            if (cursor.nextIs('"')) {
                if (!cursor.readStringAt(&row->values[field])) {
                    return false;
                }
                row->present[field] = true;
            } else if (!cursor.consumeNull()) {
                return false;   // a number, list or object where a string belongs
            }
        } while (cursor.consume(','));
        if (!cursor.consume('}')) {
            return false;
        }
    }
    for (const Field required : {Field::Arn, Field::Name, Field::ModelArn, Field::CreatedAt, Field::Status}) {
        if (!row->present[int(required)]) {
            return false;
        }
    }
    return true;
}

bool scanRows(Cursor &cursor, RawDeploymentRowReader &reader)
{
    if (cursor.consumeNull()) {
        return true;
    }
    if (!cursor.consume('[')) {
        return false;
    }
    if (cursor.consume(']')) {
        return true;
    }
    do {
        RawDeploymentRow row;
        if (!scanRow(cursor, &row) || !reader.readRow(row)) {
            return false;
        }
    } while (cursor.consume(','));
    return cursor.consume(']');
}

bool readText(const RawString &raw, QString *text)
{
    std::optional<QString> value = raw.decode();
    if (!value) {
        return false;
    }
    *text = std::move(*value);
    return true;
}

// The reader of readDeploymentPageFast: DeploymentSummary rows.
class SummaryReader final : public RawDeploymentRowReader
{
public:
    explicit SummaryReader(QList<DeploymentSummary> *rows)
        : m_rows(rows)
    {
    }

    bool readRow(const RawDeploymentRow &raw) override
    {
        DeploymentSummary row;
        const auto value = [&raw](Field field) -> const RawString & { return raw.values[int(field)]; };
        const auto present = [&raw](Field field) { return raw.present[int(field)]; };
        if (!readText(value(Field::Arn), &row.arn) || !readText(value(Field::Name), &row.name)
            || !readText(value(Field::ModelArn), &row.modelArn) || !m_statuses.read(value(Field::Status), &row.statusText)
            || !readDeploymentTime(value(Field::CreatedAt), &row.createdAt)) {
            return false;
        }
        if ((present(Field::LastUpdatedAt) && !readDeploymentTime(value(Field::LastUpdatedAt), &row.lastUpdatedAt))
            || (present(Field::FailureMessage) && !readText(value(Field::FailureMessage), &row.failureMessage))) {
            return false;
        }
        row.status = deploymentStatusFromText(row.statusText);
        m_rows->append(std::move(row));
        return true;
    }

private:
    QList<DeploymentSummary> *m_rows;
    StatusStrings m_statuses;
};

} // namespace

std::optional<QString> RawJsonString::decode() const
{
    return decodeRawString(*this);
}

bool RawJsonString::isDecodable() const
{
    DiscardingSink sink;
    return plain || decodeEscapedText(begin, size, sink);
}

bool RawJsonString::appendDecodedUtf8(QByteArray &out) const
{
    if (plain) {
        out.append(begin, size);
        return true;
    }
    const qsizetype before = out.size();
    Utf8Sink sink(out);
    if (!decodeEscapedText(begin, size, sink)) {
        out.resize(before);
        return false;
    }
    return true;
}

// As the checked path: an empty string is no time (and no error), anything else must be RFC 3339.
bool readDeploymentTime(const RawJsonString &raw, QDateTime *time)
{
    if (raw.size == 0) {
        return true;
    }
    if (raw.plain) {
        if (const std::optional<QDateTime> parsed = parseRfc3339Fast(raw.begin, raw.size, Rfc3339Shape::Reply)) {
            *time = *parsed;
            return true;
        }
    }
    const std::optional<QString> text = raw.decode();
    if (!text) {
        return false;
    }
    *time = BedrockJson::parseTimestamp(*text);
    return time->isValid();
}

bool scanDeploymentPage(const QByteArray &json, RawDeploymentRowReader &reader, QString *nextToken)
{
    Cursor cursor(json.constData(), json.constData() + json.size());
    if (!cursor.consume('{')) {
        return false;
    }
    QString token;
    bool seenRows = false;
    bool seenToken = false;
    if (!cursor.consume('}')) {
        do {
            RawString key;
            if (!cursor.readString(&key) || !key.plain || !cursor.consume(':')) {
                return false;
            }
            if (key.is(QLatin1String("modelDeploymentSummaries"))) {
                if (seenRows || !scanRows(cursor, reader)) {
                    return false;
                }
                seenRows = true;
            } else if (key.is(QLatin1String("nextToken"))) {
                RawString raw;
                if (seenToken || (!cursor.consumeNull() && (!cursor.readString(&raw) || !readText(raw, &token)))) {
                    return false;
                }
                seenToken = true;
            } else if (!cursor.skipValue()) {
                return false;
            }
        } while (cursor.consume(','));
        if (!cursor.consume('}')) {
            return false;
        }
    }
    if (!cursor.atEnd()) {
        return false;   // QJsonDocument's "garbage at the end of the document"
    }
    *nextToken = std::move(token);
    return true;
}

// Checked sixteen bytes at a time (SSE2; eight bytes at a time elsewhere): a byte-by-byte check
// of every time was 9 % of the export's direct path (docs/benchmarks.md).
bool isCanonicalTime(const char *t, qsizetype size)
{
    if (size != 24) {
        return false;
    }
#ifdef __SSE2__
    // All 24 bytes in two registers (the second holds bytes 16-23 and eight zero bytes): each
    // byte is either the separator of its place or a digit.
    const __m128i first = _mm_loadu_si128(reinterpret_cast<const __m128i *>(t));
    const __m128i last = _mm_loadl_epi64(reinterpret_cast<const __m128i *>(t + 16));
    const auto separatorsAndDigits = [](__m128i bytes, __m128i separatorPlaces, __m128i separators) {
        const __m128i digits = _mm_and_si128(_mm_cmpgt_epi8(bytes, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(bytes, _mm_set1_epi8('9' + 1)));
        return _mm_movemask_epi8(_mm_or_si128(_mm_and_si128(separatorPlaces, _mm_cmpeq_epi8(bytes, separators)),
                                              _mm_andnot_si128(separatorPlaces, digits)));
    };
    // "YYYY-MM-DDTHH:MM" and ":SS.sssZ" followed by the eight zero bytes (separators too).
    const __m128i firstPlaces = _mm_setr_epi8(0, 0, 0, 0, -1, 0, 0, -1, 0, 0, -1, 0, 0, -1, 0, 0);
    const __m128i firstSeparators = _mm_setr_epi8(0, 0, 0, 0, '-', 0, 0, '-', 0, 0, 'T', 0, 0, ':', 0, 0);
    const __m128i lastPlaces = _mm_setr_epi8(-1, 0, 0, -1, 0, 0, 0, -1, -1, -1, -1, -1, -1, -1, -1, -1);
    const __m128i lastSeparators = _mm_setr_epi8(':', 0, 0, '.', 0, 0, 0, 'Z', 0, 0, 0, 0, 0, 0, 0, 0);
    if ((separatorsAndDigits(first, firstPlaces, firstSeparators) & separatorsAndDigits(last, lastPlaces, lastSeparators)) != 0xFFFF) {
        return false;
    }
#else
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
#endif
    // Every byte is in place: the ranges. Hours, minutes and seconds are checked on their
    // characters, and the year only where it matters (year 0, 29 February).
    const auto two = [t](int at) { return (t[at] - '0') * 10 + (t[at + 1] - '0'); };
    const int month = two(5);
    const int day = two(8);
    if (month < 1 || month > 12 || day < 1 || t[11] > '2' || (t[11] == '2' && t[12] > '3') || t[14] > '5' || t[17] > '5') {
        return false;
    }
    static constexpr int daysInMonth[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (day > daysInMonth[month - 1]) {
        return false;
    }
    const bool yearZero = t[0] == '0' && t[1] == '0' && t[2] == '0' && t[3] == '0';
    if (month == 2 && day == 29) {
        const int year = two(0) * 100 + two(2);
        return !yearZero && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }
    return !yearZero;
}

namespace {
bool isReadableTime(const RawJsonString &value)
{
    QDateTime time;
    return readDeploymentTime(value, &time);
}

// The reader of readRawDeploymentPage: checks what SummaryReader would convert, keeps the rows.
class RawRowChecker final : public RawDeploymentRowReader
{
public:
    explicit RawRowChecker(QList<RawDeploymentRow> *rows)
        : m_rows(rows)
    {
    }

    // The row is kept first and checked in place (one copy, flags set where they are kept): a
    // row that fails declines the whole page, whose rows are then dropped anyway.
    bool readRow(const RawDeploymentRow &row) override
    {
        RawDeploymentRow &kept = m_rows->emplace_back(row);
        for (int field = 0; field < FieldCount; ++field) {
            if (!kept.present[field]) {
                continue;
            }
            const RawJsonString &value = kept.values[field];
            if (field == int(Field::CreatedAt) || field == int(Field::LastUpdatedAt)) {
                kept.canonicalTime[field] = value.plain && isCanonicalTime(value.begin, value.size);
                if (!kept.canonicalTime[field] && !isReadableTime(value)) {
                    return false;
                }
            } else if (!value.plain && !value.isDecodable()) {
                return false;
            }
        }
        return true;
    }

private:
    QList<RawDeploymentRow> *m_rows;
};
} // namespace

bool readRawDeploymentPage(const QByteArray &json, RawDeploymentPage *page)
{
    RawDeploymentPage result;
    result.body = json;
    result.rows.reserve(json.size() / 256);   // a row takes 350 bytes or so: one allocation
    RawRowChecker checker(&result.rows);
    if (!scanDeploymentPage(json, checker, &result.nextToken)) {
        return false;
    }
    *page = std::move(result);
    return true;
}

bool readDeploymentPageFast(const QByteArray &json, DeploymentPage *page)
{
    DeploymentPage result;
    SummaryReader reader(&result.deployments);
    if (!scanDeploymentPage(json, reader, &result.nextToken)) {
        return false;
    }
    *page = std::move(result);
    return true;
}

QString nextTokenFromPageTail(QByteArrayView json)
{
    constexpr QByteArrayView key = "\"nextToken\":\"";
    qsizetype end = json.size();
    while (end > 0 && (json.at(end - 1) == ' ' || json.at(end - 1) == '\n' || json.at(end - 1) == '\r'
                       || json.at(end - 1) == '\t')) {
        --end;
    }
    if (end < 2 || json.at(end - 1) != '}' || json.at(end - 2) != '"') {
        return {};
    }
    const qsizetype tokenEnd = end - 2;
    qsizetype tokenStart = tokenEnd;
    while (tokenStart > 0 && json.at(tokenStart - 1) != '"') {
        const char c = json.at(tokenStart - 1);
        if (c == '\\' || quint8(c) < 0x20) {
            return {};
        }
        --tokenStart;
    }
    if (tokenStart == tokenEnd || tokenStart < key.size() + 1
        || json.sliced(tokenStart - key.size(), key.size()) != key) {
        return {};
    }
    const char before = json.at(tokenStart - key.size() - 1);
    if (before != ',' && before != '{') {
        return {};
    }
    return QString::fromUtf8(json.sliced(tokenStart, tokenEnd - tokenStart));
}

} // namespace outcrop::bedrock
