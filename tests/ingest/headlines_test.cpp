// Headlines: kicker, title and subtitle; sub-headings inside articles; headlines printed away
// from their bodies attached by content; what cannot be attached is a warning.
#include "ingest/headlines.hpp"

#include <gtest/gtest.h>

#include "test_util.hpp"

namespace gazette::ingest {
namespace {

using testing::paragraphs;
using testing::parse;
using testing::warned;

TEST(Headlines, KickerTitleAndSubtitle) {
  auto issue = parse(
      "曹慧泉在市委疫情防控工作领导小组调度会上强调\n\n"
      "突出重点全力攻坚 尽快实现社会面动态清零 陈恢清出席并讲话\n\n"
      "株洲日报讯(全媒体记者/陈正明) 11月6日晚,市委召开调度会。\n");
  ASSERT_EQ(issue.articles.size(), 1u);
  const auto& a = issue.articles[0];
  EXPECT_EQ(a.kicker, "曹慧泉在市委疫情防控工作领导小组调度会上强调");
  EXPECT_EQ(a.title, "突出重点全力攻坚 尽快实现社会面动态清零");
  EXPECT_EQ(a.subtitle, "陈恢清出席并讲话");
  EXPECT_EQ(a.byline, "株洲日报讯（全媒体记者/陈正明）");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"陈正明"}));
  EXPECT_EQ(paragraphs(a), (std::vector<std::string>{"11月6日晚，市委召开调度会。"}));
}

TEST(Headlines, CommentaryWithSeriesLineAndAuthor) {
  auto issue = parse(
      "疫情当前当好实干派\n\n——坚决打赢疫情防控阻击战系列评论之六\n\n朱理平\n\n"
      "今年春晚，小品里的郝科长让人印象深刻。\n\n疫情如镜，都照得一清二楚。\n");
  ASSERT_EQ(issue.articles.size(), 1u);
  const auto& a = issue.articles[0];
  EXPECT_EQ(a.title, "疫情当前当好实干派");
  EXPECT_EQ(a.subtitle, "——坚决打赢疫情防控阻击战系列评论之六");
  EXPECT_EQ(a.kind, model::ArticleKind::kCommentary);
  EXPECT_EQ(a.authors, (std::vector<std::string>{"朱理平"}));
}

TEST(Headlines, CommentarySignedByACommentator) {
  // 本报评论员 names no one: the byline is the paper's commentator, the item a commentary.
  auto issue = parse(
      "以奋斗姿态开启新征程\n\n本报评论员\n\n春天是播种的季节，也是奋斗的季节。\n\n"
      "新征程上，唯有奋斗才能创造新的辉煌。\n");
  ASSERT_EQ(issue.articles.size(), 1u);
  const auto& a = issue.articles[0];
  EXPECT_EQ(a.kind, model::ArticleKind::kCommentary);
  EXPECT_EQ(a.byline, "本报评论员");
  EXPECT_TRUE(a.authors.empty());
  EXPECT_EQ(paragraphs(a).size(), 2u);
}

TEST(Headlines, AStorySignedAtItsEndAfterOneSignedAtItsTop) {
  // A headline between two stories' text looks like a sub-heading, but the story above has its
  // writer's byline at its top and the text below is signed at its end: two stories.
  auto issue = parse(
      "深圳发布人才新政\n\n南都讯（记者 李心萍）深圳市人社局发布新一轮人才政策。\n"
      "新政自4月1日起施行。\n\n老城区微改造 让街巷焕新颜\n\n"
      "走进越秀区北京街，处处是老广州的味道。\n当地完成了30条街巷的微改造。\n"
      "采写：南都记者 黄婷\n");
  ASSERT_EQ(issue.articles.size(), 2u);
  EXPECT_EQ(issue.articles[1].title, "老城区微改造 让街巷焕新颜");
  EXPECT_EQ(issue.articles[1].byline, "采写：南都记者 黄婷");
  EXPECT_EQ(issue.articles[0].authors, (std::vector<std::string>{"李心萍"}));
  // Without the byline at the end, it stays a sub-heading.
  auto one = parse(
      "深圳发布人才新政\n\n南都讯（记者 李心萍）深圳市人社局发布新一轮人才政策。\n"
      "新政自4月1日起施行。\n\n老城区微改造 让街巷焕新颜\n\n"
      "走进越秀区北京街，处处是老广州的味道。\n当地完成了30条街巷的微改造。\n");
  ASSERT_EQ(one.articles.size(), 1u);
}

TEST(Headlines, SubHeadingsStayInsideTheArticle) {
  auto issue = parse(
      "天元区战“疫”一线直击\n\n株洲日报全媒体记者/王娜\n\n疫情反复，株洲再次面临考验。\n\n"
      "152张通行证 让骑手把物资送到居民手中\n\n封控的第一天，超市负责人叹了口气。\n\n"
      "2861名志愿者 主动请缨抗疫\n\n在抗疫的路上，每一位志愿者都是爱的微尘。\n");
  ASSERT_EQ(issue.articles.size(), 1u);
  const auto& a = issue.articles[0];
  ASSERT_EQ(a.body.size(), 5u);
  EXPECT_EQ(a.body[1].type, model::Block::Type::kHeading);
  EXPECT_EQ(a.body[1].text, "152张通行证 让骑手把物资送到居民手中");
  EXPECT_EQ(a.body[3].type, model::Block::Type::kHeading);
  EXPECT_EQ(paragraphs(a).size(), 3u);
}

