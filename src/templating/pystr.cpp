#include "templating/pystr.hpp"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cstring>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "text/utf8.hpp"

namespace gazette::templating::pystr {

bool is_space(char32_t c) {
  if (c < 0x80) return (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x20);
  switch (c) {
    case 0x85:
    case 0xa0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202f:
    case 0x205f:
    case 0x3000:
      return true;
    default:
      return c >= 0x2000 && c <= 0x200a;
  }
}

bool is_alpha(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  int8_t t = u_charType(static_cast<UChar32>(c));
  return t == U_UPPERCASE_LETTER || t == U_LOWERCASE_LETTER || t == U_TITLECASE_LETTER ||
         t == U_MODIFIER_LETTER || t == U_OTHER_LETTER;
}

bool is_decimal(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return u_charType(static_cast<UChar32>(c)) == U_DECIMAL_DIGIT_NUMBER;
}

bool is_digit(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  int32_t nt = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_NUMERIC_TYPE);
  return nt == U_NT_DECIMAL || nt == U_NT_DIGIT;
}

bool is_alnum(char32_t c) {
  if (c < 0x80) return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
  if (is_alpha(c)) return true;
  return u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_NUMERIC_TYPE) != U_NT_NONE;
}

bool is_word(char32_t c) {
  return c == '_' || is_alnum(c);
}

bool is_identifier_start(char32_t c) {
  if (c < 0x80) return c == '_' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_XID_START);
}

bool is_identifier_continue(char32_t c) {
  if (c < 0x80)
    return c == '_' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_XID_CONTINUE);
}

char32_t next_slow(std::string_view s, size_t& i) {
  return text::next_code_point(s, i);
}

void append_slow(std::string& out, char32_t c) {
  text::append_utf8(out, c);
}

bool is_ascii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

size_t length(std::string_view s) {
  // Every byte but continuation bytes (10xxxxxx, as signed bytes: below -64) starts a code
  // point; sixteen, then eight at a time.
  size_t continuation = 0;
  size_t i = 0;
#ifdef __SSE2__
  const __m128i limit = _mm_set1_epi8(-64), zero = _mm_setzero_si128();
  auto total = [&](__m128i counts) {  // the sum of the 16 byte counters
    __m128i sums = _mm_sad_epu8(counts, zero);
    return static_cast<size_t>(_mm_cvtsi128_si32(sums) +
                               _mm_cvtsi128_si32(_mm_srli_si128(sums, 8)));
  };
  __m128i counts = zero;  // per byte lane, up to 255 blocks
  int blocks = 0;
  for (; i + 16 <= s.size(); i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    counts = _mm_sub_epi8(counts, _mm_cmplt_epi8(v, limit));  // true lanes are -1
    if (++blocks == 255) {
      continuation += total(counts);
      counts = zero;
      blocks = 0;
    }
  }
  continuation += total(counts);
#endif
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    uint64_t c = (x & ~(x << 1) & 0x8080808080808080ull) >> 7;  // 1 in each continuation byte
    continuation += static_cast<size_t>((c * 0x0101010101010101ull) >> 56);
  }
  for (; i < s.size(); ++i) continuation += (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
  return s.size() - continuation;
}

size_t offset_of(std::string_view s, size_t index) {
  // Valid UTF-8: a lead byte says how long its character is.
  size_t i = 0;
  const size_t n = s.size();
  while (index > 0 && i < n) {
    auto b = static_cast<unsigned char>(s[i]);
    i += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    --index;
  }
  return std::min(i, n);
}

std::u32string decode(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) out += next(s, i);
  return out;
}

std::string encode(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : s) append(out, c);
  return out;
}

namespace {

// Python's PySlice_AdjustIndices.
void adjust_slice(int64_t length, std::optional<int64_t> start_in, std::optional<int64_t> stop_in,
                  int64_t step, int64_t& start, int64_t& stop) {
  if (!start_in) {
    start = step < 0 ? length - 1 : 0;
  } else {
    start = *start_in;
    if (start < 0) {
      start += length;
      if (start < 0) start = step < 0 ? -1 : 0;
    } else if (start >= length) {
      start = step < 0 ? length - 1 : length;
    }
  }
  if (!stop_in) {
    stop = step < 0 ? -1 : length;
  } else {
    stop = *stop_in;
    if (stop < 0) {
      stop += length;
      if (stop < 0) stop = step < 0 ? -1 : 0;
    } else if (stop >= length) {
      stop = step < 0 ? length - 1 : length;
    }
  }
}

template <class F>
std::string map_case(std::string_view s, F&& icu_map) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
  icu_map(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool in_chars(char32_t c, std::optional<std::string_view> chars) {
  if (!chars) return is_space(c);
  for (size_t i = 0; i < chars->size();) {
    if (next(*chars, i) == c) return true;
  }
  return false;
}

int8_t case_kind(char32_t c) {  // 1 lower, 2 upper/title, 0 uncased
  if (u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_LOWERCASE)) return 1;
  if (u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_UPPERCASE) ||
      u_charType(static_cast<UChar32>(c)) == U_TITLECASE_LETTER)
    return 2;
  return 0;
}

