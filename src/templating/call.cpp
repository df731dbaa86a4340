#include "templating/call.hpp"

namespace gazette::templating {

Params::Bound Params::bind_in_full(const Args& args, std::span<const Value*> out) const {
  if (out.size() < count_) return Bound(std::string(function_) + "(): too few parameter slots");
  const size_t given = args.positional.size();
  if (given > count_) {
    return Bound(std::string(function_) + "() takes at most " + std::to_string(count_) +
                 " argument" + (count_ == 1 ? "" : "s") + " (" + std::to_string(given) + " given)");
  }
  for (size_t i = 0; i < out.size(); ++i) out[i] = i < given ? &args.positional[i] : nullptr;
  for (const Kwarg& k : args.keywords) {
    size_t i = 0;
    while (i < count_ && names_[i] != k.name) ++i;
    if (i == count_) {
      return Bound(std::string(function_) + "() got an unexpected keyword argument '" +
                   std::string(k.name) + "'");
    }
    if (out[i]) {
      return Bound(std::string(function_) + "() got multiple values for argument '" +
                   std::string(k.name) + "'");
    }
    out[i] = &k.value;
  }
  for (size_t i = 0; i < required_; ++i) {
    if (!out[i]) {
      return Bound(std::string(function_) + "() missing required argument '" +
                   std::string(names_[i]) + "'");
    }
  }
  return {};
}

}  // namespace gazette::templating
