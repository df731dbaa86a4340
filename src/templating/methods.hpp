// The Python methods templates may call on strings, dicts and lists, as in Jinja2:
// `title.upper()`, `s.split(',')`, `s.startswith('http')`, `'{:,}'.format(n)`, `d.items()`,
// `d.get('k', 0)`, `xs.index(3)`. Methods that would mutate a value (list.append,
// dict.update, …) are not offered: values are shared, immutable data.
#pragma once

#include <optional>
#include <string_view>

#include "templating/value.hpp"

namespace gazette::templating {

// The bound method `obj.name` for a string, dict or sequence, or nothing.
std::optional<Value> builtin_method(const Value& obj, std::string_view name);

}  // namespace gazette::templating
