#include "templating/ops.hpp"

#include <charconv>
#include <cmath>
#include <limits>

#include "templating/call.hpp"
#include "templating/html.hpp"
#include "templating/methods.hpp"
#include "templating/pyformat.hpp"
#include "templating/pystr.hpp"

namespace gazette::templating {

namespace {

bool is_intlike(const Value& v) {
  return v.is_int() || v.is_bool();
}
int64_t int_of(const Value& v) {
  return v.is_bool() ? (v.as_bool() ? 1 : 0) : v.as_int();
}

// Sequences that compare and concatenate as lists (list, and range/views for equality).
bool is_plain_list(const Value& v) {
  return v.is_list() && v.list_kind() == ListKind::kList;
}
bool is_tuple(const Value& v) {
  return v.is_list() && is_tuple_kind(v.list_kind());
}

std::partial_ordering compare_int_float(int64_t i, double f) {
  if (std::isnan(f)) return std::partial_ordering::unordered;
  long double li = static_cast<long double>(i);
  long double lf = static_cast<long double>(f);
  if (li < lf) return std::partial_ordering::less;
  if (li > lf) return std::partial_ordering::greater;
  return std::partial_ordering::equivalent;
}

std::partial_ordering compare_numbers(const Value& a, const Value& b) {
  if (is_intlike(a) && is_intlike(b)) return int_of(a) <=> int_of(b);
  if (is_intlike(a)) return compare_int_float(int_of(a), b.as_float());
  if (is_intlike(b)) return 0 <=> compare_int_float(int_of(b), a.as_float());
  return a.as_float() <=> b.as_float();
}

Error unsupported(std::string_view op, const Value& a, const Value& b) {
  return failure("unsupported operand type(s) for " + std::string(op) + ": '" +
                 std::string(a.type_name()) + "' and '" + std::string(b.type_name()) + "'");
}

std::string_view op_symbol(BinaryOp op) {
  switch (op) {
    case BinaryOp::kAdd:
      return "+";
    case BinaryOp::kSub:
      return "-";
    case BinaryOp::kMul:
      return "*";
    case BinaryOp::kDiv:
      return "/";
    case BinaryOp::kFloorDiv:
      return "//";
    case BinaryOp::kMod:
      return "%";
    case BinaryOp::kPow:
      return "** or pow()";
  }
  return "?";
}

Result<Value> float_op(BinaryOp op, double x, double y) {
  switch (op) {
    case BinaryOp::kAdd:
      return Value(x + y);
    case BinaryOp::kSub:
      return Value(x - y);
    case BinaryOp::kMul:
      return Value(x * y);
    case BinaryOp::kDiv:
      if (y == 0) return failure("float division by zero");
      return Value(x / y);
    case BinaryOp::kFloorDiv:
    case BinaryOp::kMod: {
      if (y == 0)
        return failure(op == BinaryOp::kMod ? "float modulo" : "float floor division by zero");
      double mod = std::fmod(x, y);
      double div = (x - mod) / y;
      if (mod != 0) {
        if ((y < 0) != (mod < 0)) {
          mod += y;
          div -= 1.0;
        }
      } else {
        mod = std::copysign(0.0, y);
      }
      if (op == BinaryOp::kMod) return Value(mod);
      double floordiv;
      if (div != 0) {
        floordiv = std::floor(div);
        if (div - floordiv > 0.5) floordiv += 1.0;
      } else {
        floordiv = std::copysign(0.0, x / y);
      }
      return Value(floordiv);
    }
    case BinaryOp::kPow: {
      if (x == 0 && y < 0) return failure("0.0 cannot be raised to a negative power");
      if (x < 0 && std::floor(y) != y && std::isfinite(y))
        return failure("a negative number raised to a fractional power is a complex number");
      double r = std::pow(x, y);
      if (std::isinf(r) && std::isfinite(x) && std::isfinite(y))
        return failure("numerical result out of range");
      return Value(r);
    }
  }
  return failure("bad operator");
}

Result<Value> int_op(BinaryOp op, int64_t x, int64_t y) {
  int64_t r;
  switch (op) {
    case BinaryOp::kAdd:
      if (__builtin_add_overflow(x, y, &r)) break;
      return Value(r);
    case BinaryOp::kSub:
      if (__builtin_sub_overflow(x, y, &r)) break;
      return Value(r);
    case BinaryOp::kMul:
      if (__builtin_mul_overflow(x, y, &r)) break;
      return Value(r);
    case BinaryOp::kDiv:
      if (y == 0) return failure("division by zero");
      return Value(static_cast<double>(x) / static_cast<double>(y));
    case BinaryOp::kFloorDiv:
    case BinaryOp::kMod: {
      if (y == 0) return failure("integer division or modulo by zero");
      if (x == std::numeric_limits<int64_t>::min() && y == -1) {
        if (op == BinaryOp::kMod) return Value(int64_t{0});
        break;
      }
      int64_t q = x / y, m = x % y;
      if (m != 0 && ((m < 0) != (y < 0))) {
        m += y;
        q -= 1;
      }
      return Value(op == BinaryOp::kMod ? m : q);
    }
    case BinaryOp::kPow: {
      if (y < 0) {
        if (x == 0) return failure("0.0 cannot be raised to a negative power");
        return Value(std::pow(static_cast<double>(x), static_cast<double>(y)));
      }
      int64_t result = 1, base = x;
      bool overflow = false;
      for (int64_t e = y; e > 0; e >>= 1) {
        if (e & 1) overflow |= __builtin_mul_overflow(result, base, &result);
        if (e > 1) overflow |= __builtin_mul_overflow(base, base, &base);
        if (overflow) break;
      }
      if (overflow) break;
      return Value(result);
    }
  }
  return failure("integer overflow: the result does not fit in 64 bits");
}

Result<Value> repeat(const Value& seq, int64_t n, size_t max_items) {
  if (seq.is_string()) {
    // Strings may have 16 bytes for each item a sequence may have (16 MiB by default).
    if (n > 0 && seq.as_string().size() * static_cast<uint64_t>(n) > max_items * 16)
      return failure("string repetition too large");
    return Value::string_like(pystr::repeat(seq.as_string(), n), seq);
  }
  const auto& items = seq.items();
  if (n > 0 && items.size() * static_cast<uint64_t>(n) > max_items)
    return failure("sequence repetition too large");
  std::vector<Value> out;
  for (int64_t i = 0; i < n; ++i) out.insert(out.end(), items.begin(), items.end());
  return Value::list(std::move(out),
                     is_tuple_kind(seq.list_kind()) ? ListKind::kTuple : ListKind::kList);
}

Value concat_strings(const Value& a, const Value& b) {
  if (a.is_safe() == b.is_safe()) {
    std::string s;
    s.reserve(a.as_string().size() + b.as_string().size());
    s += a.as_string();
    s += b.as_string();
    return Value::string(s, a.is_safe());
  }
  std::string s;
  if (a.is_safe()) {
    s += a.as_string();
    escape_html(b.as_string(), s);
  } else {
    escape_html(a.as_string(), s);
    s += b.as_string();
  }
  return Value::markup(s);
}

}  // namespace

bool truthy_other(const Value& v) {
  switch (v.kind()) {
    case Kind::kInt:
      return v.as_int() != 0;
    case Kind::kFloat:
      return v.as_float() != 0.0;
    case Kind::kList:
      return v.list_kind() == ListKind::kIterator || !v.items().empty();
    case Kind::kDict:
      return v.dict_size() != 0;
    case Kind::kObject:
      return true;
    default:
      return truthy(v);  // the kinds truthy() decides itself
  }
}

bool python_equal(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) return compare_numbers(a, b) == 0;
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Kind::kUndefined:
    case Kind::kNone:
      return true;
    case Kind::kString:
      return a.as_string() == b.as_string();
    case Kind::kList: {
      ListKind ka = a.list_kind(), kb = b.list_kind();
      if (ka == ListKind::kIterator || kb == ListKind::kIterator) return &a.items() == &b.items();
      if (is_tuple_kind(ka) && is_tuple_kind(kb)) ka = kb;
      if (ka != kb) return false;
      const auto& x = a.items();
      const auto& y = b.items();
      if (x.size() != y.size()) return false;
      for (size_t i = 0; i < x.size(); ++i) {
        if (!python_equal(x[i], y[i])) return false;
      }
      return true;
    }
    case Kind::kDict: {
      if (a.dict_size() != b.dict_size()) return false;
      for (const auto& [k, v] : a.entries()) {
        const Value* other = b.find_key(k);
        if (!other || !python_equal(v, *other)) return false;
      }
      return true;
    }
    case Kind::kObject:
      return a.as_object() == b.as_object();
    default:
      return false;
  }
}

