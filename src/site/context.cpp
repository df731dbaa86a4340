#include "site/context.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "markdown/body_html.hpp"
#include "site/term_paging.hpp"
#include "templating/html.hpp"
#include "text/calendar.hpp"
#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace gazette::site {

using templating::DictBuilder;

namespace {

Value opt(const std::optional<std::string>& s) {
  return s ? Value(*s) : Value::none();
}
Value opt(const std::optional<int>& n) {
  return n ? Value(*n) : Value::none();
}

// A dict of the context. Its keys are string literals: borrowed, not copied (a summary of
// each of 100,000 articles would otherwise allocate every key anew).
Value dict(std::initializer_list<std::pair<std::string_view, Value>> entries) {
  std::vector<std::pair<Value, Value>> out;
  out.reserve(entries.size());
  for (const auto& [key, value] : entries) out.emplace_back(Value::borrowed(key), value);
  return Value::dict(std::move(out));
}

Value strings_list(const std::vector<std::string>& items) {
  std::vector<Value> out;
  out.reserve(items.size());
  for (const auto& s : items) out.emplace_back(s);
  return Value::list(std::move(out));
}

// A dict with the entries of `base` followed by `more` (later keys win).
Value extend(const Value& base, std::initializer_list<std::pair<std::string_view, Value>> more) {
  DictBuilder b(base.dict_size() + more.size());
  for (const auto& [k, v] : base.entries()) b.set(k, v);
  for (const auto& [k, v] : more) b.set(Value(k), v);
  return b.build();
}

// YAML from site.yaml's `params` as template values: numbers and booleans typed as YAML 1.2
// core schema would type them, everything else text.
Value from_yaml(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: {
      DictBuilder b(node.size());
      for (const auto& e : node) b.set(Value(e.first.Scalar()), from_yaml(e.second));
      return b.build();
    }
    case YAML::NodeType::Sequence: {
      std::vector<Value> items;
      for (const auto& e : node) items.push_back(from_yaml(e));
      return Value::list(std::move(items));
    }
    case YAML::NodeType::Scalar: {
      if (node.Tag() == "!") return Value(node.Scalar());  // quoted: always text
      long long i = 0;
      double f = 0;
      bool b = false;
      if (YAML::convert<long long>::decode(node, i)) return Value(static_cast<int64_t>(i));
      if (YAML::convert<double>::decode(node, f)) return Value(f);
      if (YAML::convert<bool>::decode(node, b)) return Value(b);
      return Value(node.Scalar());
    }
    default:
      return Value::none();
  }
}

std::string rfc3339(text::Date d) {
  return text::iso(d) + "T00:00:00Z";
}

bool is_chinese(const std::string& language) {
  return language.rfind("zh", 0) == 0;
}

}  // namespace

std::string ContextBuilder::t(const std::string& key) const {
  auto it = theme_.strings.find(key);
  return it != theme_.strings.end() ? it->second : key;
}

