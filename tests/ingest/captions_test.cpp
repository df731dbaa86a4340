// Captions and photo items: a caption and its credit on one line or two, alone under a headline
// (a photo item) or inside a story (that story's caption), and the photographer's name.
#include "ingest/captions.hpp"

#include <gtest/gtest.h>

#include "test_util.hpp"

namespace gazette::ingest {
namespace {

using testing::paragraphs;
using testing::parse;

const std::vector<std::string> kNone;

TEST(Captions, ACaptionAloneUnderAHeadlineIsAPhotoItem) {
  auto issue = parse(
      "春到江南\n\n3月4日，游客在江苏南京玄武湖公园赏花。（新华社记者 李博 摄）\n\n"
      "大熊猫乐园迎客来\n\n3月5日，游客在成都大熊猫繁育研究基地观赏大熊猫。新华社发（王曦 摄）\n\n"
      "南京路旧影\n\n1978年的南京路。新华社发\n");
  ASSERT_EQ(issue.articles.size(), 3u);
  const auto& a = issue.articles[0];
  EXPECT_EQ(a.title, "春到江南");
  EXPECT_EQ(a.kind, model::ArticleKind::kPhoto);
  EXPECT_EQ(paragraphs(a), (std::vector<std::string>{"3月4日，游客在江苏南京玄武湖公园赏花。"}));
  EXPECT_EQ(a.byline, "（新华社记者 李博 摄）");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"李博"}));
  const auto& b = issue.articles[1];
  EXPECT_EQ(b.kind, model::ArticleKind::kPhoto);
  EXPECT_EQ(b.byline, "新华社发（王曦 摄）");
  EXPECT_EQ(b.authors, (std::vector<std::string>{"王曦"}));
  const auto& c = issue.articles[2];
  EXPECT_EQ(c.kind, model::ArticleKind::kPhoto);
  EXPECT_EQ(paragraphs(c), (std::vector<std::string>{"1978年的南京路。"}));
  EXPECT_EQ(c.byline, "新华社发");
  EXPECT_EQ(c.authors, kNone);
}

TEST(Captions, ACaptionLineInsideAStoryIsItsCaption) {
  auto issue = parse(
      "春耕备耕正当时\n\n本报记者 刘晓宇\n\n眼下，全国各地抓住有利时机，开展春耕备耕。\n"
      "“今年的种子早就备好了。”种粮大户老李说。\n\n图为农民在田间劳作。 新华社记者 张明 摄\n");
  ASSERT_EQ(issue.articles.size(), 1u);
  const auto& a = issue.articles[0];
  EXPECT_EQ(a.kind, model::ArticleKind::kNews);
  EXPECT_EQ(a.byline, "本报记者 刘晓宇");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"刘晓宇", "张明"}));
  EXPECT_EQ(paragraphs(a).size(), 2u);
  EXPECT_EQ(a.captions, (std::vector<std::string>{"图为农民在田间劳作。 新华社记者 张明 摄"}));
}

TEST(Captions, AParagraphAboveACreditInsideAStoryIsItsCaption) {
  // Opening like a caption (图为…).
  auto cue = parse(
      "绿心公园开园\n\n本报讯（记者 刘晓宇）城市绿心森林公园昨天正式开园。\n"
      "公园内设有20余处景点。\n\n图为市民在公园内游览。\n本报记者 张明摄\n");
  ASSERT_EQ(cue.articles.size(), 1u);
  EXPECT_EQ(paragraphs(cue.articles[0]).size(), 2u);
  EXPECT_EQ(cue.articles[0].captions,
            (std::vector<std::string>{"图为市民在公园内游览。 本报记者 张明摄"}));
  EXPECT_EQ(cue.articles[0].byline, "本报讯（记者 刘晓宇）");
  EXPECT_EQ(cue.articles[0].kind, model::ArticleKind::kNews);
  // Any short paragraph, where the story has its writer's byline and text above it.
  auto writer = parse(
      "绿心公园开园\n\n本报讯（记者 刘晓宇）城市绿心森林公园昨天正式开园。\n\n"
      "3月5日，市民在公园内游览。\n本报记者 张明摄\n");
  ASSERT_EQ(writer.articles.size(), 1u);
  EXPECT_EQ(paragraphs(writer.articles[0]).size(), 1u);
  EXPECT_EQ(writer.articles[0].captions.size(), 1u);
  EXPECT_EQ(writer.articles[0].authors, (std::vector<std::string>{"刘晓宇", "张明"}));
}

TEST(Captions, AStorysPhotographerIsNoCaptionCredit) {
  // 摄影：陈伟 names the photographer first: it credits the story's pictures, and the paragraph
  // above it stays the story's last paragraph.
  auto issue = parse(
      "新能源汽车下乡活动启动\n\n本报记者 王浩 见习记者 李四\n\n"
      "3月5日，新能源汽车下乡活动在我市启动。\n活动为期一个月。\n\n摄影：陈伟\n");
  ASSERT_EQ(issue.articles.size(), 1u);
  EXPECT_EQ(
      paragraphs(issue.articles[0]),
      (std::vector<std::string>{"3月5日，新能源汽车下乡活动在我市启动。", "活动为期一个月。"}));
  EXPECT_TRUE(issue.articles[0].captions.empty());
  EXPECT_EQ(issue.articles[0].authors, (std::vector<std::string>{"王浩", "李四", "陈伟"}));
}

TEST(Captions, APhotoItemsTextStaysItsText) {
  // No writer's byline above: the paragraphs are the photo item's own text (as in 株洲日报).
  auto issue = parse(
      "为留学生测量体温\n\n2月2日下午4时，留学生们正在接受体温测量。\n\n"
      "学校为每个留学生配备一只温度计，每天上午10时，学生自我检测。\n\n"
      "株洲日报记者 刘震\n通讯员/罗成辉 摄\n");
  ASSERT_EQ(issue.articles.size(), 1u);
  EXPECT_EQ(issue.articles[0].kind, model::ArticleKind::kPhoto);
  EXPECT_EQ(paragraphs(issue.articles[0]).size(), 2u);
  EXPECT_TRUE(issue.articles[0].captions.empty());
  EXPECT_EQ(issue.articles[0].authors, (std::vector<std::string>{"刘震", "罗成辉"}));
}

TEST(Captions, ACaptionStaysWithTheStoryItIsPrintedIn) {
  // The caption shares no words with either story; the next story starts nearer to it.
  auto issue = parse(
      "春耕备耕正当时\n\n本报记者 刘晓宇\n\n眼下，全国各地抓住有利时机，开展春耕备耕。\n\n"
      "图为一台拖拉机。 新华社记者 张明 摄\n\n城市公园迎客\n\n本报讯 公园昨天正式开园。\n");
  ASSERT_EQ(issue.articles.size(), 2u);
  EXPECT_EQ(issue.articles[0].captions.size(), 1u);
  EXPECT_TRUE(issue.articles[1].captions.empty());
}

}  // namespace
}  // namespace gazette::ingest