bool is_cased(char32_t c) {
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_CASED) ||
         u_charType(static_cast<UChar32>(c)) == U_TITLECASE_LETTER;
}

std::string title_char(char32_t c) {
  icu::UnicodeString u(static_cast<UChar32>(c));
  UChar buf[16];
  UErrorCode err = U_ZERO_ERROR;
  int32_t n = u_strToTitle(buf, 16, u.getBuffer(), u.length(), nullptr, "", &err);
  std::string out;
  if (U_FAILURE(err)) {
    append(out, c);
    return out;
  }
  icu::UnicodeString(buf, n).toUTF8String(out);
  return out;
}

}  // namespace

void slice_bytes(std::string_view s, std::optional<int64_t> start_in,
                 std::optional<int64_t> stop_in, size_t& from, size_t& to) {
  if (start_in.value_or(0) >= 0 && stop_in.value_or(0) >= 0) {
    // Counted from the start (`s[:10]`, `s[2:5]`): only the characters before the end are
    // walked, whatever the string's length.
    from = offset_of(s, static_cast<size_t>(start_in.value_or(0)));
    to = stop_in ? from + offset_of(s.substr(from), static_cast<size_t>(std::max<int64_t>(
                                                        *stop_in - start_in.value_or(0), 0)))
                 : s.size();
    if (to <= from) from = to = 0;
    return;
  }
  bool ascii = is_ascii(s);
  int64_t len = ascii ? static_cast<int64_t>(s.size()) : static_cast<int64_t>(length(s));
  int64_t start, stop;
  adjust_slice(len, start_in, stop_in, 1, start, stop);
  if (stop <= start) {
    from = to = 0;
    return;
  }
  if (ascii) {
    from = static_cast<size_t>(start);
    to = static_cast<size_t>(stop);
    return;
  }
  from = offset_of(s, static_cast<size_t>(start));
  to = from + offset_of(s.substr(from), static_cast<size_t>(stop - start));
}

std::string slice(std::string_view s, std::optional<int64_t> start_in,
                  std::optional<int64_t> stop_in, std::optional<int64_t> step_in) {
  int64_t step = step_in.value_or(1);
  if (step == 0) return std::string(s);  // callers reject a zero step first
  bool ascii = is_ascii(s);
  int64_t len = ascii ? static_cast<int64_t>(s.size()) : static_cast<int64_t>(length(s));
  int64_t start, stop;
  adjust_slice(len, start_in, stop_in, step, start, stop);
  std::string out;
  if (ascii) {
    if (step == 1) {
      if (stop > start)
        out.assign(s.substr(static_cast<size_t>(start), static_cast<size_t>(stop - start)));
      return out;
    }
    for (int64_t i = start; step > 0 ? i < stop : i > stop; i += step)
      out += s[static_cast<size_t>(i)];
    return out;
  }
  if (step == 1) {
    if (stop <= start) return out;
    size_t from = offset_of(s, static_cast<size_t>(start));
    size_t to = from + offset_of(s.substr(from), static_cast<size_t>(stop - start));
    out.assign(s.substr(from, to - from));
    return out;
  }
  std::u32string cps = decode(s);
  for (int64_t i = start; step > 0 ? i < stop : i > stop; i += step) {
    append(out, cps[static_cast<size_t>(i)]);
  }
  return out;
}

bool only_ascii_is_cased(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const char32_t c = next(s, i);
    const bool caseless = (c >= 0x2000 && c <= 0x206F) ||  // general punctuation
                          (c >= 0x3000 && c <= 0x30FF) ||  // CJK punctuation, kana
                          (c >= 0x3400 && c <= 0x4DBF) ||  // CJK extension A
                          (c >= 0x4E00 && c <= 0x9FFF) ||  // CJK unified ideographs
                          (c >= 0xFF01 && c <= 0xFF20) ||  // fullwidth punctuation, digits
                          (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65);
    if (!caseless) return false;
  }
  return true;
}

