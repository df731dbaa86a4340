#include "templating/json.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "templating/call.hpp"
#include "templating/ops.hpp"
#include "templating/pyformat.hpp"
#include "templating/pystr.hpp"

namespace gazette::templating {

namespace {

template <class Json>
Value convert(const Json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::null:
      return Value::none();
    case nlohmann::json::value_t::boolean:
      return Value(j.template get<bool>());
    case nlohmann::json::value_t::number_integer:
      return Value(j.template get<int64_t>());
    case nlohmann::json::value_t::number_unsigned: {
      uint64_t u = j.template get<uint64_t>();
      if (u > static_cast<uint64_t>(INT64_MAX)) return Value(static_cast<double>(u));
      return Value(static_cast<int64_t>(u));
    }
    case nlohmann::json::value_t::number_float:
      return Value(j.template get<double>());
    case nlohmann::json::value_t::string:
      return Value(j.template get_ref<const std::string&>());
    case nlohmann::json::value_t::array: {
      std::vector<Value> items;
      items.reserve(j.size());
      for (const auto& item : j) items.push_back(convert(item));
      return Value::list(std::move(items));
    }
    case nlohmann::json::value_t::object: {
      std::vector<std::pair<Value, Value>> entries;
      entries.reserve(j.size());
      for (auto it = j.begin(); it != j.end(); ++it)
        entries.emplace_back(Value(it.key()), convert(it.value()));
      return Value::dict(std::move(entries));
    }
    default:
      return Value::none();
  }
}

void json_string(std::string_view s, std::string& out) {
  out += '"';
  for (size_t i = 0; i < s.size();) {
    // A run of printable ASCII that needs no escape, copied at once.
    size_t run = i;
    while (run < s.size() && s[run] >= 0x20 && s[run] < 0x7f && s[run] != '"' && s[run] != '\\')
      ++run;
    if (run > i) {
      out.append(s, i, run - i);
      i = run;
      continue;
    }
    char32_t c = pystr::next(s, i);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default: {
        if (c >= 0x20 && c < 0x7f) {
          out += static_cast<char>(c);
          break;
        }
        auto hex4 = [&](uint32_t v) {
          static constexpr char kHex[] = "0123456789abcdef";
          char buf[6] = {
              '\\',        'u', kHex[(v >> 12) & 15], kHex[(v >> 8) & 15], kHex[(v >> 4) & 15],
              kHex[v & 15]};
          out.append(buf, 6);
        };
        if (c >= 0x10000) {
          uint32_t v = c - 0x10000;
          hex4(0xD800 + (v >> 10));
          hex4(0xDC00 + (v & 0x3FF));
        } else {
          hex4(c);
        }
      }
    }
  }
  out += '"';
}

Status dump(const Value& v, const std::optional<std::string>& indent, int level, std::string& out);

void newline(const std::optional<std::string>& indent, int level, std::string& out) {
  out += '\n';
  for (int i = 0; i < level; ++i) out += *indent;
}

Status dump_key(const Value& k, std::string& out) {
  switch (k.kind()) {
    case Kind::kString:
      json_string(k.as_string(), out);
      return {};
    case Kind::kInt:
    case Kind::kFloat: {
      std::string s;
      if (k.is_float() && std::isnan(k.as_float()))
        s = "NaN";
      else if (k.is_float() && std::isinf(k.as_float()))
        s = k.as_float() < 0 ? "-Infinity" : "Infinity";
      else
        python_str(k, s);
      json_string(s, out);
      return {};
    }
    case Kind::kBool:
      out += k.as_bool() ? "\"true\"" : "\"false\"";
      return {};
    case Kind::kNone:
      out += "\"null\"";
      return {};
    default:
      return failure("keys must be str, int, float, bool or None, not " +
                     std::string(k.type_name()));
  }
}

