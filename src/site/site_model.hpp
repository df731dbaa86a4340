// From issues to the site model: dates and URLs, slugs, authors and tags, the calendar.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "config/site_config.hpp"
#include "model/site.hpp"

namespace gazette::site {

// An issue as read from content/, before it has a place in the site.
struct LoadedIssue {
  model::Issue issue;
  std::string source_rel;  // path relative to the site folder
  bool from_markdown = false;
  std::uint64_t content_hash = 0;
};

// Builds the site model. Every problem is added to `errors` (issues without a date, two issues
// of the same paper on the same day, unusable slugs); the model is complete only when none was
// added. `jobs` threads are used for the per-article work (0: all cores).
model::Site build_site_model(std::vector<LoadedIssue> issues, const config::SiteConfig& config,
                             int jobs, std::vector<Error>& errors);

// The paper an issue belongs to: its masthead's, else the site's.
std::string paper_of(const model::Issue& issue, const config::SiteConfig& config);

// The plain text of an article for matching and keywords: headline and body.
std::string article_text(const model::Article& article);

}  // namespace gazette::site
