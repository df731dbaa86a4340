// The gazette subcommands. Each `add_*_command` registers one subcommand on the application;
// the handler runs it and stores its exit status (0 success, 1 content errors, 2 bad usage).
#pragma once

#include <CLI/CLI.hpp>

namespace gazette::cli {

// `gazette version`: the version of gazette and of the libraries it was built with.
void add_version_command(CLI::App& app, int& exit_status);

// `gazette check`: every internal link and asset of a built site resolves.
void add_check_command(CLI::App& app, int& exit_status);

// `gazette parse FILE... [--json]`: raw issues as structured JSON, one object per file.
void add_parse_command(CLI::App& app, int& exit_status);

// `gazette convert FILE... [--to DIR] [--force]`: raw issues as editable Markdown issue folders.
void add_convert_command(CLI::App& app, int& exit_status);

// `gazette build`: the site into its output folder.
void add_build_command(CLI::App& app, int& exit_status);

// `gazette serve`: build, serve on localhost, rebuild and reload pages on every change.
void add_serve_command(CLI::App& app, int& exit_status);

// `gazette new DIR`: a new site folder.
void add_new_command(CLI::App& app, int& exit_status);

// `gazette render NAME --templates DIR [--context FILE.json]`: one template rendered with a
// JSON context, the output exactly as rendered on stdout.
void add_render_command(CLI::App& app, int& exit_status);

}  // namespace gazette::cli
