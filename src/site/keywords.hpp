// Automatic keywords: the words that distinguish an article from the rest of the corpus,
// by TF-IDF over ICU word segmentation, with a stop-word list and document-frequency bounds.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "config/site_config.hpp"
#include "text/segment.hpp"

namespace gazette::site {

// An article's candidate keywords: its distinct words with their (title-weighted) counts.
using WordCounts = std::vector<std::pair<std::string, int>>;

// Counts the words of articles. ICU's dictionary does not know many names and recent words
// and leaves them as single characters (曹/慧/泉, 骑/手); runs of such characters, cut at
// function characters, are candidates too, as are dictionary words with a suffix (志愿/者),
// and document frequency keeps only the ones that recur.
// One per thread.
class WordCounter {
 public:
  explicit WordCounter(const config::KeywordSettings& settings);

  // The most frequent candidate words of an article (title words count three times), at most
  // `limit` of them, most frequent first (ties in byte order).
  WordCounts count(std::string_view title, std::string_view body, size_t limit = 60) const;

 private:
  void add_words(std::string_view text, int weight,
                 std::vector<std::pair<std::string_view, int>>& out) const;
  text::WordSegmenter segmenter_;
  std::unordered_set<std::string> stop_words_;
  size_t min_length_;
};

// The keywords of each article: of its candidates, those whose document frequency is within
// the settings' bounds, by descending TF-IDF, at most `per_article`, leaving out words that
// overlap a better one (a piece of it, or a longer word containing it).
std::vector<std::vector<std::string>> choose_keywords(const std::vector<WordCounts>& articles,
                                                      const config::KeywordSettings& settings);

}  // namespace gazette::site
