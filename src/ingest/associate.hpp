// Headline–body association. The text between structure (bylines, headlines, credits,
// signatures) forms bodies; each headline goes to the body right under it unless its content
// clearly belongs elsewhere, and headlines printed away from their bodies (grouped after them,
// as some extractions do) are re-attached by content: the weighted character-bigram overlap of
// the headline with each nearby body's opening and with the whole body. A body claimed by two
// headlines is split where the text changes subject (lowest lexical cohesion, a change of
// column width). What cannot be attached confidently is reported, never merged silently.
#pragma once

#include <optional>
#include <vector>

#include "ingest/headlines.hpp"
#include "ingest/units.hpp"
#include "model/issue.hpp"

namespace gazette::ingest {

// A run of body units [begin, end) and the headline attached to it.
struct Body {
  size_t begin = 0;
  size_t end = 0;
  std::optional<size_t> stack;  // index into the stacks
  bool caption = false;         // one short sentence standing alone: a stray photo caption
  bool moved = false;           // its headline was printed elsewhere and attached by content
};

// Cuts the units into bodies and attaches headlines. Bodies come out in reading order;
// problems (unattached headlines, bodies without a headline) are warnings.
std::vector<Body> associate(const std::vector<Unit>& units, const std::vector<Stack>& stacks,
                            const std::vector<bool>& subheading,
                            std::vector<model::Warning>& warnings);

}  // namespace gazette::ingest
