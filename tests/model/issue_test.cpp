#include "model/issue.hpp"

#include <gtest/gtest.h>

namespace gazette::model {
namespace {

TEST(ArticleKind, NamesRoundTrip) {
  for (auto kind : {ArticleKind::kNews, ArticleKind::kCommentary, ArticleKind::kNotice,
                    ArticleKind::kPhoto, ArticleKind::kBrief, ArticleKind::kLetter}) {
    auto back = kind_from_name(kind_name(kind));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, kind);
  }
  EXPECT_STREQ(kind_name(ArticleKind::kCommentary), "commentary");
  EXPECT_FALSE(kind_from_name("editorial").has_value());
  EXPECT_FALSE(kind_from_name("").has_value());
}

}  // namespace
}  // namespace gazette::model
