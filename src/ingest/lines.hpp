// The lines of a raw issue, as printed: text, line number, printed width and indentation.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gazette::ingest {

// One line of the raw text.
struct Line {
  int number = 0;       // 1-based line of the file
  std::u32string text;  // trimmed; half-width punctuation normalised when asked for
  double width = 0;     // printed width of the line as extracted (see text_width)
  int indent = 0;       // leading white space, in half-width cells (a full-width space is 2)
  int page = 1;         // page of the extraction: form feeds (\f) start a new page
  bool blank = false;   // nothing but white space
};

// Splits text (LF line endings) into lines; `first_line` is the file line of its first line.
// A form feed ends a line and starts a new page. Control characters other than tab and form
// feed are dropped; `dropped_controls` counts them.
std::vector<Line> split_lines(std::string_view text, int first_line, bool normalize_punctuation,
                              size_t& dropped_controls);

}  // namespace gazette::ingest
