#include "ingest/lines.hpp"

#include "ingest/chars.hpp"
#include "ingest/normalize.hpp"

namespace gazette::ingest {

std::vector<Line> split_lines(std::string_view text, int first_line, bool normalize_punctuation,
                              size_t& dropped_controls) {
  std::vector<Line> lines;
  std::u32string all = to_u32(text);
  int number = first_line;
  int page = 1;
  size_t start = 0;
  auto emit = [&](size_t end) {
    Line line;
    line.number = number;
    line.page = page;
    std::u32string raw;
    raw.reserve(end - start);
    for (size_t k = start; k < end; ++k) {
      char32_t c = all[k];
      if ((c < 0x20 && c != '\t') || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0xFEFF ||
          c == 0x200B) {
        ++dropped_controls;
        continue;
      }
      raw.push_back(c);
    }
    for (char32_t c : raw) {
      if (!is_space(c)) break;
      line.indent += char_width(c) >= 1 ? 2 : (c == '\t' ? 4 : 1);
    }
    std::u32string_view t = trim(raw);
    line.blank = t.empty();
    line.width = text_width(t);
    line.text = normalize_punctuation ? fullwidth_punctuation(t) : std::u32string(t);
    lines.push_back(std::move(line));
  };
  for (size_t i = 0; i < all.size(); ++i) {
    if (all[i] == '\n') {
      emit(i);
      ++number;
      start = i + 1;
    } else if (all[i] == '\f') {
      emit(i);
      ++page;
      start = i + 1;
      // A form feed followed by a newline does not start another line of its own.
      if (i + 1 < all.size() && all[i + 1] == '\n') {
        ++i;
        ++number;
        start = i + 1;
      }
    }
  }
  if (start < all.size()) emit(all.size());
  return lines;
}

}  // namespace gazette::ingest