Result<std::partial_ordering> python_compare(const Value& a, const Value& b, std::string_view op) {
  if (a.is_number() && b.is_number()) return compare_numbers(a, b);
  if (a.is_string() && b.is_string()) {
    int c = a.as_string().compare(b.as_string());
    return c < 0   ? std::partial_ordering::less
           : c > 0 ? std::partial_ordering::greater
                   : std::partial_ordering::equivalent;
  }
  if (a.is_undefined()) return undefined_error(a);
  if (b.is_undefined()) return undefined_error(b);
  if (a.is_list() && b.is_list() &&
      ((is_plain_list(a) && is_plain_list(b)) || (is_tuple(a) && is_tuple(b)))) {
    const auto& x = a.items();
    const auto& y = b.items();
    size_t n = std::min(x.size(), y.size());
    for (size_t i = 0; i < n; ++i) {
      if (python_equal(x[i], y[i])) continue;
      return python_compare(x[i], y[i], op);
    }
    return std::partial_ordering(x.size() <=> y.size());
  }
  return failure("'" + std::string(op) + "' not supported between instances of '" +
                 std::string(a.type_name()) + "' and '" + std::string(b.type_name()) + "'");
}

Error undefined_error(const Value& undefined) {
  return failure(undefined.undefined_message());
}