ContextBuilder::ContextBuilder(const model::Site& site, const config::SiteConfig& config,
                               const Theme& theme)
    : site_(site),
      config_(config),
      theme_(theme),
      links_(config.base_url),
      formatter_(config.language) {
  html_options_.allow_raw_html = config.allow_raw_html;
  text::DateFormatter dates(config.language);

  month_names_.resize(13);
  for (int m = 1; m <= 12; ++m)
    month_names_[static_cast<size_t>(m)] = dates.format_skeleton({2000, m, 1}, "MMMM");
  {
    std::vector<Value> headings;
    for (auto& h : dates.week_headings()) headings.emplace_back(h);
    weekdays_ = Value::list(std::move(headings));
  }

  first_weekday_ = dates.first_weekday();
  for (const auto& [year, months] : site.calendar.days) {
    year_titles_[year] = dates.format_skeleton({year, 1, 1}, "y");
    for (const auto& [month, days] : months) {
      month_titles_[{year, month}] = dates.format_skeleton({year, month, 1}, "yMMMM");
    }
  }
  // Links to every tag and author, shared by the summaries of their articles.
  for (const model::Taxonomy* tax : {&site.tags, &site.authors}) {
    auto& refs = tax == &site.tags ? tag_refs_ : author_refs_;
    refs.reserve(tax->terms.size());
    for (const model::Term& term : tax->terms) {
      refs.push_back(dict({{"name", Value(term.name)},
                           {"url", Value(links_.url(term.url))},
                           {"permalink", Value(links_.permalink(term.url))}}));
    }
  }
  // Summaries and issue dates are made when a page first needs them: a rebuild that renders
  // a few pages of a large archive needs few.
  article_summaries_.resize(site.articles.size());
  article_once_ = std::make_unique<MadeOnce[]>(site.articles.size());
  issue_summaries_.resize(site.issues.size());
  issue_once_ = std::make_unique<MadeOnce[]>(site.issues.size());
  issue_dates_.resize(site.issues.size());
  issue_dates_once_ = std::make_unique<MadeOnce[]>(site.issues.size());

  std::vector<Value> years;
  for (auto it = site.calendar.days.rbegin(); it != site.calendar.days.rend(); ++it) {
    years.push_back(dict({{"year", Value(it->first)},
                          {"url", Value(links_.url(fmt::format("{:04}/", it->first)))}}));
  }
  site_value_ = dict({
      {"title", Value(config.title)},
      {"paper", Value(config.paper)},
      {"description", Value(config.description)},
      {"language", Value(config.language)},
      {"base_url", Value(links_.base_url())},
      {"home_url", Value(links_.url(""))},
      {"tags_url", Value(links_.url("tags/"))},
      {"authors_url", Value(links_.url("authors/"))},
      {"search_url", Value(links_.url("search/"))},
      {"feed_url", Value(links_.url("feed.xml"))},
      {"copyright", config.copyright.empty() ? Value::none() : Value(config.copyright)},
      {"params", config.params ? from_yaml(config.params) : dict({})},
      {"years", Value::list(std::move(years))},
  });
  DictBuilder strings(theme.strings.size());
  for (const auto& [k, v] : theme.strings) strings.append(Value(k), Value(v));
  strings_ = strings.build();
  gazette_ = dict({{"version", Value(GAZETTE_VERSION)},
                   {"generator", Value(std::string("gazette ") + GAZETTE_VERSION)}});
}

Value ContextBuilder::make_article_summary(int index) const {
  const model::ArticleEntry& entry = site_.articles[static_cast<size_t>(index)];
  const model::Article& a = site_.article(index);
  const model::IssueEntry& issue = site_.issues[static_cast<size_t>(entry.issue)];
  std::vector<Value> authors, tags;
  for (int t : entry.authors) authors.push_back(author_refs_[static_cast<size_t>(t)]);
  for (int t : entry.tags) tags.push_back(tag_refs_[static_cast<size_t>(t)]);
  std::string kind = model::kind_name(a.kind);
  return dict({
      {"title", Value(a.title)},
      {"kicker", opt(a.kicker)},
      {"subtitle", opt(a.subtitle)},
      {"kind", Value(kind)},
      {"kind_label", Value(t("kind_" + kind))},
      {"byline", opt(a.byline)},
      {"authors", Value::list(std::move(authors))},
      {"tags", Value::list(std::move(tags))},
      {"url", Value(links_.url(entry.url))},
      {"permalink", Value(links_.permalink(entry.url))},
      {"summary", Value(entry.summary)},
      {"date", Value(text::iso(issue.date))},
      {"date_long", Value(dates_of(entry.issue).long_date)},
      {"issue_url", Value(links_.url(issue.url))},
      {"issue_number", opt(issue.issue.masthead.number)},
      {"page", opt(a.page)},
      {"position", Value(entry.index + 1)},
  });
}

Value ContextBuilder::article_summary(int index) const {
  const auto i = static_cast<size_t>(index);
  article_once_[i]([&] { article_summaries_[i] = make_article_summary(index); });
  return article_summaries_[i];
}

