// HTML and URL filters: escape/e forceescape safe striptags tojson urlencode urlize xmlattr.
#include <array>
#include <set>

#include "templating/builtin_support.hpp"
#include "templating/builtins.hpp"
#include "templating/environment.hpp"
#include "templating/html.hpp"
#include "templating/json.hpp"
#include "templating/pyformat.hpp"
#include "templating/pystr.hpp"
#include "templating/urlize.hpp"

namespace gazette::templating {

namespace {

using builtin::soft_str;

template <size_t N>
using Bound = std::array<const Value*, N>;

Result<Value> filter_escape(CallContext&, const Value& input, const Args& args) {
  static constexpr Params kParams("escape", {});
  if (auto s = kParams.bind(args, {}); !s) return s.error();
  return escape(input);
}

Result<Value> filter_forceescape(CallContext&, const Value& input, const Args& args) {
  static constexpr Params kParams("forceescape", {});
  if (auto s = kParams.bind(args, {}); !s) return s.error();
  std::string out;
  escape_html(to_python_str(input.as_plain()), out);
  return Value::markup(out);
}

Result<Value> filter_safe(CallContext&, const Value& input, const Args& args) {
  static constexpr Params kParams("safe", {});
  if (auto s = kParams.bind(args, {}); !s) return s.error();
  if (input.is_string()) return input.as_markup();
  return Value::markup(to_python_str(input));
}

Result<Value> filter_striptags(CallContext&, const Value& input, const Args& args) {
  static constexpr Params kParams("striptags", {});
  if (auto s = kParams.bind(args, {}); !s) return s.error();
  if (input.is_string()) return striptags_value(input.as_string());
  return striptags_value(to_python_str(input));
}

Result<Value> filter_tojson(CallContext&, const Value& input, const Args& args) {
  Bound<1> a{};
  static constexpr Params kParams("tojson", {"indent"});
  if (auto s = kParams.bind(args, a); !s) return s.error();
  std::optional<std::string> indent;
  if (a[0] && !a[0]->is_none()) {
    if (a[0]->is_string()) {
      indent = std::string(a[0]->as_string());
    } else {
      auto n = builtin::int_arg(a[0], "indent", 0);
      if (!n) return n.error();
      indent = std::string(static_cast<size_t>(std::clamp<int64_t>(*n, 0, 100)), ' ');
    }
  }
  auto json = to_html_safe_json(input, indent);
  if (!json) return json.error();
  return Value::markup(*json);
}

// urllib.parse.quote_from_bytes: letters, digits and _.-~ (and `safe`) stay, the rest %XX.
void url_quote(std::string_view s, bool for_query, std::string& out) {
  static const char* kHex = "0123456789ABCDEF";
  for (unsigned char c : s) {
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                c == '_' || c == '.' || c == '-' || c == '~' || (!for_query && c == '/');
    if (keep) {
      out += static_cast<char>(c);
    } else if (for_query && c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
}

Result<Value> filter_urlencode(CallContext&, const Value& input, const Args& args) {
  static constexpr Params kParams("urlencode", {});
  if (auto s = kParams.bind(args, {}); !s) return s.error();
  std::string out;
  bool iterable = input.is_list() || input.is_dict();
  if (input.is_string() || !iterable) {
    url_quote(to_python_str(input), false, out);
    return Value(out);
  }
  std::vector<std::pair<Value, Value>> pairs;
  if (input.is_dict()) {
    for (const auto& [k, v] : input.entries()) pairs.emplace_back(k, v);
  } else {
    for (const Value& item : input.items()) {
      auto parts = iterate(item);
      if (!parts) return parts.error();
      if (parts->size() != 2) {
        return failure(parts->size() < 2 ? "not enough values to unpack (expected 2, got " +
                                               std::to_string(parts->size()) + ")"
                                         : "too many values to unpack (expected 2)");
      }
      pairs.emplace_back((*parts)[0], (*parts)[1]);
    }
  }
  bool first = true;
  for (const auto& [k, v] : pairs) {
    if (!first) out += '&';
    first = false;
    url_quote(to_python_str(k), true, out);
    out += '=';
    url_quote(to_python_str(v), true, out);
  }
  return Value(out);
}

Result<Value> filter_urlize(CallContext& cx, const Value& input, const Args& args) {
  Bound<5> a{};
  static constexpr Params kParams("urlize",
                                  {"trim_url_limit", "nofollow", "target", "rel", "extra_schemes"});
  if (auto s = kParams.bind(args, a); !s) return s.error();
  UrlizeOptions options;
  if (a[0] && !a[0]->is_none()) {
    auto limit = builtin::int_arg(a[0], "trim_url_limit", 0);
    if (!limit) return limit.error();
    options.trim_url_limit = *limit;
  }
  std::set<std::string> rel;
  if (a[3] && !a[3]->is_none()) {
    for (const std::string& part : pystr::split(to_python_str(*a[3]), std::nullopt))
      rel.insert(part);
  }
  if (builtin::bool_arg(a[1], false)) rel.insert("nofollow");
  rel.insert("noopener");
  for (const std::string& part : rel) {
    if (!options.rel.empty()) options.rel += ' ';
    options.rel += part;
  }
  if (a[2] && !a[2]->is_none()) options.target = to_python_str(*a[2]);
  if (a[4] && !a[4]->is_none()) {
    auto schemes = iterate(*a[4]);
    if (!schemes) return schemes.error();
    for (const Value& scheme : *schemes) {
      std::string text = to_python_str(scheme);
      if (!valid_uri_scheme(text)) {
        std::string quoted;
        python_repr_string(text, quoted);
        return failure(quoted + " is not a valid URI scheme prefix.");
      }
      options.extra_schemes.push_back(text);
    }
  }
  std::string html = urlize(to_python_str(input), options);
  return Value::string(html, cx.autoescape());
}

Result<Value> filter_xmlattr(CallContext& cx, const Value& input, const Args& args) {
  Bound<1> a{};
  static constexpr Params kParams("xmlattr", {"autospace"});
  if (auto s = kParams.bind(args, a); !s) return s.error();
  if (input.is_undefined()) return undefined_error(input);
  if (!input.is_dict()) {
    return failure("'" + std::string(input.type_name()) + "' object has no attribute 'items'");
  }
  std::string out;
  for (const auto& [k, v] : input.entries()) {
    if (v.is_none() || v.is_undefined()) continue;
    std::string key = to_python_str(k);
    for (char c : key) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == '/' ||
          c == '>' || c == '=') {
        std::string quoted;
        python_repr_string(key, quoted);
        return failure("Invalid character in attribute name: " + quoted);
      }
    }
    if (!out.empty()) out += ' ';
    out += escape(k).as_string();
    out += "=\"";
    out += escape(v).as_string();
    out += '"';
  }
  if (builtin::bool_arg(a[0], true) && !out.empty()) out = " " + out;
  return Value::string(out, cx.autoescape());
}

}  // namespace

void add_html_filters(Environment& env) {
  env.add_filter("e", filter_escape);
  env.add_filter("escape", filter_escape);
  env.add_filter("forceescape", filter_forceescape);
  env.add_filter("safe", filter_safe);
  env.add_filter("striptags", filter_striptags);
  env.add_filter("tojson", filter_tojson);
  env.add_filter("urlencode", filter_urlencode);
  env.add_filter("urlize", filter_urlize);
  env.add_filter("xmlattr", filter_xmlattr);
}

}  // namespace gazette::templating
