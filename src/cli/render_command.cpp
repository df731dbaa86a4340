// `gazette render NAME --templates DIR [--context FILE.json]`: renders one template with a
// JSON context and writes exactly the rendered text to stdout — for theme authors debugging a
// template, and for the conformance suite that compares gazette with Jinja2.
#include <cstdio>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/error.hpp"
#include "base/file.hpp"
#include "cli/commands.hpp"
#include "site/filters.hpp"
#include "templating/environment.hpp"
#include "templating/json.hpp"

namespace gazette::cli {

namespace {

struct RenderArgs {
  std::string name;
  std::vector<std::string> template_dirs;
  std::string context_file;
  std::string locale = "zh-CN";
  bool trim_blocks = false;
  bool lstrip_blocks = false;
  bool keep_trailing_newline = false;
  bool strict = false;
};

// The JSON context file as a dict (an error naming the file, line and column when it is not
// valid JSON or not an object).
Result<templating::Value> read_context(const std::string& path) {
  if (path.empty()) return templating::Value::dict({});
  auto text = read_file(path);
  if (!text) return text.error();
  nlohmann::ordered_json json;
  try {
    json = nlohmann::ordered_json::parse(*text);
  } catch (const nlohmann::json::parse_error& e) {
    // nlohmann reports the byte after the problem; show its line and column.
    size_t offset = e.byte == 0 ? 0 : e.byte - 1;
    int line = 1, column = 1;
    for (size_t i = 0; i < offset && i < text->size(); ++i) {
      if ((*text)[i] == '\n') {
        ++line;
        column = 1;
      } else if ((static_cast<unsigned char>((*text)[i]) & 0xC0) != 0x80) {
        ++column;
      }
    }
    std::string message = e.what();
    if (auto colon = message.rfind(": "); colon != std::string::npos)
      message = message.substr(colon + 2);
    return error_at(path, *text, line, column, "invalid JSON: " + message);
  }
  if (!json.is_object()) return file_error(path, "the context must be a JSON object");
  return templating::from_json(json);
}

int run_render(const RenderArgs& args) {
  auto context = read_context(args.context_file);
  if (!context) {
    std::cerr << format_error(context.error());
    return 1;
  }
  templating::Options options;
  options.trim_blocks = args.trim_blocks;
  options.lstrip_blocks = args.lstrip_blocks;
  options.keep_trailing_newline = args.keep_trailing_newline;
  options.strict_undefined = args.strict;
  std::vector<std::filesystem::path> dirs(args.template_dirs.begin(), args.template_dirs.end());
  templating::Environment env(dirs, options);
  site::add_gazette_filters(env, site::FilterOptions{args.locale});
  auto output = env.render(args.name, *context);
  if (!output) {
    std::cerr << format_error(output.error());
    return 1;
  }
  std::fwrite(output->data(), 1, output->size(), stdout);
  std::fflush(stdout);
  return 0;
}

}  // namespace

void add_render_command(CLI::App& app, int& exit_status) {
  auto args = std::make_shared<RenderArgs>();
  auto* cmd = app.add_subcommand(
      "render", "Render one template with a JSON context and print the result (no newline added)");
  cmd->add_option("name", args->name, "The template's name, relative to the template folders")
      ->required();
  cmd->add_option("--templates", args->template_dirs,
                  "A template folder (repeat for a search path; the first that has a name wins)")
      ->required();
  cmd->add_option("--context", args->context_file, "A JSON file whose object is the context");
  cmd->add_option("--locale", args->locale, "Locale of the date and number filters")
      ->capture_default_str();
  cmd->add_flag("--trim-blocks", args->trim_blocks, "Drop the first newline after a block tag");
  cmd->add_flag("--lstrip-blocks", args->lstrip_blocks,
                "Strip spaces and tabs before a block tag on its line");
  cmd->add_flag("--keep-trailing-newline", args->keep_trailing_newline,
                "Keep the template's final newline");
  cmd->add_flag("--strict", args->strict, "Any use of an undefined variable is an error");
  cmd->callback([args, &exit_status] { exit_status = run_render(*args); });
}

}  // namespace gazette::cli