const IssueDates& ContextBuilder::dates_of(int issue) const {
  const auto i = static_cast<size_t>(issue);
  issue_dates_once_[i]([&] {
    const model::IssueEntry& entry = site_.issues[i];
    const model::Masthead& m = entry.issue.masthead;
    const bool chinese = is_chinese(config_.language);
    std::lock_guard lock(formatter_mutex_);  // ICU formatters are not thread-safe
    IssueDates& d = issue_dates_[i];
    d.long_date = chinese ? formatter_.long_chinese(entry.date)
                          : formatter_.format_skeleton(entry.date, "yMMMMEEEEd");
    d.medium_date = formatter_.format_skeleton(entry.date, chinese ? "yMMMd" : "yMMMMd");
    d.weekday = m.weekday ? *m.weekday
                : chinese ? formatter_.chinese_weekday(entry.date)
                          : formatter_.format(entry.date, "EEEE");
    d.lunar = m.lunar   ? m.lunar
              : chinese ? std::optional<std::string>(formatter_.lunar(entry.date))
                        : std::nullopt;
  });
  return issue_dates_[i];
}

Value ContextBuilder::issue_summary(int issue) const {
  const auto i = static_cast<size_t>(issue);
  issue_once_[i]([&] {
    const model::IssueEntry& entry = site_.issues[i];
    const model::Masthead& m = entry.issue.masthead;
    issue_summaries_[i] = dict({
        {"date", Value(text::iso(entry.date))},
        {"year", Value(entry.date.year)},
        {"month", Value(entry.date.month)},
        {"day", Value(entry.date.day)},
        {"date_long", Value(dates_of(issue).long_date)},
        {"weekday", Value(dates_of(issue).weekday)},
        {"lunar", opt(dates_of(issue).lunar)},
        {"number", opt(m.number)},
        {"pages", opt(m.pages)},
        {"paper", Value(m.paper ? *m.paper : config_.paper)},
        {"url", Value(links_.url(entry.url))},
        {"permalink", Value(links_.permalink(entry.url))},
        {"article_count", Value(static_cast<int64_t>(entry.articles.size()))},
        {"lead", entry.articles.empty() ? Value::none() : article_summary(entry.articles[0])},
    });
  });
  return issue_summaries_[i];
}

Value ContextBuilder::issue_link(int issue) const {
  if (issue < 0 || issue >= static_cast<int>(site_.issues.size())) return Value::none();
  const model::IssueEntry& e = site_.issues[static_cast<size_t>(issue)];
  return dict({{"url", Value(links_.url(e.url))},
               {"date", Value(text::iso(e.date))},
               {"date_long", Value(dates_of(issue).long_date)}});
}

Value ContextBuilder::page(std::string_view kind, std::string title, std::string description,
                           std::string rel,
                           std::vector<std::pair<std::string, std::string>> breadcrumbs,
                           std::string feed_rel) const {
  std::vector<Value> crumbs;
  for (auto& [crumb_title, crumb_rel] : breadcrumbs) {
    crumbs.push_back(dict({{"title", Value(crumb_title)}, {"url", Value(links_.url(crumb_rel))}}));
  }
  return dict({
      {"kind", Value(kind)},
      {"title", Value(title)},
      {"description", Value(description.empty() ? config_.description : description)},
      {"url", Value(links_.url(rel))},
      {"permalink", Value(links_.permalink(rel))},
      {"breadcrumbs", Value::list(std::move(crumbs))},
      {"feed_url", Value(links_.url(feed_rel.empty() ? "feed.xml" : feed_rel))},
  });
}

Value ContextBuilder::with_common(std::vector<std::pair<std::string_view, Value>> own,
                                  Value page) const {
  DictBuilder b(own.size() + 5);
  b.append(Value("site"), site_value_);
  b.append(Value("t"), strings_);
  b.append(Value("gazette"), gazette_);
  b.append(Value("page"), std::move(page));
  for (auto& [k, v] : own) b.set(Value(k), std::move(v));
  return b.build();
}

std::string ContextBuilder::year_title(int year) const {
  return year_titles_.at(year);
}

std::string ContextBuilder::month_title(int year, int month) const {
  return month_titles_.at({year, month});
}

std::string ContextBuilder::month_name(int, int month) const {
  return month_names_[static_cast<size_t>(month)];
}

Value ContextBuilder::archive_years() const {
  std::vector<Value> years;
  for (auto it = site_.calendar.days.rbegin(); it != site_.calendar.days.rend(); ++it) {
    int64_t count = 0;
    for (const auto& [month, days] : it->second) count += static_cast<int64_t>(days.size());
    years.push_back(dict({{"year", Value(it->first)},
                          {"url", Value(links_.url(fmt::format("{:04}/", it->first)))},
                          {"issue_count", Value(count)}}));
  }
  return Value::list(std::move(years));
}

