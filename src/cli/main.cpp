// gazette: a static site generator for digital newspaper editions.
// Argument parsing only; every subcommand lives in its own file.
#include <CLI/CLI.hpp>

#include "cli/allocator.hpp"
#include "cli/commands.hpp"
#include "markdown/html.hpp"

int main(int argc, char** argv) {
  gazette::cli::tune_allocator();
  // cmark-gfm's extension registry is global and not thread-safe: fill it before any thread.
  gazette::markdown::register_extensions();
  CLI::App app{
      "gazette turns the text of printed newspaper issues into a fast, searchable static "
      "website.",
      "gazette"};
  app.set_version_flag("--version", std::string("gazette ") + GAZETTE_VERSION);
  app.require_subcommand(1);
  int exit_status = 0;
  gazette::cli::add_new_command(app, exit_status);
  gazette::cli::add_build_command(app, exit_status);
  gazette::cli::add_serve_command(app, exit_status);
  gazette::cli::add_parse_command(app, exit_status);
  gazette::cli::add_convert_command(app, exit_status);
  gazette::cli::add_check_command(app, exit_status);
  gazette::cli::add_render_command(app, exit_status);
  gazette::cli::add_version_command(app, exit_status);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    // CLI11 reports --help and --version as "errors" with status 0; bad usage is status 2.
    return code == 0 ? 0 : 2;
  }
  return exit_status;
}
