#include "templating/html.hpp"

#include <algorithm>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <array>
#include <cstring>
#include <iterator>

#include "templating/pyformat.hpp"
#include "templating/pystr.hpp"

namespace gazette::templating {

namespace {

struct Entity {
  const char* name;
  const char* text;
};

constexpr Entity kEntities[] = {
#include "templating/html_entities.inc"
};

const char* find_entity(std::string_view name) {
  auto it = std::lower_bound(std::begin(kEntities), std::end(kEntities), name,
                             [](const Entity& e, std::string_view n) { return e.name < n; });
  if (it != std::end(kEntities) && it->name == name) return it->text;
  return nullptr;
}

// Characters Python's html module replaces numeric references with (Windows-1252 for
// 0x80-0x9F, as browsers do).
char32_t invalid_charref(uint64_t n, bool& found) {
  static constexpr std::pair<uint32_t, char32_t> kMap[] = {
      {0x00, 0xfffd}, {0x0d, 0x0d},   {0x80, 0x20ac}, {0x81, 0x81},   {0x82, 0x201a},
      {0x83, 0x192},  {0x84, 0x201e}, {0x85, 0x2026}, {0x86, 0x2020}, {0x87, 0x2021},
      {0x88, 0x2c6},  {0x89, 0x2030}, {0x8a, 0x160},  {0x8b, 0x2039}, {0x8c, 0x152},
      {0x8d, 0x8d},   {0x8e, 0x17d},  {0x8f, 0x8f},   {0x90, 0x90},   {0x91, 0x2018},
      {0x92, 0x2019}, {0x93, 0x201c}, {0x94, 0x201d}, {0x95, 0x2022}, {0x96, 0x2013},
      {0x97, 0x2014}, {0x98, 0x2dc},  {0x99, 0x2122}, {0x9a, 0x161},  {0x9b, 0x203a},
      {0x9c, 0x153},  {0x9d, 0x9d},   {0x9e, 0x17e},  {0x9f, 0x178}};
  for (const auto& [k, v] : kMap) {
    if (k == n) {
      found = true;
      return v;
    }
  }
  found = false;
  return 0;
}

bool invalid_codepoint(uint64_t n) {
  return (n >= 0x1 && n <= 0x8) || n == 0xb || (n >= 0xe && n <= 0x1f) ||
         (n >= 0x7f && n <= 0x9f) || (n >= 0xfdd0 && n <= 0xfdef) || (n & 0xfffe) == 0xfffe;
}

bool is_hex(char c) {
  return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}
bool is_dec(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

namespace {
// Which bytes escaping replaces.
constexpr std::array<bool, 256> kSpecial = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : std::string_view("&<>'\"")) t[c] = true;
  return t;
}();

// The first byte at or after `i` that escaping replaces, or `n`.
size_t next_special(const char* p, size_t i, size_t n) {
#ifdef __SSE2__
  // & and ' (26, 27) are one compare with the low bit set, < and > (3C, 3E) one with the
  // second bit set, " (22) a third.
  auto specials = [](const char* q) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
    __m128i hit = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(_mm_or_si128(v, _mm_set1_epi8(1)), _mm_set1_epi8('\'')),
                     _mm_cmpeq_epi8(_mm_or_si128(v, _mm_set1_epi8(2)), _mm_set1_epi8('>'))),
        _mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
    return static_cast<unsigned>(_mm_movemask_epi8(hit));
  };
  for (; i + 16 <= n; i += 16) {
    if (unsigned mask = specials(p + i)) return i + static_cast<size_t>(__builtin_ctz(mask));
  }
  if (i < n && n >= 16) {
    // The rest: the last 16 bytes, less those already looked at.
    size_t base = n - 16;
    unsigned mask = specials(p + base) & (0xFFFFu << (i - base));
    return mask ? base + static_cast<size_t>(__builtin_ctz(mask)) : n;
  }
#endif
  for (; i < n; ++i) {
    if (kSpecial[static_cast<unsigned char>(p[i])]) return i;
  }
  return n;
}