Value ContextBuilder::home() const {
  std::vector<Value> recent;
  int n = static_cast<int>(site_.issues.size());
  for (int i = n - 2; i >= 0 && i >= n - 11; --i) recent.push_back(issue_summary(i));
  Value latest = n == 0 ? Value::none() : Value();
  if (n > 0) {
    const model::IssueEntry& e = site_.issues.back();
    std::vector<Value> articles;
    for (int a : e.articles) articles.push_back(article_summary(a));
    latest = extend(issue_summary(n - 1), {{"articles", Value::list(std::move(articles))}});
  }
  Value home = dict({{"latest_issue", latest},
                     {"recent_issues", Value::list(std::move(recent))},
                     {"years", archive_years()},
                     {"issue_count", Value(static_cast<int64_t>(site_.issues.size()))},
                     {"article_count", Value(static_cast<int64_t>(site_.articles.size()))}});
  return with_common({{"home", home}}, page("home", config_.title, config_.description, "", {}));
}

Value ContextBuilder::issue_page(int index) const {
  const model::IssueEntry& e = site_.issues[static_cast<size_t>(index)];
  std::vector<Value> articles, warnings;
  for (int a : e.articles) articles.push_back(article_summary(a));
  for (const auto& w : e.issue.warnings) {
    warnings.push_back(dict({{"line", Value(w.line)}, {"message", Value(w.message)}}));
  }
  Value issue =
      extend(issue_summary(index), {
                                       {"articles", Value::list(std::move(articles))},
                                       {"prev", issue_link(index - 1)},
                                       {"next", issue_link(index + 1)},
                                       {"source_url", Value(links_.url(e.url + "issue.txt"))},
                                       {"markdown_url", Value(links_.url(e.url + "issue.md"))},
                                       {"json_url", Value(links_.url(e.url + "issue.json"))},
                                       {"warnings", Value::list(std::move(warnings))},
                                   });
  const std::string& date_long = dates_of(index).long_date;
  std::string paper = e.issue.masthead.paper ? *e.issue.masthead.paper : config_.paper;
  std::string title = paper.empty() ? date_long : paper + " " + date_long;
  std::string year = fmt::format("{:04}/", e.date.year),
              month = fmt::format("{:04}/{:02}/", e.date.year, e.date.month);
  return with_common({{"issue", issue}}, page("issue", title, title, e.url,
                                              {{t("home"), ""},
                                               {year_title(e.date.year), year},
                                               {month_title(e.date.year, e.date.month), month}}));
}

Value ContextBuilder::byline_html(int index) const {
  const model::ArticleEntry& entry = site_.articles[static_cast<size_t>(index)];
  const model::Article& a = site_.article(index);
  if (!a.byline && entry.authors.empty()) return Value::none();
  std::string byline = a.byline ? *a.byline : std::string();
  // Author terms, longest name first, so that 陈正 never links inside 陈正明.
  std::vector<const model::Term*> authors;
  for (int t : entry.authors) authors.push_back(&site_.authors.terms[static_cast<size_t>(t)]);
  std::vector<const model::Term*> by_length = authors;
  std::stable_sort(
      by_length.begin(), by_length.end(),
      [](const model::Term* x, const model::Term* y) { return x->name.size() > y->name.size(); });
  // Where each author's name occurs in the byline, without overlaps.
  std::vector<std::pair<size_t, const model::Term*>> spans;
  std::vector<char> taken(byline.size(), 0);
  std::vector<const model::Term*> missing;
  for (const model::Term* term : by_length) {
    bool found = false;
    for (size_t pos = byline.find(term->name); pos != std::string::npos;
         pos = byline.find(term->name, pos + 1)) {
      if (std::any_of(taken.begin() + static_cast<long>(pos),
                      taken.begin() + static_cast<long>(pos + term->name.size()),
                      [](char c) { return c != 0; })) {
        continue;
      }
      std::fill(taken.begin() + static_cast<long>(pos),
                taken.begin() + static_cast<long>(pos + term->name.size()), 1);
      spans.emplace_back(pos, term);
      found = true;
    }
    if (!found) missing.push_back(term);
  }
  std::sort(spans.begin(), spans.end(),
            [](const auto& x, const auto& y) { return x.first < y.first; });
  auto link = [&](std::string& out, const model::Term& term) {
    out += "<a href=\"";
    templating::escape_html(links_.url(term.url), out);
    out += "\" rel=\"author\">";
    templating::escape_html(term.name, out);
    out += "</a>";
  };
  std::string html;
  size_t at = 0;
  for (const auto& [pos, term] : spans) {
    templating::escape_html(std::string_view(byline).substr(at, pos - at), html);
    link(html, *term);
    at = pos + term->name.size();
  }
  templating::escape_html(std::string_view(byline).substr(at), html);
  // Authors the printed byline does not name, in byline order.
  for (const model::Term* term : authors) {
    if (std::find(missing.begin(), missing.end(), term) == missing.end()) continue;
    if (!html.empty()) html += ' ';
    link(html, *term);
  }
  return Value::markup(html);
}

