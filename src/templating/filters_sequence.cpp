// Sequence and dict filters: attr batch default/d dictsort first groupby items join last
// length/count list map max min reject rejectattr reverse select selectattr slice sort sum
// unique.
#include <array>
#include <unordered_set>

#include "templating/builtin_support.hpp"
#include "templating/builtins.hpp"
#include "templating/environment.hpp"
#include "templating/html.hpp"
#include "templating/methods.hpp"
#include "templating/pyformat.hpp"
#include "templating/pystr.hpp"
#include "templating/small_vector.hpp"

namespace gazette::templating {

namespace {

using builtin::AttrGetter;
using builtin::iterator;
using builtin::soft_str;

template <size_t N>
using Bound = std::array<const Value*, N>;

Result<std::vector<Value>> items_of(const Value& v) {
  auto items = iterate(v);
  if (!items) return items.error();
  return items->to_vector();
}

Result<Value> filter_default(CallContext&, const Value& input, const Args& args) {
  Bound<2> a{};
  static constexpr Params kParams("default", {"default_value", "boolean"});
  if (auto s = kParams.bind(args, a); !s) return s.error();
  bool boolean = builtin::bool_arg(a[1], false);
  if (input.is_undefined() || (boolean && !truthy(input))) return a[0] ? *a[0] : Value("");
  return input;
}

Result<Value> filter_length(CallContext&, const Value& input, const Args& args) {
  static constexpr Params kParams("length", {});
  if (auto s = kParams.bind(args, {}); !s) return s.error();
  auto n = length(input);
  if (!n) return n.error();
  return Value(*n);
}

Result<Value> filter_list(CallContext&, const Value& input, const Args& args) {
  static constexpr Params kParams("list", {});
  if (auto s = kParams.bind(args, {}); !s) return s.error();
  auto items = items_of(input);
  if (!items) return items.error();
  return Value::list(std::move(*items));
}

Result<Value> filter_first(CallContext&, const Value& input, const Args& args) {
  static constexpr Params kParams("first", {});
  if (auto s = kParams.bind(args, {}); !s) return s.error();
  auto items = iterate(input);
  if (!items) return items.error();
  if (items->size() == 0) return Value::undefined_message("No first item, sequence was empty.");
  return (*items)[0];
}

Result<Value> filter_last(CallContext&, const Value& input, const Args& args) {
  static constexpr Params kParams("last", {});
  if (auto s = kParams.bind(args, {}); !s) return s.error();
  if (input.is_list() && input.list_kind() == ListKind::kIterator)
    return failure("'generator' object is not reversible");
  auto items = iterate(input);
  if (!items) return items.error();
  if (items->size() == 0) return Value::undefined_message("No last item, sequence was empty.");
  return (*items)[items->size() - 1];
}

Result<Value> filter_reverse(CallContext&, const Value& input, const Args& args) {
  static constexpr Params kParams("reverse", {});
  if (auto s = kParams.bind(args, {}); !s) return s.error();
  if (input.is_string()) {
    std::u32string cps = pystr::decode(input.as_string());
    std::reverse(cps.begin(), cps.end());
    return Value::string(pystr::encode(cps), input.is_safe());
  }
  auto items = items_of(input);
  if (!items) return failure("argument must be iterable");
  std::reverse(items->begin(), items->end());
  bool reversible = !(input.is_list() && input.list_kind() == ListKind::kIterator);
  return Value::list(std::move(*items), reversible ? ListKind::kIterator : ListKind::kList);
}

Result<Value> filter_join(CallContext& cx, const Value& input, const Args& args) {
  Bound<2> a{};
  static constexpr Params kParams("join", {"d", "attribute"});
  if (auto s = kParams.bind(args, a); !s) return s.error();
  auto sequence = iterate(input);
  if (!sequence) return sequence.error();
  // The items (or their attribute), borrowed where possible.
  SmallVector<const Value*, 16> items;
  std::vector<Value> computed;
  if (a[1] && !a[1]->is_none()) {
    AttrGetter getter(a[1]);
    for (const Value& item : *sequence) {
      if (const Value* found = getter.find(item)) {
        items.push_back(found);
        continue;
      }
      if (computed.empty()) computed.reserve(sequence->size());  // pointers into it stay valid
      auto v = getter.get(item);
      if (!v) return v.error();
      computed.push_back(std::move(*v));
      items.push_back(&computed.back());
    }
  } else {
    for (const Value& item : *sequence) items.push_back(&item);
  }
  Value d = a[0] ? *a[0] : Value("");
  auto is_markup = [](const Value& v) {
    return v.is_safe() || (v.is_object() && v.as_object()->is_safe());
  };
  bool markup = false;
  if (cx.autoescape()) {
    markup = is_markup(d);
    for (const Value* item : items.span()) markup = markup || is_markup(*item);
  }
  size_t estimate = 0;
  bool strings = d.is_string();
  for (const Value* item : items.span()) {
    strings = strings && item->is_string();
    estimate += (item->is_string() ? item->as_string().size() : 8) +
                (d.is_string() ? d.as_string().size() : 2);
  }
  StringBuilder out(markup ? estimate + estimate / 4 : estimate);
  bool escape_free = d.escapes_to_itself();
  if (strings && !markup) {
    // Strings, nothing to escape (the common case): their bytes, one after the other.
    for (size_t i = 0; i < items.size(); ++i) {
      if (i) out.append(d.as_string());
      out.append(items[i]->as_string());
      escape_free = escape_free && items[i]->escapes_to_itself();
    }
    return out.build(false, escape_free);
  }
  std::string scratch;
  auto add = [&](const Value& v, bool escaping) {
    scratch.clear();
    std::string_view text;
    if (v.is_string()) {
      text = v.as_string();
    } else if (v.is_object() && v.as_object()->is_safe()) {
      v.as_object()->str(scratch);
      text = scratch;
    } else {
      python_str(v, scratch);
      text = scratch;
    }
    if (escaping && !is_markup(v)) {
      std::string escaped;
      escape_html(text, escaped);
      out.append(escaped);
    } else {
      out.append(text);
    }
  };
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) add(d, markup);
    add(*items[i], markup);
    escape_free = escape_free && items[i]->escapes_to_itself();
  }
  return out.build(markup, escape_free);
}

