#include "templating/methods.hpp"

#include <algorithm>
#include <array>

#include "templating/call.hpp"
#include "templating/html.hpp"
#include "templating/ops.hpp"
#include "templating/pyformat.hpp"
#include "templating/pystr.hpp"

namespace gazette::templating {

namespace {

enum class Method : uint8_t {
  // str
  kCapitalize,
  kCasefold,
  kCenter,
  kCount,
  kEndswith,
  kFind,
  kFormat,
  kIndex,
  kIsalnum,
  kIsalpha,
  kIsascii,
  kIsdecimal,
  kIsdigit,
  kIsidentifier,
  kIslower,
  kIsnumeric,
  kIsspace,
  kIstitle,
  kIsupper,
  kJoin,
  kLjust,
  kLower,
  kLstrip,
  kPartition,
  kRemoveprefix,
  kRemovesuffix,
  kReplace,
  kRfind,
  kRindex,
  kRjust,
  kRpartition,
  kRsplit,
  kRstrip,
  kSplit,
  kSplitlines,
  kStartswith,
  kStrip,
  kSwapcase,
  kTitle,
  kUpper,
  kZfill,
  kStriptags,
  kUnescape,
  kEscape,
  // dict
  kGet,
  kItems,
  kKeys,
  kValues,
  kCopy,
  // list / tuple
  kListIndex,
  kListCount,
};

struct MethodName {
  std::string_view name;
  Method method;
};

constexpr MethodName kStrMethods[] = {
    {"capitalize", Method::kCapitalize},
    {"casefold", Method::kCasefold},
    {"center", Method::kCenter},
    {"count", Method::kCount},
    {"endswith", Method::kEndswith},
    {"find", Method::kFind},
    {"format", Method::kFormat},
    {"index", Method::kIndex},
    {"isalnum", Method::kIsalnum},
    {"isalpha", Method::kIsalpha},
    {"isascii", Method::kIsascii},
    {"isdecimal", Method::kIsdecimal},
    {"isdigit", Method::kIsdigit},
    {"isidentifier", Method::kIsidentifier},
    {"islower", Method::kIslower},
    {"isnumeric", Method::kIsnumeric},
    {"isspace", Method::kIsspace},
    {"istitle", Method::kIstitle},
    {"isupper", Method::kIsupper},
    {"join", Method::kJoin},
    {"ljust", Method::kLjust},
    {"lower", Method::kLower},
    {"lstrip", Method::kLstrip},
    {"partition", Method::kPartition},
    {"removeprefix", Method::kRemoveprefix},
    {"removesuffix", Method::kRemovesuffix},
    {"replace", Method::kReplace},
    {"rfind", Method::kRfind},
    {"rindex", Method::kRindex},
    {"rjust", Method::kRjust},
    {"rpartition", Method::kRpartition},
    {"rsplit", Method::kRsplit},
    {"rstrip", Method::kRstrip},
    {"split", Method::kSplit},
    {"splitlines", Method::kSplitlines},
    {"startswith", Method::kStartswith},
    {"strip", Method::kStrip},
    {"swapcase", Method::kSwapcase},
    {"title", Method::kTitle},
    {"upper", Method::kUpper},
    {"zfill", Method::kZfill},
};

constexpr MethodName kMarkupMethods[] = {{"striptags", Method::kStriptags},
                                         {"unescape", Method::kUnescape},
                                         {"escape", Method::kEscape}};

constexpr MethodName kDictMethods[] = {{"get", Method::kGet},
                                       {"items", Method::kItems},
                                       {"keys", Method::kKeys},
                                       {"values", Method::kValues},
                                       {"copy", Method::kCopy}};

constexpr MethodName kListMethods[] = {{"index", Method::kListIndex},
                                       {"count", Method::kListCount}};

Result<int64_t> int_arg(const Value* v, std::string_view what, int64_t fallback) {
  if (!v || v->is_none()) return fallback;
  if (v->is_int()) return v->as_int();
  if (v->is_bool()) return static_cast<int64_t>(v->as_bool());
  return failure("'" + std::string(v->type_name()) +
                 "' object cannot be interpreted as an integer (" + std::string(what) + ")");
}

Result<std::string_view> str_arg(const Value* v, std::string_view method) {
  if (v && v->is_string()) return v->as_string();
  return failure(std::string(method) + "() argument must be str, not " +
                 std::string(v ? v->type_name() : "nothing"));
}

Result<char32_t> fill_arg(const Value* v, std::string_view method) {
  if (!v) return U' ';
  if (!v->is_string() || pystr::length(v->as_string()) != 1)
    return failure("The fill character must be exactly one character long (" + std::string(method) +
                   ")");
  size_t i = 0;
  return pystr::next(v->as_string(), i);
}

// Markup methods escape their string arguments (MarkupSafe's _simple_escaping_wrapper).
std::string arg_text(const Value& v, bool markup) {
  if (!markup || v.is_safe()) return std::string(v.as_string());
  std::string out;
  escape_html(v.as_string(), out);
  return out;
}

Value str_list(const std::vector<std::string>& parts, bool safe) {
  std::vector<Value> out;
  out.reserve(parts.size());
  for (const auto& p : parts) out.push_back(Value::string(p, safe));
  return Value::list(std::move(out));
}

bool is_numeric_char(char32_t c) {
  return pystr::is_alnum(c) && !pystr::is_alpha(c);
}

template <class Pred>
bool all_chars(std::string_view s, Pred pred) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size();) {
    if (!pred(pystr::next(s, i))) return false;
  }
  return true;
}

