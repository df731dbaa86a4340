#include "text/width.hpp"

#include <gtest/gtest.h>

namespace gazette::text {
namespace {

TEST(FoldFullwidth, FoldsLettersAndDigits) {
  EXPECT_EQ(fold_fullwidth_alnum("第２３１２４期"), "第23124期");
  EXPECT_EQ(fold_fullwidth_alnum("ＣＮ ４３－０００５"), "CN 43－0005");
  EXPECT_EQ(fold_fullwidth_alnum("ａｂｃＸＹＺ０９"), "abcXYZ09");
}

TEST(FoldFullwidth, LeavesCjkPunctuation) {
  std::string punct = "，。：；！？“”《》（）";
  EXPECT_EQ(fold_fullwidth_alnum(punct), punct);
  EXPECT_EQ(fold_fullwidth_alnum("株洲日报讯（全媒体记者/邓伟勇）"),
            "株洲日报讯（全媒体记者/邓伟勇）");
}

TEST(FoldFullwidth, SingleCharacters) {
  EXPECT_EQ(fold_fullwidth_alnum(U'Ａ'), U'A');
  EXPECT_EQ(fold_fullwidth_alnum(U'ｚ'), U'z');
  EXPECT_EQ(fold_fullwidth_alnum(U'０'), U'0');
  EXPECT_EQ(fold_fullwidth_alnum(U'，'), U'，');
  EXPECT_EQ(fold_fullwidth_alnum(U'ｶ'), U'ｶ');  // half-width katakana is not full-width ASCII
  EXPECT_EQ(fold_fullwidth_alnum(U'株'), U'株');
}

TEST(FoldFullwidth, EmptyAndAscii) {
  EXPECT_EQ(fold_fullwidth_alnum(""), "");
  EXPECT_EQ(fold_fullwidth_alnum("289500034@qq.com"), "289500034@qq.com");
}

}  // namespace
}  // namespace gazette::text
