// From issues to the site model: dates and URLs, slugs, authors and tags, the calendar.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "config/site_config.hpp"
#include "model/site.hpp"
#include "site/article_facts.hpp"

namespace gazette::site {

// An issue as read from content/, before it has a place in the site. Its articles' bodies and
// captions may have been dropped (see `strip_bodies`): what the model needs of them is in
// `facts`, one per article (`find_facts`).
struct LoadedIssue {
  model::Issue issue;
  std::string source_rel;  // path relative to the site folder
  bool from_markdown = false;
  std::uint64_t content_hash = 0;
  std::string source_text;  // the raw text file to publish as issue.txt (empty: none)
  std::vector<ArticleFacts> facts;
};

// Finds the facts of every article of `issue` (an error when its articles' own slugs clash).
Status find_facts(LoadedIssue& issue, const FactFinder& finder);

// Drops the articles' bodies and captions (the facts keep what the model needs).
void strip_bodies(model::Issue& issue);

// Builds the site model. Every problem is added to `errors` (issues without a date, two issues
// of the same paper on the same day, unusable slugs); the model is complete only when none was
// added. Made on `jobs` threads (0: every core); terms are romanised with `readings` (none: a
// table of its own).
model::Site build_site_model(std::vector<LoadedIssue> issues, const config::SiteConfig& config,
                             std::vector<Error>& errors, int jobs = 0,
                             const text::HanReadings* readings = nullptr);

// The paper an issue belongs to: its masthead's, else the site's.
std::string paper_of(const model::Issue& issue, const config::SiteConfig& config);

}  // namespace gazette::site
