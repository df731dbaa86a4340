#include "site/site_model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include "base/string_index.hpp"
#include "site/keywords.hpp"
#include "site/parallel.hpp"
#include "site/taxonomy.hpp"
#include "site/vocabulary.hpp"
#include "text/collate.hpp"
#include "text/slug.hpp"
#include "text/utf8.hpp"

namespace gazette::site {

std::string paper_of(const model::Issue& issue, const config::SiteConfig& config) {
  return issue.masthead.paper ? *issue.masthead.paper : config.paper;
}

Status find_facts(LoadedIssue& li, const FactFinder& finder) {
  auto slugs = finder.slugs(li.issue);
  if (!slugs.ok()) {
    Error e = slugs.error();
    e.path = li.source_rel;
    return e;
  }
  li.facts.clear();
  li.facts.reserve(li.issue.articles.size());
  for (size_t i = 0; i < li.issue.articles.size(); ++i) {
    li.facts.push_back(finder.facts(li.issue.articles[i]));
    li.facts.back().slug = std::move((*slugs)[i]);
  }
  return {};
}

void strip_bodies(model::Issue& issue) {
  for (auto& a : issue.articles) {
    a.body.clear();
    a.body.shrink_to_fit();
    a.captions.clear();
    a.captions.shrink_to_fit();
  }
}

namespace {

// Drops issues whose date is unknown, and reports them.
void require_dates(std::vector<LoadedIssue>& issues, std::vector<Error>& errors) {
  std::erase_if(issues, [&](const LoadedIssue& li) {
    if (li.issue.masthead.date) return false;
    errors.push_back(
        file_error(li.source_rel,
                   "the date of this issue is unknown: add `date: YYYY-MM-DD` to its front matter "
                   "(see the warnings of `gazette parse` for the dates its text mentions)"));
    return true;
  });
}

// Sorts by date (then paper, then path) and reports two issues of one paper on one day.
void order_issues(std::vector<LoadedIssue>& issues, const config::SiteConfig& config,
                  std::vector<Error>& errors) {
  std::stable_sort(issues.begin(), issues.end(), [&](const LoadedIssue& a, const LoadedIssue& b) {
    if (*a.issue.masthead.date != *b.issue.masthead.date)
      return *a.issue.masthead.date < *b.issue.masthead.date;
    return a.source_rel < b.source_rel;
  });
  std::vector<LoadedIssue> kept;
  kept.reserve(issues.size());
  for (auto& li : issues) {
    if (!kept.empty() && *kept.back().issue.masthead.date == *li.issue.masthead.date) {
      // One issue per day: the URL /YYYY/MM/DD/ names the day.
      std::string paper = paper_of(li.issue, config), other = paper_of(kept.back().issue, config);
      errors.push_back(file_error(
          li.source_rel,
          paper == other
              ? fmt::format("two issues of {} dated {}: this one and {}", paper,
                            text::iso(*li.issue.masthead.date), kept.back().source_rel)
              : fmt::format("two issues dated {} ({} and {}, in {}): a site holds one paper, one "
                            "issue a day",
                            text::iso(*li.issue.masthead.date), paper, other,
                            kept.back().source_rel)));
      continue;
    }
    kept.push_back(std::move(li));
  }
  issues = std::move(kept);
}

std::string date_path(text::Date d) {
  return fmt::format("{:04}/{:02}/{:02}/", d.year, d.month, d.day);
}

// Adds `name`, without its outer spaces, to `names` once, keeping order (a view: the name must
// outlive the list).
void add_unique(std::vector<std::string_view>& names, std::string_view name) {
  const size_t first = name.find_first_not_of(' ');
  if (first == std::string_view::npos) return;
  name = name.substr(first, name.find_last_not_of(' ') + 1 - first);
  if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
}

}  // namespace

model::Site build_site_model(std::vector<LoadedIssue> issues, const config::SiteConfig& config,
                             std::vector<Error>& errors, int jobs,
                             const text::HanReadings* readings) {
  require_dates(issues, errors);
  order_issues(issues, config, errors);

  model::Site site;
  text::Slugger slugger(readings);
  std::vector<std::vector<std::string>> vocabulary_names;  // by article
  std::vector<WordCounts> keyword_counts;                  // by article, when keywords are on
  // Issues, articles, URLs, slugs: where each issue's articles go first, then every issue on
  // every core (an archive has a hundred thousand articles).
  std::erase_if(issues, [&](const LoadedIssue& li) {
    if (li.facts.size() == li.issue.articles.size()) return false;
    errors.push_back(file_error(li.source_rel, "the facts of its articles were not found"));
    return true;
  });
  std::vector<size_t> first_article(issues.size() + 1, 0);
  for (size_t i = 0; i < issues.size(); ++i)
    first_article[i + 1] = first_article[i] + issues[i].issue.articles.size();
  const size_t n = first_article.back();
  site.issues.resize(issues.size());
  site.articles.resize(n);
  vocabulary_names.resize(n);
  if (config.keywords.enabled) keyword_counts.resize(n);
  parallel_for(issues.size(), worker_count(jobs, issues.size()), [&](size_t i, int) {
    LoadedIssue& li = issues[i];
    model::IssueEntry& entry = site.issues[i];
    entry.date = *li.issue.masthead.date;
    entry.url = date_path(entry.date);
    entry.source_path = std::move(li.source_rel);
    entry.from_markdown = li.from_markdown;
    entry.content_hash = li.content_hash;
    entry.source_text = std::move(li.source_text);
    entry.issue = std::move(li.issue);
    entry.articles.resize(entry.issue.articles.size());
    for (size_t k = 0; k < entry.articles.size(); ++k) {
      const size_t at = first_article[i] + k;
      model::ArticleEntry& a = site.articles[at];
      a.issue = static_cast<int>(i);
      a.index = static_cast<int>(k);
      ArticleFacts& facts = li.facts[k];
      a.slug = std::move(facts.slug);
      a.summary = std::move(facts.summary);
      a.search_text = std::move(facts.search_text);
      a.version = facts.version;
      vocabulary_names[at] = std::move(facts.vocabulary);
      if (config.keywords.enabled) keyword_counts[at] = std::move(facts.keywords);
      a.url.reserve(entry.url.size() + a.slug.size() + 1);
      ((a.url += entry.url) += a.slug) += '/';
      entry.articles[k] = static_cast<int>(at);
    }
  });
  for (size_t i = 0; i < site.issues.size(); ++i) {
    const text::Date& d = site.issues[i].date;
    site.calendar.days[d.year][d.month][d.day] = static_cast<int>(i);
  }

  // Tags: front matter, then vocabulary terms, then automatic keywords.
  std::vector<std::vector<std::string>> keywords;
  // For automatic keywords: a keyword that is a vocabulary term's name or alias is that term
  // (株洲市 → 株洲); a piece of one (静默 of 静默管理, 近平 of 习近平) is no tag of its own; a
  // keyword chosen for fewer articles than a keyword must occur in makes no tag (its page would
  // list one article and lead nowhere).
  std::unordered_map<std::string, std::string> vocabulary_name;
  std::unordered_set<std::string> vocabulary_pieces;
  std::unordered_map<std::string, int> chosen;
  if (config.keywords.enabled) {
    keywords = choose_keywords(keyword_counts, config.keywords);
    keyword_counts.clear();
    auto add_pieces = [&](const std::string& word) {
      std::vector<size_t> starts;
      for (size_t p = 0; p < word.size(); text::next_code_point(word, p)) starts.push_back(p);
      starts.push_back(word.size());
      for (size_t a = 0; a + 1 < starts.size(); ++a) {
        for (size_t b = a + 1; b < starts.size(); ++b) {
          if (a == 0 && b == starts.size() - 1) continue;  // the whole word
          vocabulary_pieces.insert(word.substr(starts[a], starts[b] - starts[a]));
        }
      }
    };
    for (const auto& term : config.vocabulary) {
      vocabulary_name.emplace(term.name, term.name);
      add_pieces(term.name);
      for (const auto& alias : term.aliases) {
        vocabulary_name.emplace(alias, term.name);
        add_pieces(alias);
      }
    }
    for (const auto& words : keywords) {
      for (const auto& k : words) ++chosen[k];
    }
  }
  std::unordered_map<std::string, std::string> vocab_kind;
  for (const auto& term : config.vocabulary) {
    vocab_kind.emplace(term.name, term.kind.empty() ? "topic" : term.kind);
  }
  // Each name once (interned: the index holds views of the articles' own strings, which
  // outlive it), its articles gathered; then the taxonomies, sorted.
  struct Uses {
    StringIndex index;  // name → position in `uses`
    std::vector<TermUse> uses;
    // Each article's terms (positions in `uses`), article after article: those of article i
    // from first[i] to first[i + 1] (first has one more entry, the end).
    std::vector<std::uint32_t> of_articles;
    std::vector<size_t> first;
  };
  Uses tags, authors;
  for (Uses* u : {&tags, &authors}) {
    u->first.reserve(n + 1);
    u->of_articles.reserve(n);
  }
  auto gather = [](Uses& u, size_t i, const std::vector<std::string_view>& names, auto&& kind_of) {
    u.first.push_back(u.of_articles.size());
    for (std::string_view name : names) {
      auto [k, added] = u.index.try_emplace(name, static_cast<std::uint32_t>(u.uses.size()));
      if (added) u.uses.push_back({std::string(name), kind_of(name), {}});
      u.uses[k].articles.push_back(static_cast<int>(i));
      u.of_articles.push_back(k);
    }
  };
  auto tag_kind = [&](std::string_view t) {
    auto k = vocab_kind.find(std::string(t));
    return k != vocab_kind.end() ? k->second : std::string("keyword");
  };
  auto author_kind = [](std::string_view) { return std::string("author"); };
  std::vector<std::string_view> names;  // of one article
  for (size_t i = 0; i < n; ++i) {
    const model::Article& article = site.article(static_cast<int>(i));
    names.clear();
    for (const auto& t : article.tags) add_unique(names, t);
    for (const auto& t : vocabulary_names[i]) add_unique(names, t);
    if (config.keywords.enabled) {
      for (const auto& k : keywords[i]) {
        auto it = vocabulary_name.find(k);
        if (it != vocabulary_name.end()) {
          add_unique(names, it->second);
        } else if (!vocabulary_pieces.count(k) &&
                   chosen[k] >= config.keywords.min_document_frequency) {
          add_unique(names, k);
        }
      }
    }
    gather(tags, i, names, tag_kind);
    names.clear();
    for (const auto& name : article.authors) add_unique(names, name);
    gather(authors, i, names, author_kind);
  }
  for (Uses* u : {&tags, &authors}) u->first.push_back(u->of_articles.size());
  text::Collation collation(config.language);
  text::IndexHeadings headings(config.language);
  TermTools tools{collation, headings, slugger};
  // The taxonomy of `u`'s terms (given by name, as make_taxonomy expects them), and each
  // article's terms in it.
  auto taxonomy = [&](const std::string& name, Uses& u, auto member) {
    std::vector<std::string> term_names;  // by position in `uses`
    term_names.reserve(u.uses.size());
    for (const TermUse& use : u.uses) term_names.push_back(use.name);
    std::sort(u.uses.begin(), u.uses.end(),
              [](const TermUse& a, const TermUse& b) { return a.name < b.name; });
    model::Taxonomy tax = make_taxonomy(name, std::move(u.uses), site, tools);
    std::vector<int> term_of(term_names.size());
    for (size_t k = 0; k < term_names.size(); ++k) term_of[k] = tax.by_name.at(term_names[k]);
    for (size_t i = 0; i < n; ++i) {
      auto& terms = site.articles[i].*member;
      terms.reserve(u.first[i + 1] - u.first[i]);
      for (size_t t = u.first[i]; t < u.first[i + 1]; ++t)
        terms.push_back(term_of[u.of_articles[t]]);
    }
    return tax;
  };
  site.tags = taxonomy("tags", tags, &model::ArticleEntry::tags);
  site.authors = taxonomy("authors", authors, &model::ArticleEntry::authors);
  return site;
}

}  // namespace gazette::site