Result<Value> filter_attr(CallContext&, const Value& input, const Args& args) {
  Bound<1> a{};
  static constexpr Params kParams("attr", {"name"}, 1);
  if (auto s = kParams.bind(args, a); !s) return s.error();
  if (input.is_undefined()) return undefined_error(input);
  std::string name = to_python_str(*a[0]);
  Value out;
  if (input.is_object()) {
    if (input.as_object()->get_attr(name, out)) return out;
    return Value::undefined_attribute(input, name);
  }
  if (auto method = builtin_method(input, name)) return *method;
  return Value::undefined_attribute(input, name);
}

Result<Value> filter_batch(CallContext& cx, const Value& input, const Args& args) {
  Bound<2> a{};
  static constexpr Params kParams("batch", {"linecount", "fill_with"}, 1);
  if (auto s = kParams.bind(args, a); !s) return s.error();
  auto count = builtin::int_arg(a[0], "linecount", 1);
  if (!count) return count.error();
  auto items = items_of(input);
  if (!items) return items.error();
  std::vector<Value> out;
  std::vector<Value> tmp;
  for (Value& item : *items) {
    if (static_cast<int64_t>(tmp.size()) == *count) {
      out.push_back(Value::list(std::move(tmp)));
      tmp.clear();
    }
    tmp.push_back(std::move(item));
  }
  if (!tmp.empty()) {
    if (a[1] && !a[1]->is_none() && static_cast<int64_t>(tmp.size()) < *count) {
      if (static_cast<size_t>(*count) > cx.max_items()) return failure("batch size too large");
      while (static_cast<int64_t>(tmp.size()) < *count) tmp.push_back(*a[1]);
    }
    out.push_back(Value::list(std::move(tmp)));
  }
  return iterator(std::move(out));
}

