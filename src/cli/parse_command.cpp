// `gazette parse FILE... [--json]`: ingests raw issues and prints each as one JSON object
// (the DESIGN.md contract), in the order given. Bad files are reported on stderr as
// `path:line:col: error: …` (exit status 1) while the good ones are still printed.
#include <fmt/format.h>

#include <iostream>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "base/file.hpp"
#include "cli/commands.hpp"
#include "ingest/ingest.hpp"
#include "model/issue_json.hpp"

namespace gazette::cli {

namespace {

// The output forms of `parse`; a new form is one more enumerator and one more branch in
// print_issue.
enum class ParseOutput { kJson };

void print_issue(const model::Issue& issue, ParseOutput output) {
  switch (output) {
    case ParseOutput::kJson:
      std::cout << model::to_json(issue).dump(2, ' ', false,
                                              nlohmann::ordered_json::error_handler_t::replace)
                << '\n';
      break;
  }
}

}  // namespace

void add_parse_command(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand(
      "parse", "Read raw issues (text extracted from print) and print them as structured JSON");
  struct Args {
    std::vector<std::string> files;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("FILE", args->files, "Raw issue text files")->required();
  cmd->add_flag("--json", args->json, "Print one JSON object per file (the default)");
  cmd->callback([args, &exit_status] {
    ParseOutput output = ParseOutput::kJson;
    ingest::Ingester ingester{ingest::Options{}};
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
      print_issue(*issue, output);
    }
    std::cout.flush();
  });
}

}  // namespace gazette::cli
