#include "base/error.hpp"

#include <fmt/format.h>

namespace gazette {

Error file_error(std::string_view path, std::string_view message) {
  return Error{std::string(path), 0, 0, std::string(message), {}};
}

Error error_at(std::string_view path, std::string_view text, int line, int column,
               std::string_view message) {
  Error e{std::string(path), line, column, std::string(message), {}};
  if (line <= 0) return e;
  size_t start = 0;
  for (int l = 1; l < line; ++l) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return e;
    start = nl + 1;
  }
  size_t end = text.find('\n', start);
  std::string_view src = text.substr(start, end == std::string_view::npos ? end : end - start);
  if (!src.empty() && src.back() == '\r') src.remove_suffix(1);
  // Long lines (a 10 MB single line) are not worth echoing whole.
  if (src.size() <= 400) e.source_line = std::string(src);
  return e;
}

std::string format_error_line(const Error& error) {
  std::string where = error.path.empty() ? std::string("<input>") : error.path;
  if (error.line > 0) {
    where += fmt::format(":{}", error.line);
    if (error.column > 0) where += fmt::format(":{}", error.column);
  }
  return fmt::format("{}: error: {}", where, error.message);
}

namespace {

// Display width of the first `column - 1` code points of `line`, counting East Asian wide
// characters as two cells (so the caret lands under the right character in a terminal).
std::string caret_padding(std::string_view line, int column) {
  std::string pad;
  int cp = 1;
  for (size_t i = 0; i < line.size() && cp < column; ++cp) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (c == '\t') {
      pad += '\t';
    } else {
      // Three- and four-byte sequences are CJK or other wide characters in practice.
      pad.append(len >= 3 ? 2 : 1, ' ');
    }
    i += len;
  }
  return pad;
}

}  // namespace

std::string format_error(const Error& error) {
  std::string out = format_error_line(error);
  out += '\n';
  if (!error.source_line.empty()) {
    out += fmt::format("  {}\n", error.source_line);
    if (error.column > 0)
      out += fmt::format("  {}^\n", caret_padding(error.source_line, error.column));
  }
  return out;
}

std::string format_errors(const std::vector<Error>& errors) {
  std::string out;
  for (const auto& e : errors) out += format_error(e);
  return out;
}

}  // namespace gazette