Result<Value> filter_slice(CallContext& cx, const Value& input, const Args& args) {
  Bound<2> a{};
  static constexpr Params kParams("slice", {"slices", "fill_with"}, 1);
  if (auto s = kParams.bind(args, a); !s) return s.error();
  auto slices = builtin::int_arg(a[0], "slices", 1);
  if (!slices) return slices.error();
  if (*slices == 0) return failure("integer division or modulo by zero");
  if (*slices < 0 || static_cast<size_t>(*slices) > cx.max_items())
    return failure("invalid number of slices");
  auto seq = items_of(input);
  if (!seq) return seq.error();
  int64_t length = static_cast<int64_t>(seq->size());
  int64_t per = length / *slices;
  int64_t extra = length % *slices;
  int64_t offset = 0;
  std::vector<Value> out;
  for (int64_t n = 0; n < *slices; ++n) {
    int64_t start = offset + n * per;
    if (n < extra) ++offset;
    int64_t end = offset + (n + 1) * per;
    std::vector<Value> part(seq->begin() + start, seq->begin() + end);
    if (a[1] && !a[1]->is_none() && n >= extra) part.push_back(*a[1]);
    out.push_back(Value::list(std::move(part)));
  }
  return iterator(std::move(out));
}

Result<Value> filter_dictsort(CallContext&, const Value& input, const Args& args) {
  Bound<3> a{};
  static constexpr Params kParams("dictsort", {"case_sensitive", "by", "reverse"});
  if (auto s = kParams.bind(args, a); !s) return s.error();
  bool case_sensitive = builtin::bool_arg(a[0], false);
  std::string by = a[1] ? to_python_str(*a[1]) : "key";
  bool reverse = builtin::bool_arg(a[2], false);
  size_t pos;
  if (by == "key")
    pos = 0;
  else if (by == "value")
    pos = 1;
  else
    return failure("You can only sort by either \"key\" or \"value\"");
  if (input.is_undefined()) return undefined_error(input);
  if (!input.is_dict())
    return failure("'" + std::string(input.type_name()) + "' object has no attribute 'items'");
  std::vector<Value> items, keys;
  for (const auto& [k, v] : input.entries()) {
    items.push_back(Value::tuple({k, v}));
    const Value& key = pos == 0 ? k : v;
    keys.push_back(case_sensitive ? key : builtin::ignore_case(key));
  }
  if (Status s = builtin::sort_by_keys(items, keys, reverse); !s) return s.error();
  return Value::list(std::move(items));
}

// A sort key for sort/min/max/unique: the attribute(s), lower-cased unless case-sensitive.
Result<Value> key_of(const Value& item, const std::vector<AttrGetter>& getters, bool case_sensitive,
                     bool multi) {
  auto one = [&](const AttrGetter& g) -> Result<Value> {
    if (const Value* found = g.find(item)) {
      return case_sensitive || !found->is_string() ? *found : builtin::ignore_case(*found);
    }
    auto v = g.get(item);
    if (!v) return v.error();
    return case_sensitive ? *v : builtin::ignore_case(*v);
  };
  if (!multi) return one(getters[0]);
  std::vector<Value> parts;
  for (const AttrGetter& g : getters) {
    auto v = one(g);
    if (!v) return v.error();
    parts.push_back(std::move(*v));
  }
  return Value::list(std::move(parts));
}

