// Issue → its editable Markdown form: an issue folder holding `issue.yaml` (the masthead and
// ingestion's warnings) and one `NN-slug.md` per article (YAML front matter, then the body as
// Markdown). The format is documented for archive teams in docs/markdown-format.md; reading it
// back (issue_reader.hpp) gives the same model::Issue, field for field.
#pragma once

#include <string>
#include <vector>

#include "model/issue.hpp"
#include "text/slug.hpp"

namespace gazette::markdown {

// One file of an issue folder: its name in the folder and its contents.
struct IssueFile {
  std::string name;
  std::string content;
};

// The name of an issue's masthead file in its folder.
inline constexpr const char* kIssueYaml = "issue.yaml";

// `issue.yaml`: source, paper, date, weekday, lunar, number, pages and warnings, each only when
// set. Strings are double-quoted (readable as text by every YAML reader), UTF-8 kept as is.
std::string issue_yaml(const model::Issue& issue);

// An article's `.md` file: front matter with title (always), kicker, subtitle, kind (always),
// byline, authors, dateline, page, continued_to, captions, tags, slug and source_lines (each
// only when set), then a blank line and `body_markdown` of its body.
std::string article_markdown(const model::Article& article);

// The file name of each article, in order: `NN-slug.md`, NN its 1-based position with two
// digits (more when the issue has 100 articles or more), slug the pinyin of its title (at most
// 48 characters; `-2`, `-3`… when two titles give the same slug; `NN.md` when the title has
// nothing to romanise).
std::vector<std::string> article_file_names(const model::Issue& issue,
                                            const text::Slugger& slugger);

// Every file of the issue's folder: `issue.yaml`, then the articles in order.
std::vector<IssueFile> issue_files(const model::Issue& issue, const text::Slugger& slugger);

}  // namespace gazette::markdown
