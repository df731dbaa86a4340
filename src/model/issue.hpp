// The newspaper issue as gazette understands it: a masthead and its articles. Plain data, no
// I/O; produced by ingestion (raw text) or read from an edited Markdown issue folder, consumed
// by the site build. Mirrors `gazette parse --json` (see ../shared/DESIGN.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "text/calendar.hpp"

namespace gazette::model {

// Something ingestion noticed and the archive team should know about (a removed duplicate, an
// inferred date, a headline it could not attach), at a 1-based line of the source.
struct Warning {
  int line = 0;
  std::string message;

  friend bool operator==(const Warning&, const Warning&) = default;
};

// What kind of item an article is, as `parse --json` spells it.
enum class ArticleKind { kNews, kCommentary, kNotice, kPhoto, kBrief, kLetter };

// "news", "commentary", "notice", "photo", "brief", "letter".
const char* kind_name(ArticleKind kind);

// The kind named by `name`, or nothing for an unknown name.
std::optional<ArticleKind> kind_from_name(std::string_view name);

// One block of an article's body: a paragraph, or a sub-heading (intertitle) inside it.
// A block is plain text (`markdown` empty: `text` is exactly what the reader sees, and is
// escaped whenever it is written as Markdown), or Markdown written by hand in an issue folder
// (`markdown` holds its source, rendered as is; `text` is then its plain text, for excerpts,
// search and `parse --json`). Lists, quotes, tables and code written by hand are paragraph
// blocks with their Markdown.
struct Block {
  enum class Type { kParagraph, kHeading };
  Type type = Type::kParagraph;
  std::string text;
  std::string markdown;

  friend bool operator==(const Block&, const Block&) = default;
};

// One article of an issue: its headline (kicker above the title, subtitle below), byline and
// the authors named in it, body, photo captions and continuation.
struct Article {
  std::string title;
  std::optional<std::string> kicker;
  std::optional<std::string> subtitle;
  ArticleKind kind = ArticleKind::kNews;
  std::optional<std::string> byline;  // as printed: 株洲日报讯（全媒体记者/邓伟勇）
  std::vector<std::string> authors;   // names only: 邓伟勇
  std::optional<std::string> dateline;      // 新华社北京11月9日电
  std::optional<std::string> page;          // A1, 3, …
  std::optional<std::string> continued_to;  // page named by 下转A4版
  std::vector<Block> body;
  std::vector<std::string> captions;
  std::vector<std::string> tags;
  std::optional<std::string> slug;  // set by hand in Markdown; otherwise chosen by the site
  int first_line = 0;               // source lines the article came from (1-based, inclusive)
  int last_line = 0;

  friend bool operator==(const Article&, const Article&) = default;
};

// The printed masthead of an issue: what the front page says about itself.
struct Masthead {
  std::optional<std::string> paper;    // 株洲日报
  std::optional<text::Date> date;      // 2022-11-08
  std::optional<std::string> weekday;  // 星期二
  std::optional<std::string> lunar;    // 壬寅年十月十五
  std::optional<int> number;           // 第23124期
  std::optional<int> pages;            // 今日4版

  friend bool operator==(const Masthead&, const Masthead&) = default;
};

// One issue of a newspaper.
struct Issue {
  std::string source;  // the file it came from, as given
  Masthead masthead;
  std::vector<Article> articles;
  std::vector<Warning> warnings;

  friend bool operator==(const Issue&, const Issue&) = default;
};

}  // namespace gazette::model
