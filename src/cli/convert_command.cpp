// `gazette convert FILE... [--to DIR] [--force] [--site DIR]`: ingests raw issues and writes
// each as its editable Markdown issue folder (docs/markdown-format.md), atomically. Each file is
// converted on its own: a bad file is reported (`path:line:col: error: …`, exit status 1) and
// the others are still converted.
#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "base/error.hpp"
#include "base/file.hpp"
#include "cli/commands.hpp"
#include "cli/site_paths.hpp"
#include "config/site_config.hpp"
#include "ingest/ingest.hpp"
#include "markdown/folder_writer.hpp"
#include "markdown/issue_writer.hpp"
#include "text/slug.hpp"

namespace gazette::cli {

namespace fs = std::filesystem;

namespace {

struct ConvertArgs {
  std::vector<std::string> files;
  std::string to;
  std::string site;
  bool force = false;
};

// The folder each file is written to, or the first clash (two files, one folder).
Result<std::vector<fs::path>> target_folders(const ConvertArgs& args) {
  std::vector<fs::path> targets;
  std::map<fs::path, std::string> seen;
  for (const std::string& file : args.files) {
    fs::path parent = args.to.empty() ? fs::path(file).parent_path() : fs::path(args.to);
    fs::path target = parent / markdown::issue_folder_name(file);
    std::error_code ec;
    fs::path key = fs::weakly_canonical(target, ec);
    if (ec) key = target.lexically_normal();
    auto [it, inserted] = seen.emplace(key, file);
    if (!inserted) {
      return file_error(file, fmt::format("would be written to {}, like {}: convert them to "
                                          "different folders (--to)",
                                          target.string(), it->second));
    }
    targets.push_back(target);
  }
  return targets;
}

int run_convert(const ConvertArgs& args) {
  auto options = site_ingest_options(args.site);
  if (!options.ok()) {
    fmt::print(stderr, "{}", format_error(options.error()));
    return 1;
  }
  auto targets = target_folders(args);
  if (!targets.ok()) {
    fmt::print(stderr, "{}", format_error(targets.error()));
    return 1;
  }
  ingest::Ingester ingester(*options);
  text::Slugger slugger;
  int status = 0;
  for (size_t i = 0; i < args.files.size(); ++i) {
    const std::string& path = args.files[i];
    const fs::path& target = (*targets)[i];
    auto bytes = read_file(path);
    if (!bytes.ok()) {
      fmt::print(stderr, "{}", format_error(bytes.error()));
      status = 1;
      continue;
    }
    auto issue = ingester.ingest(*bytes, path);
    if (!issue.ok()) {
      fmt::print(stderr, "{}", format_error(issue.error()));
      status = 1;
      continue;
    }
    Status written =
        markdown::write_issue_folder(markdown::issue_files(*issue, slugger), target, args.force);
    if (!written.ok()) {
      fmt::print(stderr, "{}", format_error(written.error()));
      status = 1;
      continue;
    }
    fmt::print("{} → {}/ ({} article{}, {} warning{})\n", path, target.string(),
               issue->articles.size(), issue->articles.size() == 1 ? "" : "s",
               issue->warnings.size(), issue->warnings.size() == 1 ? "" : "s");
  }
  return status;
}

}  // namespace

void add_convert_command(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand(
      "convert", "Write raw issues as editable Markdown issue folders (issue.yaml + NN-slug.md)");
  auto args = std::make_shared<ConvertArgs>();
  cmd->add_option("FILE", args->files, "Raw issue text files")->required();
  cmd->add_option("--to", args->to,
                  "Write the folders into DIR (created when missing; default: beside each file)");
  cmd->add_flag("--force", args->force, "Replace issue folders converted before");
  cmd->add_option("--site", args->site,
                  "Ingest with the settings of the site in DIR (default: the site in the "
                  "working folder, if any)");
  cmd->callback([args, &exit_status] { exit_status = run_convert(*args); });
}

}  // namespace gazette::cli
