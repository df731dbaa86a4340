#include "markdown/blocks.hpp"

#include <algorithm>

#include "markdown/cmark_document.hpp"
#include "markdown/escape.hpp"

namespace gazette::markdown {

namespace {

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

// The lines of a text, without their newlines.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

// Lines [first, last) joined with newlines, blank lines at either end left out.
std::string join_lines(const std::vector<std::string_view>& lines, size_t first, size_t last) {
  while (first < last && is_blank(lines[first])) ++first;
  while (last > first && is_blank(lines[last - 1])) --last;
  std::string out;
  for (size_t i = first; i < last; ++i) {
    if (i > first) out += '\n';
    out.append(lines[i]);
  }
  return out;
}

}  // namespace

std::string block_markdown(const model::Block& block) {
  if (!block.markdown.empty()) return block.markdown;
  return block.type == model::Block::Type::kHeading ? heading_markdown(block.text)
                                                    : paragraph_markdown(block.text);
}

std::string body_markdown(const std::vector<model::Block>& body) {
  std::string out;
  for (const model::Block& block : body) {
    std::string md = block_markdown(block);
    if (md.empty()) continue;
    if (!out.empty()) out += '\n';
    out += md;
    out += '\n';
  }
  return out;
}

std::vector<model::Block> parse_body(std::string_view markdown) {
  std::vector<std::string_view> lines = split_lines(markdown);
  CmarkDocument doc = parse_cmark(markdown);

  // Top-level blocks in the order of the text (cmark moves footnote definitions to the end),
  // each owning the lines from its first line to the next block's first line. Positions are
  // taken from start lines only: cmark's end lines are not exact for every kind of block.
  struct Top {
    int line;
    cmark_node* node;
  };
  std::vector<Top> tops;
  for (cmark_node* n = cmark_node_first_child(doc.get()); n; n = cmark_node_next(n)) {
    tops.push_back({std::max(1, cmark_node_get_start_line(n)), n});
  }
  std::stable_sort(tops.begin(), tops.end(),
                   [](const Top& a, const Top& b) { return a.line < b.line; });

  std::vector<model::Block> blocks;
  if (tops.empty()) {
    // Nothing but link reference definitions (or nothing at all).
    std::string rest = join_lines(lines, 0, lines.size());
    if (!rest.empty()) blocks.push_back({model::Block::Type::kParagraph, "", std::move(rest)});
    return blocks;
  }
  for (size_t i = 0; i < tops.size();) {
    // Blocks starting on the same line (never expected) are kept together.
    size_t j = i + 1;
    while (j < tops.size() && tops[j].line == tops[i].line) ++j;
    size_t first = i == 0 ? 0 : static_cast<size_t>(tops[i].line - 1);
    size_t last = j < tops.size() ? static_cast<size_t>(tops[j].line - 1) : lines.size();
    first = std::min(first, lines.size());
    last = std::clamp(last, first, lines.size());

    model::Block block;
    block.markdown = join_lines(lines, first, last);
    bool heading = j == i + 1 && cmark_node_get_type(tops[i].node) == CMARK_NODE_HEADING;
    block.type = heading ? model::Block::Type::kHeading : model::Block::Type::kParagraph;
    for (size_t k = i; k < j; ++k) {
      if (k > i) block.text += '\n';
      block.text += node_plain_text(tops[k].node);
    }
    bool plain = j == i + 1 &&
                 (heading || cmark_node_get_type(tops[i].node) == CMARK_NODE_PARAGRAPH) &&
                 block_markdown({block.type, block.text, {}}) == block.markdown;
    if (plain) block.markdown.clear();
    blocks.push_back(std::move(block));
    i = j;
  }
  return blocks;
}

std::string plain_text(std::string_view markdown) {
  CmarkDocument doc = parse_cmark(markdown);
  return node_plain_text(doc.get());
}

}  // namespace gazette::markdown
