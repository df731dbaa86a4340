#include "text/cjk.hpp"
#include "text/utf8.hpp"

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

TEST(CjkClasses, CountsEveryCodePointAsIsCjkLetterDoes) {
  // Each code point up to U+2FFFF after a neighbour that shares its slot in the count's
  // memory of marks (and once more, remembered), in one text.
  std::string text;
  size_t letters = 0;
  for (char32_t c = 1; c < 0x30000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    for (char32_t d : {c, static_cast<char32_t>(c ^ 64), c}) {
      if (d >= 0xD800 && d <= 0xDFFF) continue;
      append_utf8(text, d);
      letters += is_cjk_letter(d);
    }
  }
  EXPECT_EQ(count_cjk_letters(text), letters);
}

TEST(CjkClasses, CountsTheEdgesOfTheIdeographBlockAsIcuSeesThem) {
  // ䷿ (U+4DFF, a hexagram) is no letter; 一 (U+4E00) and 鿿 (U+9FFF) are Han; ꀀ (U+A000) is
  // Yi.
  EXPECT_EQ(count_cjk_letters("\u4DFF\u4E00\u9FFF\uA000"), 2u);
  EXPECT_EQ(count_cjk_letters("かなカナ한글ㄅ〇々"), 9u);
  // A character cut at the end of the text is not counted as a letter.
  EXPECT_EQ(count_cjk_letters(std::string_view("\xE4\xB8\x80\xE4\xB8", 5)), 1u);
  for (char32_t c : {U'\u4DFF', U'\u4E00', U'\u9FFF', U'\uA000', U'\u3007', U'\u3400'}) {
    std::string one;
    append_utf8(one, c);
    EXPECT_EQ(count_cjk_letters(one), is_cjk_letter(c) ? 1u : 0u) << static_cast<int>(c);
  }
}

}  // namespace
}  // namespace gazette::text
