// Text filters: capitalize center format indent lower replace string title trim truncate
// upper wordcount wordwrap.
#include <array>

#include "templating/builtin_support.hpp"
#include "templating/builtins.hpp"
#include "templating/environment.hpp"
#include "templating/html.hpp"
#include "templating/pyformat.hpp"
#include "templating/pystr.hpp"
#include "templating/textwrap.hpp"

namespace gazette::templating {

namespace {

using builtin::int_arg;
using builtin::soft_str;

template <size_t N>
using Bound = std::array<const Value*, N>;

Result<Value> filter_capitalize(CallContext&, const Value& input, const Args& args) {
  static constexpr Params kParams("capitalize", {});
  if (auto s = kParams.bind(args, {}); !s) return s.error();
  Value s = soft_str(input);
  return Value::string(pystr::capitalize(s.as_string()), s.is_safe());
}

// str.lower() / str.upper(): text whose only cased characters are ASCII letters (CJK text)
// mapped byte by byte, other text through ICU.
Value change_case(const Value& input, bool to_upper) {
  Value s = soft_str(input);
  std::string_view text = s.as_string();
  if (!pystr::only_ascii_is_cased(text)) {
    return Value::string(to_upper ? pystr::upper(text) : pystr::lower(text), s.is_safe());
  }
  char from = to_upper ? 'a' : 'A';
  bool changes = false;
  for (char c : text) changes = changes || (c >= from && c <= from + 25);
  if (!changes) return s;
  StringBuilder out(text.size());
  for (char c : text) out.push_back(c >= from && c <= from + 25 ? static_cast<char>(c ^ 0x20) : c);
  return out.build(s.is_safe());
}

Result<Value> filter_lower(CallContext&, const Value& input, const Args& args) {
  static constexpr Params kParams("lower", {});
  if (auto s = kParams.bind(args, {}); !s) return s.error();
  return change_case(input, false);
}

Result<Value> filter_upper(CallContext&, const Value& input, const Args& args) {
  static constexpr Params kParams("upper", {});
  if (auto s = kParams.bind(args, {}); !s) return s.error();
  return change_case(input, true);
}

// Jinja2's do_title: each piece after - white space ( { [ < starts upper-case, continues lower.
Result<Value> filter_title(CallContext&, const Value& input, const Args& args) {
  static constexpr Params kParams("title", {});
  if (auto s = kParams.bind(args, {}); !s) return s.error();
  Value sv = soft_str(input);
  std::string_view s = sv.as_string();
  auto separator = [](char32_t c) {
    return c == '-' || c == '(' || c == '{' || c == '[' || c == '<' || pystr::is_space(c);
  };
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    size_t j = i;
    bool sep = separator(pystr::next(s, j));
    while (i < s.size()) {
      size_t k = i;
      if (separator(pystr::next(s, k)) != sep) break;
      i = k;
    }
    std::string_view piece = s.substr(start, i - start);
    if (sep) {
      out += piece;
    } else {
      size_t first = 0;
      pystr::next(piece, first);
      out += pystr::upper(piece.substr(0, first));
      out += pystr::lower(piece.substr(first));
    }
  }
  return Value(out);  // "".join() of the pieces: a plain string even for Markup input
}

Result<Value> filter_center(CallContext& cx, const Value& input, const Args& args) {
  Bound<1> a{};
  static constexpr Params kParams("center", {"width"});
  if (auto s = kParams.bind(args, a); !s) return s.error();
  auto width = int_arg(a[0], "width", 80);
  if (!width) return width.error();
  if (static_cast<uint64_t>(std::max<int64_t>(*width, 0)) > cx.max_items() * 16)
    return failure("width too large");
  Value s = soft_str(input);
  return Value::string(pystr::center(s.as_string(), *width), s.is_safe());
}

Result<Value> filter_format(CallContext&, const Value& input, const Args& args) {
  if (!args.positional.empty() && !args.keywords.empty()) {
    return failure("can't handle positional and keyword arguments at the same time");
  }
  Value s = soft_str(input);
  Value format_args;
  if (!args.keywords.empty()) {
    std::vector<std::pair<Value, Value>> entries;
    for (const Kwarg& k : args.keywords) entries.emplace_back(Value(k.name), k.value);
    format_args = Value::dict(std::move(entries));
  } else {
    format_args = Value::tuple({args.positional.begin(), args.positional.end()});
  }
  auto r = percent_format(s.as_string(), format_args, s.is_safe());
  if (!r) return r.error();
  return Value::string(*r, s.is_safe());
}

Result<Value> filter_indent(CallContext&, const Value& input, const Args& args) {
  Bound<3> a{};
  static constexpr Params kParams("indent", {"width", "first", "blank"});
  if (auto s = kParams.bind(args, a); !s) return s.error();
  std::string indention;
  if (a[0] && a[0]->is_string()) {
    indention = std::string(a[0]->as_string());
  } else {
    auto width = int_arg(a[0], "width", 4);
    if (!width) return width.error();
    if (*width > 10000) return failure("indent width too large");
    indention = std::string(static_cast<size_t>(std::max<int64_t>(*width, 0)), ' ');
  }
  bool first = builtin::bool_arg(a[1], false);
  bool blank = builtin::bool_arg(a[2], false);
  if (!input.is_string())
    return failure("can only concatenate " + std::string(input.type_name()) + " and str");
  bool markup = input.is_safe();
  std::string s(input.as_string());
  s += '\n';
  std::vector<std::string> lines = pystr::splitlines(s);
  std::string out;
  if (blank) {
    for (size_t i = 0; i < lines.size(); ++i) {
      if (i) {
        out += '\n';
        out += indention;
      }
      out += lines[i];
    }
  } else {
    out = lines.empty() ? "" : lines[0];
    for (size_t i = 1; i < lines.size(); ++i) {
      out += '\n';
      if (!lines[i].empty()) out += indention;
      out += lines[i];
    }
  }
  if (first) out = indention + out;
  return Value::string(out, markup);
}

Result<Value> filter_replace(CallContext& cx, const Value& input, const Args& args) {
  Bound<3> a{};
  static constexpr Params kParams("replace", {"old", "new", "count"}, 2);
  if (auto s = kParams.bind(args, a); !s) return s.error();
  auto count = int_arg(a[2], "count", -1);
  if (!count) return count.error();
  // Where the first replacement goes (npos: nowhere).
  size_t first = std::string_view::npos;
  if (input.is_string() && a[0]->is_string() && !a[0]->as_string().empty() && *count != 0)
    first = input.as_string().find(a[0]->as_string());
  // Nothing to replace: the input as it is (the common case, and no copy).
  if (input.is_string() && a[0]->is_string() && !a[0]->as_string().empty() &&
      first == std::string_view::npos &&
      (!cx.autoescape() || input.is_safe() || !(a[1]->is_safe() || a[0]->is_safe()))) {
    return cx.autoescape() ? input : input.as_plain();
  }
  // Plain strings (escaping or not, no Markup involved): replaced straight into the result.
  if (input.is_string() && !input.is_safe() && a[0]->is_string() && !a[0]->is_safe() &&
      a[1]->is_string() && !a[1]->is_safe() && !a[0]->as_string().empty()) {
    std::string_view s = input.as_string(), old_s = a[0]->as_string(), new_s = a[1]->as_string();
    StringBuilder out(s.size() +
                      (new_s.size() > old_s.size() ? 4 * (new_s.size() - old_s.size()) : 0));
    size_t pos = 0;
    for (int64_t n = *count < 0 ? INT64_MAX : *count; n > 0; --n) {
      size_t found = pos == 0 ? first : s.find(old_s, pos);
      if (found == std::string_view::npos) break;
      out.append(s.substr(pos, found - pos));
      out.append(new_s);
      pos = found + old_s.size();
    }
    out.append(s.substr(pos));
    return out.build(false, input.escapes_to_itself() && a[1]->escapes_to_itself());
  }
  if (!cx.autoescape()) {
    std::string s = to_python_str(input);
    return Value(pystr::replace(s, to_python_str(*a[0]), to_python_str(*a[1]), *count));
  }
  bool old_safe = a[0]->is_safe() || (a[0]->is_object() && a[0]->as_object()->is_safe());
  bool new_safe = a[1]->is_safe() || (a[1]->is_object() && a[1]->as_object()->is_safe());
  Value s = (old_safe || (new_safe && !input.is_safe())) ? escape(input) : soft_str(input);
  if (s.is_safe()) {
    // Markup.replace escapes its arguments.
    std::string old_text, new_text;
    Value o = soft_str(*a[0]), n = soft_str(*a[1]);
    if (o.is_safe())
      old_text = std::string(o.as_string());
    else
      escape_html(o.as_string(), old_text);
    if (n.is_safe())
      new_text = std::string(n.as_string());
    else
      escape_html(n.as_string(), new_text);
    return Value::markup(pystr::replace(s.as_string(), old_text, new_text, *count));
  }
  return Value(pystr::replace(s.as_string(), soft_str(*a[0]).as_string(),
                              soft_str(*a[1]).as_string(), *count));
}

Result<Value> filter_string(CallContext&, const Value& input, const Args& args) {
  static constexpr Params kParams("string", {});
  if (auto s = kParams.bind(args, {}); !s) return s.error();
  return soft_str(input);
}

Result<Value> filter_trim(CallContext&, const Value& input, const Args& args) {
  Bound<1> a{};
  static constexpr Params kParams("trim", {"chars"});
  if (auto s = kParams.bind(args, a); !s) return s.error();
  Value s = soft_str(input);
  std::optional<std::string> chars;
  if (a[0] && !a[0]->is_none()) {
    if (!a[0]->is_string()) return failure("strip arg must be None or str");
    chars = std::string(a[0]->as_string());
  }
  std::string_view r =
      chars ? pystr::strip(s.as_string(), std::string_view(*chars)) : pystr::strip(s.as_string());
  return Value::string(r, s.is_safe());
}

Result<Value> filter_truncate(CallContext&, const Value& input, const Args& args) {
  Bound<4> a{};
  static constexpr Params kParams("truncate", {"length", "killwords", "end", "leeway"});
  if (auto s = kParams.bind(args, a); !s) return s.error();
  auto length = int_arg(a[0], "length", 255);
  if (!length) return length.error();
  bool killwords = builtin::bool_arg(a[1], false);
  Value end = a[2] ? *a[2] : Value("...");
  auto leeway = int_arg(a[3], "leeway", 5);
  if (!leeway) return leeway.error();
  if (!end.is_string()) return failure("truncate: end must be a string");
  // A text has no more characters than bytes: what is short in bytes needs no count.
  const std::string_view end_text = end.as_string();
  if (static_cast<int64_t>(end_text.size()) > *length) {
    const auto end_len = static_cast<int64_t>(pystr::length(end_text));
    if (*length < end_len)
      return failure("expected length >= " + std::to_string(end_len) + ", got " +
                     std::to_string(*length));
  }
  if (*leeway < 0) return failure("expected leeway >= 0, got " + std::to_string(*leeway));
  if (!input.is_string()) {
    if (input.is_undefined()) return input;
    return failure("object of type '" + std::string(input.type_name()) + "' has no len()");
  }
  std::string_view s = input.as_string();
  if (static_cast<int64_t>(s.size()) <= *length + *leeway ||
      static_cast<int64_t>(pystr::length(s)) <= *length + *leeway)
    return input;
  const auto end_len = static_cast<int64_t>(pystr::length(end_text));
  size_t from, to;
  pystr::slice_bytes(s, std::nullopt, *length - end_len, from, to);
  std::string_view head = s.substr(from, to - from);
  if (!killwords) {
    size_t space = head.rfind(' ');
    if (space != std::string_view::npos) head = head.substr(0, space);
  }
  StringBuilder out(head.size() + end.as_string().size() + 8);
  out.append(head);
  if (input.is_safe() && !end.is_safe()) {
    std::string escaped;
    escape_html(end.as_string(), escaped);
    out.append(escaped);
  } else {
    out.append(end.as_string());
  }
  return out.build(input.is_safe(), input.escapes_to_itself() && end.escapes_to_itself());
}

Result<Value> filter_wordcount(CallContext&, const Value& input, const Args& args) {
  static constexpr Params kParams("wordcount", {});
  if (auto s = kParams.bind(args, {}); !s) return s.error();
  Value sv = soft_str(input);
  std::string_view s = sv.as_string();
  int64_t words = 0;
  bool in_word = false;
  for (size_t i = 0; i < s.size();) {
    bool w = pystr::is_word(pystr::next(s, i));
    if (w && !in_word) ++words;
    in_word = w;
  }
  return Value(words);
}

Result<Value> filter_wordwrap(CallContext&, const Value& input, const Args& args) {
  Bound<4> a{};
  static constexpr Params kParams("wordwrap",
                                  {"width", "break_long_words", "wrapstring", "break_on_hyphens"});
  if (auto s = kParams.bind(args, a); !s) return s.error();
  auto width = int_arg(a[0], "width", 79);
  if (!width) return width.error();
  WrapOptions options;
  options.width = *width;
  options.break_long_words = builtin::bool_arg(a[1], true);
  options.break_on_hyphens = builtin::bool_arg(a[3], true);
  std::string wrapstring = a[2] && !a[2]->is_none() ? to_python_str(*a[2]) : "\n";
  if (!input.is_string())
    return failure("'" + std::string(input.type_name()) + "' object has no attribute 'splitlines'");
  std::string out;
  bool first_line = true;
  for (const std::string& line : pystr::splitlines(input.as_string())) {
    auto wrapped = wrap_text(line, options);
    if (!wrapped) return wrapped.error();
    if (!first_line) out += wrapstring;
    first_line = false;
    for (size_t i = 0; i < wrapped->size(); ++i) {
      if (i) out += wrapstring;
      out += (*wrapped)[i];
    }
  }
  return Value(out);
}

}  // namespace

void add_text_filters(Environment& env) {
  env.add_filter("capitalize", filter_capitalize);
  env.add_filter("center", filter_center);
  env.add_filter("format", filter_format);
  env.add_filter("indent", filter_indent);
  env.add_filter("lower", filter_lower);
  env.add_filter("replace", filter_replace);
  env.add_filter("string", filter_string);
  env.add_filter("title", filter_title);
  env.add_filter("trim", filter_trim);
  env.add_filter("truncate", filter_truncate);
  env.add_filter("upper", filter_upper);
  env.add_filter("wordcount", filter_wordcount);
  env.add_filter("wordwrap", filter_wordwrap);
}

}  // namespace gazette::templating
