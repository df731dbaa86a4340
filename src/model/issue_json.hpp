// An Issue as JSON: the object `gazette parse --json` prints and the site build writes as
// issue.json (the contract in ../shared/DESIGN.md). Keys keep the documented order.
#pragma once

#include <nlohmann/json.hpp>

#include "model/issue.hpp"

namespace gazette::model {

// {"source", "paper", "date", "number", "pages", "weekday", "lunar", "warnings", "articles"};
// each article {"title", "kicker", "subtitle", "kind", "byline", "authors", "dateline", "page",
// "continued_to", "paragraphs", "captions", "tags", "source_lines"}. "source" is the file name
// without its folders. Sub-headings are body blocks, not paragraphs, so they are not listed.
nlohmann::ordered_json to_json(const Issue& issue);

// One article, as inside to_json(issue).
nlohmann::ordered_json to_json(const Article& article);

// JSON text of `json` exactly as its dump(indent) writes it (invalid UTF-8 replaced by U+FFFD,
// as with error_handler_t::replace), faster: strings are copied in runs, not byte by byte.
std::string json_text(const nlohmann::ordered_json& json, int indent = 2);

}  // namespace gazette::model
