#include "text/slug.hpp"

#include <gtest/gtest.h>

namespace gazette::text {
namespace {

TEST(Slugger, PinyinOfChineseTitle) {
  Slugger s;
  EXPECT_EQ(s.slug("加快构建网络空间命运共同体"),
            "jia-kuai-gou-jian-wang-luo-kong-jian-ming-yun-gong-tong-ti");
}

TEST(Slugger, MixedScriptsDigitsAndPunctuation) {
  Slugger s;
  EXPECT_EQ(s.slug("中国航发南方：2000余名职工居厂保生产", 80),
            "zhong-guo-hang-fa-nan-fang-2000-yu-ming-zhi-gong-ju-chang-bao-sheng-chan");
  // The default bound (60) stops after the last syllable that fits.
  EXPECT_EQ(s.slug("中国航发南方：2000余名职工居厂保生产"),
            "zhong-guo-hang-fa-nan-fang-2000-yu-ming-zhi-gong-ju-chang");
  EXPECT_EQ(s.slug("以“硬作风”扛起“硬责任”"), "yi-ying-zuo-feng-kang-qi-ying-ze-ren");
  EXPECT_EQ(s.slug("Hello, World!"), "hello-world");
  EXPECT_EQ(s.slug("ＣＮ 43-0005"), "cn-43-0005");
  EXPECT_EQ(s.slug("Émile Zola"), "emile-zola");
}

TEST(Slugger, BoundedLengthNeverCutsASyllable) {
  Slugger s;
  std::string slug = s.slug("加快构建网络空间命运共同体", 20);
  EXPECT_EQ(slug, "jia-kuai-gou-jian");  // "jia-kuai-gou-jian-wang" would be 22
  // From 4 on ("jian" is the first syllable) a cut always falls between syllables; below
  // that the single first word is cut hard to respect the bound.
  EXPECT_EQ(s.slug("坚持", 2), "ji");
  for (size_t max = 4; max <= 70; ++max) {
    std::string cut = s.slug("坚持统一领导统一部署统一行动 毫不松懈抓好疫情防控各项工作", max);
    EXPECT_LE(cut.size(), max);
    std::string full = s.slug("坚持统一领导统一部署统一行动 毫不松懈抓好疫情防控各项工作", 500);
    if (!cut.empty() && cut.size() < full.size()) {
      EXPECT_EQ(full.compare(0, cut.size(), cut), 0);
      EXPECT_EQ(full[cut.size()], '-') << "cut inside a syllable at max " << max;
    }
  }
}

TEST(Slugger, AsciiOnlyLowerCaseHyphenSeparated) {
  Slugger s;
  std::string slug = s.slug("株洲日报讯（全媒体记者/邓伟勇） 11月 8日晚 ——《关于》");
  for (char c : slug) {
    EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') << slug;
  }
  EXPECT_EQ(slug.find("--"), std::string::npos);
  EXPECT_NE(slug.front(), '-');
  EXPECT_NE(slug.back(), '-');
}

TEST(Slugger, NothingToRomanizeGivesEmptySlug) {
  Slugger s;
  EXPECT_EQ(s.slug(""), "");
  EXPECT_EQ(s.slug("，。！？——"), "");
  EXPECT_EQ(s.slug("株洲", 0), "");
}

TEST(Slugger, Romanize) {
  Slugger s;
  EXPECT_EQ(s.romanize("株洲"), "zhu zhou");
  EXPECT_EQ(s.romanize("2022年"), "2022 nian");
}

}  // namespace
}  // namespace gazette::text

namespace gazette::text {
namespace {

// Romanising character by character must give what ICU gives for the whole text, contextual
// readings included.
TEST(Slugger, SameAsIcuOnWholeText) {
  Slugger s;
  EXPECT_EQ(s.romanize("重庆 重要 沈阳 藏文 西藏"),
            "chong qing zhong yao shen yang zang wen xi cang");
  EXPECT_EQ(s.romanize("ひらがな 한국어 Москва"), "hiragana hangug-eo Moskva");
  EXPECT_EQ(s.slug("ひらがな 한국어 Москва"), "hiragana-hangug-eo-moskva");
  EXPECT_EQ(s.slug("重庆火锅"), "chong-qing-huo-guo");
}

}  // namespace
}  // namespace gazette::text