std::string ContextBuilder::citation(int index) const {
  const model::ArticleEntry& entry = site_.articles[static_cast<size_t>(index)];
  const model::Article& a = site_.article(index);
  const model::IssueEntry& issue = site_.issues[static_cast<size_t>(entry.issue)];
  const model::Masthead& m = issue.issue.masthead;
  std::string paper = m.paper ? *m.paper : config_.paper;
  const std::string& date = dates_of(entry.issue).medium_date;
  if (is_chinese(config_.language)) {
    std::string s = fmt::format("{}，{}", paper, date);
    if (m.number) s += fmt::format("，第{}期", *m.number);
    if (a.page) s += fmt::format("，第{}版", *a.page);
    return s + "。" + links_.permalink(entry.url);
  }
  std::string s = fmt::format("{}, {}", paper, date);
  if (m.number) s += fmt::format(", no. {}", *m.number);
  if (a.page) s += fmt::format(", p. {}", *a.page);
  return s + ". " + links_.permalink(entry.url);
}

Value ContextBuilder::article_page(int index, const model::Article& a) const {
  const model::ArticleEntry& entry = site_.articles[static_cast<size_t>(index)];
  const model::IssueEntry& issue = site_.issues[static_cast<size_t>(entry.issue)];
  auto neighbour = [&](int position) -> Value {
    if (position < 0 || position >= static_cast<int>(issue.articles.size())) return Value::none();
    int other = issue.articles[static_cast<size_t>(position)];
    return Value::dict(
        {{"title", Value(site_.article(other).title)},
         {"url", Value(links_.url(site_.articles[static_cast<size_t>(other)].url))}});
  };
  size_t cjk = 0, latin_words = 0, chars = 0;
  for (const auto& block : a.body) {
    cjk += text::count_cjk_letters(block.text);
    chars += text::code_point_count(block.text);
    bool in_word = false;
    for (unsigned char c : block.text) {
      bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (letter && !in_word) ++latin_words;
      in_word = letter;
    }
  }
  int64_t minutes =
      std::max<int64_t>(1, static_cast<int64_t>((cjk / 400.0 + latin_words / 200.0) + 0.5));
  Value article =
      extend(article_summary(index),
             {
                 {"body_html", Value::markup(markdown::body_html(a.body, html_options_))},
                 {"byline_html", byline_html(index)},
                 {"captions", strings_list(a.captions)},
                 {"dateline", opt(a.dateline)},
                 {"continued_to", opt(a.continued_to)},
                 {"prev", neighbour(entry.index - 1)},
                 {"next", neighbour(entry.index + 1)},
                 {"reading_time", Value(minutes)},
                 {"char_count", Value(static_cast<int64_t>(chars))},
                 {"citation", Value(citation(index))},
             });
  Value issue_value = extend(issue_summary(entry.issue), {{"prev", issue_link(entry.issue - 1)},
                                                          {"next", issue_link(entry.issue + 1)}});
  std::string year = fmt::format("{:04}/", issue.date.year);
  std::string month = fmt::format("{:04}/{:02}/", issue.date.year, issue.date.month);
  return with_common(
      {{"article", article}, {"issue", issue_value}},
      page("article", a.title.empty() ? t("untitled") : a.title, entry.summary, entry.url,
           {{t("home"), ""},
            {year_title(issue.date.year), year},
            {month_title(issue.date.year, issue.date.month), month},
            {dates_of(entry.issue).long_date, issue.url}}));
}

