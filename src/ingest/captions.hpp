// Captions and photo items, once the text is cut into units. A photo's caption and credit are
// printed on one line (…劳作。 新华社记者 张明 摄, …赏花。（新华社记者 李博 摄）, …新华社发) or on
// two (the caption, then the credit); where they stand tells what they are:
//   - a caption printed alone under a headline is a photo item: the caption is its text, the
//     credit its byline (大熊猫乐园迎客来 | 3月5日，游客…。新华社发（王曦 摄）);
//   - a paragraph printed right above a credit inside a story is that photo's caption, not the
//     story's last paragraph, when it opens like a caption (图为…, 上图：), or when the credit is
//     a picture's (张明 摄, not 摄影：陈伟) and the story has its writer's byline and text above.
#pragma once

#include <vector>

#include "ingest/patterns.hpp"
#include "ingest/units.hpp"

namespace gazette::ingest {

// Turns lone captions under headlines into photo items and paragraphs above credits inside
// stories into captions (see above). Run after headlines are known (promote_kickers), before
// sub-headings and stacks are found.
void place_captions(std::vector<Unit>& units, const Patterns& patterns);

}  // namespace gazette::ingest
