// The site as a whole: every issue in date order, every article with its URL, the tag and
// author taxonomies, and the calendar of issues. Plain data built by site/ from the issues and
// site.yaml, read by the renderers; URLs are site-relative paths ("2022/11/08/slug/"), turned
// into links by the renderers according to base_url.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/issue.hpp"
#include "text/calendar.hpp"

namespace gazette::model {

// An issue of the site: its content, where it came from and where it goes. The articles'
// bodies and captions are not kept here (a large archive's text would not fit in memory):
// renderers load the whole issue when they need them.
struct IssueEntry {
  Issue issue;
  std::string source_path;  // the .txt file or the Markdown folder, relative to the site
  bool from_markdown = false;
  text::Date date;
  std::string url;                 // 2022/11/08/
  std::vector<int> articles;       // indices into Site::articles, in issue order
  std::uint64_t content_hash = 0;  // of the source bytes, for incremental builds
  std::string source_text;         // the raw text to publish as issue.txt (empty: none)
};

// An article of the site, with the links the renderers need.
struct ArticleEntry {
  int issue = 0;  // index into Site::issues
  int index = 0;  // position in the issue, 0-based
  std::string slug;
  std::string url;      // 2022/11/08/jia-kuai-gou-jian/
  std::string summary;  // the body's first sentence, plain text
  // What the search index holds of the body; none when its issue was read from the cache.
  std::optional<std::string> search_text;
  std::uint64_t version = 0;  // changes whenever anything the article says changes
  std::vector<int> tags;      // indices into Site::tags.terms
  std::vector<int> authors;   // indices into Site::authors.terms
};

// A tag or an author: its name, URL and articles.
struct Term {
  std::string name;
  std::string slug;
  std::string url;            // tags/zhu-zhou/
  std::string heading;        // A–Z (pinyin initial) or "#", for the index page
  std::string kind;           // vocabulary kind (person, place, …) or "keyword"/"author"
  std::vector<int> articles;  // newest first
};

// All the terms of one kind ("tags" or "authors"), in pinyin order.
struct Taxonomy {
  std::string name;  // tags | authors
  std::vector<Term> terms;
  std::unordered_map<std::string, int> by_name;
};

// The calendar: which days of which months of which years have an issue.
struct Calendar {
  // year → month → day → index into Site::issues
  std::map<int, std::map<int, std::map<int, int>>> days;
};

// Everything the renderers need.
struct Site {
  std::vector<IssueEntry> issues;      // oldest first
  std::vector<ArticleEntry> articles;  // issue by issue, in issue order
  Taxonomy tags;
  Taxonomy authors;
  Calendar calendar;

  const Article& article(int i) const {
    const ArticleEntry& a = articles[static_cast<size_t>(i)];
    return issues[static_cast<size_t>(a.issue)].issue.articles[static_cast<size_t>(a.index)];
  }
};

}  // namespace gazette::model
