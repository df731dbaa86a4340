#include "model/issue.hpp"

#include <array>
#include <string_view>

namespace gazette::model {

namespace {
constexpr std::array<const char*, 6> kKindNames = {"news",  "commentary", "notice",
                                                   "photo", "brief",      "letter"};
}

const char* kind_name(ArticleKind kind) {
  return kKindNames[static_cast<size_t>(kind)];
}

std::optional<ArticleKind> kind_from_name(std::string_view name) {
  for (size_t i = 0; i < kKindNames.size(); ++i) {
    if (name == kKindNames[i]) return static_cast<ArticleKind>(i);
  }
  return std::nullopt;
}

}  // namespace gazette::model
