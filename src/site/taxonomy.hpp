// Taxonomies (tags, authors): terms in pinyin order, grouped under A–Z headings, each with a
// unique pinyin slug and its articles newest first.
#pragma once

#include <string>
#include <vector>

#include "model/site.hpp"
#include "text/collate.hpp"
#include "text/slug.hpp"

namespace gazette::site {

// A term as collected from the articles, before ordering.
struct TermUse {
  std::string name;
  std::string kind;           // person, place, keyword, author, …
  std::vector<int> articles;  // indices into Site::articles, any order, may repeat
};

// The ICU tools taxonomy building needs (one set per thread).
struct TermTools {
  const text::Collation& collation;
  const text::IndexHeadings& headings;
  const text::Slugger& slugger;
};

// Orders the terms in the collation's order (ties by code point order, so the result is
// deterministic), gives each a slug unique within the taxonomy (`zhang-wei`, `zhang-wei-2`)
// and the URL `<name>/<slug>/`, and sorts each term's articles newest first (by issue, then
// position in the issue). Articles are looked up in `site` for their issue; `site` numbers its
// articles issue by issue, in issue order (as build_site_model does).
model::Taxonomy make_taxonomy(const std::string& name, std::vector<TermUse> terms,
                              const model::Site& site, const TermTools& tools);

}  // namespace gazette::site
