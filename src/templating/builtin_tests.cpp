// Jinja2's tests: defined undefined none boolean true false number integer float string mapping
// iterable sequence callable odd even divisibleby eq/ne/lt/le/gt/ge (and their aliases) in
// sameas lower upper escaped filter test.
#include <array>

#include "templating/builtin_support.hpp"
#include "templating/builtins.hpp"
#include "templating/environment.hpp"
#include "templating/pyformat.hpp"
#include "templating/pystr.hpp"

namespace gazette::templating {

namespace {

template <size_t N>
using Bound = std::array<const Value*, N>;

// A test of the input alone.
template <bool (*F)(const Value&)>
Result<bool> unary(CallContext&, const Value& input, const Args& args) {
  static constexpr Params kParams("test", {});
  if (auto s = kParams.bind(args, {}); !s) return s.error();
  return F(input);
}

bool is_defined(const Value& v) {
  return !v.is_undefined();
}
bool is_undefined(const Value& v) {
  return v.is_undefined();
}
bool is_none(const Value& v) {
  return v.is_none();
}
bool is_boolean(const Value& v) {
  return v.is_bool();
}
bool is_true(const Value& v) {
  return v.is_bool() && v.as_bool();
}
bool is_false(const Value& v) {
  return v.is_bool() && !v.as_bool();
}
bool is_number(const Value& v) {
  return v.is_number();
}
bool is_integer(const Value& v) {
  return v.is_int();
}
bool is_float(const Value& v) {
  return v.is_float();
}
bool is_string(const Value& v) {
  return v.is_string();
}
bool is_mapping(const Value& v) {
  return v.is_dict();
}
bool is_escaped(const Value& v) {
  return v.is_safe() || (v.is_object() && v.as_object()->is_safe());
}
bool is_callable(const Value& v) {
  return v.is_undefined() || (v.is_object() && v.as_object()->is_callable());
}

Result<bool> test_sequence(CallContext& cx, const Value& v, const Args& args) {
  static constexpr Params kParams("sequence", {});
  if (auto s = kParams.bind(args, {}); !s) return s.error();
  if (v.is_undefined()) return !cx.strict_undefined();
  if (v.is_string() || v.is_dict()) return true;
  if (v.is_list()) {
    ListKind k = v.list_kind();
    return k == ListKind::kList || is_tuple_kind(k) || k == ListKind::kRange;
  }
  return false;
}

Result<bool> test_iterable(CallContext&, const Value& v, const Args& args) {
  static constexpr Params kParams("iterable", {});
  if (auto s = kParams.bind(args, {}); !s) return s.error();
  if (v.is_object()) return v.type_name() == "LoopContext";
  return v.is_undefined() || v.is_string() || v.is_list() || v.is_dict();
}

Result<bool> modulo_equals(const Value& v, const Value& divisor, int64_t expected,
                           size_t max_items) {
  auto m = binary_op(BinaryOp::kMod, v, divisor, max_items);
  if (!m) return m.error();
  return python_equal(*m, Value(expected));
}

Result<bool> test_odd(CallContext& cx, const Value& v, const Args& args) {
  static constexpr Params kParams("odd", {});
  if (auto s = kParams.bind(args, {}); !s) return s.error();
  return modulo_equals(v, Value(int64_t{2}), 1, cx.max_items());
}

Result<bool> test_even(CallContext& cx, const Value& v, const Args& args) {
  static constexpr Params kParams("even", {});
  if (auto s = kParams.bind(args, {}); !s) return s.error();
  return modulo_equals(v, Value(int64_t{2}), 0, cx.max_items());
}

Result<bool> test_divisibleby(CallContext& cx, const Value& v, const Args& args) {
  Bound<1> a{};
  static constexpr Params kParams("divisibleby", {"num"}, 1);
  if (auto s = kParams.bind(args, a); !s) return s.error();
  return modulo_equals(v, *a[0], 0, cx.max_items());
}

enum class Cmp { kEq, kNe, kLt, kLe, kGt, kGe };

template <Cmp C>
Result<bool> compare_test(CallContext& cx, const Value& v, const Args& args) {
  Bound<1> a{};
  static constexpr Params kParams("compare", {"other"}, 1);
  if (auto s = kParams.bind(args, a); !s) return s.error();
  const Value& other = *a[0];
  if (C == Cmp::kEq || C == Cmp::kNe) {
    if (cx.strict_undefined() && other.is_undefined()) return undefined_error(other);
    return python_equal(v, other) == (C == Cmp::kEq);
  }
  std::string_view sym = C == Cmp::kLt ? "<" : C == Cmp::kLe ? "<=" : C == Cmp::kGt ? ">" : ">=";
  auto r = python_compare(v, other, sym);
  if (!r) return r.error();
  switch (C) {
    case Cmp::kLt:
      return *r < 0;
    case Cmp::kLe:
      return *r <= 0;
    case Cmp::kGt:
      return *r > 0;
    default:
      return *r >= 0;
  }
}

Result<bool> test_in(CallContext& cx, const Value& v, const Args& args) {
  Bound<1> a{};
  static constexpr Params kParams("in", {"seq"}, 1);
  if (auto s = kParams.bind(args, a); !s) return s.error();
  if (cx.strict_undefined() && a[0]->is_undefined()) return undefined_error(*a[0]);
  return contains(*a[0], v);
}

Result<bool> test_sameas(CallContext&, const Value& v, const Args& args) {
  Bound<1> a{};
  static constexpr Params kParams("sameas", {"other"}, 1);
  if (auto s = kParams.bind(args, a); !s) return s.error();
  const Value& o = *a[0];
  if (v.kind() != o.kind()) return false;
  switch (v.kind()) {
    case Kind::kNone:
    case Kind::kUndefined:
      return true;
    case Kind::kBool:
      return v.as_bool() == o.as_bool();
    case Kind::kInt:
      return v.as_int() == o.as_int();
    case Kind::kFloat:
      return v.as_float() == o.as_float();
    case Kind::kString:
      return v.as_string().data() == o.as_string().data() &&
             v.as_string().size() == o.as_string().size();
    case Kind::kList:
      return &v.items() == &o.items();
    case Kind::kDict:
      return v.entries().data() == o.entries().data();
    case Kind::kObject:
      return v.as_object() == o.as_object();
  }
  return false;
}

Result<bool> test_lower(CallContext&, const Value& v, const Args& args) {
  static constexpr Params kParams("lower", {});
  if (auto s = kParams.bind(args, {}); !s) return s.error();
  return pystr::is_lower(to_python_str(v));
}

Result<bool> test_upper(CallContext&, const Value& v, const Args& args) {
  static constexpr Params kParams("upper", {});
  if (auto s = kParams.bind(args, {}); !s) return s.error();
  return pystr::is_upper(to_python_str(v));
}

Result<bool> test_filter(CallContext& cx, const Value& v, const Args& args) {
  static constexpr Params kParams("filter", {});
  if (auto s = kParams.bind(args, {}); !s) return s.error();
  return v.is_string() && cx.has_filter(v.as_string());
}

Result<bool> test_test(CallContext& cx, const Value& v, const Args& args) {
  static constexpr Params kParams("test", {});
  if (auto s = kParams.bind(args, {}); !s) return s.error();
  return v.is_string() && cx.has_test(v.as_string());
}

}  // namespace

void add_builtin_tests(Environment& env) {
  // Tests that look at what a value is work on undefined values even in strict mode.
  env.add_test("defined", unary<is_defined>, true);
  env.add_test("undefined", unary<is_undefined>, true);
  env.add_test("none", unary<is_none>, true);
  env.add_test("boolean", unary<is_boolean>, true);
  env.add_test("true", unary<is_true>, true);
  env.add_test("false", unary<is_false>, true);
  env.add_test("number", unary<is_number>, true);
  env.add_test("integer", unary<is_integer>, true);
  env.add_test("float", unary<is_float>, true);
  env.add_test("string", unary<is_string>, true);
  env.add_test("mapping", unary<is_mapping>, true);
  env.add_test("escaped", unary<is_escaped>, true);
  env.add_test("callable", unary<is_callable>, true);
  env.add_test("sequence", test_sequence, true);
  env.add_test("sameas", test_sameas, true);
  env.add_test("iterable", test_iterable);
  env.add_test("odd", test_odd);
  env.add_test("even", test_even);
  env.add_test("divisibleby", test_divisibleby);
  for (const char* name : {"eq", "==", "equalto"}) env.add_test(name, compare_test<Cmp::kEq>);
  for (const char* name : {"ne", "!="}) env.add_test(name, compare_test<Cmp::kNe>);
  for (const char* name : {"lt", "<", "lessthan"}) env.add_test(name, compare_test<Cmp::kLt>);
  for (const char* name : {"le", "<="}) env.add_test(name, compare_test<Cmp::kLe>);
  for (const char* name : {"gt", ">", "greaterthan"}) env.add_test(name, compare_test<Cmp::kGt>);
  for (const char* name : {"ge", ">="}) env.add_test(name, compare_test<Cmp::kGe>);
  env.add_test("in", test_in);
  env.add_test("lower", test_lower);
  env.add_test("upper", test_upper);
  env.add_test("filter", test_filter);
  env.add_test("test", test_test);
}

}  // namespace gazette::templating
