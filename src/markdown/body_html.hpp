// An article's body as HTML for the site: the same HTML whether the article was ingested from
// a raw `.txt` or read from its Markdown issue folder (a plain block is rendered from its
// escaped text, a hand-written one from its Markdown; `###` sub-headings become <h3>).
#pragma once

#include <string>
#include <vector>

#include "markdown/html.hpp"
#include "model/issue.hpp"

namespace gazette::markdown {

// The HTML of a body: `body_markdown(body)` rendered by `render_html` as one document (so
// footnotes and reference links written by hand resolve across blocks). Thread-safe once
// `register_extensions` has run.
std::string body_html(const std::vector<model::Block>& body, const HtmlOptions& options = {});

}  // namespace gazette::markdown
