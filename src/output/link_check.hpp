// Checking a built site: every internal link and asset reference in its HTML, Atom and sitemap
// files must lead to a file of the output (a folder to its index.html), and every `#fragment`
// to an element with that id.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "base/error.hpp"

namespace gazette::output {

// What was checked.
struct LinkReport {
  size_t files = 0;           // HTML and XML files read
  size_t links = 0;           // internal references followed
  std::vector<Error> broken;  // one per broken reference, at its line and column
};

// Checks the site in `out_dir`, published at `base_url` (links to `base_url…` count as
// internal, and root-relative links must start with its path).
LinkReport check_links(const std::filesystem::path& out_dir, const std::string& base_url);

}  // namespace gazette::output
