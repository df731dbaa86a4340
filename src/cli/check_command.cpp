#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/site_paths.hpp"
#include "config/site_config.hpp"
#include "output/link_check.hpp"

namespace gazette::cli {

void add_check_command(CLI::App& app, int& exit_status) {
  auto* cmd =
      app.add_subcommand("check", "Check a built site: every internal link and asset resolves");
  auto site = std::make_shared<std::string>(".");
  auto out = std::make_shared<std::string>();
  auto base_url = std::make_shared<std::string>();
  cmd->add_option("--site", *site, "The site folder (with site.yaml)")->capture_default_str();
  cmd->add_option("--out", *out, "The built output folder (default: <site>/public)");
  cmd->add_option("--base-url", *base_url, "The URL the site was built for (default: site.yaml's)");
  cmd->callback([site, out, base_url, &exit_status] {
    auto config = config::load_site_config(*site);
    if (!config.ok()) {
      fmt::print(stderr, "{}", format_error(config.error()));
      exit_status = 1;
      return;
    }
    std::filesystem::path dir = output_dir(*site, *out);
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
      fmt::print(stderr, "{}: error: no built site here: run `gazette build` first\n",
                 dir.string());
      exit_status = 1;
      return;
    }
    std::string url = base_url->empty() ? config->base_url : *base_url;
    if (!url.empty() && url.back() != '/') url += '/';
    output::LinkReport report = output::check_links(dir, url);
    for (const Error& e : report.broken) fmt::print(stderr, "{}\n", format_error_line(e));
    fmt::print("{} files, {} internal links checked, {} broken\n", report.files, report.links,
               report.broken.size());
    exit_status = report.broken.empty() ? 0 : 1;
  });
}

}  // namespace gazette::cli
