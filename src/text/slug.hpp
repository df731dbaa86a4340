// URL slugs: pinyin (or other romanisation) of a title, ASCII, lower case, hyphen separated.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include <unicode/uversion.h>

// ICU classes live in a versioned namespace; declare them the way ICU does.
U_NAMESPACE_BEGIN
class Transliterator;
U_NAMESPACE_END

namespace gazette::text {

// Makes slugs with ICU's transliterators: `Han-Latin; Latin-ASCII` for Chinese (so
// 加快构建网络空间命运共同体 → jia-kuai-gou-jian-wang-luo-kong-jian-ming-yun-gong-tong-ti) and
// `Any-Latin; Latin-ASCII` for other scripts. ICU's Han-Latin rules map single characters,
// except a few contextual ones (重庆 → chong qing) read from the rules themselves, so each
// character's romanisation is remembered after its first use: the same result as running the
// transliterator on the whole text, about a hundred times faster.
// One per thread: ICU transliterators and the memo are not shared between threads.
class Slugger {
 public:
  Slugger();
  ~Slugger();
  Slugger(const Slugger&) = delete;
  Slugger& operator=(const Slugger&) = delete;

  // The slug of a UTF-8 text: [a-z0-9] words joined by single hyphens, at most `max_length`
  // characters and cut only between syllables. Empty when nothing in the text romanises.
  // Time is bounded by `max_length`, not by the length of the text.
  std::string slug(std::string_view text, size_t max_length = 60) const;

  // The romanisation of a text, syllables separated by spaces, tones removed
  // (股市 → "gu shi"), for slugs, sort keys and search.
  std::string romanize(std::string_view text) const;

 private:
  // ASCII romanisation of one Han character (`second` 0), or of a contextual pair such as 重庆.
  const std::string& han_syllables(char32_t first, char32_t second) const;
  // ASCII romanisation of a run of other non-ASCII text (kana, hangul, Cyrillic, accents…).
  std::string other_script(std::string_view run) const;

  std::unique_ptr<icu::Transliterator> han_;          // Han-Latin; Latin-ASCII
  mutable std::unique_ptr<icu::Transliterator> any_;  // Any-Latin; Latin-ASCII, on first use
  // Han characters whose reading depends on the next one (from ICU's `{重}' '?庆` rules).
  std::unordered_multimap<char32_t, char32_t> contexts_;
  // Romanisations of characters and pairs met before, by first | second << 32.
  mutable std::unordered_map<std::uint64_t, std::string> memo_;
};

}  // namespace gazette::text