// The first byte at or after `i` that may start white space or an entity in text being
// stripped, or `n`: ASCII controls and space, '&', the non-ASCII spaces (U+0085, U+00A0,
// U+1680, U+2000-U+205F, U+3000); near the end, any lead byte of those (C2, E1, E2, E3).
size_t next_text_special(const char* p, size_t i, size_t n) {
#ifdef __SSE2__
  // Sixteen bytes at a time, each with the two after it: a stop only where white space (as
  // Python's str.isspace() has it) or '&' can start. The lead bytes of CJK punctuation
  // (E3 80 82 。, E2 80 9C “) are common in Chinese text and no longer stop the run.
  auto eq = [](__m128i v, int b) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(b))); };
  auto at_most = [](__m128i v, int b) {  // unsigned v <= b
    const __m128i limit = _mm_set1_epi8(static_cast<char>(b));
    return _mm_cmpeq_epi8(_mm_max_epu8(v, limit), limit);
  };
  auto both = [](__m128i a, __m128i b) { return _mm_and_si128(a, b); };
  auto either = [](__m128i a, __m128i b) { return _mm_or_si128(a, b); };
  // The stops among the sixteen bytes at q (q[16] and q[17] are read too), as a bit mask.
  auto stops = [&](const char* q) -> unsigned {
    __m128i v0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q));
    // First the bytes that may start white space or '&' at all (C2, E0-E3 for the lead bytes),
    // then (rarely) which do.
    __m128i leads =
        either(eq(v0, 0xC2), eq(_mm_and_si128(v0, _mm_set1_epi8(static_cast<char>(0xFC))), 0xE0));
    __m128i hit = either(at_most(v0, ' '), eq(v0, '&'));
    if (!_mm_movemask_epi8(either(hit, leads))) return 0;
    __m128i v1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q + 1));
    __m128i v2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(q + 2));
    // U+0085, U+00A0: C2 85, C2 A0. U+1680: E1 9A 80.
    hit = either(hit, both(eq(v0, 0xC2), either(eq(v1, 0x85), eq(v1, 0xA0))));
    hit = either(hit, both(eq(v0, 0xE1), eq(v1, 0x9A)));
    // U+2000-U+200A, U+2028, U+2029, U+202F: E2 80 (80-8A, A8, A9, AF); U+205F: E2 81 9F.
    __m128i e2_80 =
        either(either(at_most(v2, 0x8A), eq(v2, 0xA8)), either(eq(v2, 0xA9), eq(v2, 0xAF)));
    hit = either(hit, both(eq(v0, 0xE2),
                           either(both(eq(v1, 0x80), e2_80), both(eq(v1, 0x81), eq(v2, 0x9F)))));
    // U+3000: E3 80 80.
    hit = either(hit, both(both(eq(v0, 0xE3), eq(v1, 0x80)), eq(v2, 0x80)));
    return static_cast<unsigned>(_mm_movemask_epi8(hit));
  };
  for (; i + 18 <= n; i += 16) {
    if (unsigned mask = stops(p + i)) return i + static_cast<size_t>(__builtin_ctz(mask));
  }
  if (i < n && n >= 18) {
    // The rest but the last two bytes: the sixteen before them, less those already looked at.
    const size_t base = n - 18;
    const unsigned mask = stops(p + base) & (~0u << (i - base));
    if (mask) return base + static_cast<size_t>(__builtin_ctz(mask));
    i = std::max(i, n - 2);
  }
#endif
  for (; i < n; ++i) {
    auto b = static_cast<unsigned char>(p[i]);
    if (b <= ' ' || b == '&' || b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3) return i;
  }
  return n;
}

}  // namespace

void escape_html(std::string_view text, std::string& out) {
  size_t start = 0;
  const size_t n = text.size();
  for (size_t i = next_special(text.data(), 0, n); i < n; i = next_special(text.data(), i + 1, n)) {
    const char* rep;
    switch (text[i]) {
      case '&':
        rep = "&amp;";
        break;
      case '<':
        rep = "&lt;";
        break;
      case '>':
        rep = "&gt;";
        break;
      case '\'':
        rep = "&#39;";
        break;
      case '"':
        rep = "&#34;";
        break;
      default:
        continue;
    }
    out.append(text.data() + start, i - start);
    out += rep;
    start = i + 1;
  }
  out.append(text.data() + start, text.size() - start);
}

bool needs_escaping(std::string_view text) {
  return next_special(text.data(), 0, text.size()) < text.size();
}

Value escape(const Value& value) {
  if (value.is_safe()) return value;
  if (value.is_object() && value.as_object()->is_safe()) {
    std::string s;
    value.as_object()->str(s);
    return Value::markup(s);
  }
  if (value.is_string()) {
    if (value.escapes_to_itself() || !needs_escaping(value.as_string())) return value.as_markup();
    std::string out;
    escape_html(value.as_string(), out);
    return Value::markup(out);
  }
  std::string text = to_python_str(value);
  std::string out;
  escape_html(text, out);
  return Value::markup(out);
}