Result<bool> prefix_test(const Value& self, const Value* arg, bool starts, std::string_view name) {
  std::string_view s = self.as_string();
  auto test = [&](std::string_view p) {
    return starts ? s.substr(0, p.size()) == p
                  : (s.size() >= p.size() && s.substr(s.size() - p.size()) == p);
  };
  if (arg && arg->is_list() && is_tuple_kind(arg->list_kind())) {
    for (const Value& p : arg->items()) {
      if (!p.is_string())
        return failure("tuple for " + std::string(name) + " must only contain str");
      if (test(p.as_string())) return true;
    }
    return false;
  }
  if (!arg || !arg->is_string())
    return failure(std::string(name) + " first arg must be str or a tuple of str, not " +
                   std::string(arg ? arg->type_name() : "nothing"));
  return test(arg->as_string());
}

Result<Value> call_str_method(Method m, const Value& self, const Args& args, size_t max_bytes) {
  std::string_view s = self.as_string();
  bool markup = self.is_safe();
  std::array<const Value*, 3> a{};
  auto bind = [&](std::string_view name, std::initializer_list<std::string_view> names,
                  size_t required) -> Params::Bound {
    return Params(name, names, required).bind(args, std::span(a.data(), names.size()));
  };
  auto same = [&](std::string text) { return Value::string(text, markup); };
  switch (m) {
    case Method::kCapitalize:
      if (auto st = bind("capitalize", {}, 0); !st) return st.error();
      return same(pystr::capitalize(s));
    case Method::kCasefold:
      if (auto st = bind("casefold", {}, 0); !st) return st.error();
      return Value(pystr::lower(s));
    case Method::kLower:
      if (auto st = bind("lower", {}, 0); !st) return st.error();
      return same(pystr::lower(s));
    case Method::kUpper:
      if (auto st = bind("upper", {}, 0); !st) return st.error();
      return same(pystr::upper(s));
    case Method::kTitle:
      if (auto st = bind("title", {}, 0); !st) return st.error();
      return same(pystr::title(s));
    case Method::kSwapcase:
      if (auto st = bind("swapcase", {}, 0); !st) return st.error();
      return same(pystr::swapcase(s));
    case Method::kCenter:
    case Method::kLjust:
    case Method::kRjust: {
      std::string_view name = m == Method::kCenter  ? "center"
                              : m == Method::kLjust ? "ljust"
                                                    : "rjust";
      if (auto st = bind(name, {"width", "fillchar"}, 1); !st) return st.error();
      auto width = int_arg(a[0], "width", 0);
      if (!width) return width.error();
      auto fill = fill_arg(a[1], name);
      if (!fill) return fill.error();
      if (static_cast<uint64_t>(std::max<int64_t>(*width, 0)) > max_bytes)
        return failure("width too large");
      std::string r = m == Method::kCenter  ? pystr::center(s, *width, *fill)
                      : m == Method::kLjust ? pystr::ljust(s, *width, *fill)
                                            : pystr::rjust(s, *width, *fill);
      return same(r);
    }
    case Method::kZfill: {
      if (auto st = bind("zfill", {"width"}, 1); !st) return st.error();
      auto width = int_arg(a[0], "width", 0);
      if (!width) return width.error();
      if (static_cast<uint64_t>(std::max<int64_t>(*width, 0)) > max_bytes)
        return failure("width too large");
      return same(pystr::zfill(s, *width));
    }
    case Method::kCount:
    case Method::kFind:
    case Method::kRfind:
    case Method::kIndex:
    case Method::kRindex: {
      if (auto st = bind("find", {"sub"}, 1); !st) return st.error();
      auto sub = str_arg(a[0], "find");
      if (!sub) return sub.error();
      if (m == Method::kCount) return Value(pystr::count(s, *sub));
      int64_t pos = (m == Method::kFind || m == Method::kIndex) ? pystr::find(s, *sub)
                                                                : pystr::rfind(s, *sub);
      if (pos < 0 && (m == Method::kIndex || m == Method::kRindex))
        return failure("substring not found");
      return Value(pos);
    }
    case Method::kStartswith:
    case Method::kEndswith: {
      bool starts = m == Method::kStartswith;
      if (auto st = bind(starts ? "startswith" : "endswith", {"prefix"}, 1); !st) return st.error();
      auto r = prefix_test(self, a[0], starts, starts ? "startswith" : "endswith");
      if (!r) return r.error();
      return Value(*r);
    }
    case Method::kIsalnum:
      return Value(all_chars(s, pystr::is_alnum));
    case Method::kIsalpha:
      return Value(all_chars(s, pystr::is_alpha));
    case Method::kIsascii:
      return Value(pystr::is_ascii(s));
    case Method::kIsdecimal:
      return Value(all_chars(s, pystr::is_decimal));
    case Method::kIsdigit:
      return Value(all_chars(s, pystr::is_digit));
    case Method::kIsnumeric:
      return Value(all_chars(s, is_numeric_char));
    case Method::kIsspace:
      return Value(all_chars(s, pystr::is_space));
    case Method::kIslower:
      return Value(pystr::is_lower(s));
    case Method::kIsupper:
      return Value(pystr::is_upper(s));
    case Method::kIstitle:
      return Value(!s.empty() && pystr::title(s) == s && pystr::lower(s) != s);
    case Method::kIsidentifier: {
      if (s.empty()) return Value(false);
      size_t i = 0;
      if (!pystr::is_identifier_start(pystr::next(s, i))) return Value(false);
      while (i < s.size()) {
        if (!pystr::is_identifier_continue(pystr::next(s, i))) return Value(false);
      }
      return Value(true);
    }
    case Method::kJoin: {
      if (auto st = bind("join", {"iterable"}, 1); !st) return st.error();
      auto items = iterate(*a[0]);
      if (!items) return items.error();
      std::string out;
      bool first = true;
      for (const Value& item : *items) {
        if (!item.is_string())
          return failure("sequence item: expected str instance, " + std::string(item.type_name()) +
                         " found");
        if (!first) out += s;
        first = false;
        out += arg_text(item, markup);
      }
      return same(out);
    }
    case Method::kStrip:
    case Method::kLstrip:
    case Method::kRstrip: {
      if (auto st = bind("strip", {"chars"}, 0); !st) return st.error();
      std::optional<std::string_view> chars;
      std::string escaped;
      if (a[0] && !a[0]->is_none()) {
        auto c = str_arg(a[0], "strip");
        if (!c) return c.error();
        escaped = arg_text(*a[0], markup);
        chars = escaped;
      }
      std::string_view r = m == Method::kStrip    ? pystr::strip(s, chars)
                           : m == Method::kLstrip ? pystr::lstrip(s, chars)
                                                  : pystr::rstrip(s, chars);
      return same(std::string(r));
    }
    case Method::kRemoveprefix:
    case Method::kRemovesuffix: {
      if (auto st = bind("removeprefix", {"affix"}, 1); !st) return st.error();
      auto affix = str_arg(a[0], "removeprefix");
      if (!affix) return affix.error();
      if (m == Method::kRemoveprefix && s.substr(0, affix->size()) == *affix)
        return same(std::string(s.substr(affix->size())));
      if (m == Method::kRemovesuffix && !affix->empty() && s.size() >= affix->size() &&
          s.substr(s.size() - affix->size()) == *affix)
        return same(std::string(s.substr(0, s.size() - affix->size())));
      return self;
    }
    case Method::kReplace: {
      if (auto st = bind("replace", {"old", "new", "count"}, 2); !st) return st.error();
      auto old_s = str_arg(a[0], "replace");
      if (!old_s) return old_s.error();
      auto new_s = str_arg(a[1], "replace");
      if (!new_s) return new_s.error();
      auto count = int_arg(a[2], "count", -1);
      if (!count) return count.error();
      return same(pystr::replace(s, arg_text(*a[0], markup), arg_text(*a[1], markup), *count));
    }
    case Method::kPartition:
    case Method::kRpartition: {
      if (auto st = bind("partition", {"sep"}, 1); !st) return st.error();
      auto sep_arg = str_arg(a[0], "partition");
      if (!sep_arg) return sep_arg.error();
      std::string sep = arg_text(*a[0], markup);
      if (sep.empty()) return failure("empty separator");
      size_t pos = m == Method::kPartition ? s.find(sep) : s.rfind(sep);
      std::vector<Value> parts;
      if (pos == std::string_view::npos) {
        if (m == Method::kPartition) {
          parts = {same(std::string(s)), same(""), same("")};
        } else {
          parts = {same(""), same(""), same(std::string(s))};
        }
      } else {
        parts = {same(std::string(s.substr(0, pos))), same(sep),
                 same(std::string(s.substr(pos + sep.size())))};
      }
      return Value::tuple(std::move(parts));
    }
    case Method::kSplit:
    case Method::kRsplit: {
      if (auto st = bind("split", {"sep", "maxsplit"}, 0); !st) return st.error();
      std::optional<std::string_view> sep;
      if (a[0] && !a[0]->is_none()) {
        auto sp = str_arg(a[0], "split");
        if (!sp) return sp.error();
        if (sp->empty()) return failure("empty separator");
        sep = *sp;
      }
      auto maxsplit = int_arg(a[1], "maxsplit", -1);
      if (!maxsplit) return maxsplit.error();
      auto parts =
          m == Method::kSplit ? pystr::split(s, sep, *maxsplit) : pystr::rsplit(s, sep, *maxsplit);
      return str_list(parts, markup);
    }
    case Method::kSplitlines: {
      if (auto st = bind("splitlines", {"keepends"}, 0); !st) return st.error();
      bool keep = a[0] && truthy(*a[0]);
      return str_list(pystr::splitlines(s, keep), markup);
    }
    case Method::kFormat: {
      std::vector<std::pair<std::string_view, Value>> kwargs;
      for (const Kwarg& k : args.keywords) kwargs.emplace_back(k.name, k.value);
      auto r = brace_format(s, args.positional, kwargs, markup);
      if (!r) return r.error();
      return same(*r);
    }
    case Method::kStriptags:
      return Value(striptags(s));
    case Method::kUnescape:
      return Value(unescape(s));
    case Method::kEscape:
      if (auto st = bind("escape", {"s"}, 1); !st) return st.error();
      return escape(*a[0]);
    default:
      break;
  }
  return failure("unsupported method");
}

