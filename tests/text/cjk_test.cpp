#include "text/cjk.hpp"

#include <gtest/gtest.h>

namespace gazette::text {
namespace {

TEST(CjkClasses, Han) {
  for (char32_t c : std::u32string(U"株洲日报壬寅𠀀豈"))
    EXPECT_TRUE(is_han(c)) << static_cast<int>(c);
  for (char32_t c : std::u32string(U"aZ09，。ひカ한"))
    EXPECT_FALSE(is_han(c)) << static_cast<int>(c);
}

TEST(CjkClasses, KanaAndHangul) {
  for (char32_t c : std::u32string(U"ひらがなカタカナーｶ"))
    EXPECT_TRUE(is_kana(c)) << static_cast<int>(c);
  EXPECT_FALSE(is_kana(U'株'));
  for (char32_t c : std::u32string(U"한국어ᄀ")) EXPECT_TRUE(is_hangul(c)) << static_cast<int>(c);
  EXPECT_FALSE(is_hangul(U'株'));
}

TEST(CjkClasses, CjkPunctuation) {
  for (char32_t c : std::u32string(U"，。：；！？“”‘’《》（）〔〕、…—·「」【】～")) {
    EXPECT_TRUE(is_cjk_punctuation(c)) << static_cast<int>(c);
  }
  for (char32_t c : std::u32string(U",.:;!?()\"'-株aＡ０")) {
    EXPECT_FALSE(is_cjk_punctuation(c)) << static_cast<int>(c);
  }
}

TEST(CjkClasses, CjkAndLetters) {
  EXPECT_TRUE(is_cjk(U'株'));
  EXPECT_TRUE(is_cjk(U'，'));
  EXPECT_TRUE(is_cjk(U'ㄅ'));  // bopomofo
  EXPECT_FALSE(is_cjk(U'a'));
  EXPECT_FALSE(is_cjk(U'1'));
  EXPECT_TRUE(is_cjk_letter(U'株'));
  EXPECT_FALSE(is_cjk_letter(U'，'));
}

TEST(CjkClasses, WidthAndSpace) {
  EXPECT_TRUE(is_wide(U'株'));
  EXPECT_TRUE(is_wide(U'，'));
  EXPECT_TRUE(is_wide(U'Ａ'));
  EXPECT_FALSE(is_wide(U'a'));
  EXPECT_TRUE(is_space(U' '));
  EXPECT_TRUE(is_space(U'\u3000'));
  EXPECT_TRUE(is_space(U'\u00A0'));
  EXPECT_FALSE(is_space(U'株'));
}

TEST(CjkClasses, CountsCjkLetters) {
  EXPECT_EQ(count_cjk_letters("株洲日报讯（全媒体记者/邓伟勇） 11月 8日晚"), 16u);
  EXPECT_EQ(count_cjk_letters("hello, world"), 0u);
  EXPECT_EQ(count_cjk_letters(""), 0u);
}

}  // namespace
}  // namespace gazette::text
