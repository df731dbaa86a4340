// Sorting for index pages: ICU collation (pinyin order for Chinese) and the A–Z headings
// that pinyin-ordered lists are grouped under.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

// ICU classes live in a versioned namespace; declare them the way ICU does.
U_NAMESPACE_BEGIN
class Collator;
class AlphabeticIndex;
U_NAMESPACE_END

namespace gazette::text {

// Compares texts in the order readers of `locale` expect: for "zh", CLDR's pinyin order
// (digits, then Han characters by pinyin, then Latin letters). One per thread.
class Collation {
 public:
  explicit Collation(std::string_view locale = "zh");
  ~Collation();
  Collation(const Collation&) = delete;
  Collation& operator=(const Collation&) = delete;

  // Negative, zero or positive as `a` sorts before, with, or after `b`.
  int compare(std::string_view a, std::string_view b) const;

  // A byte string whose plain byte order is the collation order (for sorting many items).
  std::string sort_key(std::string_view text) const;

  // Sorts UTF-8 strings in collation order (stable for equal keys).
  void sort(std::vector<std::string>& items) const;

 private:
  std::unique_ptr<icu::Collator> collator_;
};

// The heading a word is listed under on an A–Z index page: the initial of its pinyin for
// Chinese ("曹慧泉" → "C"), its first letter for Latin text, "#" for digits and symbols.
// Built on ICU's AlphabeticIndex. One per thread.
class IndexHeadings {
 public:
  explicit IndexHeadings(std::string_view locale = "zh");
  ~IndexHeadings();
  IndexHeadings(const IndexHeadings&) = delete;
  IndexHeadings& operator=(const IndexHeadings&) = delete;

  // The heading label for `text`.
  std::string heading(std::string_view text) const;

  // All headings in display order (A … Z, then "#").
  const std::vector<std::string>& headings() const { return headings_; }

 private:
  std::unique_ptr<icu::AlphabeticIndex> index_;
  std::vector<std::string> bucket_labels_;  // by ICU bucket number; under/overflow are "#"
  std::vector<std::string> headings_;
};

}  // namespace gazette::text