Result<Value> call_dict_method(Method m, const Value& self, const Args& args) {
  std::array<const Value*, 2> a{};
  switch (m) {
    case Method::kGet: {
      if (auto st = Params("get", {"key", "default"}, 1).bind(args, a); !st) return st.error();
      if (a[0]->is_list() && !is_tuple_kind(a[0]->list_kind()))
        return failure("unhashable type: '" + std::string(a[0]->type_name()) + "'");
      if (const Value* v = self.find_key(*a[0])) return *v;
      return a[1] ? *a[1] : Value::none();
    }
    case Method::kItems:
    case Method::kKeys:
    case Method::kValues: {
      if (auto st = Params("items", {}, 0).bind(args, std::span(a.data(), 0)); !st)
        return st.error();
      std::vector<Value> out;
      out.reserve(self.dict_size());
      for (const auto& [k, v] : self.entries()) {
        if (m == Method::kItems)
          out.push_back(Value::tuple({k, v}));
        else
          out.push_back(m == Method::kKeys ? k : v);
      }
      return Value::list(std::move(out), m == Method::kItems  ? ListKind::kDictItems
                                         : m == Method::kKeys ? ListKind::kDictKeys
                                                              : ListKind::kDictValues);
    }
    case Method::kCopy:
      return self;
    default:
      break;
  }
  return failure("unsupported method");
}

