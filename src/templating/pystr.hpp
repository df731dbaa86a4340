// Python's str semantics on UTF-8 text, as Jinja2 templates rely on them: lengths, indexes and
// slices count code points; white space, word characters and case come from Unicode (ICU),
// with Python's definitions (str.isspace, re's \w, str.upper/lower/capitalize/title).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::templating::pystr {

// str.isspace() of one character (Zs, or bidirectional class WS/B/S: \t\n\v\f\r, \x1c-\x1f,
// U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000).
bool is_space(char32_t c);
// re's \w: letters, numbers and the underscore.
bool is_word(char32_t c);
// str.isalnum() / isalpha() / isdigit() (decimal and other digits) of one character.
bool is_alnum(char32_t c);
bool is_alpha(char32_t c);
bool is_digit(char32_t c);
bool is_decimal(char32_t c);
// Python identifiers (XID_Start / XID_Continue, and the underscore).
bool is_identifier_start(char32_t c);
bool is_identifier_continue(char32_t c);

// The code point at byte `i` (advancing `i`), U+FFFD for invalid bytes. Inline for the
// common one-, two- and three-byte forms (ASCII and CJK text).
char32_t next_slow(std::string_view s, size_t& i);
inline char32_t next(std::string_view s, size_t& i) {
  auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  size_t n = s.size();
  if (b0 >= 0xE0 && b0 < 0xF0 && i + 2 < n) {
    auto b1 = static_cast<unsigned char>(s[i + 1]);
    auto b2 = static_cast<unsigned char>(s[i + 2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      char32_t c = (char32_t{b0} & 0x0F) << 12 | (char32_t{b1} & 0x3F) << 6 | (b2 & 0x3F);
      if (c >= 0x800 && (c < 0xD800 || c > 0xDFFF)) {
        i += 3;
        return c;
      }
    }
  } else if (b0 >= 0xC2 && b0 < 0xE0 && i + 1 < n) {
    auto b1 = static_cast<unsigned char>(s[i + 1]);
    if ((b1 & 0xC0) == 0x80) {
      i += 2;
      return (char32_t{b0} & 0x1F) << 6 | (b1 & 0x3F);
    }
  }
  return next_slow(s, i);
}
void append_slow(std::string& out, char32_t c);
inline void append(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else {
    append_slow(out, c);
  }
}
// Number of code points.
size_t length(std::string_view s);
// Whether all bytes are ASCII.
bool is_ascii(std::string_view s);
// Byte offset of code point `index` (clamped to the end).
size_t offset_of(std::string_view s, size_t index);
// The code points of `s`.
std::u32string decode(std::string_view s);
std::string encode(std::u32string_view s);

// The bytes [from, to) of s[start:stop] (a slice with step 1).
void slice_bytes(std::string_view s, std::optional<int64_t> start, std::optional<int64_t> stop,
                 size_t& from, size_t& to);
// s[start:stop:step] with Python's slice semantics (missing bounds as nullopt).
std::string slice(std::string_view s, std::optional<int64_t> start, std::optional<int64_t> stop,
                  std::optional<int64_t> step);

// Whether no character of `s` but ASCII letters has a case: besides ASCII, only CJK
// ideographs, kana, CJK and general punctuation, fullwidth digits and punctuation (the text of
// Chinese newspapers). Such text is upper- or lower-cased by mapping its ASCII letters alone.
bool only_ascii_is_cased(std::string_view s);

// Case mapping (full Unicode mappings, ICU's root locale, as Python's str methods).
std::string upper(std::string_view s);
std::string lower(std::string_view s);
std::string swapcase(std::string_view s);
// str.capitalize(): first character title-cased, the rest lower-cased.
std::string capitalize(std::string_view s);
// str.title(): each run of cased characters starts title-cased, continues lower-cased.
std::string title(std::string_view s);
// str.islower() / str.isupper(): at least one cased character, all of them lower (upper).
bool is_lower(std::string_view s);
bool is_upper(std::string_view s);

// str.strip(chars) family; without `chars`, strips white space.
std::string_view strip(std::string_view s, std::optional<std::string_view> chars = {});
std::string_view lstrip(std::string_view s, std::optional<std::string_view> chars = {});
std::string_view rstrip(std::string_view s, std::optional<std::string_view> chars = {});

// str.split(sep, maxsplit) / rsplit; without `sep`, splits on runs of white space.
std::vector<std::string> split(std::string_view s, std::optional<std::string_view> sep,
                               int64_t maxsplit = -1);
std::vector<std::string> rsplit(std::string_view s, std::optional<std::string_view> sep,
                                int64_t maxsplit = -1);
// str.splitlines(keepends): \n \r \r\n \v \f \x1c \x1d \x1e \x85 U+2028 U+2029 end lines.
std::vector<std::string> splitlines(std::string_view s, bool keepends = false);

// str.replace(old, new, count) (count < 0: all); an empty `old` inserts between characters.
std::string replace(std::string_view s, std::string_view old, std::string_view replacement,
                    int64_t count = -1);
// str.count(sub) (non-overlapping; an empty `sub` counts len+1).
int64_t count(std::string_view s, std::string_view sub);
// str.find(sub) / rfind in code points, -1 when absent.
int64_t find(std::string_view s, std::string_view sub);
int64_t rfind(std::string_view s, std::string_view sub);

// str.center / ljust / rjust with a one-character fill.
std::string center(std::string_view s, int64_t width, char32_t fill = U' ');
std::string ljust(std::string_view s, int64_t width, char32_t fill = U' ');
std::string rjust(std::string_view s, int64_t width, char32_t fill = U' ');
std::string zfill(std::string_view s, int64_t width);

// The text repeated `n` times (n <= 0: empty).
std::string repeat(std::string_view s, int64_t n);

}  // namespace gazette::templating::pystr
