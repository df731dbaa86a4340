// What template operators do to values, with Python's semantics as Jinja2 inherits them:
// truthiness, ==, ordering, arithmetic (int/float promotion, floor division and modulo toward
// negative infinity, string and list concatenation and repetition, `%` formatting), `in`,
// len(), iteration, and Jinja2's attribute and item lookup (`a.b` tries the attribute then the
// item, `a['b']` the item then the attribute; a miss is undefined).
#pragma once

#include <compare>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "templating/value.hpp"

namespace gazette::templating {

// truthy()'s out-of-line part: numbers, sequences, dicts and objects.
bool truthy_other(const Value& value);
// bool(value): undefined, none, false, 0, 0.0, '' and empty containers are false; iterators
// and objects are true.
inline bool truthy(const Value& value) {
  switch (value.kind()) {
    case Kind::kUndefined:
    case Kind::kNone:
      return false;
    case Kind::kBool:
      return value.as_bool();
    case Kind::kString:
      return !value.as_string().empty();
    default:
      return truthy_other(value);
  }
}

// value == other.
bool python_equal(const Value& a, const Value& b);
// Key equality for dicts and `in` (the same as ==).
inline bool python_keys_equal(const Value& a, const Value& b) {
  return python_equal(a, b);
}

// Orders two values (numbers with numbers, strings with strings, lists with lists, tuples with
// tuples); NaN is unordered. `op` names the operator in the error for other pairs.
Result<std::partial_ordering> python_compare(const Value& a, const Value& b,
                                             std::string_view op = "<");

enum class BinaryOp { kAdd, kSub, kMul, kDiv, kFloorDiv, kMod, kPow };

// a <op> b. `max_items` bounds the size of repeated lists (and of repeated strings, at 16 bytes
// an item).
Result<Value> binary_op(BinaryOp op, const Value& a, const Value& b, size_t max_items);
// -a and +a.
Result<Value> negate(const Value& a);
Result<Value> unary_plus(const Value& a);

// item in container.
Result<bool> contains(const Value& container, const Value& item);

// len(value); undefined has length 0; iterators and scalars have none (an error).
Result<int64_t> length(const Value& value);

// The items iterating over a value yields: a list's items (borrowed), a dict's keys, a
// string's characters. Undefined yields nothing; scalars are not iterable (an error).
class Items {
 public:
  Items() = default;
  // Items owning `values`.
  static Items from(std::vector<Value> values) {
    Items items;
    items.owned_ = std::move(values);
    items.view_ = items.owned_;
    return items;
  }
  // (A moved vector keeps its buffer: the view stays valid.)
  Items(Items&& other) noexcept
      : keep_(std::move(other.keep_)), owned_(std::move(other.owned_)), view_(other.view_) {
    other.view_ = {};
  }
  Items& operator=(Items&& other) noexcept {
    keep_ = std::move(other.keep_);
    bool owned = other.view_.data() == other.owned_.data() && !other.owned_.empty();
    owned_ = std::move(other.owned_);
    view_ = owned ? std::span<const Value>(owned_) : other.view_;
    other.view_ = {};
    return *this;
  }
  Items(const Items&) = delete;
  Items& operator=(const Items&) = delete;
  std::span<const Value> span() const { return view_; }
  size_t size() const { return view_.size(); }
  const Value& operator[](size_t i) const { return view_[i]; }
  auto begin() const { return view_.begin(); }
  auto end() const { return view_.end(); }
  // The items as a new vector (copies).
  std::vector<Value> to_vector() const { return {view_.begin(), view_.end()}; }

 private:
  friend Result<Items> iterate(const Value& value);
  Value keep_;                // the list whose items are borrowed
  std::vector<Value> owned_;  // materialised items
  std::span<const Value> view_;
};
Result<Items> iterate(const Value& value);

// obj.name: the attribute (a method of str/dict/list, an object's attribute), else obj['name'],
// else undefined. An undefined `obj` is an error.
Result<Value> get_attribute(const Value& obj, std::string_view name);
// obj[key]: the item, else (string keys) the attribute, else undefined.
Result<Value> get_item(const Value& obj, const Value& key);
// obj[start:stop:step] on strings, lists, tuples and ranges (null Values for missing bounds).
Result<Value> get_slice(const Value& obj, const Value* start, const Value* stop, const Value* step);

// The error raised when an undefined value is used.
Error undefined_error(const Value& undefined);

// Python's int(text, base) (white space, underscores and sign allowed; base 0 guesses from a
// 0x/0o/0b prefix); nothing when the text is not an integer.
std::optional<int64_t> parse_python_int(std::string_view text, int base = 10);
// Python's float(text) ("1e3", " 2.5 ", "inf", "nan", "1_000.5"); nothing when invalid.
std::optional<double> parse_python_float(std::string_view text);

}  // namespace gazette::templating
