// A hash for unordered containers keyed by std::string that are searched with a
// std::string_view: a lookup makes no string.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace gazette {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace gazette
