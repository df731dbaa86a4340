#include "templating/builtin_support.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "templating/pyformat.hpp"
#include "templating/pystr.hpp"

namespace gazette::templating::builtin {

Value soft_str(const Value& v) {
  if (v.is_string()) return v;
  if (v.is_object() && v.as_object()->is_safe()) {
    std::string s;
    v.as_object()->str(s);
    return Value::markup(s);
  }
  return Value(to_python_str(v));
}

Result<int64_t> int_arg_other(const Value& v, std::string_view what) {
  if (v.is_bool()) return static_cast<int64_t>(v.as_bool());
  if (v.is_undefined()) return undefined_error(v);
  return failure("'" + std::string(v.type_name()) +
                 "' object cannot be interpreted as an integer (" + std::string(what) + ")");
}

std::optional<Value> str_arg(const Value* v) {
  if (!v || v->is_none()) return std::nullopt;
  return soft_str(*v);
}

AttrGetter::Part& AttrGetter::add() {
  return steps_++ == 0 ? first_ : rest_.emplace_back();
}

AttrGetter::AttrGetter(const Value* attribute) {
  if (!attribute || attribute->is_none()) return;
  if (attribute->is_string()) {
    std::string_view s = attribute->as_string();
    size_t start = 0;
    while (true) {
      size_t end = start;
      bool digits = true;
      while (end < s.size() && s[end] != '.') {
        digits = digits && s[end] >= '0' && s[end] <= '9';
        ++end;
      }
      std::string_view part = s.substr(start, end - start);
      if (digits && !part.empty() && part.size() < 19) {
        int64_t n = 0;
        for (char c : part) n = n * 10 + (c - '0');
        Part& p = add();
        p.name = part;
        p.index = n;
        p.kind = Part::Kind::kIndex;
      } else {
        Part& p = add();
        p.name = part;
        p.probe = KeyProbe(part);
      }
      if (end == s.size()) break;
      start = end + 1;
    }
    return;
  }
  add().kind = Part::Kind::kValue;
  value_ = *attribute;
}

const Value* AttrGetter::find(const Value& item) const {
  const Value* current = &item;
  for (size_t i = 0; i < steps_; ++i) {
    const Part& p = part(i);
    if (!current->is_dict() || p.kind != Part::Kind::kName) return nullptr;
    current = current->find(p.probe);
    if (!current) return nullptr;
  }
  return current;
}

Result<Value> AttrGetter::get(const Value& item, const Value* fallback) const {
  if (const Value* found = find(item)) return *found;
  Value current = item;
  for (size_t i = 0; i < steps_; ++i) {
    const Part& p = part(i);
    auto next = get_item(current, p.kind == Part::Kind::kName    ? Value::borrowed(p.name)
                                  : p.kind == Part::Kind::kIndex ? Value(p.index)
                                                                 : value_);
    if (!next) return next.error();
    current = std::move(*next);
    if (fallback && !fallback->is_none() && current.is_undefined()) current = *fallback;
  }
  return current;
}

Value ignore_case(const Value& v) {
  if (!v.is_string()) return v;
  std::string_view s = v.as_string();
  // Text whose only cased letters are ASCII and none of them upper case is its own lower case
  // (Chinese names and titles, say): the value itself, no copy.
  if (std::none_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
      pystr::only_ascii_is_cased(s))
    return v;
  return Value::string(pystr::lower(s), v.is_safe());
}

Status sort_by_keys(std::vector<Value>& items, std::vector<Value>& keys, bool reverse) {
  std::vector<size_t> order(items.size());
  std::iota(order.begin(), order.end(), 0);
  // Fast paths: keys that are all numbers, or all strings, compare without python_compare.
  bool numbers = true, strings = true;
  for (const Value& k : keys) {
    numbers = numbers && (k.is_int() || k.is_bool() || (k.is_float() && !std::isnan(k.as_float())));
    strings = strings && k.is_string();
  }
  if (numbers || strings) {
    auto less = [&](size_t a, size_t b) {
      const Value& x = keys[reverse ? b : a];
      const Value& y = keys[reverse ? a : b];
      if (strings) return x.as_string() < y.as_string();
      // int64 and double both fit a long double exactly.
      auto num = [](const Value& v) -> long double {
        return v.is_float()  ? static_cast<long double>(v.as_float())
               : v.is_bool() ? static_cast<long double>(v.as_bool())
                             : static_cast<long double>(v.as_int());
      };
      return num(x) < num(y);
    };
    std::stable_sort(order.begin(), order.end(), less);
    std::vector<Value> sorted;
    sorted.reserve(items.size());
    for (size_t i : order) sorted.push_back(std::move(items[i]));
    items = std::move(sorted);
    return {};
  }
  std::optional<Error> error;
  auto less = [&](size_t a, size_t b) {
    if (error) return false;
    const Value& x = keys[reverse ? b : a];
    const Value& y = keys[reverse ? a : b];
    auto r = python_compare(x, y, "<");
    if (!r) {
      error = r.error();
      return false;
    }
    return *r < 0;
  };
  std::stable_sort(order.begin(), order.end(), less);
  if (error) return *error;
  std::vector<Value> sorted;
  sorted.reserve(items.size());
  for (size_t i : order) sorted.push_back(std::move(items[i]));
  items = std::move(sorted);
  return {};
}

}  // namespace gazette::templating::builtin
