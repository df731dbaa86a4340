#include "site/theme.hpp"

#include <fmt/format.h>

#include <system_error>

#include "base/file.hpp"
#include "config/front_matter.hpp"
#include "text/utf8.hpp"

namespace gazette::site {

namespace fs = std::filesystem;

namespace {

// The i18n file names to read, most specific first: zh-Hant-TW → zh-Hant-TW, zh-Hant, zh, en.
std::vector<std::string> language_chain(const std::string& language) {
  std::vector<std::string> chain;
  std::string tag = language;
  while (!tag.empty()) {
    chain.push_back(tag);
    size_t dash = tag.rfind('-');
    tag = dash == std::string::npos ? "" : tag.substr(0, dash);
  }
  if (std::find(chain.begin(), chain.end(), "en") == chain.end()) chain.push_back("en");
  return chain;
}

// Adds the strings of one i18n file that are not set yet.
Status read_strings(const fs::path& file, std::map<std::string, std::string>& strings) {
  auto bytes = read_file(file);
  if (!bytes.ok()) return bytes.error();
  auto text = text::decode_text(*bytes, file.string());
  if (!text.ok()) return text.error();
  auto node = config::parse_yaml(*text, file.string());
  if (!node.ok()) return node.error();
  if (node->IsNull()) return {};
  if (!node->IsMap())
    return config::node_error(*node, file.string(), "an i18n file is a map of `key: text` lines");
  for (const auto& entry : *node) {
    if (!entry.second.IsScalar()) {
      return config::node_error(
          entry.second, file.string(),
          fmt::format("the text of `{}` must be a plain string", entry.first.Scalar()));
    }
    strings.emplace(entry.first.Scalar(), entry.second.Scalar());
  }
  return {};
}

}  // namespace

Result<Theme> load_theme(const config::SiteConfig& config, const fs::path& builtin_themes) {
  Theme theme;
  theme.name = config.theme;
  std::error_code ec;
  fs::path local = config.root / "themes" / config.theme;
  if (fs::is_directory(local, ec)) {
    theme.dir = local;
  } else if (!builtin_themes.empty() && fs::is_directory(builtin_themes / config.theme, ec)) {
    theme.dir = builtin_themes / config.theme;
  } else {
    return Error{config.file,
                 config.theme_line,
                 config.theme_column,
                 fmt::format("unknown theme \"{}\": there is no folder themes/{}/", config.theme,
                             config.theme),
                 {}};
  }
  for (const fs::path& base : {config.root, theme.dir}) {
    if (fs::is_directory(base / "templates", ec)) theme.template_dirs.push_back(base / "templates");
    if (fs::is_directory(base / "static", ec)) theme.static_dirs.push_back(base / "static");
  }
  if (theme.template_dirs.empty()) {
    return file_error((theme.dir / "templates").string(), "the theme has no templates/ folder");
  }
  for (const std::string& lang : language_chain(config.language)) {
    for (const fs::path& base : {config.root, theme.dir}) {
      fs::path file = base / "i18n" / (lang + ".yaml");
      if (!fs::is_regular_file(file, ec)) continue;
      if (Status s = read_strings(file, theme.strings); !s.ok()) return s.error();
      theme.files.push_back(file);
    }
  }
  return theme;
}

}  // namespace gazette::site
