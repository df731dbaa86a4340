// The render plan: every page of the site, with the template that renders it and the file it
// becomes. Listing pages is cheap; rendering them is the build's main work.
#pragma once

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "config/site_config.hpp"
#include "model/site.hpp"
#include "site/context.hpp"

namespace gazette::site {

enum class PageKind {
  kHome,
  kIssue,
  kArticle,
  kYear,
  kMonth,
  kTerms,     // tags/ or authors/
  kTerm,      // one page of a term's list
  kTermFeed,  // a term's Atom feed
  kFeed,      // the site's Atom feed
  kSearch,
  kNotFound,
  kSitemap,  // a sitemap (the only one, or one part of several)
};

// One page to render.
struct Page {
  PageKind kind;
  std::string rel;            // output file: 2022/11/08/index.html
  std::string template_name;  // issue.html
  int index = 0;              // issue, article, year, term … depending on kind
  int number = 0;             // month (kMonth), page number (kTerm), sitemap part (kSitemap)
  const model::Taxonomy* taxonomy = nullptr;  // kTerms, kTerm, kTermFeed
};

// At most this many URLs in one sitemap file (the sitemap protocol's limit).
inline constexpr size_t kSitemapLimit = 50000;

// Every page of `site`, in a deterministic order.
std::vector<Page> plan_pages(const model::Site& site, const config::SiteConfig& config);

// How many URLs `sitemap_urls` lists (without listing them).
size_t sitemap_url_count(const model::Site& site, const config::SiteConfig& config);

// The site-relative URLs listed in the sitemap (with their lastmod dates), in order.
std::vector<std::pair<std::string, std::string>> sitemap_urls(const model::Site& site,
                                                              const config::SiteConfig& config);

// An article of the site with its body and captions, loaded on demand (the site model keeps
// neither). The reference stays valid while the page is rendered.
using FullArticle = std::function<const model::Article&(int article)>;

// The variables of one page.
Value page_context(const Page& page, const model::Site& site, const config::SiteConfig& config,
                   const ContextBuilder& contexts,
                   const std::vector<std::pair<std::string, std::string>>& sitemap,
                   const FullArticle& full);

// The articles of the site's feed, newest first.
std::vector<int> feed_articles(const model::Site& site, const config::SiteConfig& config);

// The sitemap index listing `parts` sitemap files (sitemap-1.xml …), when there are more
// URLs than one sitemap may hold.
std::string sitemap_index(const Links& links, size_t parts, const std::string& lastmod);

// robots.txt: everything may be crawled; the sitemap's address.
std::string robots_txt(const Links& links);

}  // namespace gazette::site
