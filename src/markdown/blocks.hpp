// An article's body as Markdown and back: the blocks of model::Article::body (paragraphs and
// `###` sub-headings) written one per line-block, and a body of Markdown (as written by
// gazette, or by hand) read back into blocks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/issue.hpp"

namespace gazette::markdown {

// The Markdown of one block: its hand-written Markdown when it has some, else its text escaped
// (`paragraph_markdown`, or `heading_markdown` for a sub-heading). Empty for an empty plain
// paragraph.
std::string block_markdown(const model::Block& block);

// The Markdown of a whole body: each block's Markdown, separated by a blank line, ending with a
// newline (empty for a body with nothing to show).
std::string body_markdown(const std::vector<model::Block>& body);

// The blocks of a Markdown body, one per top-level Markdown block, in the order of the text:
//  - a paragraph or sub-heading whose Markdown is exactly what `block_markdown` writes for its
//    text is a plain block (`markdown` empty): what gazette wrote reads back unchanged;
//  - anything else (emphasis, links, a paragraph broken over several lines, lists, quotes,
//    tables, code, headings of other levels…) keeps its Markdown as written, with its plain
//    text in `text`. Headings of any level are heading blocks; everything else is a paragraph
//    block. Link reference definitions stay with the block before them (the first block for
//    those at the top), so the body renders as written.
// Expects decoded text (valid UTF-8, LF line endings).
std::vector<model::Block> parse_body(std::string_view markdown);

// The plain text of a Markdown fragment as a reader sees it: inline markup removed, entities
// and escapes decoded, soft line breaks as spaces (none between two CJK characters, as
// `render_html` drops them), hard breaks and block boundaries as newlines.
std::string plain_text(std::string_view markdown);

}  // namespace gazette::markdown
