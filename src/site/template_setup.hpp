// The template environment of a site build: the theme's search path, site.yaml's template
// options, gazette's own filters and functions, and a check of every template up front.
#pragma once

#include <memory>
#include <vector>

#include "config/site_config.hpp"
#include "site/links.hpp"
#include "site/theme.hpp"
#include "templating/environment.hpp"

namespace gazette::site {

// The templates every site needs, one per kind of page.
inline constexpr const char* kPageTemplates[] = {
    "home.html", "issue.html",  "article.html", "year.html", "month.html", "terms.html",
    "term.html", "search.html", "404.html",     "feed.xml",  "sitemap.xml"};

// An environment over the theme's template folders (the site's own first), with gazette's
// filters and the `asset(path)` function.
std::unique_ptr<templating::Environment> make_environment(const Theme& theme,
                                                          const config::SiteConfig& config,
                                                          const Links& links);

// Every syntax error of every template, and an error for each page template the theme lacks.
std::vector<Error> check_templates(templating::Environment& env);

}  // namespace gazette::site
