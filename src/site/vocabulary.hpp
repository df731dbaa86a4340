// Tags from the site's vocabulary: every term whose name or alias occurs in an article's title
// or body, found in one pass over the text (an Aho–Corasick automaton over code points, so
// that the many characters no term starts with are passed over with one lookup each).
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "config/site_config.hpp"

namespace gazette::site {

class VocabularyMatcher {
 public:
  explicit VocabularyMatcher(const std::vector<config::VocabularyTerm>& terms);

  // The indices (into the vocabulary) of the terms found in `text`, ascending, each once.
  std::vector<int> find(std::string_view text) const;

  // The terms found in `text` with how often each is mentioned (by its name or any alias;
  // overlapping words of one term are one mention), ascending by term.
  std::vector<std::pair<int, int>> count(std::string_view text) const;

  bool empty() const { return term_count_ == 0; }

 private:
  struct Node {
    std::vector<std::pair<char32_t, int>> next;  // sorted by code point
    int fail = 0;
    int output = -1;       // term ending here, or -1
    int length = 0;        // of the word ending here, in code points
    int output_link = -1;  // nearest node on the fail chain with an output
  };
  int child(int node, char32_t c) const;
  std::vector<Node> nodes_;
  // The root's children by code point (the Basic Multilingual Plane), -1 where none: every
  // character of a text is looked up there, most of them in vain.
  std::vector<std::int32_t> root_;
  size_t term_count_ = 0;
};

}  // namespace gazette::site
