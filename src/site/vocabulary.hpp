// Tags from the site's vocabulary: every term whose name or alias occurs in an article's title
// or body, found in one pass over the text (Aho–Corasick automaton over UTF-8 bytes).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "config/site_config.hpp"

namespace gazette::site {

class VocabularyMatcher {
 public:
  explicit VocabularyMatcher(const std::vector<config::VocabularyTerm>& terms);

  // The indices (into the vocabulary) of the terms found in `text`, ascending, each once.
  std::vector<int> find(std::string_view text) const;

  bool empty() const { return term_count_ == 0; }

 private:
  struct Node {
    std::vector<std::pair<unsigned char, int>> next;  // sorted by byte
    int fail = 0;
    int output = -1;       // term ending here, or -1
    int output_link = -1;  // nearest node on the fail chain with an output
  };
  int child(int node, unsigned char byte) const;
  std::vector<Node> nodes_;
  size_t term_count_ = 0;
};

}  // namespace gazette::site
