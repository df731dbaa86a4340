// How the articles of a tag or an author are split into pages that stay as they are while the
// archive grows by an issue a day.
//
// The pages are counted from the oldest article: page 1 holds the oldest `per_page` articles,
// page 2 the next ones, and so on; a page that is full never changes again. The term's own URL
// (`tags/<slug>/`, the front page) shows the newest `per_page` articles and counts as the last
// page, the one still filling up; `page/N/` exists for every page before it. Adding an article
// to a term changes its front page only (and, when a page fills up, the page count that every
// page shows): the newest-first pagination of other generators moves every article of the term
// to another page instead, so one new issue re-renders every page of every term it touches.
#pragma once

#include <cstddef>
#include <string>

#include "model/site.hpp"

namespace gazette::site {

// The pages of a term with `count` articles: at least 1.
int term_page_count(size_t count, int per_page);

// The articles on page `number` (1 = oldest, term_page_count = the front page) as a range
// [first, last) of positions in the term's newest-first article list.
struct ArticleRange {
  size_t first = 0;
  size_t last = 0;
};
ArticleRange term_page_articles(size_t count, int per_page, int number);

// The folder of page `number` of `term`: its own URL for the front page, else `…/page/N/`.
std::string term_page_rel(const model::Term& term, int number, int pages);

}  // namespace gazette::site
