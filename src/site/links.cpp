#include "site/links.hpp"

namespace gazette::site {

Links::Links(std::string base_url) : base_url_(std::move(base_url)) {
  if (base_url_.empty()) base_url_ = "/";
  size_t scheme = base_url_.find("://");
  size_t slash = scheme == std::string::npos ? 0 : base_url_.find('/', scheme + 3);
  base_path_ = slash == std::string::npos ? "/" : base_url_.substr(slash);
  if (base_path_.empty() || base_path_.back() != '/') base_path_ += '/';
}

}  // namespace gazette::site
