// `gazette parse FILE... [--json | --markdown] [--site DIR]`: ingests raw issues (with the
// site's ingestion settings, as `gazette build` does) and prints each as one JSON
// object (the DESIGN.md contract) or as its Markdown issue folder in the single-stream form
// (docs/markdown-format.md), in the order given. Bad files are reported on stderr as
// `path:line:col: error: …` (exit status 1) while the good ones are still printed.
#include <fmt/format.h>

#include <iostream>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "base/file.hpp"
#include "cli/commands.hpp"
#include "cli/site_paths.hpp"
#include "ingest/ingest.hpp"
#include "markdown/folder_writer.hpp"
#include "markdown/issue_stream.hpp"
#include "model/issue_json.hpp"

namespace gazette::cli {

namespace {

// The output forms of `parse`; a new form is one more enumerator and one more branch in
// print_issue.
enum class ParseOutput { kJson, kMarkdown };

void print_issue(const model::Issue& issue, ParseOutput output, const text::Slugger& slugger,
                 bool first) {
  switch (output) {
    case ParseOutput::kJson:
      std::cout << model::json_text(model::to_json(issue)) << '\n';
      break;
    case ParseOutput::kMarkdown:
      // Issues, like the files of one issue, are separated by a blank line.
      std::cout << (first ? "" : "\n")
                << markdown::issue_stream(issue, markdown::issue_folder_name(issue.source),
                                          slugger);
      break;
  }
}

}  // namespace

void add_parse_command(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand(
      "parse",
      "Read raw issues (text extracted from print) and print them as structured JSON or Markdown");
  struct Args {
    std::vector<std::string> files;
    bool json = false;
    bool markdown = false;
    std::string site;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("FILE", args->files, "Raw issue text files")->required();
  auto* json = cmd->add_flag("--json", args->json, "Print one JSON object per file (the default)");
  cmd->add_flag("--markdown", args->markdown,
                "Print each file as the Markdown issue folder `gazette convert` writes, its files "
                "one after the other under `==> FOLDER/FILE <==` lines")
      ->excludes(json);
  cmd->add_option("--site", args->site,
                  "Ingest with the settings of the site in DIR (default: the site in the "
                  "working folder, if any)");
  cmd->callback([args, &exit_status] {
    ParseOutput output = args->markdown ? ParseOutput::kMarkdown : ParseOutput::kJson;
    text::Slugger slugger;
    bool first = true;
    auto options = site_ingest_options(args->site);
    if (!options) {
      std::cerr << format_error(options.error());
      exit_status = 1;
      return;
    }
    ingest::Ingester ingester{*options};
    exit_status = 0;
    for (const std::string& path : args->files) {
      auto bytes = read_file(path);
      if (!bytes) {
        std::cerr << format_error(bytes.error());
        exit_status = 1;
        continue;
      }
      auto issue = ingester.ingest(*bytes, path);
      if (!issue) {
        std::cerr << format_error(issue.error());
        exit_status = 1;
        continue;
      }
      print_issue(*issue, output, slugger, first);
      first = false;
    }
    std::cout.flush();
  });
}

}  // namespace gazette::cli
