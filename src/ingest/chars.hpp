// Character classes as ingestion needs them, on code points: fast paths for the common CJK
// ranges with ICU (text/cjk.hpp) behind them, the printed width of a character, and UTF-8 ⇄
// UTF-32 conversion (ingestion works on UTF-32 lines).
#pragma once

#include <string>
#include <string_view>

namespace gazette::ingest {

// UTF-8 (valid) → UTF-32, and back.
std::u32string to_u32(std::string_view utf8);
std::string to_utf8(std::u32string_view text);

// A Han ideograph.
bool is_han(char32_t c);

// The rest of is_cjk_letter, past its fast paths.
bool is_other_cjk_letter(char32_t c);

// A CJK letter (Han, kana, hangul, bopomofo).
inline bool is_cjk_letter(char32_t c) {
  if (c >= 0x4E00 && c <= 0x9FFF) return true;
  if (c < 0x1100) return false;
  return is_other_cjk_letter(c);
}

// CJK punctuation, including the marks CJK text prints wide (“”‘’…—·).
bool is_cjk_punct(char32_t c);

// A CJK letter or CJK punctuation.
inline bool is_cjk(char32_t c) {
  return is_cjk_letter(c) || is_cjk_punct(c);
}

// ASCII or full-width digit.
inline bool is_digit(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= U'０' && c <= U'９');
}

// ASCII or full-width Latin letter, or a Latin letter with accents.
inline bool is_latin(char32_t c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return true;
  if ((c >= U'Ａ' && c <= U'Ｚ') || (c >= U'ａ' && c <= U'ｚ')) return true;
  return c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7;
}

// White space, including the ideographic space and no-break space (Unicode White_Space).
inline bool is_space(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  if (c >= 0x4E00 && c < 0xFFFF) return false;  // Han and what follows: the usual case
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// Ends a sentence: 。！？!? and the ellipsis (…).
bool is_sentence_final(char32_t c);

// Closes a quotation or bracket: ”’」』）)》〕】].
bool is_closing(char32_t c);

// Opens a quotation or bracket: “‘「『（(《〔【[.
bool is_opening(char32_t c);

// Clause punctuation that never ends a paragraph in running text: ，、；：, etc.
bool is_clause_punct(char32_t c);

// A typographic ornament papers print before bylines and kickers (■□●◆★▲▶※).
inline bool is_ornament(char32_t c) {
  return (c >= 0x25A0 && c <= 0x25FF) || (c >= 0x2605 && c <= 0x2606) || c == 0x203B ||
         (c >= 0x2794 && c <= 0x27BF) || c == 0x2666 || c == 0x2663 || c == 0x2660 || c == 0x2665;
}

// Any punctuation mark (ASCII or CJK), for counting the words of a text.
bool is_punct(char32_t c);

// Width of a character as printed: 1 for wide (CJK) characters, 0.5 for the rest.
double char_width(char32_t c);

// Printed width of a text: wide characters 1, others 0.5, a run of spaces 0.5.
double text_width(std::u32string_view text);

// A CJK letter, a Latin letter or a digit: what ingestion counts and compares of a text.
inline bool is_letter_or_digit(char32_t c) {
  return is_cjk_letter(c) || is_latin(c) || is_digit(c);
}

// Counts letters and digits (CJK letters, Latin letters, digits).
size_t count_letters(std::u32string_view text);

// Whether the text has at least `n` letters and digits (reads only as far as it must).
bool has_letters(std::u32string_view text, size_t n);

// The text without leading and trailing white space.
std::u32string_view trim(std::u32string_view text);

// Whether `text` starts / ends with `affix`.
inline bool starts_with(std::u32string_view text, std::u32string_view affix) {
  return text.substr(0, affix.size()) == affix;
}
inline bool ends_with(std::u32string_view text, std::u32string_view affix) {
  return text.size() >= affix.size() && text.substr(text.size() - affix.size()) == affix;
}

// The text with all white space removed.
std::u32string without_spaces(std::u32string_view text);

}  // namespace gazette::ingest
