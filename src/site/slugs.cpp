#include "site/slugs.hpp"

#include <unordered_set>

namespace gazette::site {

Result<std::vector<std::string>> article_slugs(const model::Issue& issue, config::SlugStyle style,
                                               const text::Slugger& slugger, size_t max_length) {
  std::vector<std::string> out;
  out.reserve(issue.articles.size());
  std::unordered_set<std::string> taken;
  // Own slugs are reserved first, so a generated one never takes a name chosen by hand.
  for (const auto& a : issue.articles) {
    if (!a.slug) continue;
    const std::string& own = *a.slug;
    if (own.empty() || own == "." || own == ".." ||
        own.find_first_of("/\\?#%\"<> \t\n") != std::string::npos) {
      return Error{issue.source,
                   a.first_line,
                   0,
                   "slug \"" + own + "\" cannot be part of a URL: use letters, digits and hyphens",
                   {}};
    }
    if (!taken.insert(own).second) {
      return Error{issue.source,
                   a.first_line,
                   0,
                   "two articles of this issue have the slug \"" + own + "\"",
                   {}};
    }
  }
  for (size_t i = 0; i < issue.articles.size(); ++i) {
    const model::Article& a = issue.articles[i];
    if (a.slug) {
      out.push_back(*a.slug);
      continue;
    }
    std::string base;
    if (style == config::SlugStyle::kPinyin) base = slugger.slug(a.title, max_length);
    if (base.empty()) base = std::to_string(i + 1);
    std::string slug = base;
    for (int n = 2; !taken.insert(slug).second; ++n) slug = base + "-" + std::to_string(n);
    out.push_back(slug);
  }
  return out;
}

}  // namespace gazette::site
