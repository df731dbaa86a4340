#include "markdown/issue_stream.hpp"

#include <fmt/format.h>

namespace gazette::markdown {

namespace {

constexpr std::string_view kOpen = "==> ";
constexpr std::string_view kClose = " <==";

bool is_header(std::string_view line) {
  return line.size() >= kOpen.size() + kClose.size() && line.starts_with(kOpen) &&
         line.ends_with(kClose);
}

// Keeps a file's lines from being taken for headers (see issue_stream.hpp).
std::string guard_headers(std::string_view content) {
  std::string out;
  out.reserve(content.size());
  size_t start = 0;
  while (start < content.size()) {
    size_t nl = content.find('\n', start);
    size_t end = nl == std::string_view::npos ? content.size() : nl + 1;
    std::string_view line = content.substr(start, end - start);
    std::string_view bare = line;
    if (bare.ends_with('\n')) bare.remove_suffix(1);
    if (is_header(bare)) out += '\\';
    out += line;
    start = end;
  }
  return out;
}

}  // namespace

std::string issue_stream(const model::Issue& issue, std::string_view folder,
                         const text::Slugger& slugger) {
  std::string out;
  for (const IssueFile& file : issue_files(issue, slugger)) {
    if (!out.empty()) out += '\n';
    out += fmt::format("{}{}/{}{}\n", kOpen, folder, file.name, kClose);
    out += guard_headers(file.content);
    if (!out.ends_with('\n')) out += '\n';
  }
  return out;
}

Result<std::vector<StreamFolder>> split_issue_stream(std::string_view text, std::string_view path) {
  std::vector<StreamFolder> folders;
  IssueSource* current = nullptr;
  size_t start = 0;
  int line_no = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    std::string_view line = text.substr(start, end - start);
    std::string_view bare = line.ends_with('\n') ? line.substr(0, line.size() - 1) : line;
    start = end;
    ++line_no;
    if (!is_header(bare)) {
      if (current) {
        current->text += line;
      } else if (bare.find_first_not_of(" \t") != std::string_view::npos) {
        return error_at(path, text, line_no, 1,
                        "expected a header line `==> FOLDER/issue.yaml <==` before any text");
      }
      continue;
    }
    // The blank line before a header separates files; it belongs to neither.
    if (current && current->text.ends_with("\n\n")) current->text.pop_back();
    std::string_view name = bare.substr(kOpen.size(), bare.size() - kOpen.size() - kClose.size());
    size_t slash = name.rfind('/');
    if (slash == std::string_view::npos || slash == 0) {
      return error_at(path, text, line_no, static_cast<int>(kOpen.size()) + 1,
                      "a header names FOLDER/FILE");
    }
    std::string_view folder = name.substr(0, slash);
    std::string_view file = name.substr(slash + 1);
    if (folders.empty() || folders.back().folder != folder) {
      if (file != kIssueYaml) {
        return error_at(path, text, line_no, static_cast<int>(kOpen.size()) + 1,
                        fmt::format("an issue's files start with {}/issue.yaml", folder));
      }
      folders.push_back({std::string(folder), {}});
    } else if (file == kIssueYaml) {
      return error_at(path, text, line_no, static_cast<int>(kOpen.size()) + 1,
                      fmt::format("{}/issue.yaml appears twice", folder));
    }
    folders.back().files.push_back({std::string(file), "", std::string(path), line_no + 1});
    current = &folders.back().files.back();
  }
  return folders;
}

Result<std::vector<model::Issue>> read_issue_stream(std::string_view text, std::string_view path) {
  auto folders = split_issue_stream(text, path);
  if (!folders.ok()) return folders.error();
  std::vector<model::Issue> issues;
  for (StreamFolder& f : *folders) {
    auto issue = read_issue_sources(std::move(f.files), path);
    if (!issue.ok()) return issue.error();
    issues.push_back(std::move(*issue));
  }
  return issues;
}

}  // namespace gazette::markdown
