#include "site/pages.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "site/term_paging.hpp"

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

// The positions (newest first) of page `number`'s articles.
std::vector<size_t> on_page(size_t count, int per_page, int number) {
  ArticleRange r = term_page_articles(count, per_page, number);
  std::vector<size_t> out;
  for (size_t i = r.first; i < r.last; ++i) out.push_back(i);
  return out;
}

TEST(TermPaging, PagesCountFromTheOldestAndTheFrontShowsTheNewest) {
  EXPECT_EQ(term_page_count(0, 3), 1);
  EXPECT_EQ(term_page_count(3, 3), 1);
  EXPECT_EQ(term_page_count(7, 3), 3);
  // 7 articles, 3 a page: page 1 the oldest three (positions 6, 5, 4 newest-first), page 2
  // the next three, the front page (3) the newest three, overlapping page 2 by two.
  EXPECT_EQ(on_page(7, 3, 1), (std::vector<size_t>{4, 5, 6}));
  EXPECT_EQ(on_page(7, 3, 2), (std::vector<size_t>{1, 2, 3}));
  EXPECT_EQ(on_page(7, 3, 3), (std::vector<size_t>{0, 1, 2}));
  EXPECT_TRUE(on_page(7, 3, 0).empty());
  EXPECT_TRUE(on_page(7, 3, 4).empty());
  EXPECT_EQ(on_page(2, 3, 1), (std::vector<size_t>{0, 1}));
}

TEST(TermPaging, AFullPageKeepsItsArticlesAsTheTermGrows) {
  // Articles are numbered by age (0 the oldest); a term gains one at a time, newest first.
  for (int per_page : {1, 3, 20}) {
    std::map<int, std::vector<size_t>> first_seen;  // full page → its articles by age
    for (size_t count = 1; count < 100; ++count) {
      const int pages = term_page_count(count, per_page);
      for (int p = 1; p < pages; ++p) {
        std::vector<size_t> ages;
        for (size_t i : on_page(count, per_page, p)) ages.push_back(count - 1 - i);
        ASSERT_EQ(ages.size(), static_cast<size_t>(per_page));
        auto [it, added] = first_seen.emplace(p, ages);
        EXPECT_EQ(it->second, ages) << "page " << p << " changed at " << count;
      }
      // The front page: the newest, as many as fit.
      auto front = on_page(count, per_page, pages);
      EXPECT_EQ(front.size(), std::min(count, static_cast<size_t>(per_page)));
      EXPECT_EQ(front.front(), 0u);
    }
  }
}

TEST(TermPaging, TheFrontPageIsTheTermsOwnUrl) {
  model::Term term;
  term.url = "tags/zhu-zhou/";
  EXPECT_EQ(term_page_rel(term, 3, 3), "tags/zhu-zhou/");
  EXPECT_EQ(term_page_rel(term, 1, 3), "tags/zhu-zhou/page/1/");
  EXPECT_EQ(term_page_rel(term, 2, 3), "tags/zhu-zhou/page/2/");
}

TEST(PlanPages, TermPagesAreTheFrontAndTheFullPagesBeforeIt) {
  config::SiteConfig config;
  config.paginate = 2;
  model::Site site = site_of(5);
  model::Term term;
  term.name = "株洲";
  term.url = "tags/zhu-zhou/";
  term.articles = {4, 3, 2, 1, 0};
  site.tags.terms.push_back(term);
  std::vector<std::string> rels;
  for (const auto& p : plan_pages(site, config)) {
    if (p.kind == PageKind::kTerm) rels.push_back(p.rel);
  }
  EXPECT_EQ(rels,
            (std::vector<std::string>{"tags/zhu-zhou/index.html", "tags/zhu-zhou/page/2/index.html",
                                      "tags/zhu-zhou/page/1/index.html"}));
  EXPECT_EQ(sitemap_url_count(site, config), sitemap_urls(site, config).size());
}

TEST(RobotsTxt, PointsAtTheSitemap) {
  EXPECT_EQ(robots_txt(Links("https://example.org/archive/")),
            "User-agent: *\nAllow: /\n\nSitemap: https://example.org/archive/sitemap.xml\n");
}

}  // namespace
}  // namespace gazette::site
