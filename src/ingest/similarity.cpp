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

namespace {

Gram mix(Gram g) {
  g ^= g >> 33;
  g *= 0xff51afd7ed558ccdULL;
  g ^= g >> 33;
  return g;
}

}  // namespace

GramSet::GramSet(std::u32string_view s, size_t max_letters) {
  size_t cap = 16;
  while (cap < s.size() * 2 + 2) cap <<= 1;
  slots_.assign(cap, 0);
  char32_t prev = 0;
  size_t letters = 0;
  for (char32_t c : s) {
    bool letter = is_cjk_letter(c) || is_latin(c) || is_digit(c);
    if (!letter) {
      prev = 0;
      continue;
    }
    if (++letters > max_letters) break;
    if (prev) insert((static_cast<Gram>(prev) << 32) | c);
    prev = c;
  }
}

void GramSet::insert(Gram g) {
  size_t mask = slots_.size() - 1;
  for (size_t i = mix(g) & mask;; i = (i + 1) & mask) {
    if (slots_[i] == g) return;
    if (slots_[i] == 0) {
      slots_[i] = g;
      ++size_;
      return;
    }
  }
}

bool GramSet::contains(Gram g) const {
  if (slots_.empty()) return false;
  size_t mask = slots_.size() - 1;
  for (size_t i = mix(g) & mask;; i = (i + 1) & mask) {
    if (slots_[i] == g) return true;
    if (slots_[i] == 0) return false;
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
