// Articles from bodies and headlines: kicker, title and subtitle; byline, the authors named in
// it and the dateline; body paragraphs and sub-headings; captions placed on the article whose
// text they best match; continuation; and the kind of item (news, commentary, notice, photo,
// brief, letter).
#pragma once

#include <vector>

#include "ingest/associate.hpp"
#include "ingest/headlines.hpp"
#include "ingest/patterns.hpp"
#include "ingest/units.hpp"
#include "model/issue.hpp"

namespace gazette::ingest {

// Builds the articles of an issue, in reading order of their bodies.
std::vector<model::Article> assemble_articles(const std::vector<Unit>& units,
                                              const std::vector<Stack>& stacks,
                                              const std::vector<Body>& bodies,
                                              const Patterns& patterns,
                                              std::vector<model::Warning>& warnings);

}  // namespace gazette::ingest
