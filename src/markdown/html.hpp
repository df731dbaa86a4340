// Markdown → HTML with cmark-gfm (GitHub Flavored Markdown: tables, strikethrough, autolinks,
// task lists, footnotes), fit for Chinese: a soft line break between two CJK characters is
// dropped instead of becoming a space the browser would show.
#pragma once

#include <string>
#include <string_view>

namespace gazette::markdown {

// Registers cmark-gfm's extensions. Not thread-safe: call once in main (and in test setup)
// before any thread renders Markdown.
void register_extensions();

// How Markdown becomes HTML.
struct HtmlOptions {
  // Raw HTML in the Markdown is passed through; when false (the default) it is left out, as
  // cmark-gfm's safe mode does, and dangerous URLs (javascript:, …) are dropped.
  bool allow_raw_html = false;
};

// The HTML of a Markdown document. Thread-safe once `register_extensions` has run.
std::string render_html(std::string_view markdown, const HtmlOptions& options = {});

}  // namespace gazette::markdown
