#include "site/pages.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace gazette::site {
namespace {

// A site of one issue with `n` articles (no bodies: the plan needs none).
model::Site site_of(size_t n) {
  model::Site site;
  model::IssueEntry issue;
  issue.date = text::Date{2022, 11, 8};
  issue.url = "2022/11/08/";
  for (size_t i = 0; i < n; ++i) {
    model::ArticleEntry a;
    a.index = static_cast<int>(i);
    a.url = issue.url + std::to_string(i) + "/";
    issue.articles.push_back(static_cast<int>(i));
    site.articles.push_back(a);
    issue.issue.articles.emplace_back();
  }
  site.issues.push_back(std::move(issue));
  site.calendar.days[2022][11][8] = 0;
  site.tags.name = "tags";
  site.authors.name = "authors";
  return site;
}

std::vector<std::string> sitemaps(const std::vector<Page>& pages) {
  std::vector<std::string> out;
  for (const auto& p : pages) {
    if (p.kind == PageKind::kSitemap) out.push_back(p.rel);
  }
  return out;
}

TEST(PlanPages, EveryKindOfPageOnce) {
  config::SiteConfig config;
  model::Site site = site_of(3);
  auto pages = plan_pages(site, config);
  std::vector<std::string> rels;
  for (const auto& p : pages) rels.push_back(p.rel);
  for (const char* rel :
       {"index.html", "2022/11/08/index.html", "2022/11/08/0/index.html", "2022/index.html",
        "2022/11/index.html", "tags/index.html", "authors/index.html", "feed.xml",
        "search/index.html", "404.html", "sitemap.xml"}) {
    EXPECT_EQ(std::count(rels.begin(), rels.end(), rel), 1) << rel;
  }
}

TEST(PlanPages, OneSitemapUpToTheProtocolsLimit) {
  config::SiteConfig config;
  model::Site site = site_of(1000);
  EXPECT_EQ(sitemaps(plan_pages(site, config)), (std::vector<std::string>{"sitemap.xml"}));
}

TEST(PlanPages, SitemapPartsAboveFiftyThousandUrls) {
  config::SiteConfig config;
  model::Site site = site_of(60000);
  auto urls = sitemap_urls(site, config);
  ASSERT_GT(urls.size(), kSitemapLimit);
  EXPECT_EQ(sitemaps(plan_pages(site, config)),
            (std::vector<std::string>{"sitemap-1.xml", "sitemap-2.xml"}));
  Links links("https://example.org/archive/");
  std::string index = sitemap_index(links, 2, "2022-11-08");
  EXPECT_NE(index.find("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"),
            std::string::npos);
  EXPECT_NE(
      index.find(
          "<loc>https://example.org/archive/sitemap-2.xml</loc><lastmod>2022-11-08</lastmod>"),
      std::string::npos);
}

TEST(RobotsTxt, PointsAtTheSitemap) {
  EXPECT_EQ(robots_txt(Links("https://example.org/archive/")),
            "User-agent: *\nAllow: /\n\nSitemap: https://example.org/archive/sitemap.xml\n");
}

}  // namespace
}  // namespace gazette::site
