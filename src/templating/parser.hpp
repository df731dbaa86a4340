// The parser: tokens → syntax tree, following Jinja2's grammar (and its error messages):
// statements (if/for/set/macro/call/filter/with/block/extends/include/import/from/autoescape/
// raw/print), expressions with Jinja2's precedence (`~` between + and *, filters and tests
// binding tighter than unary minus), literals, calls with keyword and * / ** arguments.
// Names are not resolved here; see resolver.hpp.
#pragma once

#include <vector>

#include "templating/ast.hpp"
#include "templating/lexer.hpp"

namespace gazette::templating {

// The deepest nesting of expressions or statements a template may have (deeper templates
// are errors, not stack overflows).
inline constexpr int kMaxNesting = 100;

// Parses the tokens of one template into `ast`. Fails with the first syntax error.
bool parse(const std::vector<Token>& tokens, TemplateAst& ast, SyntaxError& error);

}  // namespace gazette::templating
