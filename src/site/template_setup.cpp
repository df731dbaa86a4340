#include "site/template_setup.hpp"

#include <fmt/format.h>

#include "site/filters.hpp"

namespace gazette::site {

std::unique_ptr<templating::Environment> make_environment(const Theme& theme,
                                                          const config::SiteConfig& config,
                                                          const Links& links) {
  templating::Options options;
  options.strict_undefined = config.strict_templates;
  auto env = std::make_unique<templating::Environment>(theme.template_dirs, options);
  FilterOptions filters;
  filters.locale = config.language;
  filters.markdown_raw_html = config.allow_raw_html;
  add_gazette_filters(*env, filters);
  std::string base_path = links.base_path();
  env->add_function(
      "asset",
      [base_path](templating::CallContext&,
                  const templating::Args& args) -> Result<templating::Value> {
        const templating::Value* path = nullptr;
        templating::Params params("asset", {"path"}, 1);
        if (Status s = params.bind(args, std::span<const templating::Value*>(&path, 1)); !s.ok()) {
          return s.error();
        }
        if (!path->is_string())
          return templating::failure("asset(path) needs a path such as 'css/gazette.css'");
        std::string_view p = path->as_string();
        while (!p.empty() && p.front() == '/') p.remove_prefix(1);
        return templating::Value(base_path + std::string(p));
      });
  return env;
}

std::vector<Error> check_templates(templating::Environment& env) {
  std::vector<Error> errors = env.load_all();
  for (const char* name : kPageTemplates) {
    bool found = false;
    auto t = env.find_template(name, found);
    if (t.ok() && !found) {
      const auto& dirs = env.loader().search_path();
      std::string where = (dirs.empty() ? std::filesystem::path("templates") : dirs.back()) / name;
      errors.push_back(file_error(
          where, "this template is missing: the theme needs one for every kind of page"));
    }
  }
  return errors;
}

}  // namespace gazette::site