Result<Value> filter_sort(CallContext&, const Value& input, const Args& args) {
  Bound<3> a{};
  static constexpr Params kParams("sort", {"reverse", "case_sensitive", "attribute"});
  if (auto s = kParams.bind(args, a); !s) return s.error();
  bool reverse = builtin::bool_arg(a[0], false);
  bool case_sensitive = builtin::bool_arg(a[1], false);
  std::vector<AttrGetter> getters;
  std::vector<std::string> parts;  // the getters borrow these
  if (a[2] && a[2]->is_string()) {
    parts = pystr::split(a[2]->as_string(), std::string_view(","));
    for (const std::string& part : parts) {
      Value p = Value::borrowed(part);
      auto g = AttrGetter::make(&p);
      if (!g) return g.error();
      getters.push_back(std::move(*g));
    }
  } else {
    auto g = AttrGetter::make(a[2]);
    if (!g) return g.error();
    getters.push_back(std::move(*g));
  }
  auto items = items_of(input);
  if (!items) return items.error();
  std::vector<Value> keys;
  keys.reserve(items->size());
  for (const Value& item : *items) {
    auto k = key_of(item, getters, case_sensitive, getters.size() > 1);
    if (!k) return k.error();
    keys.push_back(std::move(*k));
  }
  if (Status s = builtin::sort_by_keys(*items, keys, reverse); !s) return s.error();
  return Value::list(std::move(*items));
}

Result<Value> min_or_max(const Value& input, const Args& args, bool want_max) {
  Bound<2> a{};
  static constexpr Params kMax("max", {"case_sensitive", "attribute"});
  static constexpr Params kMin("min", {"case_sensitive", "attribute"});
  if (auto s = (want_max ? kMax : kMin).bind(args, a); !s) return s.error();
  bool case_sensitive = builtin::bool_arg(a[0], false);
  AttrGetter getter(a[1]);
  std::vector<AttrGetter> getters;
  getters.push_back(std::move(getter));
  auto items = items_of(input);
  if (!items) return items.error();
  if (items->empty()) return Value::undefined_message("No aggregated item, sequence was empty.");
  size_t best = 0;
  auto best_key = key_of((*items)[0], getters, case_sensitive, false);
  if (!best_key) return best_key.error();
  for (size_t i = 1; i < items->size(); ++i) {
    auto k = key_of((*items)[i], getters, case_sensitive, false);
    if (!k) return k.error();
    auto c = python_compare(*k, *best_key, want_max ? ">" : "<");
    if (!c) return c.error();
    if (want_max ? *c > 0 : *c < 0) {
      best = i;
      best_key = std::move(k);
    }
  }
  return (*items)[best];
}

Result<Value> filter_min(CallContext&, const Value& input, const Args& args) {
  return min_or_max(input, args, false);
}
Result<Value> filter_max(CallContext&, const Value& input, const Args& args) {
  return min_or_max(input, args, true);
}

bool hashable(const Value& v) {
  if (v.is_dict()) return false;
  if (v.is_list()) {
    if (!is_tuple_kind(v.list_kind())) return false;
    for (const Value& item : v.items()) {
      if (!hashable(item)) return false;
    }
  }
  return true;
}

Result<Value> filter_unique(CallContext&, const Value& input, const Args& args) {
  Bound<2> a{};
  static constexpr Params kParams("unique", {"case_sensitive", "attribute"});
  if (auto s = kParams.bind(args, a); !s) return s.error();
  bool case_sensitive = builtin::bool_arg(a[0], false);
  AttrGetter getter(a[1]);
  std::vector<AttrGetter> getters;
  getters.push_back(std::move(getter));
  auto items = items_of(input);
  if (!items) return items.error();
  std::vector<Value> out;
  std::unordered_set<std::string> seen_strings;
  std::vector<Value> seen_other;
  for (Value& item : *items) {
    auto k = key_of(item, getters, case_sensitive, false);
    if (!k) return k.error();
    if (!hashable(*k)) return failure("unhashable type: '" + std::string(k->type_name()) + "'");
    bool seen;
    if (k->is_string()) {
      seen = !seen_strings.insert(std::string(k->as_string())).second;
    } else {
      seen = false;
      for (const Value& s : seen_other) seen = seen || python_equal(s, *k);
      if (!seen) seen_other.push_back(*k);
    }
    if (!seen) out.push_back(std::move(item));
  }
  return iterator(std::move(out));
}

