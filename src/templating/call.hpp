// Calling filters, tests and functions from templates: the arguments of a call, the context a
// callee runs in, and binding arguments to named parameters with Python's rules.
#pragma once

#include <array>
#include <functional>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "templating/value.hpp"

namespace gazette::templating {

// A keyword argument (`name=value`).
struct Kwarg {
  std::string_view name;
  Value value;
};

// The arguments of a call: positional ones, then keyword ones.
struct Args {
  std::span<const Value> positional;
  std::span<const Kwarg> keywords;

  // The keyword argument `name`, or nullptr.
  const Value* keyword(std::string_view name) const {
    for (const Kwarg& k : keywords) {
      if (k.name == name) return &k.value;
    }
    return nullptr;
  }
};

// What a filter, test or function sees of the render that calls it. Valid only during the
// call, on the rendering thread.
class CallContext {
 public:
  virtual ~CallContext() = default;
  // Whether output is being HTML-escaped where the call happens.
  virtual bool autoescape() const = 0;
  // Whether undefined values are errors (strict mode).
  virtual bool strict_undefined() const = 0;
  // Calls a callable value (a macro, a function) with arguments.
  virtual Result<Value> call(const Value& callable, const Args& args) = 0;
  // Applies the filter or test registered under `name`.
  virtual Result<Value> call_filter(std::string_view name, const Value& input,
                                    const Args& args) = 0;
  virtual Result<bool> call_test(std::string_view name, const Value& input, const Args& args) = 0;
  virtual bool has_filter(std::string_view name) const = 0;
  virtual bool has_test(std::string_view name) const = 0;
  // Keeps a mutable object alive until the render ends and clears it then (breaking cycles).
  virtual void adopt(const Value& object) = 0;
  // The most items a sequence made by a template may have (range(), `*`, …).
  virtual size_t max_items() const = 0;
};

// A filter: `input|name(args…)`.
using Filter = std::function<Result<Value>(CallContext&, const Value& input, const Args& args)>;
// A filter that is a plain function (every built-in is).
using FilterFunction = Result<Value> (*)(CallContext&, const Value& input, const Args& args);
// A test: `input is name(args…)`.
using Test = std::function<Result<bool>(CallContext&, const Value& input, const Args& args)>;
// A function callable from templates: `name(args…)`.
using Function = std::function<Result<Value>(CallContext&, const Args& args)>;

// An error with only a message; the renderer adds the template position.
inline Error failure(std::string message) {
  return Error{"", 0, 0, std::move(message), ""};
}

// A function's parameters, to bind call arguments to them as Python does: positional
// arguments fill the parameters in order, keywords by name; unknown keywords, too many
// arguments, duplicates and missing required ones are errors naming the function.
class Params {
 public:
  // At most kMaxParams names; `function` and the names must outlive the Params.
  constexpr Params(std::string_view function, std::initializer_list<std::string_view> names,
                   size_t required = 0)
      : function_(function), required_(required) {
    for (std::string_view n : names) {
      if (count_ < kMaxParams) names_[count_++] = n;
    }
  }

  // The outcome of binding: true, or the error (one null pointer on success: every filter
  // call binds its arguments).
  class [[nodiscard]] Bound {
   public:
    Bound() = default;
    explicit Bound(std::string message)
        : message_(std::make_unique<std::string>(std::move(message))) {}
    bool ok() const { return !message_; }
    explicit operator bool() const { return ok(); }
    Error error() const { return failure(*message_); }
    operator Status() const {  // NOLINT: implicit by design
      if (ok()) return {};
      return error();
    }

   private:
    std::unique_ptr<std::string> message_;
  };

  // Fills `out` (one slot per parameter) with the given arguments, nullptr where absent.
  Bound bind(const Args& args, std::span<const Value*> out) const {
    const size_t given = args.positional.size();
    if (args.keywords.empty() && given <= count_ && given >= required_ &&
        out.size() >= count_) {  // the common case, inline: every filter call binds
      for (size_t i = 0; i < out.size(); ++i) out[i] = i < given ? &args.positional[i] : nullptr;
      return {};
    }
    return bind_in_full(args, out);
  }

  static constexpr size_t kMaxParams = 8;

 private:
  // bind() with keywords, and every error.
  Bound bind_in_full(const Args& args, std::span<const Value*> out) const;

  std::string_view function_;
  std::array<std::string_view, kMaxParams> names_{};
  size_t count_ = 0;
  size_t required_;
};

// A function registered by the site, as a callable value.
class NativeFunction : public Object {
 public:
  NativeFunction(std::string name, Function fn) : name_(std::move(name)), fn_(std::move(fn)) {}
  std::string_view type_name() const override { return "function"; }
  void repr(std::string& out) const override { out += "<function " + name_ + ">"; }
  bool is_callable() const override { return true; }
  Result<Value> call(CallContext& context, const Args& args) override { return fn_(context, args); }

 private:
  std::string name_;
  Function fn_;
};

}  // namespace gazette::templating