Result<Value> binary_op(BinaryOp op, const Value& a, const Value& b, size_t max_items) {
  if (a.is_undefined()) return undefined_error(a);
  if (b.is_undefined()) return undefined_error(b);
  if (a.is_number() && b.is_number()) {
    if (is_intlike(a) && is_intlike(b)) return int_op(op, int_of(a), int_of(b));
    return float_op(op, a.to_double(), b.to_double());
  }
  switch (op) {
    case BinaryOp::kAdd:
      if (a.is_string() && b.is_string()) return concat_strings(a, b);
      if ((is_plain_list(a) && is_plain_list(b)) || (is_tuple(a) && is_tuple(b))) {
        if (a.items().size() + b.items().size() > max_items) return failure("sequence too large");
        std::vector<Value> out = a.items();
        out.insert(out.end(), b.items().begin(), b.items().end());
        return Value::list(std::move(out),
                           is_tuple_kind(a.list_kind()) ? ListKind::kTuple : ListKind::kList);
      }
      if (a.is_list() && b.is_list() && is_plain_list(a) != is_plain_list(b) &&
          (is_plain_list(a) || is_tuple(a)))
        return failure("can only concatenate " + std::string(a.type_name()) + " (not \"" +
                       std::string(b.type_name()) + "\") to " + std::string(a.type_name()));
      if (a.is_string() && !b.is_string())
        return failure("can only concatenate str (not \"" + std::string(b.type_name()) +
                       "\") to str");
      break;
    case BinaryOp::kMul:
      if ((a.is_string() || is_plain_list(a) || is_tuple(a)) && is_intlike(b))
        return repeat(a, int_of(b), max_items);
      if ((b.is_string() || is_plain_list(b) || is_tuple(b)) && is_intlike(a))
        return repeat(b, int_of(a), max_items);
      if ((a.is_string() || a.is_list()) && b.is_float())
        return failure("can't multiply sequence by non-int of type 'float'");
      break;
    case BinaryOp::kMod:
      if (a.is_string()) {
        auto text = percent_format(a.as_string(), b, a.is_safe());
        if (!text) return text.error();
        return Value::string(*text, a.is_safe());
      }
      break;
    default:
      break;
  }
  return unsupported(op_symbol(op), a, b);
}