Result<Value> call_list_method(Method m, const Value& self, const Args& args) {
  std::array<const Value*, 1> a{};
  if (auto st = Params(m == Method::kListIndex ? "index" : "count", {"value"}, 1).bind(args, a);
      !st)
    return st.error();
  int64_t count = 0;
  const auto& items = self.items();
  for (size_t i = 0; i < items.size(); ++i) {
    if (python_equal(items[i], *a[0])) {
      if (m == Method::kListIndex) return Value(static_cast<int64_t>(i));
      ++count;
    }
  }
  if (m == Method::kListIndex) return failure("value is not in list");
  return Value(count);
}

class BoundMethod : public Object {
 public:
  BoundMethod(Value self, Method method, std::string_view name)
      : self_(std::move(self)), method_(method), name_(name) {}
  std::string_view type_name() const override { return "builtin_function_or_method"; }
  void repr(std::string& out) const override {
    out += "<built-in method ";
    out += name_;
    out += " of ";
    out += self_.type_name();
    out += " object>";
  }
  bool is_callable() const override { return true; }
  Result<Value> call(CallContext& context, const Args& args) override {
    switch (self_.kind()) {
      case Kind::kString:
        return call_str_method(method_, self_, args, context.max_items() * 16);
      case Kind::kDict:
        return call_dict_method(method_, self_, args);
      default:
        return call_list_method(method_, self_, args);
    }
  }

 private:
  Value self_;
  Method method_;
  std::string_view name_;
};

}  // namespace

std::optional<Value> builtin_method(const Value& obj, std::string_view name) {
  const MethodName* entry = nullptr;
  auto find_in = [&](auto& table) {
    for (const auto& e : table) {
      if (e.name == name) {
        entry = &e;
        return;
      }
    }
  };
  switch (obj.kind()) {
    case Kind::kString:
      find_in(kStrMethods);
      if (!entry && obj.is_safe()) find_in(kMarkupMethods);
      break;
    case Kind::kDict:
      find_in(kDictMethods);
      break;
    case Kind::kList:
      if (obj.list_kind() == ListKind::kList || is_tuple_kind(obj.list_kind()) ||
          obj.list_kind() == ListKind::kRange)
        find_in(kListMethods);
      break;
    default:
      break;
  }
  if (!entry) return std::nullopt;
  return Value::make_object<BoundMethod>(obj, entry->method, entry->name);
}

}  // namespace gazette::templating
