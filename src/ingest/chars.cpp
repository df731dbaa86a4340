#include "ingest/chars.hpp"

#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace gazette::ingest {

std::u32string to_u32(std::string_view utf8) {
  std::u32string out(utf8.size(), U'\0');  // at most one code point per byte
  size_t n = 0;
  for (size_t i = 0; i < utf8.size();) out[n++] = text::next_code_point(utf8, i);
  out.resize(n);
  return out;
}

std::string to_utf8(std::u32string_view s) {
  std::string out(s.size() * 4, '\0');  // at most four bytes per code point
  size_t n = 0;
  for (char32_t c : s) {
    if (c < 0x80) {
      out[n++] = static_cast<char>(c);
    } else if (c < 0x800) {
      out[n++] = static_cast<char>(0xC0 | (c >> 6));
      out[n++] = static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out[n++] = static_cast<char>(0xE0 | (c >> 12));
      out[n++] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out[n++] = static_cast<char>(0x80 | (c & 0x3F));
    } else {  // rare: text::append_utf8 knows the four-byte form and what is no code point
      std::string four;
      text::append_utf8(four, c);
      out.replace(n, four.size(), four);  // room for it: four bytes are kept per code point
      n += four.size();
    }
  }
  out.resize(n);
  return out;
}

bool is_han(char32_t c) {
  if (c >= 0x4E00 && c <= 0x9FFF) return true;
  if (c < 0x2E80) return false;
  if (c >= 0x3000 && c <= 0x33FF) return c == U'〇' || c == U'々';
  return text::is_han(c);
}

bool is_other_cjk_letter(char32_t c) {
  if (c >= 0x3000 && c <= 0x303F) return c == U'〇' || c == U'々';
  if (c >= 0xFF00 && c <= 0xFF60) return false;
  return text::is_cjk_letter(c);
}

bool is_cjk_punct(char32_t c) {
  if (c < 0xA0) return false;
  if (c >= 0x4E00 && c <= 0x9FFF) return false;
  if (c >= 0x3000 && c <= 0x303F) return c != U'〇' && c != U'々' && c != 0x3000;
  if (c >= 0xFF01 && c <= 0xFF0F) return true;
  if (c >= 0xFF1A && c <= 0xFF20) return true;
  if (c >= 0xFF3B && c <= 0xFF40) return true;
  if (c >= 0xFF5B && c <= 0xFF65) return true;
  switch (c) {
    case U'“':
    case U'”':
    case U'‘':
    case U'’':
    case U'…':
    case U'—':
    case U'·':
    case U'–':
    case U'━':
    case U'─':
    case U'•':
      return true;
    default:
      break;
  }
  return text::is_cjk_punctuation(c);
}

bool is_sentence_final(char32_t c) {
  switch (c) {
    case U'。':
    case U'！':
    case U'？':
    case '!':
    case '?':
    case U'…':
    case U'．':
      return true;
    default:
      return false;
  }
}

bool is_closing(char32_t c) {
  switch (c) {
    case U'”':
    case U'’':
    case U'」':
    case U'』':
    case U'）':
    case ')':
    case U'》':
    case U'〕':
    case U'】':
    case ']':
    case U'〉':
    case U'］':
    case '"':
    case '\'':
      return true;
    default:
      return false;
  }
}

bool is_opening(char32_t c) {
  switch (c) {
    case U'“':
    case U'‘':
    case U'「':
    case U'『':
    case U'（':
    case '(':
    case U'《':
    case U'〔':
    case U'【':
    case '[':
    case U'〈':
    case U'［':
      return true;
    default:
      return false;
  }
}

bool is_clause_punct(char32_t c) {
  switch (c) {
    case U'，':
    case U'、':
    case U'；':
    case U'：':
    case ',':
    case ';':
    case ':':
    case U'—':
    case U'－':
    case '-':
      return true;
    default:
      return false;
  }
}

bool is_punct(char32_t c) {
  if (c < 0x80) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
  }
  return is_cjk_punct(c);
}

double char_width(char32_t c) {
  if (c < 0x1100) return 0.5;
  if (c >= 0x4E00 && c <= 0x9FFF) return 1.0;
  if ((c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
      (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xAC00 && c <= 0xD7A3) ||
      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
      (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000)) {
    return 1.0;
  }
  return 0.5;
}

double text_width(std::u32string_view s) {
  double w = 0;
  bool in_space = false;
  for (char32_t c : s) {
    if (is_space(c)) {
      if (!in_space) w += 0.5;
      in_space = true;
    } else {
      w += char_width(c);
      in_space = false;
    }
  }
  return w;
}

size_t count_letters(std::u32string_view s) {
  size_t n = 0;
  for (char32_t c : s) n += is_letter_or_digit(c);
  return n;
}

bool has_letters(std::u32string_view s, size_t n) {
  if (n == 0) return true;
  for (char32_t c : s) {
    if (is_letter_or_digit(c) && --n == 0) return true;
  }
  return false;
}

std::u32string_view trim(std::u32string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

std::u32string without_spaces(std::u32string_view s) {
  std::u32string out(s.size(), U'\0');
  size_t n = 0;
  for (char32_t c : s) {
    if (!is_space(c)) out[n++] = c;
  }
  out.resize(n);
  return out;
}

}  // namespace gazette::ingest
