// YAML front matter: the `---` … `---` block at the top of a content file (a raw issue's
// `.txt` or an article's `.md`), parsed with yaml-cpp, errors pointing into the file.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string_view>

#include "base/result.hpp"

namespace gazette::config {

// A content file split into its front matter and the text after it.
struct FrontMatter {
  YAML::Node data;        // a map; an empty map when the file has no front matter
  std::string_view body;  // the rest of the file (a view into the text given)
  int body_line = 1;      // the 1-based line of the file where `body` starts
};

// Splits and parses the front matter of `text` (already decoded: no BOM, LF line endings).
// Front matter starts with a first line `---` and ends at the next line `---` or `...`.
// Errors (unclosed block, invalid YAML, not a map) name `path` and the line and column in the
// whole file.
Result<FrontMatter> split_front_matter(std::string_view text, std::string_view path);

// Parses a YAML document (a whole `site.yaml` or `issue.yaml`), errors at `path:line:col`;
// `first_line` is the file line where `yaml` starts.
Result<YAML::Node> parse_yaml(std::string_view yaml, std::string_view path, int first_line = 1);

// An error about a YAML node, at the node's position in `path` (`first_line` as above).
Error node_error(const YAML::Node& node, std::string_view path, std::string_view message,
                 int first_line = 1);

}  // namespace gazette::config
