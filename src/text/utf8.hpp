// UTF-8 as it arrives from files: validation with a position, byte-order marks, line endings,
// NFC normalisation, and walking text one code point at a time (ICU's U8 macros underneath).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/result.hpp"

namespace gazette::text {

// Where the first ill-formed byte sequence of a text is: byte offset, 1-based line, and
// 1-based column counted in code points.
struct Utf8Problem {
  size_t offset = 0;
  int line = 0;
  int column = 0;
  std::string message;  // e.g. "invalid UTF-8 (overlong encoding)"
};

// The first ill-formed sequence (truncated sequences, overlong forms, surrogates, code points
// above U+10FFFF, stray continuation bytes), or nothing when the text is valid UTF-8.
std::optional<Utf8Problem> find_invalid_utf8(std::string_view bytes);

// The text without a leading UTF-8 byte-order mark.
std::string_view strip_bom(std::string_view text);

// CRLF and lone CR line endings turned into LF.
std::string normalize_newlines(std::string_view text);

// The text in Unicode Normalization Form C (unchanged, and cheap, when it already is).
std::string to_nfc(std::string_view text);

// The canonical form of a text file's bytes: validated, BOM stripped, LF line endings, NFC.
// Invalid UTF-8 is an error at the bad byte's line and column of `path`.
Result<std::string> decode_text(std::string_view bytes, std::string_view path);

// next_code_point past its fast paths (ICU's decoder).
char32_t next_code_point_slow(std::string_view s, size_t& i);

// The code point starting at byte `i` of valid UTF-8 `s`; advances `i` past it. Returns
// U+FFFD (and advances one byte) on an ill-formed sequence.
inline char32_t next_code_point(std::string_view s, size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  // Three bytes that cannot be overlong or a surrogate (U+1000..U+CFFF, U+E000..U+FFFF): CJK
  // text, its punctuation and full-width forms.
  if (((b0 >= 0xE1 && b0 <= 0xEC) || b0 >= 0xEE) && b0 <= 0xEF && i + 2 < s.size()) {
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    const auto b2 = static_cast<unsigned char>(s[i + 2]);
    if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      i += 3;
      return (static_cast<char32_t>(b0 & 0x0F) << 12) | (static_cast<char32_t>(b1 & 0x3F) << 6) |
             static_cast<char32_t>(b2 & 0x3F);
    }
  }
  return next_code_point_slow(s, i);
}

// The code point ending just before byte `i` of valid UTF-8 `s`; moves `i` back to its start.
char32_t previous_code_point(std::string_view s, size_t& i);

// Appends the UTF-8 encoding of `c` to `out`.
void append_utf8(std::string& out, char32_t c);

// The number of code points in valid UTF-8 `s`.
size_t code_point_count(std::string_view s);

}  // namespace gazette::text
