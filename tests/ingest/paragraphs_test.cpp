// Lines into paragraphs: joining, column-width paragraph ends, blank lines that mean nothing,
// column-break splits, indentation, hyphenation.
#include "ingest/paragraphs.hpp"

#include <gtest/gtest.h>

#include "ingest/chars.hpp"
#include "test_util.hpp"

namespace gazette::ingest {
namespace {

using testing::paragraphs;
using testing::parse;

std::string joined(std::string_view a, std::string_view b) {
  std::u32string s = to_u32(a);
  join_line(s, to_u32(b));
  return to_utf8(s);
}

TEST(JoinLine, NoSpaceInCjkOneBetweenWordsHyphensRejoined) {
  EXPECT_EQ(joined("在株洲疫情处置工", "作会商会结束后"), "在株洲疫情处置工作会商会结束后");
  EXPECT_EQ(joined("the quick", "brown fox"), "the quick brown fox");
  EXPECT_EQ(joined("an inter-", "national meeting"), "an international meeting");
  EXPECT_EQ(joined("covid-", "19"), "covid-19");
}

TEST(BrokenMidWord, DictionaryWordsAcrossTheBreak) {
  text::WordSegmenter words("zh");
  EXPECT_TRUE(broken_mid_word(to_u32("不少医"), to_u32("院公开向社会求援。"), words));
  EXPECT_FALSE(
      broken_mid_word(to_u32("加快构建网络空间命运共同体"), to_u32("习近平向大会致贺信"), words));
}

// A story set in a 16-character column, as extracted line by line.
const char* kColumn[] = {
    "株洲日报讯（全媒体记者/邓伟勇） 11月8日晚，在株",
    "洲疫情处置工作会商会结束后，市委新冠",
    "肺炎疫情防控工作领导小组随即召开调",
    "度会，贯彻落实会商会精神，安排部署下",
    "一步工作。市委副书记、市长出席讲话。",
    "会议以视频形式同步开到各县市区。",  // indented first line (2 shorter), full: goes on
    "市领导胡长春、聂方红、罗琼、李武宁在",
    "主会场参加会议。",
    "会上，各工作组负责人汇报了有关情况，",
    "并围绕静默管理、核酸检测等重点工作推",
    "进谈问题、讲打算。",
};

std::string column_text(bool blank_after_every_line) {
  std::string t = "调度会强调\n\n";
  for (const char* line : kColumn) {
    t += line;
    t += blank_after_every_line ? "\n\n" : "\n";
  }
  return t;
}

TEST(Paragraphs, ColumnWidthAndSentenceEndsFindParagraphEnds) {
  auto issue = parse(column_text(false));
  ASSERT_EQ(issue.articles.size(), 1u);
  auto p = paragraphs(issue.articles[0]);
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].substr(0, 12), "11月8日晚");
  EXPECT_EQ(p[1],
            "会议以视频形式同步开到各县市区。市领导胡长春、聂方红、罗琼、李武宁在主会场参加会议。");
  EXPECT_EQ(
      p[2],
      "会上，各工作组负责人汇报了有关情况，并围绕静默管理、核酸检测等重点工作推进谈问题、讲打算。");
  EXPECT_EQ(issue.articles[0].byline, "株洲日报讯（全媒体记者/邓伟勇）");
}

TEST(Paragraphs, ABlankLineAfterEveryLineChangesNothing) {
  auto tight = parse(column_text(false));
  auto spaced = parse(column_text(true));
  ASSERT_EQ(tight.articles.size(), 1u);
  ASSERT_EQ(spaced.articles.size(), 1u);
  EXPECT_EQ(paragraphs(tight.articles[0]), paragraphs(spaced.articles[0]));
}

TEST(Paragraphs, ColumnBreakSplitsAreJoinedAcrossBlankLines) {
  auto issue = parse(
      "标题在这里\n\n"
      "张庆伟强调，要坚持以快制快，组织各方力量防止疫情蔓延，各级党组织要发扬连续作战作风，省联防联"
      "控机制及省疫情防控\n\n"
      "工作组要加强会商研判、统筹协调。\n\n"
      "疫情发生后，因物资缺乏，不少医\n\n院公开向社会求援。\n");
  ASSERT_EQ(issue.articles.size(), 1u);
  auto p = paragraphs(issue.articles[0]);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_NE(p[0].find("省疫情防控工作组要加强"), std::string::npos);
  EXPECT_EQ(p[1], "疫情发生后，因物资缺乏，不少医院公开向社会求援。");
}

TEST(Paragraphs, IndentationStartsParagraphs) {
  auto issue = parse(
      "标题\n\n"
      "　　第一段的第一行，文字比较长，没有结束\n"
      "第一段的第二行，还在继续，没有句号\n"
      "　　第二段开始了，上一段，没有句号\n"
      "第二段结束了。\n"
      "　　第三段。\n"
      "另外一行文字。\n");
  ASSERT_EQ(issue.articles.size(), 1u);
  auto p = paragraphs(issue.articles[0]);
  EXPECT_EQ(p, (std::vector<std::string>{
                   "第一段的第一行，文字比较长，没有结束第一段的第二行，还在继续，没有句号",
                   "第二段开始了，上一段，没有句号第二段结束了。", "第三段。", "另外一行文字。"}));
}

TEST(Paragraphs, LinesOfAnyLengthAreNoColumns) {
  // One paragraph per line; a few lines happen to be of one width, but the paragraphs opening
  // with bylines are twice as wide: no column, every line that ends a sentence is a paragraph.
  auto issue = parse(
      "广州地铁新线年内开通\n\n"
      "南都讯 记者 王浩 通讯员 穗交宣 3月5日，记者从广州地铁集团获悉，地铁十号线、十二号线将于年"
      "内开通运营。\n据介绍，新线开通后，广州地铁运营里程将突破700公里。\n\n深圳发布人才新政\n\n"
      "南都讯（记者 李心萍 实习生 陈晓）3月5日，深圳市人社局发布新一轮人才政策，最高给予600万元"
      "奖励补贴。\n新政自4月1日起施行。\n\n老城区街巷焕新颜\n\n"
      "走进越秀区北京街，青砖墙、趟栊门，处处是老广州的味道。\n"
      "去年以来，当地完成了30条街巷的微改造。\n");
  ASSERT_GE(issue.articles.size(), 2u);
  EXPECT_EQ(paragraphs(issue.articles[0]),
            (std::vector<std::string>{
                "3月5日，记者从广州地铁集团获悉，地铁十号线、十二号线将于年内开通运营。",
                "据介绍，新线开通后，广州地铁运营里程将突破700公里。"}));
}

TEST(Paragraphs, LinesAsParagraphsWithASalutation) {
  auto issue = parse(
      "减少聚集 珍惜健康\n\n广大市民朋友：\n\n当前疫情形势依然严峻，防控工作处在最关键的时期。\n\n"
      "在此，再次提醒大家，不聚餐、不聚会。\n\n株洲市疫情防控工作领导小组办公室\n2020年2月3日\n");
  ASSERT_EQ(issue.articles.size(), 1u);
  const auto& a = issue.articles[0];
  EXPECT_EQ(a.title, "减少聚集 珍惜健康");
  EXPECT_EQ(paragraphs(a).front(), "广大市民朋友：");
  EXPECT_EQ(paragraphs(a).size(), 3u);
  EXPECT_EQ(a.kind, model::ArticleKind::kNotice);
  EXPECT_EQ(a.byline, "株洲市疫情防控工作领导小组办公室 2020年2月3日");
}

}  // namespace
}  // namespace gazette::ingest
