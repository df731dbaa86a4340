// Errors as values: what went wrong, and where in which file.
//
// Every module reports problems as `Error` values (inside a `Result`) until the CLI prints them
// in the one format users and editors understand: `path:line:col: error: message`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gazette {

// A problem found in an input file. `line` and `column` are 1-based; 0 means "not known"
// (the whole file, or a file that could not be read). `source_line` is the text of that line,
// when known, so the message can show it with a caret under the column.
struct Error {
  std::string path;
  int line = 0;
  int column = 0;
  std::string message;
  std::string source_line;
};

// Makes an error about a whole file (no position).
Error file_error(std::string_view path, std::string_view message);

// Makes an error at a position of a file, keeping that line of `text` for the caret display.
Error error_at(std::string_view path, std::string_view text, int line, int column,
               std::string_view message);

// `path:line:col: error: message`, the position parts left out when unknown.
std::string format_error_line(const Error& error);

// The error line followed, when the source line is known, by that line and a caret under the
// column (as compilers print them).
std::string format_error(const Error& error);

// All errors, each formatted as by `format_error`, one after the other.
std::string format_errors(const std::vector<Error>& errors);

}  // namespace gazette
