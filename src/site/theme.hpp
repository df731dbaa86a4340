// A site's theme: where its templates, static files and UI strings come from. A site's own
// `templates/`, `static/` and `i18n/` override the theme's file by file (or string by string).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "config/site_config.hpp"

namespace gazette::site {

struct Theme {
  std::string name;
  std::filesystem::path dir;                         // themes/<name>
  std::vector<std::filesystem::path> template_dirs;  // searched in order
  std::vector<std::filesystem::path> static_dirs;    // first one with a file wins
  std::map<std::string, std::string> strings;        // UI strings in the site's language
  std::vector<std::filesystem::path> files;          // i18n files read, for dependencies
};

// Finds the theme named in site.yaml — in the site's `themes/` folder, else among the themes
// installed with gazette (`builtin_themes`, may be empty) — and reads its UI strings for the
// site's language: `<lang>.yaml` (zh-CN), then the bare language (zh), then en, each key taken
// from the first file that has it; the site's own `i18n/` files come before the theme's.
// An unknown theme is an error at `theme:` in site.yaml; so are broken i18n files.
Result<Theme> load_theme(const config::SiteConfig& config,
                         const std::filesystem::path& builtin_themes);

}  // namespace gazette::site
