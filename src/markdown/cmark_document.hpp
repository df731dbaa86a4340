// cmark-gfm documents parsed the way `render_html` parses them (same options, same GFM
// extensions), for the modules that read Markdown's structure rather than render it.
// Internal to src/markdown/.
#pragma once

#include <cmark-gfm.h>

#include <memory>
#include <string_view>

namespace gazette::markdown {

struct CmarkNodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
using CmarkDocument = std::unique_ptr<cmark_node, CmarkNodeDeleter>;

// The document tree of `markdown` (with source positions). Needs `register_extensions`.
CmarkDocument parse_cmark(std::string_view markdown);

// The plain text of a block or inline node (see `plain_text` in blocks.hpp).
std::string node_plain_text(cmark_node* node);

}  // namespace gazette::markdown