Result<Value> negate(const Value& a) {
  if (a.is_undefined()) return undefined_error(a);
  if (is_intlike(a)) {
    int64_t i = int_of(a);
    if (i == std::numeric_limits<int64_t>::min())
      return failure("integer overflow: the result does not fit in 64 bits");
    return Value(-i);
  }
  if (a.is_float()) return Value(-a.as_float());
  return failure("bad operand type for unary -: '" + std::string(a.type_name()) + "'");
}

Result<Value> unary_plus(const Value& a) {
  if (a.is_undefined()) return undefined_error(a);
  if (is_intlike(a)) return Value(int_of(a));
  if (a.is_float()) return a;
  return failure("bad operand type for unary +: '" + std::string(a.type_name()) + "'");
}

Result<bool> contains(const Value& container, const Value& item) {
  switch (container.kind()) {
    case Kind::kString:
      if (!item.is_string())
        return failure("'in <string>' requires string as left operand, not " +
                       std::string(item.type_name()));
      return container.as_string().find(item.as_string()) != std::string_view::npos;
    case Kind::kList: {
      if (container.list_kind() == ListKind::kDictItems) {
        if (!(item.is_list() && is_tuple_kind(item.list_kind()))) return false;
      }
      for (const Value& v : container.items()) {
        if (python_equal(v, item)) return true;
      }
      return false;
    }
    case Kind::kDict:
      if (item.is_list() && !is_tuple_kind(item.list_kind()))
        return failure("unhashable type: '" + std::string(item.type_name()) + "'");
      if (item.is_dict()) return failure("unhashable type: 'dict'");
      return container.find_key(item) != nullptr;
    case Kind::kUndefined:
      return false;
    default:
      return failure("argument of type '" + std::string(container.type_name()) +
                     "' is not iterable");
  }
}

Result<int64_t> length(const Value& v) {
  switch (v.kind()) {
    case Kind::kUndefined:
      return int64_t{0};
    case Kind::kString:
      return static_cast<int64_t>(pystr::length(v.as_string()));
    case Kind::kList:
      if (v.list_kind() == ListKind::kIterator)
        return failure("object of type 'generator' has no len()");
      return static_cast<int64_t>(v.items().size());
    case Kind::kDict:
      return static_cast<int64_t>(v.dict_size());
    default:
      return failure("object of type '" + std::string(v.type_name()) + "' has no len()");
  }
}

Result<Items> iterate(const Value& v) {
  Items items;
  switch (v.kind()) {
    case Kind::kUndefined:
      return items;
    case Kind::kList:
      items.keep_ = v;
      items.view_ = items.keep_.items();
      return items;
    case Kind::kDict:
      items.owned_.reserve(v.dict_size());
      for (const auto& e : v.entries()) items.owned_.push_back(e.first);
      items.view_ = items.owned_;
      return items;
    case Kind::kString: {
      std::string_view s = v.as_string();
      items.owned_.reserve(s.size());
      for (size_t i = 0; i < s.size();) {
        size_t start = i;
        pystr::next(s, i);
        items.owned_.push_back(Value::string(s.substr(start, i - start)));
      }
      items.view_ = items.owned_;
      return items;
    }
    default:
      return failure("'" + std::string(v.type_name()) + "' object is not iterable");
  }
}

Result<Value> get_attribute(const Value& obj, std::string_view name) {
  switch (obj.kind()) {
    case Kind::kUndefined:
      return undefined_error(obj);
    case Kind::kObject: {
      Value out;
      if (obj.as_object()->get_attr(name, out)) return out;
      return Value::undefined_attribute(obj, name);
    }
    case Kind::kDict: {
      if (auto method = builtin_method(obj, name)) return *method;
      if (const Value* v = obj.find(name)) return *v;
      return Value::undefined_attribute(obj, name);
    }
    default:
      if (obj.is_list() && obj.list_kind() == ListKind::kGroup) {
        if (name == "grouper") return obj.items()[0];
        if (name == "list") return obj.items()[1];
      }
      if (auto method = builtin_method(obj, name)) return *method;
      return Value::undefined_attribute(obj, name);
  }
}

