// Article slugs: the last part of an article's URL (/2022/11/08/<slug>/), unique within its
// issue and the same on every build.
#pragma once

#include <string>
#include <vector>

#include "base/result.hpp"
#include "config/site_config.hpp"
#include "model/issue.hpp"
#include "text/slug.hpp"

namespace gazette::site {

// One slug per article of `issue`, in order: the article's own `slug` when it has one (from
// Markdown front matter), else by `style` — pinyin of the title (an untitled article gets its
// number) or the article's number. Collisions get `-2`, `-3` … in article order. Two articles
// with the same slug of their own, or a slug that is not one URL path segment, is an error.
Result<std::vector<std::string>> article_slugs(const model::Issue& issue, config::SlugStyle style,
                                               const text::Slugger& slugger, size_t max_length);

}  // namespace gazette::site
