#include "templating/call.hpp"

namespace gazette::templating {

Status Params::bind(const Args& args, std::span<const Value*> out) const {
  std::fill(out.begin(), out.end(), nullptr);
  if (args.positional.size() > names_.size()) {
    return failure(std::string(function_) + "() takes at most " + std::to_string(names_.size()) +
                   " argument" + (names_.size() == 1 ? "" : "s") + " (" +
                   std::to_string(args.positional.size()) + " given)");
  }
  for (size_t i = 0; i < args.positional.size(); ++i) out[i] = &args.positional[i];
  for (const Kwarg& k : args.keywords) {
    size_t i = 0;
    while (i < names_.size() && names_[i] != k.name) ++i;
    if (i == names_.size()) {
      return failure(std::string(function_) + "() got an unexpected keyword argument '" +
                     std::string(k.name) + "'");
    }
    if (out[i]) {
      return failure(std::string(function_) + "() got multiple values for argument '" +
                     std::string(k.name) + "'");
    }
    out[i] = &k.value;
  }
  for (size_t i = 0; i < required_; ++i) {
    if (!out[i]) {
      return failure(std::string(function_) + "() missing required argument '" +
                     std::string(names_[i]) + "'");
    }
  }
  return {};
}

}  // namespace gazette::templating
