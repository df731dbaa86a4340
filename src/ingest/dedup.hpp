// Repeated text: paragraphs printed more than once appear once. Exact repeats go; so do
// repeats run together with other text on one line (B+A where A was printed before: B stays),
// and a later copy of part of an earlier fused paragraph splits that paragraph. Comparison
// ignores spacing, width and quote styles. Every removal is a warning with line numbers.
#pragma once

#include <vector>

#include "ingest/units.hpp"
#include "model/issue.hpp"

namespace gazette::ingest {

// Removes repeated paragraphs from `units` (kParagraph units only; paragraphs shorter than
// `min_letters` letters are never removed: short lines repeat legitimately).
void remove_repeats(std::vector<Unit>& units, std::vector<model::Warning>& warnings,
                    size_t min_letters = 12);

}  // namespace gazette::ingest
