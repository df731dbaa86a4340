#include <fmt/format.h>

#include <filesystem>
#include <system_error>

#include "cli/commands.hpp"
#include "output/files.hpp"

namespace gazette::cli {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kSiteYaml =
    R"(# gazette site settings (every key is optional; these are the usual ones)
title: 我的数字报
paper: 我的日报
description: 历年版面存档
language: zh-CN
base_url: https://example.org/
theme: default
paginate: 20
# slugs: pinyin           # or: index
# keywords: true           # automatic tags (TF-IDF over the whole archive)
# vocabulary:              # tags matched in titles and bodies
#   - name: 株洲
#     kind: place
# tag_mentions: 2          # a term tags an article its headline names or its body mentions twice
)";

constexpr std::string_view kContentReadme =
    R"(Put the issues here: one raw text file per issue (`2022-11-08.txt`, with
optional YAML front matter such as `date: 2022-11-08`), or Markdown issue
folders made by `gazette convert`.
)";

}  // namespace

void add_new_command(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand("new", "Create a new site folder");
  auto dir = std::make_shared<std::string>();
  cmd->add_option("DIR", *dir, "The folder to create")->required();
  cmd->callback([dir, &exit_status] {
    fs::path root(*dir);
    std::error_code ec;
    if (fs::exists(root / "site.yaml", ec)) {
      fmt::print(stderr, "{}: error: there is a site here already\n",
                 (root / "site.yaml").string());
      exit_status = 1;
      return;
    }
    if (fs::exists(root, ec) && !fs::is_directory(root, ec)) {
      fmt::print(stderr, "{}: error: exists and is not a folder\n", root.string());
      exit_status = 1;
      return;
    }
    for (const char* sub : {"content", "templates", "static"})
      fs::create_directories(root / sub, ec);
    Status s = output::write_file_atomic(root / "site.yaml", kSiteYaml);
    if (s.ok()) s = output::write_file_atomic(root / "content" / "README.md", kContentReadme);
    if (!s.ok()) {
      fmt::print(stderr, "{}", format_error(s.error()));
      exit_status = 1;
      return;
    }
    fmt::print(
        "Created {}: edit site.yaml, put issues in content/, then run\n  gazette serve --site {}\n",
        root.string(), root.string());
    exit_status = 0;
  });
}

}  // namespace gazette::cli
