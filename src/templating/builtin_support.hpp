// Helpers shared by the built-in filters, tests and globals (internal to the engine):
// argument conversion with Python's rules and Jinja2's attribute getters (`attribute='a.b.0'`).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "templating/call.hpp"
#include "templating/ops.hpp"
#include "templating/value.hpp"

namespace gazette::templating::builtin {

// MarkupSafe's soft_str: a string as it is (Markup stays Markup), anything else str()'d.
Value soft_str(const Value& v);

// int_arg of a value that is neither none nor an int: a boolean, else the error.
Result<int64_t> int_arg_other(const Value& v, std::string_view what);
// An integer argument (ints and booleans), `fallback` when absent or none.
inline Result<int64_t> int_arg(const Value* v, std::string_view what, int64_t fallback) {
  if (!v || v->is_none()) return fallback;
  if (v->is_int()) return v->as_int();
  return int_arg_other(*v, what);
}
// A boolean argument: Python truthiness, `fallback` when absent.
inline bool bool_arg(const Value* v, bool fallback) {
  return v ? truthy(*v) : fallback;
}
// A string argument (Markup kept), `fallback` when absent or none.
std::optional<Value> str_arg(const Value* v);

// Jinja2's make_attrgetter: `attribute` is a name, a dotted path ("author.name", "tags.0")
// or an integer index; each step is an item lookup (`environment.getitem`). The attribute's
// text must outlive the getter (it is borrowed).
class AttrGetter {
 public:
  AttrGetter() = default;
  // The getter of `attribute` (none or absent: the item itself).
  explicit AttrGetter(const Value* attribute);
  static Result<AttrGetter> make(const Value* attribute) { return AttrGetter(attribute); }
  bool empty() const { return steps_ == 0; }
  // The attribute of `item`; `fallback` (when given) replaces undefined steps.
  Result<Value> get(const Value& item, const Value* fallback = nullptr) const;
  // The attribute of `item` when every step is a dict key that exists: a pointer into `item`
  // (no copy), else nullptr (use get()).
  const Value* find(const Value& item) const;

 private:
  // A step of the path: a key or attribute name (a view of the attribute's text, which must
  // outlive the getter), an index (a part of digits), or the attribute itself when it is not a
  // string (a number, say: its only step).
  struct Part {
    enum class Kind : uint8_t { kName, kIndex, kValue };
    std::string_view name;
    int64_t index = 0;
    Kind kind = Kind::kName;
    // The dict lookup of a name (empty for the others). The items of a sequence are mostly
    // alike: the probe remembers where its key was last found.
    KeyProbe probe;
  };
  const Part& part(size_t i) const { return i == 0 ? first_ : rest_[i - 1]; }
  // A new step at the end of the path, to be filled in.
  Part& add();

  size_t steps_ = 0;
  Part first_;  // most paths have one step: made without allocating
  std::vector<Part> rest_;
  Value value_;  // the attribute of a kValue step
};

// str.lower() of strings, other values unchanged (Jinja2's ignore_case).
Value ignore_case(const Value& v);

// Sorts `items` stably by `keys` (same length), Python's `<` deciding; errors for values that
// do not compare.
Status sort_by_keys(std::vector<Value>& items, std::vector<Value>& keys, bool reverse);

// A one-pass iterator value (what map(), select() and the like return).
inline Value iterator(std::vector<Value> items) {
  return Value::list(std::move(items), ListKind::kIterator);
}

}  // namespace gazette::templating::builtin
