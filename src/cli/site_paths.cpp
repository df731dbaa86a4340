#include "cli/site_paths.hpp"

#include <system_error>

#include "config/site_config.hpp"

namespace gazette::cli {

namespace fs = std::filesystem;

fs::path builtin_themes_dir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = exe.parent_path().parent_path() / "share" / "gazette" / "themes";
    if (fs::is_directory(installed, ec)) return installed;
  }
  fs::path source = fs::path(GAZETTE_SOURCE_DIR) / "themes";
  if (fs::is_directory(source, ec)) return source;
  return {};
}

fs::path output_dir(const fs::path& site, const std::string& out) {
  return out.empty() ? site / "public" : fs::path(out);
}

Result<ingest::Options> site_ingest_options(const std::string& site) {
  std::error_code ec;
  if (site.empty() && !fs::is_regular_file("site.yaml", ec)) return ingest::Options{};
  auto config = config::load_site_config(site.empty() ? fs::path(".") : fs::path(site));
  if (!config.ok()) return config.error();
  return ingest::options_from_yaml(config->ingest, config->file);
}

}  // namespace gazette::cli
