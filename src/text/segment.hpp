// Word segmentation of Chinese (and any other) text with ICU's dictionary-based word
// BreakIterator, for keywords and the search index.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

// ICU classes live in a versioned namespace; declare them the way ICU does.
U_NAMESPACE_BEGIN
class BreakIterator;
U_NAMESPACE_END

namespace gazette::text {

// One segmenter per thread: ICU break iterators keep state while they walk a text.
class WordSegmenter {
 public:
  // A segmenter with the word rules and dictionaries of `locale` (Chinese by default).
  explicit WordSegmenter(std::string_view locale = "zh");
  ~WordSegmenter();
  WordSegmenter(const WordSegmenter&) = delete;
  WordSegmenter& operator=(const WordSegmenter&) = delete;

  // The words of a UTF-8 text in order, as views into it: runs of letters, ideographs or
  // digits; spaces and punctuation are left out. Linear in the length of the text.
  std::vector<std::string_view> words(std::string_view text) const;

 private:
  std::unique_ptr<icu::BreakIterator> iterator_;
};

}  // namespace gazette::text