std::string upper(std::string_view s) {
  if (only_ascii_is_cased(s)) {
    std::string out(s);
    for (char& c : out) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    }
    return out;
  }
  return map_case(s, [](icu::UnicodeString& u) { u.toUpper(icu::Locale::getRoot()); });
}

std::string lower(std::string_view s) {
  if (only_ascii_is_cased(s)) {
    std::string out(s);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    return out;
  }
  return map_case(s, [](icu::UnicodeString& u) { u.toLower(icu::Locale::getRoot()); });
}

std::string swapcase(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    char32_t c = next(s, i);
    std::string_view one = s.substr(start, i - start);
    int8_t k = case_kind(c);
    if (k == 1) {
      out += upper(one);
    } else if (k == 2) {
      out += lower(one);
    } else {
      out += one;
    }
  }
  return out;
}

std::string capitalize(std::string_view s) {
  if (s.empty()) return {};
  size_t i = 0;
  char32_t first = next(s, i);
  std::string out = first < 0x80 ? upper(s.substr(0, i)) : title_char(first);
  out += lower(s.substr(i));
  return out;
}

std::string title(std::string_view s) {
  std::string out;
  bool previous_cased = false;
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    char32_t c = next(s, i);
    std::string_view one = s.substr(start, i - start);
    if (previous_cased) {
      out += lower(one);
    } else {
      out += c < 0x80 ? upper(one) : title_char(c);
    }
    previous_cased = is_cased(c);
  }
  return out;
}

bool is_lower(std::string_view s) {
  bool cased = false;
  for (size_t i = 0; i < s.size();) {
    char32_t c = next(s, i);
    int8_t k = case_kind(c);
    if (k == 2) return false;
    if (k == 1) cased = true;
  }
  return cased;
}

bool is_upper(std::string_view s) {
  bool cased = false;
  for (size_t i = 0; i < s.size();) {
    char32_t c = next(s, i);
    int8_t k = case_kind(c);
    if (k == 1) return false;
    if (k == 2) cased = true;
  }
  return cased;
}

std::string_view lstrip(std::string_view s, std::optional<std::string_view> chars) {
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    if (!in_chars(next(s, j), chars)) break;
    i = j;
  }
  return s.substr(i);
}

std::string_view rstrip(std::string_view s, std::optional<std::string_view> chars) {
  size_t end = s.size();
  while (end > 0) {
    size_t j = end;
    char32_t c = text::previous_code_point(s, j);
    if (!in_chars(c, chars)) break;
    end = j;
  }
  return s.substr(0, end);
}

std::string_view strip(std::string_view s, std::optional<std::string_view> chars) {
  return rstrip(lstrip(s, chars), chars);
}

std::vector<std::string> split(std::string_view s, std::optional<std::string_view> sep,
                               int64_t maxsplit) {
  std::vector<std::string> out;
  if (maxsplit < 0) maxsplit = INT64_MAX;
  if (sep) {
    size_t pos = 0;
    while (maxsplit-- > 0) {
      size_t found = s.find(*sep, pos);
      if (found == std::string_view::npos) break;
      out.emplace_back(s.substr(pos, found - pos));
      pos = found + sep->size();
    }
    out.emplace_back(s.substr(pos));
    return out;
  }
  size_t i = 0;
  while (true) {
    // Skip white space.
    while (i < s.size()) {
      size_t j = i;
      if (!is_space(next(s, j))) break;
      i = j;
    }
    if (i >= s.size()) break;
    if (maxsplit-- <= 0) {
      out.emplace_back(s.substr(i));
      break;
    }
    size_t start = i;
    while (i < s.size()) {
      size_t j = i;
      if (is_space(next(s, j))) break;
      i = j;
    }
    out.emplace_back(s.substr(start, i - start));
  }
  return out;
}

