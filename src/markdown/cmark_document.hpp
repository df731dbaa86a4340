// cmark-gfm documents parsed the way `render_html` parses them (same options, same GFM
// extensions), for the modules that read Markdown's structure rather than render it.
// Internal to src/markdown/.
#pragma once

#include <cmark-gfm.h>

#include <memory>
#include <string_view>

namespace gazette::markdown {

// The parse options and GFM extensions of every Markdown document gazette reads or renders.
inline constexpr int kParseOptions = CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;
inline constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tasklist"};

// Whether a soft break between the inline nodes `prev` and `next` joins two CJK characters
// (and so must not show as a space).
bool joins_cjk(cmark_node* prev, cmark_node* next);

struct CmarkNodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
using CmarkDocument = std::unique_ptr<cmark_node, CmarkNodeDeleter>;

// The document tree of `markdown` (with source positions). Needs `register_extensions`.
CmarkDocument parse_cmark(std::string_view markdown);

// The plain text of a block or inline node (see `plain_text` in blocks.hpp).
std::string node_plain_text(cmark_node* node);

}  // namespace gazette::markdown
