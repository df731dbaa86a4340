#include "markdown/cmark_document.hpp"

#include <cmark-gfm-extension_api.h>

#include <cstring>
#include <string>

#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace gazette::markdown {

namespace {

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};

bool type_is(cmark_node* node, const char* name) {
  const char* type = cmark_node_get_type_string(node);
  return type && std::strcmp(type, name) == 0;
}

std::string_view literal(cmark_node* node) {
  const char* s = cmark_node_get_literal(node);
  return s ? std::string_view(s) : std::string_view();
}

// The text at the very end (or start) of an inline node, looking into emphasis and links.
cmark_node* edge_text(cmark_node* node, bool last) {
  while (node) {
    cmark_node_type type = cmark_node_get_type(node);
    if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) return node;
    node = last ? cmark_node_last_child(node) : cmark_node_first_child(node);
  }
  return nullptr;
}

}  // namespace

bool joins_cjk(cmark_node* prev, cmark_node* next) {
  cmark_node* before = edge_text(prev, true);
  cmark_node* after = edge_text(next, false);
  if (!before || !after) return false;
  std::string_view a = literal(before);
  std::string_view b = literal(after);
  if (a.empty() || b.empty()) return false;
  size_t end = a.size();
  char32_t last = text::previous_code_point(a, end);
  size_t start = 0;
  char32_t first = text::next_code_point(b, start);
  return text::is_cjk(last) && text::is_cjk(first);
}

namespace {

void inline_text(cmark_node* node, std::string& out) {
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
    switch (cmark_node_get_type(child)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        out += literal(child);
        break;
      case CMARK_NODE_SOFTBREAK:
        if (!joins_cjk(cmark_node_previous(child), cmark_node_next(child))) out += ' ';
        break;
      case CMARK_NODE_LINEBREAK:
        out += '\n';
        break;
      case CMARK_NODE_HTML_INLINE:
      case CMARK_NODE_FOOTNOTE_REFERENCE:
        break;
      default:  // emphasis, strong, links, images (their alt text), strikethrough…
        inline_text(child, out);
    }
  }
}

void block_text(cmark_node* node, std::string& out) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING:
      inline_text(node, out);
      return;
    case CMARK_NODE_CODE_BLOCK: {
      std::string_view code = literal(node);
      if (!code.empty() && code.back() == '\n') code.remove_suffix(1);
      out += code;
      return;
    }
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_THEMATIC_BREAK:
      return;
    default:
      break;
  }
  if (type_is(node, "table_cell")) {
    inline_text(node, out);
    return;
  }
  // Containers: lists, items, quotes, tables and their rows, footnote definitions. Rows keep
  // their cells apart with a space, other containers their blocks with a newline.
  const char* separator = type_is(node, "table_row") || type_is(node, "table_header") ? " " : "\n";
  bool first = true;
  for (cmark_node* child = cmark_node_first_child(node); child; child = cmark_node_next(child)) {
    std::string part;
    block_text(child, part);
    if (part.empty()) continue;
    if (!first) out += separator;
    out += part;
    first = false;
  }
}

}  // namespace

CmarkDocument parse_cmark(std::string_view markdown) {
  std::unique_ptr<cmark_parser, ParserDeleter> parser(
      cmark_parser_new(kParseOptions | CMARK_OPT_SOURCEPOS));
  for (const char* name : kExtensions) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
  }
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  return CmarkDocument(cmark_parser_finish(parser.get()));
}

std::string node_plain_text(cmark_node* node) {
  std::string out;
  block_text(node, out);
  return out;
}

}  // namespace gazette::markdown