std::vector<std::string> rsplit(std::string_view s, std::optional<std::string_view> sep,
                                int64_t maxsplit) {
  std::vector<std::string> out;
  if (maxsplit < 0) maxsplit = INT64_MAX;
  if (sep) {
    size_t end = s.size();
    while (maxsplit-- > 0) {
      if (end < sep->size()) break;
      size_t found = s.substr(0, end).rfind(*sep);
      if (found == std::string_view::npos) break;
      out.emplace_back(s.substr(found + sep->size(), end - found - sep->size()));
      end = found;
    }
    out.emplace_back(s.substr(0, end));
    std::reverse(out.begin(), out.end());
    return out;
  }
  size_t end = s.size();
  while (true) {
    while (end > 0) {
      size_t j = end;
      if (!is_space(text::previous_code_point(s, j))) break;
      end = j;
    }
    if (end == 0) break;
    if (maxsplit-- <= 0) {
      out.emplace_back(s.substr(0, end));
      break;
    }
    size_t start = end;
    while (start > 0) {
      size_t j = start;
      if (is_space(text::previous_code_point(s, j))) break;
      start = j;
    }
    out.emplace_back(s.substr(start, end - start));
    end = start;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

std::vector<std::string> splitlines(std::string_view s, bool keepends) {
  std::vector<std::string> out;
  size_t start = 0;
  size_t i = 0;
  while (i < s.size()) {
    size_t at = i;
    char32_t c = next(s, i);
    bool line_end = c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d ||
                    c == 0x1e || c == 0x85 || c == 0x2028 || c == 0x2029;
    if (!line_end) continue;
    if (c == '\r' && i < s.size() && s[i] == '\n') ++i;
    out.emplace_back(s.substr(start, (keepends ? i : at) - start));
    start = i;
  }
  if (start < s.size()) out.emplace_back(s.substr(start));
  return out;
}

std::string replace(std::string_view s, std::string_view old, std::string_view replacement,
                    int64_t count) {
  if (count < 0) count = INT64_MAX;
  std::string out;
  if (old.empty()) {
    size_t i = 0;
    while (count > 0) {
      out += replacement;
      --count;
      if (i >= s.size()) return out;
      size_t start = i;
      next(s, i);
      out += s.substr(start, i - start);
    }
    out += s.substr(i);
    return out;
  }
  size_t pos = 0;
  while (count-- > 0) {
    size_t found = s.find(old, pos);
    if (found == std::string_view::npos) break;
    out += s.substr(pos, found - pos);
    out += replacement;
    pos = found + old.size();
  }
  out += s.substr(pos);
  return out;
}

int64_t count(std::string_view s, std::string_view sub) {
  if (sub.empty()) return static_cast<int64_t>(length(s)) + 1;
  int64_t n = 0;
  for (size_t pos = s.find(sub); pos != std::string_view::npos;
       pos = s.find(sub, pos + sub.size())) {
    ++n;
  }
  return n;
}

int64_t find(std::string_view s, std::string_view sub) {
  size_t pos = s.find(sub);
  if (pos == std::string_view::npos) return -1;
  return static_cast<int64_t>(length(s.substr(0, pos)));
}

int64_t rfind(std::string_view s, std::string_view sub) {
  size_t pos = s.rfind(sub);
  if (pos == std::string_view::npos) return -1;
  return static_cast<int64_t>(length(s.substr(0, pos)));
}

namespace {
std::string fill_string(char32_t fill, int64_t n) {
  std::string one;
  append(one, fill);
  return repeat(one, n);
}
}  // namespace

std::string center(std::string_view s, int64_t width, char32_t fill) {
  int64_t len = static_cast<int64_t>(length(s));
  if (width <= len) return std::string(s);
  int64_t marg = width - len;
  int64_t left = marg / 2 + (marg & width & 1);
  return fill_string(fill, left) + std::string(s) + fill_string(fill, marg - left);
}

std::string ljust(std::string_view s, int64_t width, char32_t fill) {
  int64_t len = static_cast<int64_t>(length(s));
  if (width <= len) return std::string(s);
  return std::string(s) + fill_string(fill, width - len);
}

std::string rjust(std::string_view s, int64_t width, char32_t fill) {
  int64_t len = static_cast<int64_t>(length(s));
  if (width <= len) return std::string(s);
  return fill_string(fill, width - len) + std::string(s);
}

std::string zfill(std::string_view s, int64_t width) {
  int64_t len = static_cast<int64_t>(length(s));
  if (width <= len) return std::string(s);
  std::string out = fill_string(U'0', width - len) + std::string(s);
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    out[0] = s[0];
    out[static_cast<size_t>(width - len)] = '0';
  }
  return out;
}

std::string repeat(std::string_view s, int64_t n) {
  std::string out;
  if (n <= 0 || s.empty()) return out;
  out.reserve(s.size() * static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace gazette::templating::pystr
