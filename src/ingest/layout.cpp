#include "ingest/layout.hpp"

#include <algorithm>

namespace gazette::ingest {

Layout estimate_layout(const std::vector<Line>& lines, const std::vector<LineInfo>& info) {
  Layout layout;
  layout.column.assign(lines.size(), 0.0);

  // Blank lines after (nearly) every line?
  size_t text_lines = 0, followed_by_blank = 0, indented = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].blank) continue;
    ++text_lines;
    indented += lines[i].indent >= 2;
    if (i + 1 < lines.size()) followed_by_blank += lines[i + 1].blank;
  }
  layout.blank_per_line = text_lines >= 8 && followed_by_blank >= 0.7 * text_lines;
  layout.indentation =
      text_lines >= 4 && indented >= 0.05 * text_lines && indented <= 0.7 * text_lines;

  // Column widths: body-like lines (text that is not headline-like) around each line.
  std::vector<size_t> body;  // indexes of body-like lines
  for (size_t i = 0; i < lines.size(); ++i) {
    if (info[i].kind == LineKind::kText && !info[i].headline_like && lines[i].width >= 4)
      body.push_back(i);
  }
  if (body.empty()) return layout;
  constexpr size_t kWindow = 6;
  std::vector<double> widths;
  size_t b = 0;  // first body line at or after i
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].blank) continue;
    while (b < body.size() && body[b] < i) ++b;
    size_t lo = b >= kWindow ? b - kWindow : 0;
    size_t hi = std::min(body.size(), b + kWindow + 1);
    widths.clear();
    for (size_t k = lo; k < hi; ++k) widths.push_back(lines[body[k]].width);
    if (widths.size() < 4) continue;
    std::nth_element(widths.begin(), widths.begin() + widths.size() / 2, widths.end());
    double w = widths[widths.size() / 2];
    if (w < 6 || w > 60) continue;
    size_t near = 0;
    for (double x : widths) near += x >= w - 2.5 && x <= w + 1.5;
    if (near * 2 >= widths.size()) layout.column[i] = w;
  }
  return layout;
}

}  // namespace gazette::ingest
