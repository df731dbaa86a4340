// Number filters: abs filesizeformat float int round.
#include <array>
#include <cmath>
#include <cstdio>
#include <limits>

#include "templating/builtin_support.hpp"
#include "templating/builtins.hpp"
#include "templating/environment.hpp"
#include "templating/pyformat.hpp"

namespace gazette::templating {

namespace {

template <size_t N>
using Bound = std::array<const Value*, N>;

Result<Value> filter_abs(CallContext&, const Value& input, const Args& args) {
  static constexpr Params kParams("abs", {});
  if (auto s = kParams.bind(args, {}); !s) return s.error();
  if (input.is_bool()) return Value(static_cast<int64_t>(input.as_bool()));
  if (input.is_int()) {
    if (input.as_int() == std::numeric_limits<int64_t>::min())
      return failure("integer overflow: the result does not fit in 64 bits");
    return Value(input.as_int() < 0 ? -input.as_int() : input.as_int());
  }
  if (input.is_float()) return Value(std::fabs(input.as_float()));
  if (input.is_undefined()) return undefined_error(input);
  return failure("bad operand type for abs(): '" + std::string(input.type_name()) + "'");
}

// Python's float(value), or nothing when it raises TypeError/ValueError.
std::optional<double> python_float_of(const Value& v) {
  if (v.is_number()) return v.to_double();
  if (v.is_string()) return parse_python_float(v.as_string());
  return std::nullopt;
}

Result<Value> filter_float(CallContext&, const Value& input, const Args& args) {
  Bound<1> a{};
  static constexpr Params kParams("float", {"default"});
  if (auto s = kParams.bind(args, a); !s) return s.error();
  if (input.is_undefined()) return undefined_error(input);
  if (auto f = python_float_of(input)) return Value(*f);
  return a[0] ? *a[0] : Value(0.0);
}

Result<Value> filter_int(CallContext&, const Value& input, const Args& args) {
  Bound<2> a{};
  static constexpr Params kParams("int", {"default", "base"});
  if (auto s = kParams.bind(args, a); !s) return s.error();
  if (input.is_undefined()) return undefined_error(input);
  Value fallback = a[0] ? *a[0] : Value(int64_t{0});
  auto base = builtin::int_arg(a[1], "base", 10);
  if (!base) return base.error();
  auto from_float = [&](double f) -> Result<Value> {
    if (std::isnan(f)) return fallback;
    if (std::isinf(f)) return failure("cannot convert float infinity to integer");
    if (f >= 9.2233720368547758e18 || f < -9.2233720368547758e18)
      return failure("integer overflow: the result does not fit in 64 bits");
    return Value(static_cast<int64_t>(std::trunc(f)));
  };
  if (input.is_string()) {
    if (*base != 0 && (*base < 2 || *base > 36))
      return failure("int() base must be >= 2 and <= 36, or 0");
    if (auto i = parse_python_int(input.as_string(), static_cast<int>(*base))) return Value(*i);
    if (auto f = parse_python_float(input.as_string())) return from_float(*f);
    return fallback;
  }
  if (input.is_bool()) return Value(static_cast<int64_t>(input.as_bool()));
  if (input.is_int()) return input;
  if (input.is_float()) return from_float(input.as_float());
  return fallback;
}

// Python's round(x, ndigits) for floats: correctly rounded, ties to even.
double round_float(double x, int64_t ndigits) {
  if (!std::isfinite(x)) return x;
  if (ndigits > 320) return x;
  if (ndigits < -320) return std::copysign(0.0, x);
  if (ndigits == 0) return std::nearbyint(x);  // ties to even, as Python's round()
  if (ndigits >= 0) {
    char buf[512];
    std::snprintf(buf, sizeof buf, "%.*f", static_cast<int>(ndigits), x);
    return std::strtod(buf, nullptr);
  }
  // Round the exact decimal expansion at 10^-ndigits, half to even.
  char buf[1200];
  std::snprintf(buf, sizeof buf, "%.1100f", std::fabs(x));
  std::string s(buf);
  size_t dot = s.find('.');
  std::string int_part = s.substr(0, dot);
  std::string frac = s.substr(dot + 1);
  size_t k = static_cast<size_t>(-ndigits);
  if (int_part.size() < k) int_part.insert(0, k - int_part.size() + 1, '0');
  std::string kept = int_part.substr(0, int_part.size() - k);
  std::string dropped = int_part.substr(int_part.size() - k) + frac;
  bool more_than_half = false, exactly_half = false;
  if (dropped[0] > '5') {
    more_than_half = true;
  } else if (dropped[0] == '5') {
    exactly_half = dropped.find_first_not_of('0', 1) == std::string::npos;
    more_than_half = !exactly_half;
  }
  bool round_up = more_than_half || (exactly_half && !kept.empty() && (kept.back() - '0') % 2 == 1);
  if (round_up) {
    int i = static_cast<int>(kept.size()) - 1;
    while (i >= 0 && kept[static_cast<size_t>(i)] == '9') kept[static_cast<size_t>(i--)] = '0';
    if (i < 0) {
      kept.insert(0, 1, '1');
    } else {
      ++kept[static_cast<size_t>(i)];
    }
  }
  std::string result = kept + std::string(k, '0');
  double r = std::strtod(result.c_str(), nullptr);
  return std::copysign(r, x);
}

// round(int, ndigits) for negative ndigits: ties to even, exact.
Result<int64_t> round_int(int64_t x, int64_t ndigits) {
  if (ndigits >= 0) return x;
  if (ndigits < -18) return int64_t{0};
  int64_t pow10 = 1;
  for (int64_t i = 0; i < -ndigits; ++i) pow10 *= 10;
  int64_t q = x / pow10, r = x % pow10;
  if (r < 0) {
    r += pow10;
    q -= 1;
  }
  int64_t twice = 2 * r;
  if (twice > pow10 || (twice == pow10 && (q % 2 != 0))) q += 1;
  int64_t result;
  if (__builtin_mul_overflow(q, pow10, &result))
    return failure("integer overflow: the result does not fit in 64 bits");
  return result;
}

Result<Value> filter_round(CallContext&, const Value& input, const Args& args) {
  Bound<2> a{};
  static constexpr Params kParams("round", {"precision", "method"});
  if (auto s = kParams.bind(args, a); !s) return s.error();
  auto precision = builtin::int_arg(a[0], "precision", 0);
  if (!precision) return precision.error();
  std::string method_text = a[1] && !a[1]->is_string() ? to_python_str(*a[1]) : "";
  std::string_view method = !a[1]               ? std::string_view("common")
                            : a[1]->is_string() ? a[1]->as_string()
                                                : std::string_view(method_text);
  if (method != "common" && method != "ceil" && method != "floor")
    return failure("method must be common, ceil or floor");
  if (!input.is_number()) {
    if (input.is_undefined()) return undefined_error(input);
    return failure("type " + std::string(input.type_name()) + " doesn't define __round__ method");
  }
  if (method == "common") {
    if (input.is_float()) return Value(round_float(input.as_float(), *precision));
    int64_t i = input.is_bool() ? input.as_bool() : input.as_int();
    auto r = round_int(i, *precision);
    if (!r) return r.error();
    return Value(*r);
  }
  double scale = std::pow(10.0, static_cast<double>(*precision));
  double v = input.to_double() * scale;
  double r = method == "ceil" ? std::ceil(v) : std::floor(v);
  return Value(r / scale);
}

Result<Value> filter_filesizeformat(CallContext&, const Value& input, const Args& args) {
  Bound<1> a{};
  static constexpr Params kParams("filesizeformat", {"binary"});
  if (auto s = kParams.bind(args, a); !s) return s.error();
  auto bytes_opt = python_float_of(input);
  if (!bytes_opt) {
    if (input.is_undefined()) return undefined_error(input);
    return failure("could not convert " + std::string(input.type_name()) + " to float");
  }
  double bytes = *bytes_opt;
  bool binary = builtin::bool_arg(a[0], false);
  double base = binary ? 1024 : 1000;
  static const char* kBinary[] = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};
  static const char* kDecimal[] = {"kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
  if (bytes == 1) return Value("1 Byte");
  if (bytes < base) {
    if (!std::isfinite(bytes)) return failure("cannot convert float infinity to integer");
    return Value(std::to_string(static_cast<int64_t>(std::trunc(bytes))) + " Bytes");
  }
  double unit = base;
  const char* prefix = "";
  for (int i = 0; i < 8; ++i) {
    unit = std::pow(base, i + 2);
    prefix = binary ? kBinary[i] : kDecimal[i];
    if (bytes < unit) break;
  }
  char buf[400];
  std::snprintf(buf, sizeof buf, "%.1f %s", base * bytes / unit, prefix);
  return Value(std::string(buf));
}

}  // namespace

void add_number_filters(Environment& env) {
  env.add_filter("abs", filter_abs);
  env.add_filter("filesizeformat", filter_filesizeformat);
  env.add_filter("float", filter_float);
  env.add_filter("int", filter_int);
  env.add_filter("round", filter_round);
}

}  // namespace gazette::templating
