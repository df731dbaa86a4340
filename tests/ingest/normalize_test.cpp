// Normalisation: full-width punctuation in Chinese sentences, spurious spaces removed — and
// never inside numbers, times, URLs or e-mail addresses.
#include "ingest/normalize.hpp"

#include <gtest/gtest.h>

#include "ingest/chars.hpp"

namespace gazette::ingest {
namespace {

std::string punct(std::string_view s) {
  return to_utf8(fullwidth_punctuation(to_u32(s)));
}
std::string spaces(std::string_view s, SpaceStyle style = SpaceStyle::kBody) {
  return to_utf8(collapse_spaces(to_u32(s), style));
}

TEST(Conversions, RoundTripEveryLengthOfUtf8) {
  const std::string text = "a\u00e9\u682a\U0001F600\U0010FFFF z";  // 1, 2, 3 and 4 bytes
  EXPECT_EQ(to_utf8(to_u32(text)), text);
  EXPECT_EQ(to_u32(text).size(), 7u);
  // What is no code point becomes U+FFFD, as text::append_utf8 writes it.
  EXPECT_EQ(to_utf8(std::u32string{U'x', static_cast<char32_t>(0x110000), U'y'}), "x\uFFFDy");
}

TEST(FullwidthPunctuation, ChineseSentencesGetFullWidthMarks) {
  EXPECT_EQ(punct("前段,全市广大干部群众万众一心,众志成城。"),
            "前段，全市广大干部群众万众一心，众志成城。");
  EXPECT_EQ(punct("实践不断证明:“躺平”不可取;唯有守土有责!"),
            "实践不断证明：“躺平”不可取；唯有守土有责！");
  EXPECT_EQ(punct("如何做好这道“双选题”?"), "如何做好这道“双选题”？");
  EXPECT_EQ(punct("株洲日报讯(全媒体记者/陈正明)"), "株洲日报讯（全媒体记者/陈正明）");
  EXPECT_EQ(punct("株疫防指告(2022)21号"), "株疫防指告（2022）21号");
}

TEST(FullwidthPunctuation, NeverInsideNumbersTimesUrlsOrEmails) {
  EXPECT_EQ(punct("完成订单1,000个"), "完成订单1,000个");
  EXPECT_EQ(punct("投喂4.5吨蔬菜"), "投喂4.5吨蔬菜");
  EXPECT_EQ(punct("上午10:30开会"), "上午10:30开会");
  EXPECT_EQ(punct("投稿请发289500034@qq.com,谢谢"), "投稿请发289500034@qq.com，谢谢");
  EXPECT_EQ(punct("详见https://example.com/a,b?x=1;y=2"), "详见https://example.com/a,b?x=1;y=2");
  EXPECT_EQ(punct("访问www.zzrb.com.cn了解"), "访问www.zzrb.com.cn了解");
}

TEST(FullwidthPunctuation, LatinTextKeepsItsPunctuation) {
  EXPECT_EQ(punct("Hello, world (again): yes; no? ok!"), "Hello, world (again): yes; no? ok!");
  EXPECT_EQ(punct("国内统一连续出版物号CN 43-0005"), "国内统一连续出版物号CN 43-0005");
  EXPECT_EQ(punct("版本v1.2发布"), "版本v1.2发布");
}

TEST(FullwidthPunctuation, FullStopOnlyClosingAChineseSentence) {
  EXPECT_EQ(punct("会议结束."), "会议结束。");
  EXPECT_EQ(punct("等等..."), "等等...");
}

TEST(CollapseSpaces, SpuriousSpacesBetweenCjkGo) {
  EXPECT_EQ(spaces("党员干 部"), "党员干部");
  EXPECT_EQ(spaces("11 月 9 日下午"), "11月9日下午");
  EXPECT_EQ(spaces("公司 2000 余名职工"), "公司2000余名职工");
  EXPECT_EQ(spaces("有 你 有 爱 ，春 天 花 开 如 歌 ；有 你 有"), "有你有爱，春天花开如歌；有你有");
  EXPECT_EQ(spaces("画出抗疫最大同心圆 ，我们"), "画出抗疫最大同心圆，我们");
}

TEST(CollapseSpaces, LatinWordsKeepOneSpace) {
  EXPECT_EQ(spaces("the  quick   fox"), "the quick fox");
  EXPECT_EQ(spaces("使用 iPhone 手机"), "使用 iPhone 手机");
  EXPECT_EQ(spaces("  leading and trailing  "), "leading and trailing");
}

TEST(CollapseSpaces, HeadlinesKeepTheGapBetweenTwoPhrases) {
  EXPECT_EQ(spaces("减少聚集 珍惜健康", SpaceStyle::kHeadline), "减少聚集 珍惜健康");
  EXPECT_EQ(spaces("2861名志愿者 主动请缨抗疫", SpaceStyle::kHeadline),
            "2861名志愿者 主动请缨抗疫");
  EXPECT_EQ(spaces("我 是 一 名", SpaceStyle::kHeadline), "我是一名");
  EXPECT_EQ(spaces("案例一： 一次聚餐", SpaceStyle::kHeadline), "案例一：一次聚餐");
}

TEST(CollapseSpaces, BylinesKeepSpacesBetweenNames) {
  EXPECT_EQ(spaces("通讯员/段蓉 陈武  张宝丽", SpaceStyle::kByline), "通讯员/段蓉 陈武 张宝丽");
  EXPECT_EQ(spaces("新华社北京 11月 9日电", SpaceStyle::kByline), "新华社北京11月9日电");
}

}  // namespace
}  // namespace gazette::ingest
