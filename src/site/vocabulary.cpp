#include "site/vocabulary.hpp"

#include <algorithm>
#include <deque>

namespace gazette::site {

int VocabularyMatcher::child(int node, unsigned char byte) const {
  const auto& next = nodes_[static_cast<size_t>(node)].next;
  auto it = std::lower_bound(next.begin(), next.end(), byte,
                             [](const auto& p, unsigned char b) { return p.first < b; });
  return it != next.end() && it->first == byte ? it->second : -1;
}

VocabularyMatcher::VocabularyMatcher(const std::vector<config::VocabularyTerm>& terms)
    : term_count_(terms.size()) {
  nodes_.emplace_back();
  auto add = [&](std::string_view word, int term) {
    if (word.empty()) return;
    int node = 0;
    for (unsigned char b : word) {
      int next = child(node, b);
      if (next < 0) {
        next = static_cast<int>(nodes_.size());
        nodes_.emplace_back();
        auto& edges = nodes_[static_cast<size_t>(node)].next;
        edges.insert(std::lower_bound(edges.begin(), edges.end(), b,
                                      [](const auto& p, unsigned char x) { return p.first < x; }),
                     {b, next});
      }
      node = next;
    }
    // A word listed twice (a name that is also another term's alias) belongs to the first.
    if (nodes_[static_cast<size_t>(node)].output < 0)
      nodes_[static_cast<size_t>(node)].output = term;
  };
  for (size_t t = 0; t < terms.size(); ++t) {
    add(terms[t].name, static_cast<int>(t));
    for (const auto& alias : terms[t].aliases) add(alias, static_cast<int>(t));
  }
  // Breadth-first: failure links and output links.
  std::deque<int> queue;
  for (const auto& [byte, next] : nodes_[0].next) queue.push_back(next);
  while (!queue.empty()) {
    int node = queue.front();
    queue.pop_front();
    for (const auto& [byte, next] : nodes_[static_cast<size_t>(node)].next) {
      int f = nodes_[static_cast<size_t>(node)].fail;
      while (f != 0 && child(f, byte) < 0) f = nodes_[static_cast<size_t>(f)].fail;
      int target = child(f, byte);
      Node& n = nodes_[static_cast<size_t>(next)];
      n.fail = target >= 0 && target != next ? target : 0;
      const Node& fail = nodes_[static_cast<size_t>(n.fail)];
      n.output_link = fail.output >= 0 ? n.fail : fail.output_link;
      queue.push_back(next);
    }
  }
}

std::vector<int> VocabularyMatcher::find(std::string_view text) const {
  std::vector<int> found;
  if (term_count_ == 0) return found;
  int node = 0;
  for (unsigned char b : text) {
    while (node != 0 && child(node, b) < 0) node = nodes_[static_cast<size_t>(node)].fail;
    int next = child(node, b);
    node = next < 0 ? 0 : next;
    for (int n = node; n >= 0 && n != 0; n = nodes_[static_cast<size_t>(n)].output_link) {
      if (nodes_[static_cast<size_t>(n)].output >= 0)
        found.push_back(nodes_[static_cast<size_t>(n)].output);
    }
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

}  // namespace gazette::site
