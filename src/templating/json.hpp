// JSON and template values: values from JSON documents (objects keep their key order when
// parsed as nlohmann::ordered_json, as Python's json.load does), and Python's json.dumps for
// the `tojson` filter.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "base/result.hpp"
#include "templating/value.hpp"

namespace gazette::templating {

// The value of a JSON document: objects → dicts, arrays → lists, integers → ints (beyond 64
// bits: floats), floats, strings, booleans, null → none.
Value from_json(const nlohmann::ordered_json& json);
Value from_json(const nlohmann::json& json);

// Python's json.dumps(value, sort_keys=True, indent=indent) (ASCII output, non-ASCII as
// \uXXXX). Errors for values JSON cannot hold (undefined, objects, iterators).
Result<std::string> to_json(const Value& value, std::optional<std::string> indent = std::nullopt);

// Jinja2's htmlsafe_json_dumps: to_json with < > & ' escaped, safe inside HTML and <script>.
Result<std::string> to_html_safe_json(const Value& value, std::optional<std::string> indent);

}  // namespace gazette::templating