TEST(Headlines, PhotoItemsTitleCaptionCredit) {
  auto issue = parse(
      "检测现场有我\n\n11月2日,共青团荷塘区委迅速行动,召集了200余名青年志愿者。\n"
      "株洲日报全媒体记者/肖捷 通讯员/张敏 摄\n\n配送物资有我\n\n"
      "目前芦淞区所有小区实施静默管理。\n株洲日报全媒体记者/杨凌凌 摄\n");
  ASSERT_EQ(issue.articles.size(), 2u);
  EXPECT_EQ(issue.articles[0].kind, model::ArticleKind::kPhoto);
  EXPECT_EQ(issue.articles[0].authors, (std::vector<std::string>{"肖捷", "张敏"}));
  EXPECT_EQ(issue.articles[1].title, "配送物资有我");
  EXPECT_EQ(issue.articles[1].kind, model::ArticleKind::kPhoto);
}

// Two stories whose headlines the extraction printed after both bodies, in the other order.
const char* kDetached =
    "株洲日报讯（全媒体记者/罗欣） 市委书记主持召开专题会议，研究有序推进复工复产工作。\n\n"
    "会议要求有序推动具备条件的园区、企业、项目复工复产。\n\n"
    "株洲日报讯（全媒体记者/邓伟勇） 市长深入学校、社区暗访督导疫情防控工作。\n\n"
    "他强调要持续巩固疫情防控成果，全力保障重点企业生产经营。\n\n"
    "市长暗访督导疫情防控工作时强调\n\n持续巩固疫情防控成果\n\n"
    "主持召开专题会议时强调\n\n研究有序推进复工复产工作\n";

TEST(Association, HeadlinesAwayFromTheirBodiesAreAttachedByContent) {
  auto issue = parse(kDetached);
  ASSERT_EQ(issue.articles.size(), 2u);
  EXPECT_EQ(issue.articles[0].title, "研究有序推进复工复产工作");
  EXPECT_EQ(issue.articles[0].authors, (std::vector<std::string>{"罗欣"}));
  EXPECT_EQ(issue.articles[1].title, "持续巩固疫情防控成果");
  EXPECT_EQ(issue.articles[1].kicker, "市长暗访督导疫情防控工作时强调");
  EXPECT_EQ(issue.articles[1].authors, (std::vector<std::string>{"邓伟勇"}));
  EXPECT_TRUE(warned(issue, "is printed away from its text; attached by content"));
}

TEST(Association, AHeadlineWithoutTextIsAWarning) {
  auto issue =
      parse("株洲日报讯（全媒体记者/罗欣） 市委书记主持召开专题会议。\n\n诗和远方的田野\n");
  ASSERT_EQ(issue.articles.size(), 1u);
  EXPECT_TRUE(warned(issue, "could not attach the headline “诗和远方的田野”"));
  EXPECT_TRUE(warned(issue, "no headline found"));
}

TEST(Association, TwoStoriesRunTogetherAreSplitByContent) {
  auto issue = parse(
      "株洲日报全媒体记者/易蓉\n\n"
      "株洲宜安精密制造有限公司的重点项目如期投产，新能源汽车零部件订单按时交付。\n\n"
      "公司成立疫情防控领导小组，重点项目生产人员吃住在园区。\n\n"
      "远亲不如近邻，近邻不如对门。邻里互助，画出了抗疫最大同心圆。\n\n"
      "有你有爱，邻里之间风雨同舟，抗疫最大同心圆必将画成。\n\n"
      "画出抗疫最大同心圆\n朱理平\n\n株洲宜安：重点项目如期投产\n");
  ASSERT_EQ(issue.articles.size(), 2u);
  EXPECT_EQ(issue.articles[0].title, "株洲宜安：重点项目如期投产");
  EXPECT_EQ(paragraphs(issue.articles[0]).size(), 2u);
  EXPECT_EQ(issue.articles[1].title, "画出抗疫最大同心圆");
  EXPECT_EQ(issue.articles[1].kind, model::ArticleKind::kCommentary);
  EXPECT_EQ(paragraphs(issue.articles[1]).size(), 2u);
}

}  // namespace
}  // namespace gazette::ingest

namespace gazette::ingest {
namespace {

TEST(Association, InTheUsualLayoutPositionWins) {
  // Each headline stands above its byline and body; the first headline's words appear in the
  // second body, which has a headline of its own: nothing moves.
  auto issue = testing::parse(
      "市长调研复工复产\n\n株洲日报记者 张三\n\n今天天气晴朗，市民出行有序。\n\n"
      "第二篇报道的标题\n\n株洲日报记者 李四\n\n市长调研复工复产工作，强调要抓好落实。\n");
  ASSERT_EQ(issue.articles.size(), 2u);
  EXPECT_EQ(issue.articles[0].title, "市长调研复工复产");
  EXPECT_EQ(issue.articles[0].authors, (std::vector<std::string>{"张三"}));
  EXPECT_EQ(issue.articles[1].title, "第二篇报道的标题");
  EXPECT_FALSE(testing::warned(issue, "printed away"));
}

}  // namespace
}  // namespace gazette::ingest