Result<Value> get_item(const Value& obj, const Value& key) {
  switch (obj.kind()) {
    case Kind::kUndefined:
      return undefined_error(obj);
    case Kind::kDict:
      if (const Value* v = obj.find_key(key)) return *v;
      break;
    case Kind::kList:
      if (obj.list_kind() == ListKind::kIterator || obj.list_kind() == ListKind::kDictItems ||
          obj.list_kind() == ListKind::kDictKeys || obj.list_kind() == ListKind::kDictValues)
        break;
      if (is_intlike(key)) {
        const auto& items = obj.items();
        int64_t i = int_of(key);
        int64_t n = static_cast<int64_t>(items.size());
        if (i < 0) i += n;
        if (i >= 0 && i < n) return items[static_cast<size_t>(i)];
        return Value::undefined_element(obj, key);
      }
      break;
    case Kind::kString:
      if (is_intlike(key)) {
        std::string_view s = obj.as_string();
        int64_t i = int_of(key);
        int64_t n = pystr::is_ascii(s) ? static_cast<int64_t>(s.size())
                                       : static_cast<int64_t>(pystr::length(s));
        if (i < 0) i += n;
        if (i >= 0 && i < n) {
          size_t start = pystr::offset_of(s, static_cast<size_t>(i));
          size_t end = start;
          pystr::next(s, end);
          return Value::string(s.substr(start, end - start), obj.is_safe());
        }
        return Value::undefined_element(obj, key);
      }
      break;
    default:
      break;
  }
  if (key.is_string()) return get_attribute(obj, key.as_string());
  return Value::undefined_element(obj, key);
}

namespace {

Result<std::optional<int64_t>> slice_index(const Value* v) {
  if (!v || v->is_none()) return std::optional<int64_t>();
  if (is_intlike(*v)) return std::optional<int64_t>(int_of(*v));
  if (v->is_undefined()) return undefined_error(*v);
  return failure("slice indices must be integers or None or have an __index__ method");
}

}  // namespace

Result<Value> get_slice(const Value& obj, const Value* start_v, const Value* stop_v,
                        const Value* step_v) {
  if (obj.is_undefined()) return undefined_error(obj);
  auto start = slice_index(start_v);
  if (!start) return start.error();
  auto stop = slice_index(stop_v);
  if (!stop) return stop.error();
  auto step = slice_index(step_v);
  if (!step) return step.error();
  if (*step && **step == 0) return failure("slice step cannot be zero");
  if (obj.is_string()) {
    if (!*step || **step == 1) {
      size_t from, to;
      pystr::slice_bytes(obj.as_string(), *start, *stop, from, to);
      return Value::substring(obj, from, to);
    }
    return Value::string(pystr::slice(obj.as_string(), *start, *stop, *step), obj.is_safe());
  }
  if (obj.is_list() && (obj.list_kind() == ListKind::kList || is_tuple_kind(obj.list_kind()) ||
                        obj.list_kind() == ListKind::kRange)) {
    const auto& items = obj.items();
    int64_t n = static_cast<int64_t>(items.size());
    int64_t st = step->value_or(1);
    int64_t lo, hi;
    auto adjust = [&](std::optional<int64_t> in, bool is_start) {
      if (!in) return is_start ? (st < 0 ? n - 1 : 0) : (st < 0 ? -1 : n);
      int64_t x = *in;
      if (x < 0) {
        x += n;
        if (x < 0) x = st < 0 ? -1 : 0;
      } else if (x >= n) {
        x = st < 0 ? n - 1 : n;
      }
      return x;
    };
    lo = adjust(*start, true);
    hi = adjust(*stop, false);
    std::vector<Value> out;
    for (int64_t i = lo; st > 0 ? i < hi : i > hi; i += st)
      out.push_back(items[static_cast<size_t>(i)]);
    if (obj.list_kind() == ListKind::kRange) {
      int64_t rs = obj.range_start(), rstep = obj.range_step();
      int64_t new_start = rs + lo * rstep;
      int64_t new_step = rstep * st;
      int64_t count = static_cast<int64_t>(out.size());
      int64_t new_stop = rs + hi * rstep;
      if (count == 0) new_stop = new_start;
      Value r = Value::range(new_start, new_stop, new_step);
      (void)count;
      return r;
    }
    return Value::list(std::move(out),
                       obj.list_kind() == ListKind::kList ? ListKind::kList : ListKind::kTuple);
  }
  if (obj.is_dict()) return failure("unhashable type: 'slice'");
  return failure("'" + std::string(obj.type_name()) + "' object is not subscriptable");
}

