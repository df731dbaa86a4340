#include "site/term_paging.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace gazette::site {

int term_page_count(size_t count, int per_page) {
  const size_t p = static_cast<size_t>(std::max(1, per_page));
  return static_cast<int>(std::max<size_t>(1, (count + p - 1) / p));
}

ArticleRange term_page_articles(size_t count, int per_page, int number) {
  const size_t p = static_cast<size_t>(std::max(1, per_page));
  const int pages = term_page_count(count, per_page);
  if (number < 1 || number > pages) return {};
  if (number == pages) return {0, std::min(count, p)};  // the front page: the newest
  // Page `number` counted from the oldest: positions [(number-1)p, number*p) in oldest-first
  // order (full, since a later page exists).
  const size_t n = static_cast<size_t>(number);
  return {count - n * p, count - (n - 1) * p};
}

std::string term_page_rel(const model::Term& term, int number, int pages) {
  return number >= pages ? term.url : fmt::format("{}page/{}/", term.url, number);
}

}  // namespace gazette::site
