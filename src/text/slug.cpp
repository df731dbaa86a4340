#include "text/slug.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <vector>

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

std::unique_ptr<HanReadings> HanReadings::from_icu() {
  std::unique_ptr<HanReadings> table(new HanReadings());
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
      if (is_han(first) && is_han(second)) table->contexts_.emplace(first, second);
    }
    pos = i;
  }
  // Compiled once here, the rules cost the sluggers that ask ICU later a few ms, not ~0.1 s.
  make_transliterator("Han-Latin; Latin-ASCII");
  return table;
}

namespace {

// The first line of a table's text: which ICU its readings come from.
std::string readings_header() {
  return std::string("gazette-han-readings 1 ICU ") + U_ICU_VERSION + "\n";
}

}  // namespace

std::string HanReadings::text() const {
  // Sorted, so that the same table is always the same text.
  std::vector<std::pair<char32_t, char32_t>> pairs(contexts_.begin(), contexts_.end());
  std::sort(pairs.begin(), pairs.end());
  std::vector<std::pair<std::uint64_t, const std::string*>> syllables;
  std::lock_guard lock(mutex_);
  for (const auto& [key, value] : read_) syllables.emplace_back(key, &value);
  for (const auto& [key, value] : added_) syllables.emplace_back(key, &value);
  std::sort(syllables.begin(), syllables.end());
  std::string out = readings_header();
  for (const auto& [first, second] : pairs)
    out += fmt::format("c {:x} {:x}\n", static_cast<std::uint32_t>(first),
                       static_cast<std::uint32_t>(second));
  for (const auto& [key, value] : syllables) out += fmt::format("s {:x} {}\n", key, *value);
  return out;
}

std::unique_ptr<HanReadings> HanReadings::parse(std::string_view text) {
  const std::string header = readings_header();
  if (text.substr(0, header.size()) != header) return nullptr;
  text.remove_prefix(header.size());
  std::unique_ptr<HanReadings> table(new HanReadings());
  auto hex = [](std::string_view& line, std::uint64_t& value) {
    auto [end, ec] = std::from_chars(line.data(), line.data() + line.size(), value, 16);
    if (ec != std::errc() || end == line.data()) return false;
    line.remove_prefix(static_cast<size_t>(end - line.data()));
    return true;
  };
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    if (nl == std::string_view::npos) return nullptr;  // cut short
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl + 1);
    if (line.size() < 2 || line[1] != ' ') return nullptr;
    const char kind = line[0];
    line.remove_prefix(2);
    std::uint64_t a = 0, b = 0;
    if (!hex(line, a) || line.empty() || line[0] != ' ') return nullptr;
    line.remove_prefix(1);
    if (kind == 'c') {
      if (!hex(line, b) || !line.empty() || a > 0x10FFFF || b > 0x10FFFF) return nullptr;
      table->contexts_.emplace(static_cast<char32_t>(a), static_cast<char32_t>(b));
    } else if (kind == 's') {
      table->read_.emplace(a, std::string(line));
    } else {
      return nullptr;
    }
  }
  return table;
}

bool HanReadings::grew() const {
  std::lock_guard lock(mutex_);
  return !added_.empty();
}

const std::string* HanReadings::find(std::uint64_t key) const {
  if (auto it = read_.find(key); it != read_.end()) return &it->second;
  std::lock_guard lock(mutex_);
  auto it = added_.find(key);
  return it != added_.end() ? &it->second : nullptr;  // never moved: a node-based map
}

void HanReadings::add(std::uint64_t key, const std::string& syllables) const {
  std::lock_guard lock(mutex_);
  added_.emplace(key, syllables);
}

Slugger::Slugger(const HanReadings* readings)
    : own_(readings ? nullptr : HanReadings::from_icu()),
      readings_(readings ? readings : own_.get()) {}

Slugger::~Slugger() = default;

const std::string& Slugger::han_syllables(char32_t first, char32_t second) const {
  const std::uint64_t key = first | static_cast<std::uint64_t>(second) << 32;
  auto it = memo_.find(key);
  if (it != memo_.end()) return it->second;
  if (const std::string* known = readings_->find(key))
    return memo_.emplace(key, *known).first->second;
  if (!han_) han_ = make_transliterator("Han-Latin; Latin-ASCII");
  icu::UnicodeString u;
  u.append(static_cast<UChar32>(first));
  if (second != 0) u.append(static_cast<UChar32>(second));
  const std::string& syllables = memo_.emplace(key, run(*han_, u)).first->second;
  readings_->add(key, syllables);
  return syllables;
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
      auto [from, to] = readings_->contexts_.equal_range(c);
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