std::optional<int64_t> parse_python_int(std::string_view text, int base) {
  std::string_view s = pystr::strip(text);
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  auto has_prefix = [&](char c) {
    return s.size() >= 2 && s[0] == '0' && (s[1] == c || s[1] == c - 32);
  };
  if (base == 0) {
    if (has_prefix('x'))
      base = 16;
    else if (has_prefix('o'))
      base = 8;
    else if (has_prefix('b'))
      base = 2;
    else
      base = 10;
    if (base != 10)
      s.remove_prefix(2);
    else if (s.size() > 1 && s[0] == '0' && s.find_first_not_of("0_") != std::string_view::npos)
      return std::nullopt;  // "010" is not an int literal
    if (!s.empty() && s[0] == '_') s.remove_prefix(1);
  } else if ((base == 16 && has_prefix('x')) || (base == 8 && has_prefix('o')) ||
             (base == 2 && has_prefix('b'))) {
    s.remove_prefix(2);
    if (!s.empty() && s[0] == '_') s.remove_prefix(1);
  }
  if (base < 2 || base > 36 || s.empty()) return std::nullopt;
  uint64_t value = 0;
  bool last_underscore = true;  // no leading underscore
  for (char c : s) {
    if (c == '_') {
      if (last_underscore) return std::nullopt;
      last_underscore = true;
      continue;
    }
    int d;
    if (c >= '0' && c <= '9')
      d = c - '0';
    else if (c >= 'a' && c <= 'z')
      d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'Z')
      d = c - 'A' + 10;
    else
      return std::nullopt;
    if (d >= base) return std::nullopt;
    if (value > (std::numeric_limits<uint64_t>::max() - static_cast<uint64_t>(d)) /
                    static_cast<uint64_t>(base))
      return std::nullopt;
    value = value * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
    last_underscore = false;
  }
  if (last_underscore) return std::nullopt;
  if (negative) {
    if (value > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) + 1) return std::nullopt;
    return static_cast<int64_t>(0 - value);
  }
  if (value > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) return std::nullopt;
  return static_cast<int64_t>(value);
}

std::optional<double> parse_python_float(std::string_view text) {
  std::string_view s = pystr::strip(text);
  if (s.empty()) return std::nullopt;
  std::string clean;
  bool negative = false;
  if (s[0] == '+' || s[0] == '-') {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  std::string lower = pystr::lower(s);
  if (lower == "inf" || lower == "infinity") return negative ? -HUGE_VAL : HUGE_VAL;
  if (lower == "nan") return negative ? -std::nan("") : std::nan("");
  // Digits with single underscores between digits, optional fraction and exponent.
  char prev = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '_') {
      if (!(prev >= '0' && prev <= '9') || i + 1 >= s.size() ||
          !(s[i + 1] >= '0' && s[i + 1] <= '9'))
        return std::nullopt;
    } else if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' ||
                 c == '-')) {
      return std::nullopt;
    } else {
      clean += c;
    }
    prev = c;
  }
  double value = 0;
  auto r = std::from_chars(clean.data(), clean.data() + clean.size(), value);
  if (r.ec == std::errc::result_out_of_range) {
    // Overflow reads as infinity, underflow as zero (Python's behaviour).
    bool big = clean.find_first_of("eE") == std::string::npos ||
               clean[clean.find_first_of("eE") + 1] != '-';
    value = big ? HUGE_VAL : 0.0;
  } else if (r.ec != std::errc() || r.ptr != clean.data() + clean.size()) {
    return std::nullopt;
  }
  // from_chars accepts "1." and ".5" and "1e5" as Python does; it rejects a leading '+'.
  return negative ? -value : value;
}

}  // namespace gazette::templating
