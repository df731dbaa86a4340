// Turning site-relative paths ("2022/11/08/") into the links pages print: root-relative URLs
// that include the base path (/archive/2022/11/08/) and absolute permalinks.
#pragma once

#include <string>
#include <string_view>

namespace gazette::site {

class Links {
 public:
  // `base_url` as in site.yaml (absolute, ending with '/'), or "/" for a site without one.
  explicit Links(std::string base_url);

  // /archive/2022/11/08/
  std::string url(std::string_view rel) const { return base_path_ + std::string(rel); }
  // https://example.org/archive/2022/11/08/ (the same as `url` when the site has no base URL)
  std::string permalink(std::string_view rel) const { return base_url_ + std::string(rel); }

  const std::string& base_url() const { return base_url_; }
  const std::string& base_path() const { return base_path_; }

 private:
  std::string base_url_;
  std::string base_path_;
};

}  // namespace gazette::site
