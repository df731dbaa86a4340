#include "config/front_matter.hpp"

#include <string>

namespace gazette::config {

namespace {

// The line starting at `pos` without its newline; `next` is set to the start of the next line.
std::string_view line_at(std::string_view text, size_t pos, size_t& next) {
  size_t nl = text.find('\n', pos);
  if (nl == std::string_view::npos) {
    next = text.size();
    return text.substr(pos);
  }
  next = nl + 1;
  return text.substr(pos, nl - pos);
}

bool is_fence(std::string_view line, bool closing) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == "---" || (closing && line == "...");
}

}  // namespace

Result<YAML::Node> parse_yaml(std::string_view yaml, std::string_view path, int first_line) {
  try {
    return YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    // yaml-cpp's what() repeats the position; keep only its explanation (e.msg).
    if (e.mark.is_null()) return file_error(path, e.msg);
    Error err = error_at(path, yaml, e.mark.line + 1, e.mark.column + 1, e.msg);
    err.line = e.mark.line + first_line;
    return err;
  }
}

Error node_error(const YAML::Node& node, std::string_view path, std::string_view message,
                 int first_line) {
  YAML::Mark mark = node.Mark();
  if (mark.is_null()) return file_error(path, message);
  return Error{
      std::string(path), mark.line + first_line, mark.column + 1, std::string(message), {}};
}

Result<FrontMatter> split_front_matter(std::string_view text, std::string_view path) {
  FrontMatter fm;
  fm.data = YAML::Node(YAML::NodeType::Map);
  fm.body = text;
  size_t next = 0;
  if (!is_fence(line_at(text, 0, next), false)) return fm;

  size_t yaml_start = next;
  int line = 2;
  for (size_t pos = next; pos < text.size(); ++line) {
    std::string_view l = line_at(text, pos, next);
    if (is_fence(l, true)) {
      auto parsed = parse_yaml(text.substr(yaml_start, pos - yaml_start), path, 2);
      if (!parsed.ok()) return parsed.error();
      YAML::Node data = *parsed;
      if (data.IsNull()) {
        data = YAML::Node(YAML::NodeType::Map);
      } else if (!data.IsMap()) {
        return Error{std::string(path), 2, 1, "front matter must be a map of `key: value` lines",
                     std::string(line_at(text, yaml_start, next))};
      }
      fm.data = data;
      size_t body_start = 0;
      line_at(text, pos, body_start);
      fm.body = text.substr(body_start);
      fm.body_line = line + 1;
      return fm;
    }
    pos = next;
  }
  return Error{std::string(path), 1, 1, "front matter is not closed: a line `---` must end it",
               "---"};
}

}  // namespace gazette::config
