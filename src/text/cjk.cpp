#include "text/cjk.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "text/utf8.hpp"

namespace gazette::text {

namespace {

UScriptCode script_of(char32_t c) {
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode s = uscript_getScript(static_cast<UChar32>(c), &status);
  return U_SUCCESS(status) ? s : USCRIPT_INVALID_CODE;
}

}  // namespace

bool is_han(char32_t c) {
  if (c < 0x2E80) return false;
  return script_of(c) == USCRIPT_HAN;
}

bool is_kana(char32_t c) {
  if (c < 0x3040) return false;
  UScriptCode s = script_of(c);
  if (s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA) return true;
  // U+30FC KATAKANA-HIRAGANA PROLONGED SOUND MARK has script Common but kana extensions.
  return uscript_hasScript(static_cast<UChar32>(c), USCRIPT_KATAKANA) ||
         uscript_hasScript(static_cast<UChar32>(c), USCRIPT_HIRAGANA);
}

bool is_hangul(char32_t c) {
  if (c < 0x1100) return false;
  return script_of(c) == USCRIPT_HANGUL;
}

bool is_cjk_punctuation(char32_t c) {
  if (c < 0xA0) return false;
  auto cp = static_cast<UChar32>(c);
  if (!u_ispunct(cp)) {
    // Ideographic iteration and closing marks are punctuation in use but letters or symbols
    // by category; 〆々 are letters and stay out.
    int8_t type = u_charType(cp);
    if (type != U_OTHER_SYMBOL && type != U_MATH_SYMBOL && type != U_MODIFIER_SYMBOL) return false;
    UBlockCode block = ublock_getCode(cp);
    return block == UBLOCK_CJK_SYMBOLS_AND_PUNCTUATION ||
           (block == UBLOCK_HALFWIDTH_AND_FULLWIDTH_FORMS &&
            u_getIntPropertyValue(cp, UCHAR_EAST_ASIAN_WIDTH) == U_EA_FULLWIDTH);
  }
  int width = u_getIntPropertyValue(cp, UCHAR_EAST_ASIAN_WIDTH);
  return width == U_EA_WIDE || width == U_EA_FULLWIDTH || width == U_EA_AMBIGUOUS;
}

bool is_cjk_letter(char32_t c) {
  if (c < 0x1100) return false;
  if (c >= 0x4E00 && c <= 0x9FFF) return true;  // CJK Unified Ideographs: all Han, the most
  UScriptCode s = script_of(c);
  return s == USCRIPT_HAN || s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA ||
         s == USCRIPT_HANGUL || s == USCRIPT_BOPOMOFO || is_kana(c);
}

bool is_cjk(char32_t c) {
  return is_cjk_letter(c) || is_cjk_punctuation(c);
}

bool is_wide(char32_t c) {
  int width = u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_EAST_ASIAN_WIDTH);
  return width == U_EA_WIDE || width == U_EA_FULLWIDTH;
}

bool is_space(char32_t c) {
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return true;
  if (c < 0x80) return false;
  return u_isUWhiteSpace(static_cast<UChar32>(c));
}

size_t count_cjk_letters(std::string_view utf8) {
  // Beside the ideographs, a text repeats a few marks (，。、“”), each looked up in ICU once.
  struct Seen {
    char32_t c = 0;
    bool letter = false;
  } seen[64];
  size_t n = 0;
  for (size_t i = 0; i < utf8.size();) {
    const char32_t c = next_code_point(utf8, i);
    if (c < 0x1100) continue;
    if (c >= 0x4E00 && c <= 0x9FFF) {
      ++n;
      continue;
    }
    Seen& s = seen[c % 64];
    if (s.c != c) s = Seen{c, is_cjk_letter(c)};
    n += s.letter;
  }
  return n;
}

}  // namespace gazette::text
