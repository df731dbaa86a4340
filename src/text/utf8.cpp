#include "text/utf8.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/utf8.h>

#include <fmt/format.h>

namespace gazette::text {

namespace {

// Why the sequence starting at `s[i]` is ill-formed (called only once ICU said it is).
std::string describe_bad_sequence(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char lead = b(i);
  if (lead >= 0x80 && lead <= 0xBF) return "unexpected continuation byte";
  if (lead == 0xC0 || lead == 0xC1) return "overlong encoding";
  if (lead >= 0xF5) return "byte that never appears in UTF-8";
  size_t need = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  if (need >= 3 && i + 1 < s.size()) {
    unsigned char second = b(i + 1);
    if (lead == 0xE0 && second < 0xA0 && second >= 0x80) return "overlong encoding";
    if (lead == 0xF0 && second < 0x90 && second >= 0x80) return "overlong encoding";
    if (lead == 0xED && second >= 0xA0 && second <= 0xBF) return "surrogate code point";
    if (lead == 0xF4 && second >= 0x90 && second <= 0xBF) return "code point above U+10FFFF";
  }
  for (size_t k = 1; k < need; ++k) {
    if (i + k >= s.size()) return "truncated sequence at end of input";
    if ((b(i + k) & 0xC0) != 0x80) return "truncated sequence";
  }
  return "ill-formed sequence";
}

}  // namespace

std::optional<Utf8Problem> find_invalid_utf8(std::string_view s) {
  int line = 1;
  int column = 1;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  // Files over 2 GiB are split by callers long before this; guard the int32 ICU interface.
  if (s.size() > static_cast<size_t>(INT32_MAX)) {
    return Utf8Problem{0, 1, 1, "file too large (over 2 GiB)"};
  }
  int32_t i = 0;
  while (i < n) {
    // ASCII fast path.
    if (p[i] < 0x80) {
      if (p[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
      ++i;
      continue;
    }
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      return Utf8Problem{
          static_cast<size_t>(start), line, column,
          "invalid UTF-8 (" + describe_bad_sequence(s, static_cast<size_t>(start)) + ")"};
    }
    ++column;
  }
  return std::nullopt;
}

std::string_view strip_bom(std::string_view text) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text;
}

std::string normalize_newlines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += c;
    }
  }
  return out;
}

std::string to_nfc(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || text.size() > static_cast<size_t>(INT32_MAX)) return std::string(text);
  icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (nfc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return std::string(text);
  status = U_ZERO_ERROR;
  std::string out;
  out.reserve(text.size());
  icu::StringByteSink<std::string> sink(&out);
  nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  if (U_FAILURE(status)) return std::string(text);
  return out;
}

Result<std::string> decode_text(std::string_view bytes, std::string_view path) {
  if (auto bad = find_invalid_utf8(bytes)) {
    Error e = error_at(path, bytes.substr(0, bad->offset), bad->line, bad->column, bad->message);
    return e;
  }
  std::string_view body = strip_bom(bytes);
  if (body.find('\r') != std::string_view::npos) return to_nfc(normalize_newlines(body));
  return to_nfc(body);
}

char32_t next_code_point_slow(std::string_view s, size_t& i) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  auto n = static_cast<int32_t>(s.size());
  auto k = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(p, k, n, c);
  i = static_cast<size_t>(k);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

char32_t previous_code_point(std::string_view s, size_t& i) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  auto k = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV(p, 0, k, c);
  i = static_cast<size_t>(k);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

void append_utf8(std::string& out, char32_t c) {
  uint8_t buf[U8_MAX_LENGTH];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(buf, len, U8_MAX_LENGTH, static_cast<UChar32>(c), error);
  if (error) {
    out += "\xEF\xBF\xBD";
    return;
  }
  out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(len));
}

size_t code_point_count(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace gazette::text
