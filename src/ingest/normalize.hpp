// Normalisation of extracted Chinese text: half-width punctuation used in Chinese sentences
// becomes full width, and the spaces that extraction puts between CJK characters go — never
// touching numbers (3.5, 1,000), times (10:30), URLs or e-mail addresses.
#pragma once

#include <string>
#include <string_view>

namespace gazette::ingest {

// Replaces , : ; ? ! ( ) (and a sentence-final .) used in Chinese text by their full-width
// forms (，：；？！（）。). A mark is Chinese when a CJK character stands next to it (or, for
// brackets, inside them); marks inside numbers, times, URLs and e-mail addresses stay.
std::u32string fullwidth_punctuation(std::u32string_view text);

// Which spaces a kind of text keeps.
enum class SpaceStyle {
  kBody,      // running text: no space next to a CJK character (spaces between Latin words stay)
  kHeadline,  // headlines: also keeps one space between two CJK phrases (减少聚集 珍惜健康)
  kByline,    // bylines: keeps one space between names (段蓉 陈武), none next to digits
};

// Removes the spaces extraction left between CJK characters, between CJK and digits and next
// to CJK punctuation (党员干 部 → 党员干部, 11月 9日 → 11月9日); runs of other spaces become one
// ASCII space; leading and trailing spaces go.
std::u32string collapse_spaces(std::u32string_view text, SpaceStyle style);

}  // namespace gazette::ingest
