// URL slugs: pinyin (or other romanisation) of a title, ASCII, lower case, hyphen separated.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
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

// How Han characters romanise, as ICU's Han-Latin rules say: the characters read together with
// the next one (重庆 → "chong qing") and the syllables of every character (or pair) met so far.
// Sluggers share one table across threads and add what they meet; kept between runs (`text`,
// `parse`), it spares a run that meets no new character from compiling ICU's rules, which takes
// ~0.1 s — the longest wait of a small rebuild.
class HanReadings {
 public:
  // A table read from ICU's rules, with no syllables yet.
  static std::unique_ptr<HanReadings> from_icu();
  // The table `text` holds (as written by `text`), or none when it is damaged or was written
  // with another version of ICU.
  static std::unique_ptr<HanReadings> parse(std::string_view text);

  // Everything known, to be parsed again later.
  std::string text() const;
  // Whether syllables were added since the table was made or read.
  bool grew() const;

 private:
  friend class Slugger;
  HanReadings() = default;
  // Known syllables, by first | second << 32: those read (never changed once Sluggers use the
  // table), then those added since (under the lock).
  const std::string* find(std::uint64_t key) const;
  void add(std::uint64_t key, const std::string& syllables) const;

  std::unordered_multimap<char32_t, char32_t> contexts_;
  std::unordered_map<std::uint64_t, std::string> read_;
  mutable std::mutex mutex_;
  mutable std::unordered_map<std::uint64_t, std::string> added_;
};

// Makes slugs with ICU's transliterators: `Han-Latin; Latin-ASCII` for Chinese (so
// 加快构建网络空间命运共同体 → jia-kuai-gou-jian-wang-luo-kong-jian-ming-yun-gong-tong-ti) and
// `Any-Latin; Latin-ASCII` for other scripts. ICU's Han-Latin rules map single characters,
// except a few contextual ones (重庆 → chong qing) read from the rules themselves, so each
// character's romanisation is remembered after its first use: the same result as running the
// transliterator on the whole text, about a hundred times faster.
// One per thread: ICU transliterators and the memo are not shared between threads.
class Slugger {
 public:
  // A slugger that romanises with `readings` (which must outlive it, and may be shared with
  // other threads' sluggers), and asks ICU only for characters the table does not have;
  // without one, with a table of its own, read from ICU now.
  explicit Slugger(const HanReadings* readings = nullptr);
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

  // Whether this slugger had to ask ICU for a Han character's syllables.
  bool asked_icu() const { return han_ != nullptr; }

 private:
  // ASCII romanisation of one Han character (`second` 0), or of a contextual pair such as 重庆.
  const std::string& han_syllables(char32_t first, char32_t second) const;
  // ASCII romanisation of a run of other non-ASCII text (kana, hangul, Cyrillic, accents…).
  std::string other_script(std::string_view run) const;

  std::unique_ptr<HanReadings> own_;  // the table of a slugger made without one
  const HanReadings* readings_;
  mutable std::unique_ptr<icu::Transliterator> han_;  // Han-Latin; Latin-ASCII, on first use
  mutable std::unique_ptr<icu::Transliterator> any_;  // Any-Latin; Latin-ASCII, on first use
  // Romanisations of characters and pairs met before, by first | second << 32.
  mutable std::unordered_map<std::uint64_t, std::string> memo_;
};

}  // namespace gazette::text