Result<Value> filter_sum(CallContext& cx, const Value& input, const Args& args) {
  Bound<2> a{};
  static constexpr Params kParams("sum", {"attribute", "start"});
  if (auto s = kParams.bind(args, a); !s) return s.error();
  auto items = items_of(input);
  if (!items) return items.error();
  Value total = a[1] ? *a[1] : Value(int64_t{0});
  if (total.is_string()) return failure("sum() can't sum strings [use ''.join(seq) instead]");
  AttrGetter getter(a[0]);
  for (const Value& item : *items) {
    Value v = item;
    if (!getter.empty()) {
      auto got = getter.get(item);
      if (!got) return got.error();
      v = std::move(*got);
    }
    auto r = binary_op(BinaryOp::kAdd, total, v, cx.max_items());
    if (!r) return r.error();
    total = std::move(*r);
  }
  return total;
}

Result<Value> filter_items(CallContext&, const Value& input, const Args& args) {
  static constexpr Params kParams("items", {});
  if (auto s = kParams.bind(args, {}); !s) return s.error();
  if (input.is_undefined()) return iterator({});
  if (!input.is_dict()) return failure("Can only get item pairs from a mapping.");
  std::vector<Value> out;
  for (const auto& [k, v] : input.entries()) out.push_back(Value::tuple({k, v}));
  return iterator(std::move(out));
}

Result<Value> filter_groupby(CallContext&, const Value& input, const Args& args) {
  Bound<3> a{};
  static constexpr Params kParams("groupby", {"attribute", "default", "case_sensitive"}, 1);
  if (auto s = kParams.bind(args, a); !s) return s.error();
  bool case_sensitive = builtin::bool_arg(a[2], false);
  AttrGetter getter(a[0]);
  const Value* fallback = a[1];
  auto items = items_of(input);
  if (!items) return items.error();
  std::vector<Value> keys;
  for (const Value& item : *items) {
    auto k = getter.get(item, fallback);
    if (!k) return k.error();
    keys.push_back(case_sensitive ? *k : builtin::ignore_case(*k));
  }
  std::vector<Value> sorted_keys = keys;
  std::vector<size_t> index(items->size());
  for (size_t i = 0; i < index.size(); ++i) index[i] = i;
  std::vector<Value> index_values;
  for (size_t i : index) index_values.push_back(Value(static_cast<int64_t>(i)));
  if (Status s = builtin::sort_by_keys(index_values, sorted_keys, false); !s) return s.error();
  std::vector<Value> groups;
  size_t i = 0;
  while (i < index_values.size()) {
    size_t first = static_cast<size_t>(index_values[i].as_int());
    const Value& key = keys[first];
    std::vector<Value> members;
    size_t j = i;
    while (j < index_values.size() &&
           python_equal(keys[static_cast<size_t>(index_values[j].as_int())], key)) {
      members.push_back((*items)[static_cast<size_t>(index_values[j].as_int())]);
      ++j;
    }
    Value grouper = key;
    if (!case_sensitive) {
      auto original = getter.get(members[0], fallback);
      if (!original) return original.error();
      grouper = *original;
    }
    groups.push_back(Value::list({grouper, Value::list(std::move(members))}, ListKind::kGroup));
    i = j;
  }
  return Value::list(std::move(groups));
}

// map / select / reject / selectattr / rejectattr

