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
    bool letter = is_cjk_letter(c) || is_latin(c) || is_digit(c);
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

void Idf::add(const std::vector<Gram>& doc) {
  ++docs_;
  for (Gram g : doc) ++df_[g];
}

double Idf::weight(Gram g) const {
  auto it = df_.find(g);
  double df = it == df_.end() ? 0 : it->second;
  return std::log((static_cast<double>(docs_) + 1) / (df + 0.5));
}

double overlap(const std::vector<Gram>& needle, const std::vector<Gram>& hay, const Idf& idf) {
  double total = 0, found = 0;
  for (Gram g : needle) {
    double w = std::max(idf.weight(g), 0.05);
    total += w;
    if (std::binary_search(hay.begin(), hay.end(), g)) found += w;
  }
  return total > 0 ? found / total : 0;
}

double cosine(const std::vector<Gram>& a, const std::vector<Gram>& b, const Idf& idf) {
  double na = 0, nb = 0, dot = 0;
  for (Gram g : a) {
    double w = std::max(idf.weight(g), 0.05);
    na += w * w;
    if (std::binary_search(b.begin(), b.end(), g)) dot += w * w;
  }
  for (Gram g : b) {
    double w = std::max(idf.weight(g), 0.05);
    nb += w * w;
  }
  return na > 0 && nb > 0 ? dot / std::sqrt(na * nb) : 0;
}

}  // namespace gazette::ingest
