#include "site/fingerprint.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "base/file.hpp"
#include "output/files.hpp"
#include "site/parallel.hpp"
#include "site/term_paging.hpp"
#include "text/calendar.hpp"

namespace gazette::site {

namespace fs = std::filesystem;

Hasher& Hasher::add(std::string_view s) {
  add(static_cast<std::uint64_t>(s.size()));
  bytes_.append(s);
  return *this;
}

Hasher& Hasher::add(std::uint64_t n) {
  bytes_.append(reinterpret_cast<const char*>(&n), sizeof n);
  return *this;
}

std::uint64_t Hasher::hash() const {
  return output::content_hash(bytes_) | 1;
}  // never 0

TemplateDependencies TemplateDependencies::load(const fs::path& cache_dir) {
  TemplateDependencies deps;
  auto bytes = read_file(cache_dir / "templates");
  if (!bytes.ok()) return deps;
  std::string_view text(*bytes);
  // Lines: <page template>\t<hash hex>\t<used>\t<used>…
  while (!text.empty()) {
    size_t nl = text.find('\n');
    if (nl == std::string_view::npos) return {};
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl + 1);
    std::vector<std::string_view> fields;
    for (size_t start = 0;;) {
      size_t tab = line.find('\t', start);
      fields.push_back(
          line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (fields.size() < 2) return {};
    Record& r = deps.records_[std::string(fields[0])];
    r.hash = std::strtoull(std::string(fields[1]).c_str(), nullptr, 16);
    for (size_t i = 2; i < fields.size(); ++i) r.used.emplace(fields[i]);
  }
  return deps;
}

std::uint64_t TemplateDependencies::hash_files(const templating::TemplateLoader& loader,
                                               const std::set<std::string>& names) {
  Hasher h;
  for (const auto& name : names) {
    auto found = loader.load(name);
    h.add(name)
        .add(static_cast<std::uint64_t>(found.status))
        .add(found.file.string())
        .add(found.source);
  }
  return h.hash();
}

std::set<std::string> TemplateDependencies::unchanged(
    const templating::TemplateLoader& loader) const {
  std::set<std::string> out;
  for (const auto& [page, record] : records_) {
    if (!record.used.empty() && hash_files(loader, record.used) == record.hash) out.insert(page);
  }
  return out;
}

void TemplateDependencies::add(const std::string& page_template,
                               const std::set<std::string>& used) {
  auto& set = records_[page_template].used;
  set.insert(page_template);
  set.insert(used.begin(), used.end());
}

Status TemplateDependencies::save(const fs::path& cache_dir,
                                  const templating::TemplateLoader& loader) const {
  std::string out;
  for (const auto& [page, record] : records_) {
    out += fmt::format("{}\t{:x}", page, hash_files(loader, record.used));
    for (const auto& u : record.used) (out += '\t') += u;
    out += '\n';
  }
  return output::write_file_atomic(cache_dir / "templates", out);
}

namespace {

// An article's tags and authors, as its links to them show them.
void add_terms(Hasher& h, const model::Site& site, const model::ArticleEntry& article) {
  for (int t : article.tags)
    h.add(site.tags.terms[static_cast<size_t>(t)].url)
        .add(site.tags.terms[static_cast<size_t>(t)].name);
  h.add("|");
  for (int t : article.authors) {
    h.add(site.authors.terms[static_cast<size_t>(t)].url)
        .add(site.authors.terms[static_cast<size_t>(t)].name);
  }
}

}  // namespace

Fingerprints::Fingerprints(const model::Site& site, const config::SiteConfig& config,
                           std::uint64_t global, int jobs)
    : site_(site), config_(config), global_(global) {
  const size_t n_issues = site.issues.size(), n_articles = site.articles.size();
  const int workers = worker_count(jobs, n_articles);
  // An issue's pages show its content, its articles' slugs, tags and authors (with their
  // URLs) and the neighbouring issues.
  issue_hashes_.resize(n_issues);
  parallel_for(n_issues, workers, [&](size_t i, int) {
    const model::IssueEntry& e = site.issues[i];
    Hasher h;
    h.add(e.content_hash)
        .add(e.source_path)
        .add(e.url)
        .add(static_cast<std::uint64_t>(e.from_markdown));
    for (int a : e.articles) {
      const model::ArticleEntry& art = site.articles[static_cast<size_t>(a)];
      h.add(art.url);
      add_terms(h, site, art);
    }
    for (long n : {static_cast<long>(i) - 1, static_cast<long>(i) + 1}) {
      if (n >= 0 && n < static_cast<long>(site.issues.size())) {
        h.add(site.issues[static_cast<size_t>(n)].url);
      } else {
        h.add("-");
      }
    }
    issue_hashes_[i] = h.hash();
  });
  // What a list shows of an article (its summary, date, issue, tags, authors) and what a feed
  // shows (its whole text): the article's own version, so that editing one article of an issue
  // does not touch the lists its neighbours are on.
  std::vector<std::uint64_t> issue_meta(n_issues);
  parallel_for(n_issues, workers, [&](size_t i, int) {
    const model::IssueEntry& e = site.issues[i];
    const model::Masthead& m = e.issue.masthead;
    Hasher h;
    h.add(e.source_path).add(e.url).add(text::iso(e.date));
    h.add(m.paper.value_or("\x01")).add(m.weekday.value_or("\x01")).add(m.lunar.value_or("\x01"));
    h.add(static_cast<std::uint64_t>(m.number.value_or(-1)))
        .add(static_cast<std::uint64_t>(m.pages.value_or(-1)))
        .add(static_cast<std::uint64_t>(e.articles.size()));
    issue_meta[i] = h.hash();
  });
  article_hashes_.resize(n_articles);
  parallel_for(n_articles, workers, [&](size_t a, int) {
    const model::ArticleEntry& art = site.articles[a];
    Hasher h;
    h.add(art.version)
        .add(issue_meta[static_cast<size_t>(art.issue)])
        .add(static_cast<std::uint64_t>(art.index))
        .add(art.url)
        .add(art.summary);
    add_terms(h, site, art);
    article_hashes_[a] = h.hash();
  });
  // An article's page also shows its issue (with the issue's lead article and neighbouring
  // issues) and the articles before and after it.
  article_page_hashes_.resize(n_articles);
  parallel_for(n_articles, workers, [&](size_t a, int) {
    const model::ArticleEntry& art = site.articles[a];
    const auto issue = static_cast<size_t>(art.issue);
    const model::IssueEntry& e = site.issues[issue];
    Hasher h;
    h.add(article_hashes_[a]);
    if (!e.articles.empty()) h.add(article_hashes_[static_cast<size_t>(e.articles.front())]);
    for (long n : {static_cast<long>(art.index) - 1, static_cast<long>(art.index) + 1}) {
      h.add(n >= 0 && n < static_cast<long>(e.articles.size())
                ? article_hashes_[static_cast<size_t>(e.articles[static_cast<size_t>(n)])]
                : 0);
    }
    for (long n : {static_cast<long>(issue) - 1, static_cast<long>(issue) + 1}) {
      h.add(n >= 0 && n < static_cast<long>(site.issues.size()) ? issue_meta[static_cast<size_t>(n)]
                                                                : 0);
    }
    article_page_hashes_[a] = h.hash();
  });
  // The sitemap lists URLs and dates only: an article's text changes none of it.
  Hasher years, sitemap;
  for (const auto& [y, months] : site.calendar.days) {
    years.add(static_cast<std::uint64_t>(y));
    for (const auto& [m, days] : months) {
      for (const auto& [d, issue] : days) {
        const model::IssueEntry& e = site.issues[static_cast<size_t>(issue)];
        sitemap.add(e.url);
        for (int a : e.articles) sitemap.add(site.articles[static_cast<size_t>(a)].url);
      }
    }
  }
  years_hash_ = years.hash();
  for (const model::Taxonomy* tax : {&site.tags, &site.authors}) {
    Hasher h;
    for (const auto& term : tax->terms) {
      h.add(term.name).add(term.url).add(term.kind).add(
          static_cast<std::uint64_t>(term.articles.size()));
    }
    (tax == &site.tags ? tags_hash_ : authors_hash_) = h.hash();
    sitemap.add(h.hash());
  }
  sitemap_hash_ = sitemap.hash();
}

std::uint64_t Fingerprints::of_year(int year) const {
  Hasher h;
  h.add(global_).add("year").add(static_cast<std::uint64_t>(year));
  if (auto it = site_.calendar.days.find(year); it != site_.calendar.days.end()) {
    for (const auto& [m, days] : it->second) {
      for (const auto& [d, issue] : days) h.add(issue_hash(issue));
    }
  }
  return h.hash();
}

std::uint64_t Fingerprints::of(const Page& page) const {
  Hasher h;
  h.add(global_).add(page.template_name).add(static_cast<std::uint64_t>(page.kind)).add(page.rel);
  // Every page shows the list of years (site.years).
  h.add(years_hash_);
  switch (page.kind) {
    case PageKind::kIssue:
      h.add(issue_hash(page.index));
      break;
    case PageKind::kArticle:
      h.add(article_page_hashes_[static_cast<size_t>(page.index)]);
      break;
    case PageKind::kHome:
    case PageKind::kNotFound: {
      // The latest issue, the ten before it, and the archive's counts.
      h.add(static_cast<std::uint64_t>(site_.issues.size()))
          .add(static_cast<std::uint64_t>(site_.articles.size()));
      for (size_t n = 0; n < 11 && n < site_.issues.size(); ++n)
        h.add(issue_hashes_[site_.issues.size() - 1 - n]);
      for (const auto& [y, months] : site_.calendar.days) {
        for (const auto& [m, days] : months) h.add(static_cast<std::uint64_t>(days.size()));
      }
      break;
    }
    case PageKind::kYear: {
      auto it = site_.calendar.days.find(page.index);
      for (const auto& [m, days] : it->second) {
        for (const auto& [d, issue] : days)
          h.add(static_cast<std::uint64_t>(m * 100 + d))
              .add(site_.issues[static_cast<size_t>(issue)].url);
      }
      break;
    }
    case PageKind::kMonth: {
      // Its issues (with their lead articles), and which months exist for prev/next.
      const auto& days = site_.calendar.days.at(page.index).at(page.number);
      for (const auto& [d, issue] : days) h.add(issue_hash(issue));
      for (const auto& [y, months] : site_.calendar.days) {
        for (const auto& [m, ds] : months) h.add(static_cast<std::uint64_t>(y * 100 + m));
      }
      break;
    }
    case PageKind::kTerms:
      h.add(page.taxonomy == &site_.tags ? tags_hash_ : authors_hash_);
      break;
    case PageKind::kTerm: {
      // The front page: the count, the page count and the newest articles. The others: their
      // own articles, and the page count only when it is within the links they show (see
      // ContextBuilder::term_page and term_paging.hpp).
      const model::Term& term = page.taxonomy->terms[static_cast<size_t>(page.index)];
      const size_t count = term.articles.size();
      const int pages = term_page_count(count, config_.paginate);
      const bool front = page.number >= pages;
      h.add(term.name).add(term.url).add(term.kind).add(static_cast<std::uint64_t>(page.number));
      h.add(static_cast<std::uint64_t>(front ? pages : std::min(pages, page.number + 3)));
      if (front) h.add(static_cast<std::uint64_t>(count));
      const ArticleRange range = term_page_articles(count, config_.paginate, page.number);
      for (size_t i = range.first; i < range.last; ++i) h.add(article_hash(term.articles[i]));
      break;
    }
    case PageKind::kTermFeed: {
      const model::Term& term = page.taxonomy->terms[static_cast<size_t>(page.index)];
      h.add(term.name).add(term.url).add(term.kind);
      for (size_t i = 0; i < term.articles.size() && i < static_cast<size_t>(config_.feed_limit);
           ++i)
        h.add(article_hash(term.articles[i]));
      break;
    }
    case PageKind::kFeed: {
      size_t n = site_.articles.size();
      for (size_t i = n; i > 0 && n - i < static_cast<size_t>(config_.feed_limit); --i) {
        h.add(article_hash(static_cast<int>(i - 1)));
      }
      break;
    }
    case PageKind::kSearch:
      break;
    case PageKind::kSitemap:
      h.add(sitemap_hash_).add(static_cast<std::uint64_t>(page.number));
      break;
  }
  return h.hash();
}

}  // namespace gazette::site
