#include <unistd.h>

#include <fmt/format.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "cli/commands.hpp"
#include "cli/progress.hpp"
#include "cli/site_paths.hpp"
#include "site/build.hpp"

namespace gazette::cli {

void add_build_command(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand("build", "Build the site into its output folder");
  struct Args {
    std::string site = ".";
    std::string out;
    std::string base_url;
    int jobs = 0;
    bool quiet = false;
    bool clean = false;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--site", args->site, "The site folder (with site.yaml)")->capture_default_str();
  cmd->add_option("--out", args->out, "The output folder (default: <site>/public)");
  cmd->add_option("--base-url", args->base_url,
                  "The URL the site is published at (overrides site.yaml)");
  cmd->add_option("-j,--jobs", args->jobs, "Threads to use (default: all cores)")
      ->check(CLI::Range(0, 1024));
  cmd->add_flag("--quiet", args->quiet, "Print nothing but errors");
  cmd->add_flag("--clean", args->clean, "Ignore the previous build: render and write every page");
  cmd->callback([args, &exit_status] {
    site::BuildOptions options;
    options.site_dir = args->site;
    options.out_dir = output_dir(args->site, args->out);
    options.base_url = args->base_url;
    options.jobs = args->jobs;
    options.clean = args->clean;
    options.builtin_themes = builtin_themes_dir();
    const bool talk = !args->quiet && ::isatty(STDERR_FILENO);
    Progress progress(talk);
    options.progress = [&progress](std::string_view stage, size_t done, size_t total) {
      progress.update(stage, done, total);
    };
    // The process ends with the build: once the site is published, with nothing left to free.
    options.published = [&](const site::BuildResult& result) {
      progress.finish();
      if (talk) print_summary(result, options.out_dir);
      std::fflush(stdout);
      std::fflush(stderr);
      std::_Exit(0);
    };
    site::SiteBuilder builder(options);
    site::BuildResult result = builder.build();  // returns when the build failed
    progress.finish();
    for (const Error& e : result.errors) fmt::print(stderr, "{}", format_error(e));
    fmt::print(stderr, "build failed: {} error{}; {} left as it was\n", result.errors.size(),
               result.errors.size() == 1 ? "" : "s", options.out_dir.string());
    exit_status = 1;
  });
}

}  // namespace gazette::cli
