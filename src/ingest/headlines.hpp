// Headlines: which headline lines are sub-headings inside an article, which lines form one
// headline (a title wrapped over two lines, a kicker above it, a subtitle below it, a document
// number, a series line, an author), and which line of a headline plays which part.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ingest/patterns.hpp"
#include "ingest/units.hpp"

namespace gazette::ingest {

// One headline: its parts and the units it was made of.
struct Stack {
  std::vector<size_t> units;  // indexes into the units, in order
  std::u32string kicker;
  std::u32string title;
  std::u32string subtitle;
  std::optional<Byline> author;  // a commentary's author line
  bool doc_number = false;       // the kicker is a notice's document number
  bool series = false;           // has a series line (——…系列评论之六)
  int first_line = 0;
  int last_line = 0;
  // All of it, for comparing with bodies: kicker, title and subtitle (not a document number,
  // whose words are in no body).
  std::u32string all() const { return (doc_number ? U"" : kicker) + title + subtitle; }
  // As printed, for messages.
  std::u32string printed() const { return kicker + title + subtitle; }
};

// Turns a short unpunctuated paragraph standing just above a headline (and after the end of
// the previous item) into a headline line: a kicker (一线对抗疫情、…筹措防护物资……).
void promote_kickers(std::vector<Unit>& units);

// Marks headline units that are sub-headings inside an article: a single line between two
// paragraphs of running text, not followed by a byline, not heading a photo (text ending in a
// credit), not a kicker, not a notice's title.
std::vector<bool> find_subheadings(const std::vector<Unit>& units, const Patterns& patterns);

// Groups the headline units (and document numbers, series lines, authors) that are not
// sub-headings into headlines, and decides their parts.
std::vector<Stack> build_stacks(const std::vector<Unit>& units, const std::vector<bool>& subheading,
                                const Patterns& patterns);

// Whether a text ends with one of `endings` / starts with one of `openings`.
bool ends_with_any(std::u32string_view text, const std::vector<std::u32string>& endings);
bool starts_with_any(std::u32string_view text, const std::vector<std::u32string>& openings);

}  // namespace gazette::ingest
