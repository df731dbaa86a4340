// A Markdown issue folder → model::Issue: `issue.yaml` for the masthead and warnings, then each
// `NN-slug.md` in NN order, front matter for the article's fields and the body parsed back into
// blocks (see blocks.hpp). What `issue_files` wrote reads back as the same Issue; hand edits
// and hand-written articles in ordinary Markdown work too. Every problem is an Error at
// `path:line:col`.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "model/issue.hpp"

namespace gazette::markdown {

// A file of an issue folder to read: its name in the folder (`issue.yaml`, `03-slug.md`), its
// decoded text (valid UTF-8, LF line endings), and where errors about it point: `path`, and
// `first_line`, the line of `path` where `text` starts (1 for a file of its own, more for a
// file inside a stream).
struct IssueSource {
  std::string name;
  std::string text;
  std::string path;
  int first_line = 1;
};

// The article of one `.md` file: front matter (title required; kind one of news, commentary,
// notice, photo, brief, letter; authors, captions and tags lists of texts; source_lines two
// whole numbers), then the body. Unknown front matter keys are ignored.
Result<model::Article> read_article(std::string_view text, std::string_view path);

// The masthead, source and warnings of an `issue.yaml` into `issue`. Unknown keys are ignored.
Status read_issue_yaml(std::string_view text, std::string_view path, model::Issue& issue);

// The number NN of an article file named `NN.md` or `NN-anything.md`; nothing for other names.
std::optional<int> article_number(std::string_view file_name);

// The issue of a folder's files: exactly one `issue.yaml` and the `.md` files ordered by their
// number (two files with the same number are an error; gaps are fine). `folder` names the
// folder in errors that are about no one file.
Result<model::Issue> read_issue_sources(std::vector<IssueSource> files, std::string_view folder);

// The issue in folder `dir`: `issue.yaml` and its `*.md` files (other files, sub-folders and
// hidden files are left alone; a `.md` file not named `NN-slug.md` is an error, so that no
// article is silently skipped). Invalid UTF-8 is an error at its position.
Result<model::Issue> read_issue_folder(const std::filesystem::path& dir);

// Whether `dir` is a Markdown issue folder (holds an `issue.yaml`).
bool is_issue_folder(const std::filesystem::path& dir);

}  // namespace gazette::markdown