Result<Value> filter_map(CallContext& cx, const Value& input, const Args& args) {
  if (!truthy(input)) return iterator({});
  auto items = items_of(input);
  if (!items) return items.error();
  std::vector<Value> out;
  out.reserve(items->size());
  if (args.positional.empty() && args.keyword("attribute")) {
    const Value* fallback = args.keyword("default");
    for (const Kwarg& k : args.keywords) {
      if (k.name != "attribute" && k.name != "default")
        return failure("Unexpected keyword argument '" + std::string(k.name) + "'");
    }
    AttrGetter getter(args.keyword("attribute"));
    for (const Value& item : *items) {
      auto v = getter.get(item, fallback);
      if (!v) return v.error();
      out.push_back(std::move(*v));
    }
    return iterator(std::move(out));
  }
  if (args.positional.empty()) return failure("map requires a filter argument");
  std::string name = to_python_str(args.positional[0]);
  Args rest{args.positional.subspan(1), args.keywords};
  for (const Value& item : *items) {
    auto v = cx.call_filter(name, item, rest);
    if (!v) return v.error();
    out.push_back(std::move(*v));
  }
  return iterator(std::move(out));
}

Result<Value> select_or_reject(CallContext& cx, const Value& input, const Args& args, bool select,
                               bool lookup_attr) {
  if (!truthy(input)) return iterator({});
  auto items = items_of(input);
  if (!items) return items.error();
  size_t off = 0;
  AttrGetter getter;
  if (lookup_attr) {
    if (args.positional.empty()) return failure("Missing parameter for attribute name");
    auto g = AttrGetter::make(&args.positional[0]);
    if (!g) return g.error();
    getter = std::move(*g);
    off = 1;
  }
  std::optional<std::string> test;
  Args rest;
  if (args.positional.size() > off) {
    test = to_python_str(args.positional[off]);
    rest = Args{args.positional.subspan(off + 1), args.keywords};
  }
  std::vector<Value> out;
  for (const Value& item : *items) {
    Value v = item;
    if (lookup_attr) {
      auto got = getter.get(item);
      if (!got) return got.error();
      v = std::move(*got);
    }
    bool pass;
    if (test) {
      auto r = cx.call_test(*test, v, rest);
      if (!r) return r.error();
      pass = *r;
    } else {
      if (v.is_undefined() && cx.strict_undefined()) return undefined_error(v);
      pass = truthy(v);
    }
    if (pass == select) out.push_back(item);
  }
  return iterator(std::move(out));
}

Result<Value> filter_select(CallContext& cx, const Value& input, const Args& args) {
  return select_or_reject(cx, input, args, true, false);
}
Result<Value> filter_reject(CallContext& cx, const Value& input, const Args& args) {
  return select_or_reject(cx, input, args, false, false);
}
Result<Value> filter_selectattr(CallContext& cx, const Value& input, const Args& args) {
  return select_or_reject(cx, input, args, true, true);
}
Result<Value> filter_rejectattr(CallContext& cx, const Value& input, const Args& args) {
  return select_or_reject(cx, input, args, false, true);
}

}  // namespace

void add_sequence_filters(Environment& env) {
  env.add_filter("attr", filter_attr);
  env.add_filter("batch", filter_batch);
  env.add_filter("count", filter_length);
  env.add_filter("d", filter_default, true);
  env.add_filter("default", filter_default, true);
  env.add_filter("dictsort", filter_dictsort);
  env.add_filter("first", filter_first);
  env.add_filter("groupby", filter_groupby);
  env.add_filter("items", filter_items, true);
  env.add_filter("join", filter_join);
  env.add_filter("last", filter_last);
  env.add_filter("length", filter_length);
  env.add_filter("list", filter_list);
  env.add_filter("map", filter_map);
  env.add_filter("max", filter_max);
  env.add_filter("min", filter_min);
  env.add_filter("reject", filter_reject);
  env.add_filter("rejectattr", filter_rejectattr);
  env.add_filter("reverse", filter_reverse);
  env.add_filter("select", filter_select);
  env.add_filter("selectattr", filter_selectattr);
  env.add_filter("slice", filter_slice);
  env.add_filter("sort", filter_sort);
  env.add_filter("sum", filter_sum);
  env.add_filter("unique", filter_unique);
}

}  // namespace gazette::templating