Value ContextBuilder::calendar_weeks(int year, int month) const {
  static constexpr int kDaysInWeek = 7;
  int offset = (text::weekday({year, month, 1}) - first_weekday_ + kDaysInWeek) % kDaysInWeek;
  int days = text::days_in_month(year, month);
  const std::map<int, int>* issues = nullptr;
  if (auto y = site_.calendar.days.find(year); y != site_.calendar.days.end()) {
    if (auto m = y->second.find(month); m != y->second.end()) issues = &m->second;
  }
  std::vector<Value> weeks, week;
  for (int cell = 0; cell < offset + days || cell % kDaysInWeek != 0; ++cell) {
    int day = cell - offset + 1;
    if (day < 1 || day > days) {
      week.push_back(dict({{"day", Value::none()}, {"url", Value::none()}}));
    } else {
      Value url = Value::none();
      if (issues) {
        if (auto it = issues->find(day); it != issues->end()) {
          url = Value(links_.url(site_.issues[static_cast<size_t>(it->second)].url));
        }
      }
      week.push_back(dict({{"day", Value(day)}, {"url", url}}));
    }
    if (week.size() == kDaysInWeek) {
      weeks.push_back(Value::list(std::move(week)));
      week.clear();
    }
  }
  return Value::list(std::move(weeks));
}

Value ContextBuilder::year_page(int year) const {
  const auto& months = site_.calendar.days.at(year);
  std::vector<Value> month_values;
  int64_t total = 0;
  for (int m = 1; m <= 12; ++m) {
    auto it = months.find(m);
    int64_t count = it == months.end() ? 0 : static_cast<int64_t>(it->second.size());
    total += count;
    month_values.push_back(dict({
        {"month", Value(m)},
        {"name", Value(month_name(year, m))},
        {"url", count ? Value(links_.url(fmt::format("{:04}/{:02}/", year, m))) : Value::none()},
        {"issue_count", Value(count)},
        {"weeks", calendar_weeks(year, m)},
    }));
  }
  auto year_link = [&](auto it) {
    return Value::dict(
        {{"year", Value(it->first)}, {"url", Value(links_.url(fmt::format("{:04}/", it->first)))}});
  };
  auto here = site_.calendar.days.find(year);
  Value prev = here == site_.calendar.days.begin() ? Value::none() : year_link(std::prev(here));
  Value next =
      std::next(here) == site_.calendar.days.end() ? Value::none() : year_link(std::next(here));
  std::string rel = fmt::format("{:04}/", year);
  Value year_value = dict({{"year", Value(year)},
                           {"url", Value(links_.url(rel))},
                           {"issue_count", Value(total)},
                           {"prev", prev},
                           {"next", next},
                           {"months", Value::list(std::move(month_values))}});
  return with_common({{"year", year_value}, {"calendar", dict({{"weekdays", weekdays_}})}},
                     page("year", year_title(year), {}, rel, {{t("home"), ""}}));
}

Value ContextBuilder::month_page(MonthKey key) const {
  const auto& days = site_.calendar.days.at(key.year).at(key.month);
  std::vector<Value> issues;
  for (const auto& [day, issue] : days) issues.push_back(issue_summary(issue));
  // Neighbouring months that have issues, across years.
  std::vector<MonthKey> all;
  for (const auto& [y, months] : site_.calendar.days) {
    for (const auto& [m, d] : months) all.push_back({y, m});
  }
  auto here = std::find_if(all.begin(), all.end(), [&](const MonthKey& k) {
    return k.year == key.year && k.month == key.month;
  });
  auto link = [&](const MonthKey& k) {
    return dict({{"name", Value(month_name(k.year, k.month))},
                 {"title", Value(month_title(k.year, k.month))},
                 {"url", Value(links_.url(fmt::format("{:04}/{:02}/", k.year, k.month)))}});
  };
  Value prev = here == all.begin() ? Value::none() : link(*std::prev(here));
  Value next = std::next(here) == all.end() ? Value::none() : link(*std::next(here));
  std::string rel = fmt::format("{:04}/{:02}/", key.year, key.month);
  std::string year_rel = fmt::format("{:04}/", key.year);
  Value month = dict({{"year", Value(key.year)},
                      {"month", Value(key.month)},
                      {"name", Value(month_name(key.year, key.month))},
                      {"url", Value(links_.url(rel))},
                      {"year_url", Value(links_.url(year_rel))},
                      {"weeks", calendar_weeks(key.year, key.month)},
                      {"issues", Value::list(std::move(issues))},
                      {"prev", prev},
                      {"next", next}});
  return with_common({{"month", month}, {"calendar", dict({{"weekdays", weekdays_}})}},
                     page("month", month_title(key.year, key.month), {}, rel,
                          {{t("home"), ""}, {year_title(key.year), year_rel}}));
}

