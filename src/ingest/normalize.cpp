#include "ingest/normalize.hpp"

#include <algorithm>
#include <vector>

#include "ingest/chars.hpp"

namespace gazette::ingest {

namespace {

bool is_ascii_alnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_url_char(char32_t c) {
  return c > 0x20 && c < 0x7F && c != '"' && c != '<' && c != '>' && c != '\'';
}

// Marks URLs (scheme:// or www.) and e-mail addresses, which keep their ASCII punctuation.
std::vector<bool> protected_spans(std::u32string_view s) {
  std::vector<bool> prot(s.size(), false);
  auto mark = [&](size_t b, size_t e) {
    for (size_t k = b; k < e; ++k) prot[k] = true;
  };
  for (size_t i = 0; i < s.size(); ++i) {
    // scheme://…
    if (s[i] == ':' && i + 2 < s.size() && s[i + 1] == '/' && s[i + 2] == '/') {
      size_t b = i;
      while (b > 0 &&
             ((s[b - 1] >= 'a' && s[b - 1] <= 'z') || (s[b - 1] >= 'A' && s[b - 1] <= 'Z')))
        --b;
      if (b == i) continue;
      size_t e = i + 3;
      while (e < s.size() && is_url_char(s[e])) ++e;
      mark(b, e);
      i = e;
      continue;
    }
    // www.…
    if ((s[i] == 'w' || s[i] == 'W') && i + 4 <= s.size() &&
        (i == 0 || !is_ascii_alnum(s[i - 1]))) {
      std::u32string_view w = s.substr(i, 4);
      if (w == U"www." || w == U"WWW.") {
        size_t e = i + 4;
        while (e < s.size() && is_url_char(s[e])) ++e;
        mark(i, e);
        i = e;
        continue;
      }
    }
    // local@domain.tld
    if (s[i] == '@' && i > 0 && i + 1 < s.size()) {
      size_t b = i;
      while (b > 0 && (is_ascii_alnum(s[b - 1]) || s[b - 1] == '.' || s[b - 1] == '_' ||
                       s[b - 1] == '-' || s[b - 1] == '+' || s[b - 1] == '%'))
        --b;
      size_t e = i + 1;
      bool dot = false;
      while (e < s.size() && (is_ascii_alnum(s[e]) || s[e] == '.' || s[e] == '-')) {
        dot |= s[e] == '.';
        ++e;
      }
      while (e > i + 1 && s[e - 1] == '.') --e;  // a full stop after the address
      if (b < i && dot) mark(b, e);
    }
  }
  return prot;
}

// The nearest character before `i` that is not a space (0 at the start).
char32_t before(std::u32string_view s, size_t i) {
  while (i > 0) {
    --i;
    if (!is_space(s[i])) return s[i];
  }
  return 0;
}

char32_t after(std::u32string_view s, size_t i) {
  for (++i; i < s.size(); ++i) {
    if (!is_space(s[i])) return s[i];
  }
  return 0;
}

bool chinese_context(char32_t c) {
  return c != 0 && is_cjk(c);
}

// ASCII punctuation that Chinese text prints full width: what fullwidth_punctuation converts.
bool is_convertible(char32_t c) {
  return c < 0x80 && (c == ',' || c == ':' || c == ';' || c == '?' || c == '!' || c == '(' ||
                      c == ')' || c == '.');
}

}  // namespace

std::u32string fullwidth_punctuation(std::u32string_view s) {
  std::u32string out(s);
  if (std::none_of(s.begin(), s.end(), is_convertible)) return out;
  std::vector<bool> prot = protected_spans(s);
  // Brackets: pair them first, so both of a pair change or neither does.
  std::vector<size_t> open;
  std::vector<bool> convert(s.size(), false);
  for (size_t i = 0; i < s.size(); ++i) {
    if (prot[i]) continue;
    if (s[i] == '(') {
      open.push_back(i);
    } else if (s[i] == ')') {
      if (open.empty()) {
        convert[i] = chinese_context(before(s, i));
        continue;
      }
      size_t o = open.back();
      open.pop_back();
      bool cjk_inside = false;
      for (size_t k = o + 1; k < i && !cjk_inside; ++k) cjk_inside = is_cjk_letter(s[k]);
      bool chinese = cjk_inside || chinese_context(before(s, o)) || chinese_context(after(s, i));
      convert[o] = convert[i] = chinese;
    }
  }
  for (size_t o : open) convert[o] = chinese_context(before(s, o)) || chinese_context(after(s, o));

  for (size_t i = 0; i < s.size(); ++i) {
    if (prot[i]) continue;
    char32_t c = s[i];
    if (!is_convertible(c)) continue;  // the context below only matters for these
    char32_t p = i > 0 ? s[i - 1] : 0;
    char32_t n = i + 1 < s.size() ? s[i + 1] : 0;
    char32_t pb = before(s, i);
    char32_t na = after(s, i);
    bool chinese = chinese_context(pb) || chinese_context(na);
    switch (c) {
      case ',':
        if (is_digit(p) && is_digit(n)) break;  // 1,000
        if (chinese) out[i] = U'，';
        break;
      case ':':
        if (is_digit(p) && is_digit(n)) break;  // 10:30
        if (chinese) out[i] = U'：';
        break;
      case ';':
        if (chinese) out[i] = U'；';
        break;
      case '?':
        if (chinese_context(pb) || (chinese_context(na) && !is_latin(pb))) out[i] = U'？';
        break;
      case '!':
        if (chinese_context(pb) || (chinese_context(na) && !is_latin(pb))) out[i] = U'！';
        break;
      case '(':
        if (convert[i]) out[i] = U'（';
        break;
      case ')':
        if (convert[i]) out[i] = U'）';
        break;
      case '.':
        // Only a full stop closing a Chinese sentence: not 3.5, not "...", not abbreviations.
        if (is_cjk_letter(p) && n != '.' && (n == 0 || is_space(n) || is_cjk(n))) out[i] = U'。';
        break;
      default:
        break;
    }
  }
  return out;
}

std::u32string collapse_spaces(std::u32string_view s, SpaceStyle style) {
  s = trim(s);
  std::u32string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    if (!is_space(s[i])) {
      out.push_back(s[i++]);
      continue;
    }
    size_t j = i;
    while (j < s.size() && is_space(s[j])) ++j;
    char32_t a = s[i - 1];  // trimmed: a space run has characters on both sides
    char32_t b = s[j];
    bool keep;
    bool a_cjk = is_cjk(a), b_cjk = is_cjk(b);
    if (is_cjk_punct(a) || is_cjk_punct(b)) {
      keep = false;
    } else if (a_cjk && b_cjk) {
      keep = false;
      if (style == SpaceStyle::kByline) {
        keep = true;
      } else if (style == SpaceStyle::kHeadline) {
        // A deliberate gap between two phrases: at least two CJK letters on each side.
        size_t l = i, r = j;
        size_t left = 0, right = 0;
        while (l > 0 && !is_space(s[l - 1])) {
          --l;
          left += is_cjk_letter(s[l]);
        }
        while (r < s.size() && !is_space(s[r])) {
          right += is_cjk_letter(s[r]);
          ++r;
        }
        keep = left >= 2 && right >= 2;
      }
    } else if ((a_cjk && is_digit(b)) || (is_digit(a) && b_cjk)) {
      keep = false;
    } else {
      keep = true;  // Latin words, numbers, CJK next to a Latin word
    }
    if (keep) out.push_back(' ');
    i = j;
  }
  return out;
}

}  // namespace gazette::ingest
