#include "markdown/html.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>
#include <vector>

#include "markdown/cmark_document.hpp"

namespace gazette::markdown {

namespace {

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};

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
  int flags = kParseOptions;
  if (options.allow_raw_html) flags |= CMARK_OPT_UNSAFE;
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(flags));
  for (const char* name : kExtensions) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
  }
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  CmarkDocument document(cmark_parser_finish(parser.get()));
  drop_cjk_soft_breaks(document.get());
  char* html =
      cmark_render_html(document.get(), flags, cmark_parser_get_syntax_extensions(parser.get()));
  std::string out(html);
  std::free(html);
  return out;
}

}  // namespace gazette::markdown