Value ContextBuilder::terms_page(const model::Taxonomy& taxonomy) const {
  std::map<std::string, std::vector<Value>> groups;  // letters in order; "#" sorts first in ASCII
  for (const model::Term& term : taxonomy.terms) {
    groups[term.heading].push_back(
        dict({{"name", Value(term.name)},
              {"url", Value(links_.url(term.url))},
              {"count", Value(static_cast<int64_t>(term.articles.size()))},
              {"kind", Value(term.kind)}}));
  }
  std::vector<Value> group_values;
  for (auto& [heading, terms] : groups) {
    if (heading == "#") continue;
    group_values.push_back(
        dict({{"heading", Value(heading)}, {"terms", Value::list(std::move(terms))}}));
  }
  if (auto it = groups.find("#"); it != groups.end()) {
    group_values.push_back(
        dict({{"heading", Value("#")}, {"terms", Value::list(std::move(it->second))}}));
  }
  std::string title = t(taxonomy.name);
  std::string rel = taxonomy.name + "/";
  Value tax = dict({{"name", Value(taxonomy.name)},
                    {"title", Value(title)},
                    {"url", Value(links_.url(rel))},
                    {"term_count", Value(static_cast<int64_t>(taxonomy.terms.size()))},
                    {"groups", Value::list(std::move(group_values))}});
  return with_common({{"taxonomy", tax}}, page("terms", title, {}, rel, {{t("home"), ""}}));
}

Value ContextBuilder::term_page(const model::Taxonomy& taxonomy, int index, int page_number,
                                int per_page) const {
  const model::Term& term = taxonomy.terms[static_cast<size_t>(index)];
  const size_t count = term.articles.size();
  const int pages = term_page_count(count, per_page);
  // The front page (the newest articles) changes with every article; the others only when a
  // page fills up, so they show nothing that changes more often (see term_paging.hpp).
  const bool front = page_number >= pages;
  const ArticleRange range = term_page_articles(count, per_page, page_number);
  std::vector<Value> items;
  for (size_t i = range.first; i < range.last; ++i)
    items.push_back(article_summary(term.articles[i]));
  // Links to the pages near this one, newest first: up to two on each side, and page 1. A
  // page far from the front lists none of the pages that appear as the term grows.
  std::vector<Value> page_urls;
  auto link = [&](int p) {
    return dict({{"number", Value(p)}, {"url", Value(links_.url(term_page_rel(term, p, pages)))}});
  };
  const int top = front ? pages : std::min(pages, page_number + 2);
  const int bottom = std::max(1, page_number - 2);
  for (int p = top; p >= bottom; --p) page_urls.push_back(link(p));
  if (bottom > 1) page_urls.push_back(link(1));
  auto page_url = [&](int p) {
    return p < 1 || p > pages ? Value::none() : Value(links_.url(term_page_rel(term, p, pages)));
  };
  Value paginator = dict({{"page", Value(page_number)},
                          {"pages", front ? Value(pages) : Value::none()},
                          {"front", Value(front)},
                          {"articles", Value::list(std::move(items))},
                          {"prev_url", page_url(page_number + 1)},
                          {"next_url", page_url(page_number - 1)},
                          {"first_url", page_url(pages)},
                          {"last_url", page_url(1)},
                          {"page_urls", Value::list(std::move(page_urls))}});
  std::string title = t(taxonomy.name);
  Value tax = dict({{"name", Value(taxonomy.name)},
                    {"title", Value(title)},
                    {"url", Value(links_.url(taxonomy.name + "/"))}});
  Value term_value = dict({{"name", Value(term.name)},
                           {"url", Value(links_.url(term.url))},
                           {"count", front ? Value(static_cast<int64_t>(count)) : Value::none()},
                           {"kind", Value(term.kind)},
                           {"feed_url", Value(links_.url(term.url + "feed.xml"))}});
  std::string page_title = front ? term.name : fmt::format("{} ({})", term.name, page_number);
  return with_common({{"taxonomy", tax}, {"term", term_value}, {"paginator", paginator}},
                     page("term", page_title, {}, term_page_rel(term, page_number, pages),
                          {{t("home"), ""}, {title, taxonomy.name + "/"}}, term.url + "feed.xml"));
}

