#include "site/pages.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "site/term_paging.hpp"
#include "text/calendar.hpp"

namespace gazette::site {

namespace {

std::string index_of(const std::string& dir) {
  return dir + "index.html";
}

size_t sitemap_parts(size_t urls) {
  return urls <= kSitemapLimit ? 1 : (urls + kSitemapLimit - 1) / kSitemapLimit;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> sitemap_urls(const model::Site& site,
                                                              const config::SiteConfig& config) {
  std::vector<std::pair<std::string, std::string>> urls;
  urls.reserve(site.issues.size() + site.articles.size() + 64);
  std::string latest = site.issues.empty() ? "" : text::iso(site.issues.back().date);
  urls.emplace_back("", latest);
  for (const auto& [year, months] : site.calendar.days) {
    urls.emplace_back(fmt::format("{:04}/", year), "");
    for (const auto& [month, days] : months)
      urls.emplace_back(fmt::format("{:04}/{:02}/", year, month), "");
  }
  for (const auto& issue : site.issues) {
    std::string date = text::iso(issue.date);
    urls.emplace_back(issue.url, date);
    for (int a : issue.articles) urls.emplace_back(site.articles[static_cast<size_t>(a)].url, date);
  }
  for (const model::Taxonomy* tax : {&site.tags, &site.authors}) {
    urls.emplace_back(tax->name + "/", "");
    for (const auto& term : tax->terms) {
      const int pages = term_page_count(term.articles.size(), config.paginate);
      for (int p = pages; p >= 1; --p) urls.emplace_back(term_page_rel(term, p, pages), "");
    }
  }
  urls.emplace_back("search/", "");
  return urls;
}

size_t sitemap_url_count(const model::Site& site, const config::SiteConfig& config) {
  size_t n = 2 + site.issues.size() + site.articles.size();  // home, search, issues, articles
  for (const auto& [year, months] : site.calendar.days) n += 1 + months.size();
  for (const model::Taxonomy* tax : {&site.tags, &site.authors}) {
    n += 1;
    for (const auto& term : tax->terms)
      n += static_cast<size_t>(term_page_count(term.articles.size(), config.paginate));
  }
  return n;
}

std::vector<Page> plan_pages(const model::Site& site, const config::SiteConfig& config) {
  std::vector<Page> pages;
  // As many as there will be (an archive has a few hundred thousand: growing the list would
  // copy them, into memory new each time): every page the sitemap lists, a feed per term, the
  // site's feed, 404.html and the sitemap files.
  const size_t urls = sitemap_url_count(site, config);
  const size_t parts = sitemap_parts(urls);
  pages.reserve(urls + site.tags.terms.size() + site.authors.terms.size() + 2 + parts);
  pages.push_back({PageKind::kHome, "index.html", "home.html"});
  for (size_t i = 0; i < site.issues.size(); ++i) {
    const model::IssueEntry& issue = site.issues[i];
    pages.push_back({PageKind::kIssue, index_of(issue.url), "issue.html", static_cast<int>(i)});
    for (int a : issue.articles) {
      pages.push_back({PageKind::kArticle, index_of(site.articles[static_cast<size_t>(a)].url),
                       "article.html", a});
    }
  }
  for (const auto& [year, months] : site.calendar.days) {
    pages.push_back({PageKind::kYear, fmt::format("{:04}/index.html", year), "year.html", year});
    for (const auto& [month, days] : months) {
      pages.push_back({PageKind::kMonth, fmt::format("{:04}/{:02}/index.html", year, month),
                       "month.html", year, month});
    }
  }
  for (const model::Taxonomy* tax : {&site.tags, &site.authors}) {
    pages.push_back({PageKind::kTerms, tax->name + "/index.html", "terms.html", 0, 0, tax});
    for (size_t t = 0; t < tax->terms.size(); ++t) {
      const model::Term& term = tax->terms[t];
      const int n = term_page_count(term.articles.size(), config.paginate);
      for (int p = n; p >= 1; --p) {
        pages.push_back({PageKind::kTerm, index_of(term_page_rel(term, p, n)), "term.html",
                         static_cast<int>(t), p, tax});
      }
      pages.push_back(
          {PageKind::kTermFeed, term.url + "feed.xml", "feed.xml", static_cast<int>(t), 0, tax});
    }
  }
  pages.push_back({PageKind::kFeed, "feed.xml", "feed.xml"});
  pages.push_back({PageKind::kSearch, "search/index.html", "search.html"});
  pages.push_back({PageKind::kNotFound, "404.html", "404.html"});
  if (parts == 1) {
    pages.push_back({PageKind::kSitemap, "sitemap.xml", "sitemap.xml", 0, 0});
  } else {
    for (size_t p = 1; p <= parts; ++p) {
      pages.push_back({PageKind::kSitemap, fmt::format("sitemap-{}.xml", p), "sitemap.xml", 0,
                       static_cast<int>(p)});
    }
  }
  return pages;
}

std::vector<int> feed_articles(const model::Site& site, const config::SiteConfig& config) {
  std::vector<int> articles;
  for (int i = static_cast<int>(site.articles.size()) - 1;
       i >= 0 && articles.size() < static_cast<size_t>(config.feed_limit); --i) {
    articles.push_back(i);
  }
  // Newest issue first, each issue's articles in its own order.
  std::sort(articles.begin(), articles.end(), [&](int a, int b) {
    const auto& x = site.articles[static_cast<size_t>(a)];
    const auto& y = site.articles[static_cast<size_t>(b)];
    return x.issue != y.issue ? x.issue > y.issue : x.index < y.index;
  });
  return articles;
}

Value page_context(const Page& page, const model::Site& site, const config::SiteConfig& config,
                   const ContextBuilder& contexts,
                   const std::vector<std::pair<std::string, std::string>>& sitemap,
                   const FullArticle& full) {
  switch (page.kind) {
    case PageKind::kHome:
      return contexts.home();
    case PageKind::kIssue:
      return contexts.issue_page(page.index);
    case PageKind::kArticle:
      return contexts.article_page(page.index, full(page.index));
    case PageKind::kYear:
      return contexts.year_page(page.index);
    case PageKind::kMonth:
      return contexts.month_page({page.index, page.number});
    case PageKind::kTerms:
      return contexts.terms_page(*page.taxonomy);
    case PageKind::kTerm:
      return contexts.term_page(*page.taxonomy, page.index, page.number, config.paginate);
    case PageKind::kTermFeed: {
      const model::Term& term = page.taxonomy->terms[static_cast<size_t>(page.index)];
      std::vector<int> articles(
          term.articles.begin(),
          term.articles.begin() +
              std::min<size_t>(term.articles.size(), static_cast<size_t>(config.feed_limit)));
      std::string title =
          config.title.empty() ? term.name : fmt::format("{} · {}", term.name, config.title);
      return contexts.feed(title, term.url + "feed.xml", term.url, articles,
                           std::vector<const model::Article*>(articles.size(), nullptr));
    }
    case PageKind::kFeed: {
      std::vector<int> articles = feed_articles(site, config);
      std::vector<const model::Article*> bodies;
      for (int a : articles) bodies.push_back(&full(a));
      return contexts.feed(config.title, "feed.xml", "", articles, bodies);
    }
    case PageKind::kSearch:
      return contexts.search_page();
    case PageKind::kNotFound:
      return contexts.not_found_page();
    case PageKind::kSitemap: {
      if (page.number == 0) return contexts.sitemap(sitemap);
      size_t from = static_cast<size_t>(page.number - 1) * kSitemapLimit;
      size_t to = std::min(sitemap.size(), from + kSitemapLimit);
      return contexts.sitemap(
          {sitemap.begin() + static_cast<long>(from), sitemap.begin() + static_cast<long>(to)});
    }
  }
  return Value();
}

std::string sitemap_index(const Links& links, size_t parts, const std::string& lastmod) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (size_t p = 1; p <= parts; ++p) {
    xml += fmt::format("  <sitemap><loc>{}</loc>{}</sitemap>\n",
                       links.permalink(fmt::format("sitemap-{}.xml", p)),
                       lastmod.empty() ? "" : "<lastmod>" + lastmod + "</lastmod>");
  }
  xml += "</sitemapindex>\n";
  return xml;
}

std::string robots_txt(const Links& links) {
  return fmt::format("User-agent: *\nAllow: /\n\nSitemap: {}\n", links.permalink("sitemap.xml"));
}

}  // namespace gazette::site