template <class Out>
void strip_tags_into(std::string_view html, Out& out, bool& entities) {
  // <!--.*?--> first (only when there are comments), then <.*?>, then white space collapsed.
  std::string without_comments;
  if (html.find("<!--") != std::string_view::npos) {
    for (size_t i = 0; i < html.size();) {
      size_t open = html.find("<!--", i);
      size_t close = open == std::string_view::npos ? open : html.find("-->", open + 4);
      if (close == std::string_view::npos) {
        without_comments.append(html.substr(i));
        break;
      }
      without_comments.append(html.substr(i, open - i));
      i = close + 3;
    }
    html = without_comments;
  }
  out.reserve(html.size());
  bool space = false;
  entities = false;
  auto text = [&](std::string_view piece) {
    for (size_t i = 0; i < piece.size();) {
      // Fast path: bytes that cannot start white space or '&' (most CJK and ASCII text).
      size_t run = next_text_special(piece.data(), i, piece.size());
      if (run > i) {
        // Continuation bytes of a character whose lead byte stopped the run stay with it.
        while (run < piece.size() && (static_cast<unsigned char>(piece[run]) & 0xC0) == 0x80) ++run;
        if (space) {
          out += ' ';
          space = false;
        }
        out.append(piece.substr(i, run - i));
        i = run;
        continue;
      }
      size_t start = i;
      char32_t c = pystr::next(piece, i);
      if (pystr::is_space(c)) {
        space = !out.empty();
        continue;
      }
      if (space) {
        out += ' ';
        space = false;
      }
      if (c == '&') entities = true;
      out.append(piece.substr(start, i - start));
    }
  };
  for (size_t i = 0; i < html.size();) {
    size_t open = html.find('<', i);
    size_t close = open == std::string_view::npos ? open : html.find('>', open + 1);
    if (close == std::string_view::npos) {
      text(html.substr(i));
      break;
    }
    text(html.substr(i, open - i));
    i = close + 1;
  }
}

std::string striptags(std::string_view html) {
  std::string out;
  bool entities;
  strip_tags_into(html, out, entities);
  return entities ? unescape(out) : out;
}

Value striptags_value(std::string_view html) {
  StringBuilder out;
  bool entities;
  strip_tags_into(html, out, entities);
  if (entities) return Value(unescape(out.view()));
  return out.build();
}

std::string unescape(std::string_view s) {
  if (s.find('&') == std::string_view::npos) return std::string(s);
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    size_t amp = s.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(s.substr(i));
      break;
    }
    out.append(s.substr(i, amp - i));
    size_t p = amp + 1;
    if (p < s.size() && s[p] == '#') {
      size_t q = p + 1;
      bool hex = q < s.size() && (s[q] == 'x' || s[q] == 'X');
      if (hex) ++q;
      size_t digits_start = q;
      while (q < s.size() && (hex ? is_hex(s[q]) : is_dec(s[q]))) ++q;
      if (q == digits_start) {
        // Not a reference: '&' stays, scanning resumes after it.
        out += '&';
        i = amp + 1;
        continue;
      }
      uint64_t n = 0;
      for (size_t k = digits_start; k < q; ++k) {
        int d =
            is_dec(s[k]) ? s[k] - '0' : (std::tolower(static_cast<unsigned char>(s[k])) - 'a' + 10);
        n = n > 0x10ffffff ? n : n * (hex ? 16 : 10) + static_cast<uint64_t>(d);
      }
      if (q < s.size() && s[q] == ';') ++q;
      bool found;
      char32_t mapped = invalid_charref(n, found);
      if (found) {
        pystr::append(out, mapped);
      } else if ((n >= 0xD800 && n <= 0xDFFF) || n > 0x10FFFF) {
        pystr::append(out, 0xFFFD);
      } else if (!invalid_codepoint(n)) {
        pystr::append(out, static_cast<char32_t>(n));
      }
      i = q;
      continue;
    }
    // Named: up to 32 characters other than \t \n \f space < & # ; then an optional ';'.
    size_t q = p;
    size_t chars = 0;
    while (q < s.size() && chars < 32) {
      char c = s[q];
      if (c == '\t' || c == '\n' || c == '\f' || c == ' ' || c == '<' || c == '&' || c == '#' ||
          c == ';')
        break;
      pystr::next(s, q);
      ++chars;
    }
    if (chars == 0) {
      out += '&';
      i = amp + 1;
      continue;
    }
    if (q < s.size() && s[q] == ';') ++q;
    std::string_view name = s.substr(p, q - p);
    if (const char* text = find_entity(name)) {
      out += text;
      i = q;
      continue;
    }
    // The longest prefix that is a known name (at least two characters).
    bool replaced = false;
    std::u32string cps = pystr::decode(name);
    for (size_t x = cps.size() - 1; x > 1; --x) {
      std::string prefix = pystr::encode(std::u32string_view(cps).substr(0, x));
      if (const char* text = find_entity(prefix)) {
        out += text;
        out += name.substr(prefix.size());
        replaced = true;
        break;
      }
    }
    if (!replaced) {
      out += '&';
      out += name;
    }
    i = q;
  }
  return out;
}

}  // namespace gazette::templating
