#include "site/vocabulary.hpp"

#include <algorithm>
#include <deque>

#include "text/utf8.hpp"

namespace gazette::site {

int VocabularyMatcher::child(int node, char32_t c) const {
  if (node == 0 && c < 0x10000) return root_[c];
  const auto& next = nodes_[static_cast<size_t>(node)].next;
  auto it = std::lower_bound(next.begin(), next.end(), c,
                             [](const auto& p, char32_t x) { return p.first < x; });
  return it != next.end() && it->first == c ? it->second : -1;
}

VocabularyMatcher::VocabularyMatcher(const std::vector<config::VocabularyTerm>& terms)
    : root_(0x10000, -1), term_count_(terms.size()) {
  nodes_.emplace_back();
  auto add = [&](std::string_view word, int term) {
    if (word.empty()) return;
    int node = 0, length = 0;
    for (size_t i = 0; i < word.size();) {
      char32_t c = text::next_code_point(word, i);
      ++length;
      int next = child(node, c);
      if (next < 0) {
        next = static_cast<int>(nodes_.size());
        nodes_.emplace_back();
        auto& edges = nodes_[static_cast<size_t>(node)].next;
        edges.insert(std::lower_bound(edges.begin(), edges.end(), c,
                                      [](const auto& p, char32_t x) { return p.first < x; }),
                     {c, next});
        if (node == 0 && c < 0x10000) root_[c] = next;
      }
      node = next;
    }
    // A word listed twice (a name that is also another term's alias) belongs to the first.
    if (nodes_[static_cast<size_t>(node)].output < 0) {
      nodes_[static_cast<size_t>(node)].output = term;
      nodes_[static_cast<size_t>(node)].length = length;
    }
  };
  for (size_t t = 0; t < terms.size(); ++t) {
    add(terms[t].name, static_cast<int>(t));
    for (const auto& alias : terms[t].aliases) add(alias, static_cast<int>(t));
  }
  // Breadth-first: failure links and output links.
  std::deque<int> queue;
  for (const auto& [c, next] : nodes_[0].next) queue.push_back(next);
  while (!queue.empty()) {
    int node = queue.front();
    queue.pop_front();
    for (const auto& [c, next] : nodes_[static_cast<size_t>(node)].next) {
      int f = nodes_[static_cast<size_t>(node)].fail;
      while (f != 0 && child(f, c) < 0) f = nodes_[static_cast<size_t>(f)].fail;
      int target = child(f, c);
      Node& n = nodes_[static_cast<size_t>(next)];
      n.fail = target >= 0 && target != next ? target : 0;
      const Node& fail = nodes_[static_cast<size_t>(n.fail)];
      n.output_link = fail.output >= 0 ? n.fail : fail.output_link;
      queue.push_back(next);
    }
  }
}

std::vector<std::pair<int, int>> VocabularyMatcher::count(std::string_view text) const {
  std::vector<int> found;
  if (term_count_ == 0) return {};
  // Where the last counted mention of each term ended (in code points): a mention inside or
  // across another of the same term (株洲 within 株洲市) is the same mention.
  std::vector<size_t> counted_to(term_count_, 0);
  int node = 0;
  size_t at = 0;  // code points read
  for (size_t i = 0; i < text.size();) {
    char32_t c = text::next_code_point(text, i);
    ++at;
    int next = child(node, c);
    while (next < 0 && node != 0) {
      node = nodes_[static_cast<size_t>(node)].fail;
      next = child(node, c);
    }
    if (next < 0) {
      node = 0;
      continue;  // no term goes on or starts with this character
    }
    node = next;
    for (int n = node; n > 0; n = nodes_[static_cast<size_t>(n)].output_link) {
      const Node& match = nodes_[static_cast<size_t>(n)];
      if (match.output < 0) continue;
      const auto term = static_cast<size_t>(match.output);
      const size_t start = at - static_cast<size_t>(match.length);
      if (start < counted_to[term]) continue;
      counted_to[term] = at;
      found.push_back(match.output);
    }
  }
  std::sort(found.begin(), found.end());
  std::vector<std::pair<int, int>> counts;
  for (int term : found) {
    if (counts.empty() || counts.back().first != term) counts.emplace_back(term, 0);
    ++counts.back().second;
  }
  return counts;
}

std::vector<int> VocabularyMatcher::find(std::string_view text) const {
  std::vector<int> found;
  for (const auto& [term, n] : count(text)) found.push_back(term);
  return found;
}

}  // namespace gazette::site
