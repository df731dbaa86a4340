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

  // Column widths: the running-text lines (with clause or sentence punctuation) around each
  // line, a paragraph's first line with its byline among them; headline lines would pull the
  // estimate down where several are printed together.
  std::vector<size_t> body;  // indexes of running-text lines
  for (size_t i = 0; i < lines.size(); ++i) {
    if ((info[i].kind != LineKind::kText && info[i].kind != LineKind::kBylineStart) ||
        lines[i].width < 4)
      continue;
    bool running = false;
    for (char32_t c : lines[i].text) {
      if (c == U'，' || c == U'。' || c == U'、' || c == U'；' || c == ',' || c == ';') {
        running = true;
        break;
      }
    }
    if (running) body.push_back(i);
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
    size_t near = 0, wider = 0;
    for (double x : widths) {
      near += x >= w - 2.5 && x <= w + 1.5;
      wider += x > w + 4;
    }
    // Text set in columns has no line much wider than its column: where many are, lines are
    // paragraphs of any length that happen to cluster.
    if (near * 2 >= widths.size() && wider * 4 < widths.size()) layout.column[i] = w;
  }
  // In text set in columns, lines where the estimate failed (story boundaries, where two
  // column widths meet) take the nearest estimate.
  size_t columned = 0, nonblank = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].blank) continue;
    ++nonblank;
    columned += layout.column[i] > 0;
  }
  if (columned * 2 < nonblank) return layout;
  std::vector<double> fill = layout.column;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].blank || fill[i] > 0) continue;
    for (size_t d = 1; d < lines.size(); ++d) {
      if (i >= d && layout.column[i - d] > 0) {
        fill[i] = layout.column[i - d];
        break;
      }
      if (i + d < lines.size() && layout.column[i + d] > 0) {
        fill[i] = layout.column[i + d];
        break;
      }
      if (i < d && i + d >= lines.size()) break;
    }
  }
  layout.column = std::move(fill);
  return layout;
}

}  // namespace gazette::ingest
