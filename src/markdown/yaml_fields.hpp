// Typed fields of a YAML map (issue.yaml, an article's front matter) with errors at the
// field's position in the file. Internal to src/markdown/.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"

namespace gazette::markdown {

// Reads fields of maps parsed from `text` (the whole file), whose YAML starts at `first_line`.
class YamlFields {
 public:
  YamlFields(std::string_view path, std::string_view text, int first_line)
      : path_(path), text_(text), first_line_(first_line) {}

  // An error at `node`'s position, with its line for the caret display.
  Error error(const YAML::Node& node, std::string_view message) const;

  // An error at a 1-based line and column of the file.
  Error error_at_line(int line, int column, std::string_view message) const;

  // A text field: nothing when absent or null; an error when it is a list or a map.
  Result<std::optional<std::string>> text(const YAML::Node& map, const char* key) const;

  // A list of texts: empty when absent or null; an error when it is not a list of texts.
  Result<std::vector<std::string>> text_list(const YAML::Node& map, const char* key) const;

  // A whole number, at least `min`: nothing when absent or null.
  Result<std::optional<int>> whole_number(const YAML::Node& map, const char* key,
                                          int min = 0) const;

  // `node` as a whole number at least `min`; `what` names it in the error.
  Result<int> number_value(const YAML::Node& node, std::string_view what, int min = 0) const;

 private:
  std::string_view path_;
  std::string_view text_;
  int first_line_;
};

}  // namespace gazette::markdown
