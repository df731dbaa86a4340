#include "ingest/similarity.hpp"

#include <algorithm>
#include <cmath>

#include "ingest/chars.hpp"

namespace gazette::ingest {

std::vector<Gram> bigrams(std::u32string_view s, size_t max_letters) {
  std::vector<Gram> out;
  char32_t prev = 0;
  size_t letters = 0;
  for (char32_t c : s) {
    bool letter = is_letter_or_digit(c);
    if (!letter) {
      prev = 0;
      continue;
    }
    if (++letters > max_letters) break;
    if (prev) out.push_back((static_cast<Gram>(prev) << 32) | c);
    prev = c;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

GramSet::GramSet(std::u32string_view s, size_t max_letters) {
  // At most one bigram per letter read: the table stays at most half full.
  const size_t most = std::min(s.size(), max_letters);
  size_t cap = 16;
  while (cap < most * 2 + 2) cap <<= 1;
  slots_.assign(cap, 0);
  char32_t prev = 0;
  size_t letters = 0;
  for (char32_t c : s) {
    bool letter = is_letter_or_digit(c);
    if (!letter) {
      prev = 0;
      continue;
    }
    if (++letters > max_letters) break;
    if (prev) insert((static_cast<Gram>(prev) << 32) | c);
    prev = c;
  }
}

double Idf::weight(Gram g) const {
  auto it = memo_.find(g);
  if (it != memo_.end()) return it->second;
  double df = 0;
  for (const auto* doc : docs_) df += doc->contains(g);
  // A bigram in no text at all weighs as one in a single text: rare, not more than rare.
  df = std::max(df, 1.0);
  double w = std::log((static_cast<double>(docs_.size()) + 1) / (df + 0.5));
  memo_.emplace(g, w);
  return w;
}

double overlap(const std::vector<Gram>& needle, const GramSet& hay, const Idf& idf) {
  double total = 0, found = 0;
  for (Gram g : needle) {
    double w = std::max(idf.weight(g), 0.05);
    total += w;
    if (hay.contains(g)) found += w;
  }
  return total > 0 ? found / total : 0;
}

WeightedGrams weigh(const std::vector<Gram>& grams, const Idf& idf) {
  WeightedGrams out;
  out.grams = grams;
  out.weights.reserve(grams.size());
  for (Gram g : grams) {
    double w = std::max(idf.weight(g), 0.05);
    out.weights.push_back(w);
    out.total += w;
  }
  return out;
}

double overlap(const WeightedGrams& needle, const GramSet& hay) {
  double found = 0;
  for (size_t i = 0; i < needle.grams.size(); ++i) {
    if (hay.contains(needle.grams[i])) found += needle.weights[i];
  }
  return needle.total > 0 ? found / needle.total : 0;
}

double dice(const std::vector<Gram>& a, const std::vector<Gram>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t common = 0;
  for (auto x = a.begin(), y = b.begin(); x != a.end() && y != b.end();) {
    if (*x < *y) {
      ++x;
    } else if (*y < *x) {
      ++y;
    } else {
      ++common;
      ++x;
      ++y;
    }
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.size() + b.size());
}

}  // namespace gazette::ingest
