#include "markdown/issue_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <system_error>

#include "base/file.hpp"
#include "config/front_matter.hpp"
#include "markdown/blocks.hpp"
#include "markdown/issue_writer.hpp"
#include "markdown/yaml_fields.hpp"
#include "text/calendar.hpp"
#include "text/utf8.hpp"

namespace gazette::markdown {

namespace fs = std::filesystem;

namespace {

// Reads an optional text field into `into`; returns the error, if any.
std::optional<Error> read_text(const YamlFields& f, const YAML::Node& map, const char* key,
                               std::optional<std::string>& into) {
  auto v = f.text(map, key);
  if (!v.ok()) return v.error();
  into = std::move(*v);
  return std::nullopt;
}

std::optional<Error> read_list(const YamlFields& f, const YAML::Node& map, const char* key,
                               std::vector<std::string>& into) {
  auto v = f.text_list(map, key);
  if (!v.ok()) return v.error();
  into = std::move(*v);
  return std::nullopt;
}

std::string kind_names() {
  std::string names;
  for (auto kind :
       {model::ArticleKind::kNews, model::ArticleKind::kCommentary, model::ArticleKind::kNotice,
        model::ArticleKind::kPhoto, model::ArticleKind::kBrief, model::ArticleKind::kLetter}) {
    if (!names.empty()) names += ", ";
    names += model::kind_name(kind);
  }
  return names;
}

Error shifted(Error e, int first_line) {
  if (e.line > 0) e.line += first_line - 1;
  return e;
}

// The key node of `key` in `map` (for errors about a key whose value is missing).
YAML::Node key_node(const YAML::Node& map, const char* key) {
  for (auto it = map.begin(); it != map.end(); ++it) {
    if (it->first.IsScalar() && it->first.Scalar() == key) return it->first;
  }
  return map;
}

bool is_hidden_or_backup(std::string_view name) {
  return name.empty() || name.front() == '.' || name.back() == '~' || name.front() == '#';
}

}  // namespace

Result<model::Article> read_article(std::string_view text, std::string_view path) {
  auto fm = config::split_front_matter(text, path);
  if (!fm.ok()) return fm.error();
  YamlFields f(path, text, 2);
  const YAML::Node& data = fm->data;
  model::Article a;

  const YAML::Node title = data["title"];
  if (!title || title.IsNull()) {
    if (fm->body_line == 1) {
      return f.error_at_line(1, 1,
                             "the article has no front matter: its file must start with `---`, "
                             "`title: \"…\"` and `---`");
    }
    return f.error(key_node(data, "title"), "the article has no `title` in its front matter");
  }
  std::optional<std::string> t;
  if (auto e = read_text(f, data, "title", t)) return *e;
  a.title = std::move(*t);

  if (auto e = read_text(f, data, "kicker", a.kicker)) return *e;
  if (auto e = read_text(f, data, "subtitle", a.subtitle)) return *e;
  std::optional<std::string> kind;
  if (auto e = read_text(f, data, "kind", kind)) return *e;
  if (kind) {
    auto k = model::kind_from_name(*kind);
    if (!k) {
      return f.error(data["kind"],
                     fmt::format("unknown kind `{}`: use one of {}", *kind, kind_names()));
    }
    a.kind = *k;
  }
  if (auto e = read_text(f, data, "byline", a.byline)) return *e;
  if (auto e = read_list(f, data, "authors", a.authors)) return *e;
  if (auto e = read_text(f, data, "dateline", a.dateline)) return *e;
  if (auto e = read_text(f, data, "page", a.page)) return *e;
  if (auto e = read_text(f, data, "continued_to", a.continued_to)) return *e;
  if (auto e = read_list(f, data, "captions", a.captions)) return *e;
  if (auto e = read_list(f, data, "tags", a.tags)) return *e;
  if (auto e = read_text(f, data, "slug", a.slug)) return *e;

  const YAML::Node lines = data["source_lines"];
  if (lines && !lines.IsNull()) {
    if (!lines.IsSequence() || lines.size() != 2) {
      return f.error(lines, "`source_lines` must be a list of two line numbers: [first, last]");
    }
    auto first = f.number_value(lines[0], "the first of `source_lines`");
    if (!first.ok()) return first.error();
    auto last = f.number_value(lines[1], "the last of `source_lines`");
    if (!last.ok()) return last.error();
    a.first_line = *first;
    a.last_line = *last;
  }

  a.body = parse_body(fm->body);
  return a;
}

Status read_issue_yaml(std::string_view text, std::string_view path, model::Issue& issue) {
  auto parsed = config::parse_yaml(text, path);
  if (!parsed.ok()) return parsed.error();
  const YAML::Node& data = *parsed;
  YamlFields f(path, text, 1);
  if (!data || data.IsNull()) return {};
  if (!data.IsMap()) {
    return f.error(data, "issue.yaml must be a map of `key: value` lines (source, paper, date…)");
  }
  std::optional<std::string> source;
  if (auto e = read_text(f, data, "source", source)) return *e;
  issue.source = source.value_or("");
  model::Masthead& m = issue.masthead;
  if (auto e = read_text(f, data, "paper", m.paper)) return *e;
  std::optional<std::string> date;
  if (auto e = read_text(f, data, "date", date)) return *e;
  if (date) {
    m.date = text::parse_iso_date(*date);
    if (!m.date) {
      return f.error(data["date"],
                     fmt::format("`date` must be a date written YYYY-MM-DD, not `{}`", *date));
    }
  }
  if (auto e = read_text(f, data, "weekday", m.weekday)) return *e;
  if (auto e = read_text(f, data, "lunar", m.lunar)) return *e;
  auto number = f.whole_number(data, "number");
  if (!number.ok()) return number.error();
  m.number = *number;
  auto pages = f.whole_number(data, "pages");
  if (!pages.ok()) return pages.error();
  m.pages = *pages;

  const YAML::Node warnings = data["warnings"];
  if (warnings && !warnings.IsNull()) {
    if (!warnings.IsSequence()) {
      return f.error(warnings, "`warnings` must be a list of `- line: N` / `message: \"…\"` maps");
    }
    for (const YAML::Node& w : warnings) {
      if (!w.IsMap()) {
        return f.error(w, "each warning must be a map with `line` and `message`");
      }
      model::Warning warning;
      auto line = f.whole_number(w, "line");
      if (!line.ok()) return line.error();
      warning.line = line->value_or(0);
      std::optional<std::string> message;
      if (auto e = read_text(f, w, "message", message)) return *e;
      if (!message) return f.error(w, "a warning needs a `message`");
      warning.message = std::move(*message);
      issue.warnings.push_back(std::move(warning));
    }
  }
  return {};
}

std::optional<int> article_number(std::string_view name) {
  if (name.size() < 4 || name.substr(name.size() - 3) != ".md") return std::nullopt;
  size_t digits = 0;
  while (digits < name.size() && name[digits] >= '0' && name[digits] <= '9') ++digits;
  if (digits == 0 || digits > 9) return std::nullopt;
  if (digits != name.size() - 3 && name[digits] != '-') return std::nullopt;
  int n = 0;
  for (size_t i = 0; i < digits; ++i) n = n * 10 + (name[i] - '0');
  return n;
}

Result<model::Issue> read_issue_sources(std::vector<IssueSource> files, std::string_view folder) {
  model::Issue issue;
  const IssueSource* yaml = nullptr;
  struct Numbered {
    int number;
    const IssueSource* file;
  };
  std::vector<Numbered> articles;
  for (const IssueSource& file : files) {
    if (file.name == kIssueYaml) {
      yaml = &file;
    } else if (auto n = article_number(file.name)) {
      articles.push_back({*n, &file});
    } else {
      return Error{file.path,
                   file.first_line,
                   1,
                   fmt::format("`{}` is not an article file name: name it NN-slug.md, NN its "
                               "position in the issue (01, 02, …)",
                               file.name),
                   {}};
    }
  }
  if (!yaml) {
    return file_error(folder, "not a Markdown issue folder: it has no issue.yaml");
  }
  if (Status s = read_issue_yaml(yaml->text, yaml->path, issue); !s.ok()) {
    return shifted(s.error(), yaml->first_line);
  }

  std::stable_sort(articles.begin(), articles.end(), [](const Numbered& a, const Numbered& b) {
    return a.number != b.number ? a.number < b.number : a.file->name < b.file->name;
  });
  for (size_t i = 0; i < articles.size(); ++i) {
    const IssueSource& file = *articles[i].file;
    if (i > 0 && articles[i - 1].number == articles[i].number) {
      return Error{file.path,
                   file.first_line,
                   1,
                   fmt::format("article number {} is used twice: by {} and by {} (each article "
                               "file needs its own number)",
                               articles[i].number, articles[i - 1].file->name, file.name),
                   {}};
    }
    auto article = read_article(file.text, file.path);
    if (!article.ok()) return shifted(article.error(), file.first_line);
    issue.articles.push_back(std::move(*article));
  }
  return issue;
}

Result<model::Issue> read_issue_folder(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return file_error(dir.string(), "not a folder: a Markdown issue is a folder with issue.yaml");
  }
  std::vector<IssueSource> files;
  fs::directory_iterator it(dir, ec);
  if (ec) return file_error(dir.string(), "cannot list the folder: " + ec.message());
  for (const fs::directory_entry& entry : it) {
    std::string name = entry.path().filename().string();
    if (is_hidden_or_backup(name)) continue;
    bool wanted = name == kIssueYaml || (name.size() > 3 && name.ends_with(".md"));
    if (!wanted || !entry.is_regular_file(ec)) continue;
    std::string path = (dir / name).string();
    auto bytes = read_file(entry.path());
    if (!bytes.ok()) return bytes.error();
    auto text = text::decode_text(*bytes, path);
    if (!text.ok()) return text.error();
    files.push_back({name, std::move(*text), path, 1});
  }
  // Directory order is arbitrary; errors should not be.
  std::sort(files.begin(), files.end(),
            [](const IssueSource& a, const IssueSource& b) { return a.name < b.name; });
  return read_issue_sources(std::move(files), dir.string());
}

bool is_issue_folder(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / kIssueYaml, ec);
}

}  // namespace gazette::markdown
