// The masthead printed at the top of a front page: paper name, date, weekday, lunar date,
// issue number (第23124期) and page count (今日4版), with the publisher lines around them.
#pragma once

#include <vector>

#include "ingest/lines.hpp"
#include "ingest/patterns.hpp"
#include "model/issue.hpp"

namespace gazette::ingest {

// What the masthead says, and which lines it occupies.
struct MastheadScan {
  model::Masthead masthead;
  std::vector<size_t> lines;  // indexes (into the lines given) of the masthead's lines
  int date_line = 0;          // file line of the printed date, 0 when none
};

// Reads the masthead among the first lines of an issue. A masthead is a run of lines near the
// top made only of masthead elements, with a date or an issue number among them; nothing is
// taken from an issue without one. A short line of Han characters alone above a front page's
// masthead (with an issue number, page count or publisher) is the paper's name, whatever it
// ends with (参考消息).
MastheadScan read_masthead(const std::vector<Line>& lines, const Patterns& patterns);

// Whether a line is only made of masthead or page-header elements (date, weekday, lunar
// date, 第N期, 今日N版, the paper's name, publisher lines).
bool is_masthead_line(std::u32string_view text, const Patterns& patterns);

// The lunar date printed in a text (壬寅年十月十五), or empty.
std::u32string lunar_date_in(std::u32string_view text);

}  // namespace gazette::ingest
