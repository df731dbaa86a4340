// The resolver: the compile step after parsing. It applies Jinja2's scoping rules (a name
// assigned anywhere in a scope is local to that whole scope; loop bodies, macros, `with`,
// `{% filter %}`, `{% set %}…{% endset %}` and `{% autoescape %}` bodies are scopes; `if` is
// not; blocks see only the context; macros see the scopes they are defined in) and binds every
// name to a frame slot or to the context, so rendering never searches scopes. It also binds
// filters and tests to their functions and checks what Jinja2 checks at compile time
// (unknown filters and tests outside `if`, blocks defined twice, `extends` below the top
// level, `caller` parameters without defaults, assigning to `loop`).
#pragma once

#include <functional>
#include <string_view>

#include "templating/ast.hpp"
#include "templating/lexer.hpp"

namespace gazette::templating {

// A registered filter or test, as templates are bound to them.
struct FilterEntry {
  Filter fn;
  // The same function when it is a plain one (every built-in): called without std::function.
  FilterFunction plain = nullptr;
  bool accepts_undefined = false;  // called with undefined input even in strict mode
};
struct TestEntry {
  Test fn;
  bool accepts_undefined = false;
};

// Where the resolver finds filters and tests by name (nullptr: none).
struct Registry {
  std::function<const FilterEntry*(std::string_view)> filter;
  std::function<const TestEntry*(std::string_view)> test;
};

// Resolves a parsed template in place. Fails with the first compile error.
bool resolve(TemplateAst& ast, const Registry& registry, SyntaxError& error);

}  // namespace gazette::templating
