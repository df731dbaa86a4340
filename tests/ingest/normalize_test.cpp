#include "ingest/normalize.hpp"

#include <gtest/gtest.h>

#include "ingest/chars.hpp"

namespace gazette::ingest {
namespace {

std::string punct(std::string_view s) {
  return to_utf8(fullwidth_punctuation(to_u32(s)));
}
std::string body(std::string_view s) {
  return to_utf8(collapse_spaces(to_u32(s), SpaceStyle::kBody));
}

TEST(Normalize, Smoke) {
  EXPECT_EQ(punct("要求,各县"), "要求，各县");
  EXPECT_EQ(body("党员干 部"), "党员干部");
}

}  // namespace
}  // namespace gazette::ingest
