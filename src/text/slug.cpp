#include "text/slug.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <stdexcept>

#include "text/cjk.hpp"
#include "text/utf8.hpp"
#include "text/width.hpp"

namespace gazette::text {

namespace {

std::unique_ptr<icu::Transliterator> make_transliterator(const char* id) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(
      icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !t) {
    throw std::runtime_error(std::string("ICU transliterator ") + id +
                             " unavailable: " + u_errorName(status));
  }
  return t;
}

std::string run(const icu::Transliterator& t, icu::UnicodeString u) {
  t.transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool is_ascii_alnum(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

Slugger::Slugger() : han_(make_transliterator("Han-Latin; Latin-ASCII")) {
  // Contextual rules of Han-Latin look like `{重}' '?庆 > chóng;`.
  std::unique_ptr<icu::Transliterator> rules_of = make_transliterator("Han-Latin");
  icu::UnicodeString rules;
  rules_of->toRules(rules, false);
  std::string text;
  rules.toUTF8String(text);
  size_t pos = 0;
  while ((pos = text.find("\n{", pos)) != std::string::npos) {
    size_t i = pos + 2;
    char32_t first = next_code_point(text, i);
    if (text.compare(i, 6, "}' '?") == 0 || text.compare(i, 5, "}' '?") == 0) {
      i = text.find('?', i) + 1;
      char32_t second = next_code_point(text, i);
      if (is_han(first) && is_han(second)) contexts_.emplace(first, second);
    }
    pos = i;
  }
}

Slugger::~Slugger() = default;

const std::string& Slugger::han_syllables(char32_t first, char32_t second) const {
  const std::uint64_t key = first | static_cast<std::uint64_t>(second) << 32;
  auto it = memo_.find(key);
  if (it != memo_.end()) return it->second;
  icu::UnicodeString u;
  u.append(static_cast<UChar32>(first));
  if (second != 0) u.append(static_cast<UChar32>(second));
  return memo_.emplace(key, run(*han_, u)).first->second;
}

std::string Slugger::other_script(std::string_view run_text) const {
  if (!any_) any_ = make_transliterator("Any-Latin; Latin-ASCII");
  return run(*any_, icu::UnicodeString::fromUTF8(
                        icu::StringPiece(run_text.data(), static_cast<int32_t>(run_text.size()))));
}

std::string Slugger::romanize(std::string_view text) const {
  std::string out;
  out.reserve(text.size() * 2);
  // What the last output came from: CJK syllables are kept apart from Latin words around them
  // ("2022年" → "2022 nian"), while accented or full-width Latin stays in one word.
  enum class Last { kNothing, kSpace, kCjk, kLatin } last = Last::kNothing;
  auto separate = [&] {
    if (last != Last::kNothing && last != Last::kSpace) out += ' ';
  };
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    char32_t c = fold_fullwidth_alnum(next_code_point(text, i));
    if (c < 0x80) {
      if (c == ' ' || c == '\t' || c == '\n') {
        if (last != Last::kSpace && last != Last::kNothing) out += ' ';
        last = Last::kSpace;
        continue;
      }
      if (last == Last::kCjk && is_ascii_alnum(c)) separate();
      out += static_cast<char>(c);
      last = Last::kLatin;
      continue;
    }
    if (is_cjk_punctuation(c) || is_space(c)) {
      // Punctuation separates words and romanises to nothing worth keeping.
      if (last != Last::kSpace && last != Last::kNothing) out += ' ';
      last = Last::kSpace;
      continue;
    }
    if (is_han(c)) {
      separate();
      char32_t second = 0;
      auto [from, to] = contexts_.equal_range(c);
      if (from != to && i < text.size()) {
        size_t j = i;
        char32_t next = next_code_point(text, j);
        for (auto it = from; it != to; ++it) {
          if (it->second == next) {
            second = next;
            i = j;
            break;
          }
        }
      }
      // A contextual pair gives both syllables at once (重庆 → "chong qing").
      out += han_syllables(c, second);
      last = Last::kCjk;
      continue;
    }
    // A run of other non-ASCII characters goes through Any-Latin in one piece (kana and
    // hangul are romanised by syllable, which needs the neighbours).
    size_t end = i;
    while (end < text.size()) {
      size_t k = end;
      char32_t d = next_code_point(text, k);
      if (d < 0x80 || is_han(d) || is_space(d) || is_cjk_punctuation(d)) break;
      end = k;
    }
    bool cjk = is_cjk_letter(c);
    if (cjk || last == Last::kCjk) separate();
    out += other_script(text.substr(start, end - start));
    last = cjk ? Last::kCjk : Last::kLatin;
    i = end;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string Slugger::slug(std::string_view text, size_t max_length) const {
  if (max_length == 0) return {};
  // Every romanised syllable is at least one character, so no more than `max_length` letters
  // of input can matter; allow as much again for punctuation and spaces in between.
  size_t budget = 2 * max_length + 8;
  size_t end = 0;
  for (size_t n = 0; end < text.size() && n < budget; ++n) next_code_point(text, end);
  std::string latin = romanize(text.substr(0, end));

  std::string slug;
  size_t last_complete = 0;  // length of `slug` up to the end of its last complete word
  bool pending_hyphen = false;
  for (size_t i = 0; i <= latin.size(); ++i) {
    char c = i < latin.size() ? latin[i] : ' ';
    if (is_ascii_alnum(static_cast<unsigned char>(c))) {
      if (pending_hyphen && !slug.empty()) slug += '-';
      pending_hyphen = false;
      slug += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      continue;
    }
    // A word just ended (or nothing started).
    if (!slug.empty() && !pending_hyphen) {
      if (slug.size() > max_length) break;
      last_complete = slug.size();
    }
    // An apostrophe inside a romanised word (xi'an, hangug'eo) joins, all else separates.
    if (c == '\'' && i + 1 < latin.size() &&
        is_ascii_alnum(static_cast<unsigned char>(latin[i + 1])) && !slug.empty() &&
        !pending_hyphen) {
      continue;
    }
    pending_hyphen = true;
  }
  if (slug.size() > max_length) {
    // Keep whole words; a single word longer than the limit is cut hard.
    slug.resize(last_complete > 0 ? last_complete : max_length);
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

}  // namespace gazette::text
