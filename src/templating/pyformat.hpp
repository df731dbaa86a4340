// How Python turns values into text, which is what Jinja2 prints: str() and repr() of every
// kind of value (shortest round-trip floats, `[1, 'a', None]`, `{'k': (1,)}`, `Markup('…')`),
// printf-style `%` formatting (`"%5.2f" % x`, the `format` filter) and str.format() with its
// format-spec mini-language.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "base/result.hpp"
#include "templating/value.hpp"

namespace gazette::templating {

// Appends str(value): what `{{ value }}` prints before escaping. Undefined appends nothing.
void python_str(const Value& value, std::string& out);
// Appends repr(value), as lists and dicts print their items.
void python_repr(const Value& value, std::string& out);
// Appends repr() of a string (quotes chosen as Python does, escapes for the unprintable).
void python_repr_string(std::string_view s, std::string& out);
// Appends repr(float): the shortest text that reads back as the same double (`0.1`, `1e+16`,
// `1.0`, `inf`, `nan`).
void python_float(double value, std::string& out);
// str(value) as a new string.
std::string to_python_str(const Value& value);

// `format % args` with Python's printf-style rules: a tuple gives the positional arguments,
// a dict the `%(name)s` ones, anything else is the single argument. With `escape_args`
// (Markup % args) string arguments are HTML-escaped unless safe. Errors are Python's
// TypeError/ValueError messages.
Result<std::string> percent_format(std::string_view format, const Value& args, bool escape_args);

// `format.format(*args, **kwargs)`.
Result<std::string> brace_format(std::string_view format, std::span<const Value> args,
                                 std::span<const std::pair<std::string_view, Value>> kwargs,
                                 bool escape_args);

// format(value, spec): the format-spec mini-language for ints, floats and strings.
Result<std::string> format_spec(const Value& value, std::string_view spec);

}  // namespace gazette::templating
