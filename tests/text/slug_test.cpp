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
// A table shared by sluggers gives the slugs a slugger of its own gives, keeps what they met,
// and read back spares them ICU for those characters (contextual pairs included).
TEST(HanReadings, KeptTableGivesTheSameSlugsWithoutIcu) {
  const std::string title = "重庆市加快构建网络空间命运共同体";
  const std::string expected = Slugger().slug(title, 200);
  EXPECT_EQ(expected.rfind("chong-qing-shi-", 0), 0u) << expected;

  auto table = HanReadings::from_icu();
  Slugger first(table.get());
  EXPECT_EQ(first.slug(title, 200), expected);
  EXPECT_TRUE(first.asked_icu());
  EXPECT_TRUE(table->grew());

  auto kept = HanReadings::parse(table->text());
  ASSERT_NE(kept, nullptr);
  EXPECT_EQ(kept->text(), table->text());
  Slugger again(kept.get());
  EXPECT_EQ(again.slug(title, 200), expected);
  EXPECT_EQ(again.romanize("重庆"), "chong qing");
  EXPECT_FALSE(again.asked_icu());
  EXPECT_FALSE(kept->grew());
  // A character the table lacks is asked for, and added.
  EXPECT_EQ(again.slug("株洲"), Slugger().slug("株洲"));
  EXPECT_TRUE(again.asked_icu());
  EXPECT_TRUE(kept->grew());
}

TEST(HanReadings, DamagedOrForeignTablesAreNotRead) {
  auto table = HanReadings::from_icu();
  Slugger(table.get()).slug("加快构建");
  const std::string text = table->text();
  ASSERT_NE(HanReadings::parse(text), nullptr);
  EXPECT_EQ(HanReadings::parse(""), nullptr);
  EXPECT_EQ(HanReadings::parse(text.substr(0, text.size() - 1)), nullptr);  // cut short
  std::string other = text;
  other.replace(other.find("ICU ") + 4, 1, "9");  // another ICU version
  EXPECT_EQ(HanReadings::parse(other), nullptr);
  const size_t line = text.find('\n') + 1;
  for (const std::string bad : {"x 52a0 jia\n", "s zz jia\n", "c 91cd\n", "s 52a0\n"}) {
    EXPECT_EQ(HanReadings::parse(text.substr(0, line) + bad), nullptr) << bad;
  }
}

}  // namespace gazette::text
