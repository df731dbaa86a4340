// Lines into paragraphs: lines broken mid-sentence are joined (no space between CJK
// characters, one between Latin words, hyphenated words rejoined); a paragraph ends where a
// line that ends a sentence is noticeably shorter than the column, where the next line is an
// indented first line, at meaningful blank lines and at structure (bylines, headlines,
// signatures, credits). Short lines without a sentence in them that stand apart from the body
// become headline units; everything else becomes the units articles are assembled from.
#pragma once

#include <vector>

#include "ingest/classify.hpp"
#include "ingest/layout.hpp"
#include "ingest/lines.hpp"
#include "ingest/units.hpp"
#include "model/issue.hpp"
#include "text/segment.hpp"

namespace gazette::ingest {

// Builds the units of an issue from its classified lines. Dropped lines (page furniture,
// stray fragments) are reported in `warnings`. `normalize`: collapse spurious spaces.
std::vector<Unit> build_units(const std::vector<Line>& lines, const std::vector<LineInfo>& info,
                              const Layout& layout, const Patterns& patterns,
                              const BylineReader& bylines, const text::WordSegmenter& words,
                              bool normalize, std::vector<model::Warning>& warnings);

// Joins the next printed line `b` to text `a`: nothing between CJK characters, one space
// between Latin words or numbers, and a word hyphenated at the line end rejoined.
void join_line(std::u32string& a, std::u32string_view b);

// Whether the characters around the end of `a` and the start of `b` form one dictionary word
// (不少医 | 院公开): the line was broken inside a word.
bool broken_mid_word(std::u32string_view a, std::u32string_view b,
                     const text::WordSegmenter& words);

}  // namespace gazette::ingest
