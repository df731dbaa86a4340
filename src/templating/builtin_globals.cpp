// Jinja2's global functions: range dict namespace cycler joiner.
#include <array>

#include "templating/builtin_support.hpp"
#include "templating/builtins.hpp"
#include "templating/environment.hpp"
#include "templating/runtime.hpp"

namespace gazette::templating {

namespace {

Result<int64_t> range_arg(const Value& v) {
  if (v.is_int()) return v.as_int();
  if (v.is_bool()) return static_cast<int64_t>(v.as_bool());
  if (v.is_undefined()) return undefined_error(v);
  return failure("'" + std::string(v.type_name()) + "' object cannot be interpreted as an integer");
}

Result<Value> global_range(CallContext& cx, const Args& args) {
  if (!args.keywords.empty()) return failure("range() takes no keyword arguments");
  size_t n = args.positional.size();
  if (n < 1 || n > 3) {
    return failure(n < 1 ? "range expected at least 1 argument, got 0"
                         : "range expected at most 3 arguments, got " + std::to_string(n));
  }
  int64_t start = 0, stop, step = 1;
  if (n == 1) {
    auto s = range_arg(args.positional[0]);
    if (!s) return s.error();
    stop = *s;
  } else {
    auto a = range_arg(args.positional[0]);
    if (!a) return a.error();
    auto b = range_arg(args.positional[1]);
    if (!b) return b.error();
    start = *a;
    stop = *b;
    if (n == 3) {
      auto c = range_arg(args.positional[2]);
      if (!c) return c.error();
      step = *c;
    }
  }
  if (step == 0) return failure("range() arg 3 must not be zero");
  // The number of items, computed without overflow.
  __int128 span =
      step > 0 ? static_cast<__int128>(stop) - start : static_cast<__int128>(start) - stop;
  __int128 abs_step = step > 0 ? step : -static_cast<__int128>(step);
  __int128 count = span <= 0 ? 0 : (span + abs_step - 1) / abs_step;
  if (count > static_cast<__int128>(cx.max_items())) {
    return failure("range too big: " +
                   std::to_string(static_cast<long long>(
                       count > INT64_MAX ? INT64_MAX : static_cast<int64_t>(count))) +
                   " items, at most " + std::to_string(cx.max_items()) + " allowed");
  }
  return Value::range(start, stop, step);
}

// Python's dict(*args, **kwargs): a mapping or an iterable of pairs, then keyword arguments.
Result<Value> make_dict(const Args& args, std::string_view function) {
  if (args.positional.size() > 1) {
    return failure(std::string(function) + " expected at most 1 argument, got " +
                   std::to_string(args.positional.size()));
  }
  DictBuilder builder;
  if (!args.positional.empty()) {
    const Value& source = args.positional[0];
    if (source.is_dict()) {
      for (const auto& [k, v] : source.entries()) builder.set(k, v);
    } else {
      auto items = iterate(source);
      if (!items) return items.error();
      for (const Value& item : *items) {
        auto pair = iterate(item);
        if (!pair || pair->size() != 2) {
          return failure("dictionary update sequence element has length " +
                         std::to_string(pair ? pair->size() : 0) + "; 2 is required");
        }
        builder.set((*pair)[0], (*pair)[1]);
      }
    }
  }
  for (const Kwarg& k : args.keywords) builder.set(Value(k.name), k.value);
  return builder.build();
}

Result<Value> global_dict(CallContext&, const Args& args) {
  return make_dict(args, "dict");
}

Result<Value> global_namespace(CallContext& cx, const Args& args) {
  auto attrs = make_dict(args, "namespace");
  if (!attrs) return attrs.error();
  Value ns = Value::make_object<NamespaceObject>();
  auto* obj = ns.object_as<NamespaceObject>();
  for (const auto& [k, v] : attrs->entries()) {
    obj->set(k.is_string() ? k.as_string() : std::string_view(""), v);
  }
  cx.adopt(ns);
  return ns;
}

Result<Value> global_cycler(CallContext& cx, const Args& args) {
  if (!args.keywords.empty()) return failure("cycler() takes no keyword arguments");
  if (args.positional.empty()) return failure("at least one item has to be provided");
  Value c = Value::make_object<CyclerObject>(
      std::vector<Value>(args.positional.begin(), args.positional.end()));
  cx.adopt(c);
  return c;
}

Result<Value> global_joiner(CallContext&, const Args& args) {
  std::array<const Value*, 1> a{};
  static constexpr Params kParams("joiner", {"sep"});
  if (auto s = kParams.bind(args, a); !s) return s.error();
  return Value::make_object<JoinerObject>(a[0] ? *a[0] : Value(", "));
}

}  // namespace

void add_builtin_globals(Environment& env) {
  env.add_function("range", global_range);
  env.add_function("dict", global_dict);
  env.add_function("namespace", global_namespace);
  env.add_function("cycler", global_cycler);
  env.add_function("joiner", global_joiner);
}

}  // namespace gazette::templating
