// The variables templates see (docs/site-context.md is the contract): values shared by every
// page (the site, UI strings, every article's and issue's summary) are built once and shared
// read-only by all rendering threads; each page adds its own on top.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>

#include <string>
#include <vector>

#include "config/site_config.hpp"
#include "markdown/html.hpp"
#include "model/site.hpp"
#include "site/links.hpp"
#include "site/made_once.hpp"
#include "site/theme.hpp"
#include "templating/value.hpp"
#include "text/calendar.hpp"

namespace gazette::site {

using templating::Value;

// One page of the calendar index: a year, or a month of it.
struct MonthKey {
  int year;
  int month;
};

// An issue's date as pages show it, formatted on first use.
struct IssueDates {
  std::string long_date;             // 2022年11月8日 星期二
  std::string medium_date;           // 2022年11月8日, for citations
  std::string weekday;               // 星期二 (the masthead's, when it prints one)
  std::optional<std::string> lunar;  // 壬寅年十月十五 (Chinese sites)
};

class ContextBuilder {
 public:
  // Builds the shared values. `site`, `config` and `theme` must outlive the builder.
  ContextBuilder(const model::Site& site, const config::SiteConfig& config, const Theme& theme);

  const Links& links() const { return links_; }

  // An issue's date as pages show it: 2022年11月8日 星期二.
  const std::string& date_long(int issue) const { return dates_of(issue).long_date; }

  // The variables of each kind of page: `site`, `t`, `gazette`, `page` and the page's own.
  Value home() const;
  Value issue_page(int issue) const;
  // `full` is the article with its body and captions (the site model keeps neither).
  Value article_page(int article, const model::Article& full) const;
  Value year_page(int year) const;
  Value month_page(MonthKey month) const;
  Value terms_page(const model::Taxonomy& taxonomy) const;
  // Page `page` of a term's articles, `per_page` a page (numbered as term_paging.hpp says).
  Value term_page(const model::Taxonomy& taxonomy, int term, int page, int per_page) const;
  Value search_page() const;
  Value not_found_page() const;
  // An Atom feed of `articles` (newest first, already limited); `rel` is the feed's own path,
  // `alternate_rel` the page it belongs to. An entry carries the whole article when `full`
  // has it (the site's feed), else only its summary (the feeds of tags and authors).
  Value feed(const std::string& title, const std::string& rel, const std::string& alternate_rel,
             const std::vector<int>& articles,
             const std::vector<const model::Article*>& full) const;
  // A sitemap of site-relative paths.
  Value sitemap(const std::vector<std::pair<std::string, std::string>>& rel_and_lastmod) const;

 private:
  Value page(std::string_view kind, std::string title, std::string description, std::string rel,
             std::vector<std::pair<std::string, std::string>> breadcrumbs,
             std::string feed_rel = {}) const;
  Value with_common(std::vector<std::pair<std::string_view, Value>> own, Value page) const;
  Value issue_summary(int issue) const;
  Value article_summary(int article) const;
  Value make_article_summary(int article) const;
  Value issue_link(int issue) const;
  Value archive_years() const;
  Value calendar_weeks(int year, int month) const;
  std::string month_name(int year, int month) const;
  std::string year_title(int year) const;
  std::string month_title(int year, int month) const;
  std::string t(const std::string& key) const;
  std::string citation(int article) const;
  Value byline_html(int article) const;

  const model::Site& site_;
  const config::SiteConfig& config_;
  const Theme& theme_;
  Links links_;
  markdown::HtmlOptions html_options_;
  Value site_value_;
  Value strings_;
  Value gazette_;
  Value weekdays_;
  // Summaries, made on first use (from any rendering thread).
  mutable std::vector<Value> issue_summaries_;
  mutable std::unique_ptr<MadeOnce[]> issue_once_;
  mutable std::vector<Value> article_summaries_;
  mutable std::unique_ptr<MadeOnce[]> article_once_;
  std::vector<Value> tag_refs_;     // {name, url, permalink} of each tag
  std::vector<Value> author_refs_;  // … and of each author
  const IssueDates& dates_of(int issue) const;
  mutable std::vector<IssueDates> issue_dates_;
  mutable std::unique_ptr<MadeOnce[]> issue_dates_once_;
  mutable std::mutex formatter_mutex_;
  mutable text::DateFormatter formatter_;
  std::vector<std::string> month_names_;    // 1..12 in the site's language (index 0 unused)
  std::map<int, std::string> year_titles_;  // 2022年
  std::map<std::pair<int, int>, std::string> month_titles_;  // 2022年11月
  int first_weekday_ = 0;
};

}  // namespace gazette::site
