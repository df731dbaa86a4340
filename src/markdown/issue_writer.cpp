#include "markdown/issue_writer.hpp"

#include <yaml-cpp/yaml.h>

#include <fmt/format.h>

#include <optional>
#include <set>

#include "markdown/blocks.hpp"

namespace gazette::markdown {

namespace {

constexpr size_t kMaxSlugLength = 48;

YAML::Emitter& text_value(YAML::Emitter& out, const char* key, const std::string& value) {
  return out << YAML::Key << key << YAML::Value << YAML::DoubleQuoted << value;
}

void optional_text(YAML::Emitter& out, const char* key, const std::optional<std::string>& value) {
  if (value) text_value(out, key, *value);
}

// A list of short texts (authors, tags) on one line: `authors: ["邓伟勇", "杨凌凌"]`.
void flow_list(YAML::Emitter& out, const char* key, const std::vector<std::string>& values) {
  if (values.empty()) return;
  out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginSeq;
  for (const std::string& v : values) out << YAML::DoubleQuoted << v;
  out << YAML::EndSeq;
}

// A list of long texts (captions), one per line.
void block_list(YAML::Emitter& out, const char* key, const std::vector<std::string>& values) {
  if (values.empty()) return;
  out << YAML::Key << key << YAML::Value << YAML::BeginSeq;
  for (const std::string& v : values) out << YAML::DoubleQuoted << v;
  out << YAML::EndSeq;
}

}  // namespace

std::string issue_yaml(const model::Issue& issue) {
  YAML::Emitter out;
  out.SetOutputCharset(YAML::EmitNonAscii);
  out << YAML::BeginMap;
  if (!issue.source.empty()) text_value(out, "source", issue.source);
  const model::Masthead& m = issue.masthead;
  optional_text(out, "paper", m.paper);
  if (m.date) out << YAML::Key << "date" << YAML::Value << text::iso(*m.date);
  optional_text(out, "weekday", m.weekday);
  optional_text(out, "lunar", m.lunar);
  if (m.number) out << YAML::Key << "number" << YAML::Value << *m.number;
  if (m.pages) out << YAML::Key << "pages" << YAML::Value << *m.pages;
  if (!issue.warnings.empty()) {
    out << YAML::Key << "warnings" << YAML::Value << YAML::BeginSeq;
    for (const model::Warning& w : issue.warnings) {
      out << YAML::BeginMap << YAML::Key << "line" << YAML::Value << w.line;
      text_value(out, "message", w.message) << YAML::EndMap;
    }
    out << YAML::EndSeq;
  }
  out << YAML::EndMap;
  // An issue with nothing set is an empty map, which yaml-cpp writes as `{}`.
  return std::string(out.c_str()) + "\n";
}

std::string article_markdown(const model::Article& a) {
  YAML::Emitter out;
  out.SetOutputCharset(YAML::EmitNonAscii);
  out << YAML::BeginMap;
  text_value(out, "title", a.title);
  optional_text(out, "kicker", a.kicker);
  optional_text(out, "subtitle", a.subtitle);
  out << YAML::Key << "kind" << YAML::Value << model::kind_name(a.kind);
  optional_text(out, "byline", a.byline);
  flow_list(out, "authors", a.authors);
  optional_text(out, "dateline", a.dateline);
  optional_text(out, "page", a.page);
  optional_text(out, "continued_to", a.continued_to);
  block_list(out, "captions", a.captions);
  flow_list(out, "tags", a.tags);
  optional_text(out, "slug", a.slug);
  if (a.first_line != 0 || a.last_line != 0) {
    out << YAML::Key << "source_lines" << YAML::Value << YAML::Flow << YAML::BeginSeq
        << a.first_line << a.last_line << YAML::EndSeq;
  }
  out << YAML::EndMap;
  std::string text = "---\n";
  text += out.c_str();
  text += "\n---\n";
  std::string body = body_markdown(a.body);
  if (!body.empty()) text += "\n" + body;
  return text;
}

std::vector<std::string> article_file_names(const model::Issue& issue,
                                            const text::Slugger& slugger) {
  size_t width = 2;
  for (size_t n = issue.articles.size(); n >= 100; n /= 10) ++width;
  std::vector<std::string> names;
  std::set<std::string> used;
  for (size_t i = 0; i < issue.articles.size(); ++i) {
    std::string slug = slugger.slug(issue.articles[i].title, kMaxSlugLength);
    if (!slug.empty() && !used.insert(slug).second) {
      for (int k = 2;; ++k) {
        std::string candidate = fmt::format("{}-{}", slug, k);
        if (used.insert(candidate).second) {
          slug = candidate;
          break;
        }
      }
    }
    names.push_back(slug.empty() ? fmt::format("{:0{}}.md", i + 1, width)
                                 : fmt::format("{:0{}}-{}.md", i + 1, width, slug));
  }
  return names;
}

std::vector<IssueFile> issue_files(const model::Issue& issue, const text::Slugger& slugger) {
  std::vector<IssueFile> files;
  files.push_back({kIssueYaml, issue_yaml(issue)});
  std::vector<std::string> names = article_file_names(issue, slugger);
  for (size_t i = 0; i < issue.articles.size(); ++i) {
    files.push_back({names[i], article_markdown(issue.articles[i])});
  }
  return files;
}

}  // namespace gazette::markdown
