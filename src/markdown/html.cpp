#include "markdown/html.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>

#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace gazette::markdown {

namespace {

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tasklist"};

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

// The text node at the very end (or start) of an inline node, descending into emphasis,
// links and the like; nullptr when there is none.
cmark_node* edge_text(cmark_node* node, bool last) {
  while (node) {
    cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) return node;
    node = last ? cmark_node_last_child(node) : cmark_node_first_child(node);
  }
  return nullptr;
}

// Whether the soft break between `prev` and `next` joins two CJK characters.
bool joins_cjk(cmark_node* prev, cmark_node* next) {
  cmark_node* before = edge_text(prev, true);
  cmark_node* after = edge_text(next, false);
  if (!before || !after) return false;
  std::string_view a = cmark_node_get_literal(before) ? cmark_node_get_literal(before) : "";
  std::string_view b = cmark_node_get_literal(after) ? cmark_node_get_literal(after) : "";
  if (a.empty() || b.empty()) return false;
  size_t end = a.size();
  char32_t last = text::previous_code_point(a, end);
  size_t start = 0;
  char32_t first = text::next_code_point(b, start);
  return text::is_cjk(last) && text::is_cjk(first);
}

// Removes the soft breaks that would put a visible space between two CJK characters.
void drop_cjk_soft_breaks(cmark_node* document) {
  std::vector<cmark_node*> doomed;
  cmark_iter* iter = cmark_iter_new(document);
  for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_SOFTBREAK &&
        joins_cjk(cmark_node_previous(node), cmark_node_next(node))) {
      doomed.push_back(node);
    }
  }
  cmark_iter_free(iter);
  for (cmark_node* node : doomed) cmark_node_free(node);  // unlinks it too
}

}  // namespace

void register_extensions() {
  cmark_gfm_core_extensions_ensure_registered();
}

std::string render_html(std::string_view markdown, const HtmlOptions& options) {
  int flags = CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;
  if (options.allow_raw_html) flags |= CMARK_OPT_UNSAFE;
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(flags));
  for (const char* name : kExtensions) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
  }
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, NodeDeleter> document(cmark_parser_finish(parser.get()));
  drop_cjk_soft_breaks(document.get());
  char* html =
      cmark_render_html(document.get(), flags, cmark_parser_get_syntax_extensions(parser.get()));
  std::string out(html);
  std::free(html);
  return out;
}

}  // namespace gazette::markdown