Status dump(const Value& v, const std::optional<std::string>& indent, int level, std::string& out) {
  if (level > 200) return failure("JSON nesting too deep");
  switch (v.kind()) {
    case Kind::kNone:
      out += "null";
      return {};
    case Kind::kBool:
      out += v.as_bool() ? "true" : "false";
      return {};
    case Kind::kInt:
      python_str(v, out);
      return {};
    case Kind::kFloat: {
      double f = v.as_float();
      if (std::isnan(f))
        out += "NaN";
      else if (std::isinf(f))
        out += f < 0 ? "-Infinity" : "Infinity";
      else
        python_float(f, out);
      return {};
    }
    case Kind::kString:
      json_string(v.as_string(), out);
      return {};
    case Kind::kList: {
      if (v.list_kind() != ListKind::kList && !is_tuple_kind(v.list_kind()))
        return failure("Object of type " + std::string(v.type_name()) +
                       " is not JSON serializable");
      const auto& items = v.items();
      if (items.empty()) {
        out += "[]";
        return {};
      }
      out += '[';
      for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += indent ? "," : ", ";
        if (indent) newline(indent, level + 1, out);
        if (Status s = dump(items[i], indent, level + 1, out); !s) return s;
      }
      if (indent) newline(indent, level, out);
      out += ']';
      return {};
    }
    case Kind::kDict: {
      auto entries = v.entries();
      if (entries.empty()) {
        out += "{}";
        return {};
      }
      std::vector<size_t> order(entries.size());
      std::iota(order.begin(), order.end(), 0);
      std::optional<Error> error;
      std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        if (error) return false;
        auto r = python_compare(entries[a].first, entries[b].first, "<");
        if (!r) {
          error = r.error();
          return false;
        }
        return *r < 0;
      });
      if (error) return *error;
      out += '{';
      bool first = true;
      for (size_t i : order) {
        if (!first) out += indent ? "," : ", ";
        first = false;
        if (indent) newline(indent, level + 1, out);
        if (Status s = dump_key(entries[i].first, out); !s) return s;
        out += ": ";
        if (Status s = dump(entries[i].second, indent, level + 1, out); !s) return s;
      }
      if (indent) newline(indent, level, out);
      out += '}';
      return {};
    }
    case Kind::kUndefined:
      return failure("Object of type Undefined is not JSON serializable");
    case Kind::kObject:
      return failure("Object of type " + std::string(v.type_name()) + " is not JSON serializable");
  }
  return {};
}

}  // namespace

Value from_json(const nlohmann::ordered_json& json) {
  return convert(json);
}
Value from_json(const nlohmann::json& json) {
  return convert(json);
}

Result<std::string> to_json(const Value& value, std::optional<std::string> indent) {
  std::string out;
  if (Status s = dump(value, indent, 0, out); !s) return s.error();
  return out;
}

Result<std::string> to_html_safe_json(const Value& value, std::optional<std::string> indent) {
  auto json = to_json(value, std::move(indent));
  if (!json) return json;
  // (std::string::find_first_of calls memchr on the set for every byte: a plain loop.)
  auto special_from = [&](size_t from) {
    const std::string& j = *json;
    for (size_t i = from; i < j.size(); ++i) {
      const char c = j[i];
      if (c == '<' || c == '>' || c == '&' || c == '\'') return i;
    }
    return std::string::npos;
  };
  size_t at = special_from(0);
  if (at == std::string::npos) return json;  // the usual case: nothing to change
  std::string out;
  out.reserve(json->size() + 32);
  size_t from = 0;
  for (; at != std::string::npos; at = special_from(from)) {
    out.append(*json, from, at - from);
    switch ((*json)[at]) {
      case '<':
        out += "\\u003c";
        break;
      case '>':
        out += "\\u003e";
        break;
      case '&':
        out += "\\u0026";
        break;
      default:
        out += "\\u0027";
        break;
    }
    from = at + 1;
  }
  out.append(*json, from);
  return out;
}

}  // namespace gazette::templating
