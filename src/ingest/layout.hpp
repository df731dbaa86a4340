// The page layout an extraction shows: column widths (estimated from the widths of the lines
// around each line), whether the extraction put a blank line after every printed line, and
// whether indentation marks paragraphs.
#pragma once

#include <vector>

#include "ingest/classify.hpp"
#include "ingest/lines.hpp"

namespace gazette::ingest {

struct Layout {
  // Column width around each line (in wide characters), 0 where the text is not set in
  // columns (one line per paragraph, as most extractions of long lines are).
  std::vector<double> column;
  // Almost every printed line is followed by a blank line: blank lines mean nothing, and two
  // lines printed without a blank between them belong together.
  bool blank_per_line = false;
  // Some lines, not most, are indented: an indented line starts a paragraph.
  bool indentation = false;
};

// Estimates the layout from the lines and their classification.
Layout estimate_layout(const std::vector<Line>& lines, const std::vector<LineInfo>& info);

}  // namespace gazette::ingest
