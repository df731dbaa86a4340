// Character classes of CJK text, from ICU's Unicode properties (scripts, blocks, general
// categories, East Asian width), for the modules that must tell Chinese from Latin text.
#pragma once

#include <string_view>

namespace gazette::text {

// A Han ideograph (Chinese characters, kanji, hanja), including the CJK extensions.
bool is_han(char32_t c);

// Hiragana or katakana (including the prolonged sound mark and half-width katakana).
bool is_kana(char32_t c);

// Hangul syllables and jamo.
bool is_hangul(char32_t c);

// Punctuation used in CJK text: full-width and wide punctuation (，。：；！？《》（）〔〕、)
// and the ambiguous-width marks that CJK typesetting prints wide (“”‘’…—·).
bool is_cjk_punctuation(char32_t c);

// A character of CJK writing: Han, kana, hangul, bopomofo, or CJK punctuation.
bool is_cjk(char32_t c);

// A CJK letter-like character: Han, kana, hangul or bopomofo (not punctuation).
bool is_cjk_letter(char32_t c);

// Occupies two cells in a terminal or a monospace layout (East Asian width Wide or Fullwidth).
bool is_wide(char32_t c);

// Unicode white space, including U+3000 IDEOGRAPHIC SPACE and no-break space.
bool is_space(char32_t c);

// Counts the CJK letters of a UTF-8 text (for excerpts and reading times, where one CJK
// character is one unit of reading).
size_t count_cjk_letters(std::string_view utf8);

}  // namespace gazette::text
