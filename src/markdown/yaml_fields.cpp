#include "markdown/yaml_fields.hpp"

#include <fmt/format.h>

#include <charconv>

namespace gazette::markdown {

namespace {

const char* shape(const YAML::Node& node) {
  if (node.IsSequence()) return "a list";
  if (node.IsMap()) return "a map";
  return "nothing";
}

}  // namespace

Error YamlFields::error(const YAML::Node& node, std::string_view message) const {
  YAML::Mark mark = node.Mark();
  if (mark.is_null()) return error_at_line(first_line_, 1, message);
  return error_at_line(mark.line + first_line_, mark.column + 1, message);
}

Error YamlFields::error_at_line(int line, int column, std::string_view message) const {
  return gazette::error_at(path_, text_, line, column, message);
}

Result<std::optional<std::string>> YamlFields::text(const YAML::Node& map, const char* key) const {
  const YAML::Node node = map[key];
  if (!node || node.IsNull()) return std::optional<std::string>();
  if (!node.IsScalar()) {
    return error(node, fmt::format("`{}` must be a text, not {} (quote it: {}: \"…\")", key,
                                   shape(node), key));
  }
  return std::optional<std::string>(node.Scalar());
}

Result<std::vector<std::string>> YamlFields::text_list(const YAML::Node& map,
                                                       const char* key) const {
  const YAML::Node node = map[key];
  std::vector<std::string> out;
  if (!node || node.IsNull()) return out;
  if (!node.IsSequence()) {
    return error(node, fmt::format("`{}` must be a list, e.g. `{}: [\"…\", \"…\"]`", key, key));
  }
  for (const YAML::Node& item : node) {
    if (!item.IsScalar()) {
      return error(item, fmt::format("each item of `{}` must be a text, not {}", key,
                                     item.IsNull() ? "nothing" : shape(item)));
    }
    out.push_back(item.Scalar());
  }
  return out;
}

Result<std::optional<int>> YamlFields::whole_number(const YAML::Node& map, const char* key,
                                                    int min) const {
  const YAML::Node node = map[key];
  if (!node || node.IsNull()) return std::optional<int>();
  auto n = number_value(node, fmt::format("`{}`", key), min);
  if (!n.ok()) return n.error();
  return std::optional<int>(*n);
}

Result<int> YamlFields::number_value(const YAML::Node& node, std::string_view what, int min) const {
  std::string_view s = node.IsScalar() ? std::string_view(node.Scalar()) : std::string_view();
  int value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) {
    return error(node, fmt::format("{} must be a whole number", what));
  }
  if (value < min) return error(node, fmt::format("{} must be at least {}", what, min));
  return value;
}

}  // namespace gazette::markdown