Value ContextBuilder::search_page() const {
  return with_common({{"search", dict({{"index_url", Value(links_.url("search/index.json"))}})}},
                     page("search", t("search"), {}, "search/", {{t("home"), ""}}));
}

Value ContextBuilder::not_found_page() const {
  Value archive = dict({
      {"latest_issue", site_.issues.empty()
                           ? Value::none()
                           : issue_summary(static_cast<int>(site_.issues.size()) - 1)},
      {"years", archive_years()},
      {"issue_count", Value(static_cast<int64_t>(site_.issues.size()))},
      {"article_count", Value(static_cast<int64_t>(site_.articles.size()))},
  });
  return with_common({{"archive", archive}},
                     page("404", t("not_found"), {}, "404.html", {{t("home"), ""}}));
}

Value ContextBuilder::feed(const std::string& title, const std::string& rel,
                           const std::string& alternate_rel, const std::vector<int>& articles,
                           const std::vector<const model::Article*>& full) const {
  std::vector<Value> entries;
  std::string updated;
  for (size_t k = 0; k < articles.size(); ++k) {
    const int index = articles[k];
    const model::ArticleEntry& entry = site_.articles[static_cast<size_t>(index)];
    const model::Article& a = site_.article(index);
    const model::IssueEntry& issue = site_.issues[static_cast<size_t>(entry.issue)];
    std::string date = rfc3339(issue.date);
    if (date > updated) updated = date;
    std::vector<std::string> authors, tags;
    for (int t : entry.authors) authors.push_back(site_.authors.terms[static_cast<size_t>(t)].name);
    for (int t : entry.tags) tags.push_back(site_.tags.terms[static_cast<size_t>(t)].name);
    entries.push_back(dict({
        {"title", Value(a.title.empty() ? t("untitled") : a.title)},
        {"id", Value(links_.permalink(entry.url))},
        {"permalink", Value(links_.permalink(entry.url))},
        {"published", Value(date)},
        {"updated", Value(date)},
        {"summary", Value(entry.summary)},
        {"content_html",
         full[k] ? Value(markdown::body_html(full[k]->body, html_options_)) : Value::none()},
        {"authors", strings_list(authors)},
        {"tags", strings_list(tags)},
    }));
  }
  if (updated.empty() && !site_.issues.empty()) updated = rfc3339(site_.issues.back().date);
  if (updated.empty()) updated = "1970-01-01T00:00:00Z";
  Value feed_value = dict({{"title", Value(title)},
                           {"id", Value(links_.permalink(rel))},
                           {"self_url", Value(links_.permalink(rel))},
                           {"alternate_url", Value(links_.permalink(alternate_rel))},
                           {"updated", Value(updated)},
                           {"entries", Value::list(std::move(entries))}});
  return with_common({{"feed", feed_value}}, page("feed", title, {}, rel, {}));
}

Value ContextBuilder::sitemap(
    const std::vector<std::pair<std::string, std::string>>& rel_and_lastmod) const {
  std::vector<Value> urls;
  urls.reserve(rel_and_lastmod.size());
  for (const auto& [rel, lastmod] : rel_and_lastmod) {
    urls.push_back(dict({{"loc", Value(links_.permalink(rel))},
                         {"lastmod", lastmod.empty() ? Value::none() : Value(lastmod)}}));
  }
  return with_common({{"urls", Value::list(std::move(urls))}},
                     page("sitemap", "sitemap", {}, "sitemap.xml", {}));
}

}  // namespace gazette::site
