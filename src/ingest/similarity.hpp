// Content similarity by character bigrams (of CJK letters, Latin letters and digits, never
// across punctuation or spaces), weighted by how rare each bigram is among an issue's texts:
// what headline re-attachment and article splitting compare.
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gazette::ingest {

using Gram = std::uint64_t;

// The distinct bigrams of a text (sorted), from its first `max_letters` letters only.
std::vector<Gram> bigrams(std::u32string_view text, size_t max_letters = SIZE_MAX);

// The bigrams of a text as a hash set: built in linear time, for membership tests.
class GramSet {
 public:
  GramSet() = default;
  explicit GramSet(std::u32string_view text, size_t max_letters = SIZE_MAX);
  bool contains(Gram g) const {
    if (slots_.empty()) return false;
    const size_t mask = slots_.size() - 1;
    for (size_t i = mix(g) & mask;; i = (i + 1) & mask) {
      if (slots_[i] == g) return true;
      if (slots_[i] == 0) return false;
    }
  }
  bool empty() const { return size_ == 0; }

 private:
  static Gram mix(Gram g) {
    g ^= g >> 33;
    g *= 0xff51afd7ed558ccdULL;
    g ^= g >> 33;
    return g;
  }
  void insert(Gram g) {
    const size_t mask = slots_.size() - 1;
    for (size_t i = mix(g) & mask;; i = (i + 1) & mask) {
      if (slots_[i] == g) return;
      if (slots_[i] == 0) {
        slots_[i] = g;
        ++size_;
        return;
      }
    }
  }
  std::vector<Gram> slots_;  // open addressing; 0 is empty (no bigram is 0)
  size_t size_ = 0;
};

// Inverse document frequency of bigrams over a set of texts (their bigram sets, which must
// outlive it). Weights are computed on first use and remembered, so only the bigrams that are
// actually compared cost anything.
class Idf {
 public:
  void add(const GramSet& doc) { docs_.push_back(&doc); }
  // log((N + 1) / (df + 0.5)): rare bigrams weigh more; unseen ones weigh most.
  double weight(Gram g) const;

 private:
  std::vector<const GramSet*> docs_;
  mutable std::unordered_map<Gram, double> memo_;
};

// The weighted share of `needle`'s bigrams found in `hay` (0…1).
double overlap(const std::vector<Gram>& needle, const GramSet& hay, const Idf& idf);

// A text's bigrams with their weights, for comparing it with many texts.
struct WeightedGrams {
  std::vector<Gram> grams;
  std::vector<double> weights;  // as overlap() weighs them
  double total = 0;
};
WeightedGrams weigh(const std::vector<Gram>& grams, const Idf& idf);

// overlap() of weighed bigrams: the same result, without looking the weights up again.
double overlap(const WeightedGrams& needle, const GramSet& hay);

// Dice coefficient of two bigram sets (0…1): how much two texts share.
double dice(const std::vector<Gram>& a, const std::vector<Gram>& b);

}  // namespace gazette::ingest
