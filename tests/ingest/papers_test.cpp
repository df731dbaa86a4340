// Issues in the styles of other Chinese papers than the samples' city daily: each hand-written in
// the way that paper prints its datelines, bylines, credits and captions, with the articles that
// must come out — titles, bylines as printed, the authors named in them, paragraphs, captions.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "test_util.hpp"

namespace gazette::ingest {
namespace {

using model::ArticleKind;
using testing::paragraphs;
using testing::parse;

// What one article must be.
struct Want {
  std::string title;
  std::optional<std::string> kicker;
  ArticleKind kind;
  std::optional<std::string> byline;
  std::vector<std::string> authors;
  std::vector<std::string> paragraphs;
  std::vector<std::string> captions = {};
  std::optional<std::string> dateline = std::nullopt;
};

std::string warnings_of(const model::Issue& issue) {
  std::string out;
  for (const auto& w : issue.warnings) out += std::to_string(w.line) + ": " + w.message + "\n";
  return out;
}

void expect_articles(const model::Issue& issue, const std::vector<Want>& want) {
  EXPECT_TRUE(issue.warnings.empty()) << warnings_of(issue);
  ASSERT_EQ(issue.articles.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    const model::Article& a = issue.articles[i];
    const Want& w = want[i];
    SCOPED_TRACE(w.title);
    EXPECT_EQ(a.title, w.title);
    EXPECT_EQ(a.kicker, w.kicker);
    EXPECT_EQ(model::kind_name(a.kind), model::kind_name(w.kind));
    EXPECT_EQ(a.byline, w.byline);
    EXPECT_EQ(a.authors, w.authors);
    EXPECT_EQ(paragraphs(a), w.paragraphs);
    EXPECT_EQ(a.captions, w.captions);
    EXPECT_EQ(a.dateline, w.dateline);
  }
}

void expect_masthead(const model::Issue& issue, const char* paper, text::Date date,
                     std::optional<int> number = std::nullopt) {
  EXPECT_EQ(issue.masthead.paper, paper);
  ASSERT_TRUE(issue.masthead.date);
  EXPECT_EQ(*issue.masthead.date, date);
  EXPECT_EQ(issue.masthead.number, number);
}

// 人民日报: datelines of the paper (本报北京…电) and of Xinhua on a line of its own with the
// credits opening the next line; a reporter's line; a caption and its credit on one line.
TEST(Papers, PeoplesDaily) {
  auto issue = parse(R"(人民日报

2023年3月5日 星期日
第27000期 今日20版

政府工作报告提请十四届全国人大一次会议审议

本报北京3月5日电（记者 王浩 李心萍）十四届全国人大一次会议5日上午在人民大会堂开幕。国务院总理在会上作政府工作报告。
报告指出，过去五年极不寻常、极不平凡，我们经受了世界变局加快演变、新冠疫情冲击、国内经济下行等多重考验。

春耕备耕正当时

本报记者 刘晓宇

眼下，全国各地抓住有利时机，开展春耕备耕。
“今年的种子早就备好了。”种粮大户老李说。

图为农民在田间劳作。 新华社记者 张明 摄

全国政协十四届一次会议举行第二次全体会议

新华社北京3月5日电
（记者 赵文君）全国政协十四届一次会议5日下午在人民大会堂举行第二次全体会议。
)");
  expect_masthead(issue, "人民日报", {2023, 3, 5}, 27000);
  expect_articles(
      issue,
      {
          {"政府工作报告提请十四届全国人大一次会议审议",
           std::nullopt,
           ArticleKind::kNews,
           "本报北京3月5日电（记者 王浩 李心萍）",
           {"王浩", "李心萍"},
           {"十四届全国人大一次会议5日上午在人民大会堂开幕。国务院总理在会上作政府工作报告。",
            "报告指出，过去五年极不寻常、极不平凡，我们经受了世界变局加快演变、新冠疫情冲击、"
            "国内经济下行等多重考验。"}},
          {"春耕备耕正当时",
           std::nullopt,
           ArticleKind::kNews,
           "本报记者 刘晓宇",
           {"刘晓宇", "张明"},
           {"眼下，全国各地抓住有利时机，开展春耕备耕。",
            "“今年的种子早就备好了。”种粮大户老李说。"},
           {"图为农民在田间劳作。 新华社记者 张明 摄"}},
          {"全国政协十四届一次会议举行第二次全体会议",
           std::nullopt,
           ArticleKind::kNews,
           "新华社北京3月5日电（记者 赵文君）",
           {"赵文君"},
           {"全国政协十四届一次会议5日下午在人民大会堂举行第二次全体会议。"}},
      });
}

// 新华每日电讯: names run together with 、, 据新华社电, reporters' lines, photo items whose caption
// and credit share one line (in brackets, or 新华社发 with the photographer in brackets).
TEST(Papers, XinhuaDaily) {
  auto issue = parse(R"(新华每日电讯

2023年3月6日 星期一
第10958期 今日16版

聚焦全国两会

代表委员热议高质量发展

新华社北京3月5日电（记者王浩、李心萍）5日上午，十四届全国人大一次会议开幕。代表委员们表示，要坚定不移推动高质量发展。
来自基层的代表说，今年的政府工作报告目标明确、举措务实，让人倍感振奋。

2月份CPI同比上涨1.0%

据新华社电 国家统计局5日发布数据，2月份全国居民消费价格同比上涨1.0%，环比下降0.5%。

在乡村振兴一线

新华社记者 赵文君 刘铮

初春时节，记者走进江西赣州的田间地头，处处可见忙碌的身影。
当地干部介绍，今年全县计划新建高标准农田5万亩。

春到江南

3月4日，游客在江苏南京玄武湖公园赏花。（新华社记者 李博 摄）

大熊猫乐园迎客来

3月5日，游客在成都大熊猫繁育研究基地观赏大熊猫。新华社发（王曦 摄）
)");
  expect_masthead(issue, "新华每日电讯", {2023, 3, 6}, 10958);
  expect_articles(
      issue,
      {
          {"代表委员热议高质量发展",
           "聚焦全国两会",
           ArticleKind::kNews,
           "新华社北京3月5日电（记者王浩、李心萍）",
           {"王浩", "李心萍"},
           {"5日上午，十四届全国人大一次会议开幕。代表委员们表示，要坚定不移推动高质量发展。",
            "来自基层的代表说，今年的政府工作报告目标明确、举措务实，让人倍感振奋。"}},
          {"2月份CPI同比上涨1.0%",
           std::nullopt,
           ArticleKind::kNews,
           "据新华社电",
           {},
           {"国家统计局5日发布数据，2月份全国居民消费价格同比上涨1.0%，环比下降0.5%。"},
           {},
           "据新华社电"},
          {"在乡村振兴一线",
           std::nullopt,
           ArticleKind::kNews,
           "新华社记者 赵文君 刘铮",
           {"赵文君", "刘铮"},
           {"初春时节，记者走进江西赣州的田间地头，处处可见忙碌的身影。",
            "当地干部介绍，今年全县计划新建高标准农田5万亩。"}},
          {"春到江南",
           std::nullopt,
           ArticleKind::kPhoto,
           "（新华社记者 李博 摄）",
           {"李博"},
           {"3月4日，游客在江苏南京玄武湖公园赏花。"}},
          {"大熊猫乐园迎客来",
           std::nullopt,
           ArticleKind::kPhoto,
           "新华社发（王曦 摄）",
           {"王曦"},
           {"3月5日，游客在成都大熊猫繁育研究基地观赏大熊猫。"}},
      });
}

// 南方都市报: 南都讯 with the credits not in brackets, a feature signed at its end (采写：…), a
// photo item with the photographer after the caption.
TEST(Papers, SouthernMetropolisDaily) {
  auto issue = parse(R"(南方都市报

2023年3月6日 星期一

广州地铁新线年内开通

南都讯 记者 王浩 通讯员 穗交宣 3月5日，记者从广州地铁集团获悉，地铁十号线、十二号线将于年内开通运营。
据介绍，新线开通后，广州地铁运营里程将突破700公里。

深圳发布人才新政

南都讯（记者 李心萍 实习生 陈晓）3月5日，深圳市人社局发布新一轮人才政策，最高给予600万元奖励补贴。
新政自4月1日起施行。

老城区微改造 让街巷焕新颜

走进越秀区北京街，青砖墙、趟栊门，处处是老广州的味道。
去年以来，当地完成了30条街巷的微改造。
采写：南都记者 黄婷

春日花城

3月4日，市民在越秀公园赏木棉。南都记者 陈伟 摄
)");
  expect_masthead(issue, "南方都市报", {2023, 3, 6});
  expect_articles(issue,
                  {
                      {"广州地铁新线年内开通",
                       std::nullopt,
                       ArticleKind::kNews,
                       "南都讯 记者 王浩 通讯员 穗交宣",
                       {"王浩", "穗交宣"},
                       {"3月5日，记者从广州地铁集团获悉，地铁十号线、十二号线将于年内开通运营。",
                        "据介绍，新线开通后，广州地铁运营里程将突破700公里。"}},
                      {"深圳发布人才新政",
                       std::nullopt,
                       ArticleKind::kNews,
                       "南都讯（记者 李心萍 实习生 陈晓）",
                       {"李心萍", "陈晓"},
                       {"3月5日，深圳市人社局发布新一轮人才政策，最高给予600万元奖励补贴。",
                        "新政自4月1日起施行。"}},
                      {"老城区微改造 让街巷焕新颜",
                       std::nullopt,
                       ArticleKind::kNews,
                       "采写：南都记者 黄婷",
                       {"黄婷"},
                       {"走进越秀区北京街，青砖墙、趟栊门，处处是老广州的味道。",
                        "去年以来，当地完成了30条街巷的微改造。"}},
                      {"春日花城",
                       std::nullopt,
                       ArticleKind::kPhoto,
                       "南都记者 陈伟 摄",
                       {"陈伟"},
                       {"3月4日，市民在越秀公园赏木棉。"}},
                  });
}

// 北京日报: an ornament before the reporters' line, 本报讯（记者 …）, a caption above its credit
// inside a story, a story signed at its end in brackets.
TEST(Papers, BeijingDaily) {
  auto issue = parse(R"(北京日报

2023年3月6日 星期一
第23456期

京津冀协同发展再提速

■本报记者 王浩 李心萍

3月5日，记者从市发展改革委获悉，今年本市将推进京津冀协同发展重点项目120个。
据悉，这些项目总投资超过3000亿元。

副中心城市绿心公园开园

本报讯（记者 刘晓宇）城市副中心城市绿心森林公园昨天正式开园，市民可免费入园游览。
公园内设有20余处景点。

图为市民在公园内游览。
本报记者 张明摄

本市新增5处口袋公园

今年本市将新建口袋公园和小微绿地50处，首批5处已于近日完工。
（记者 赵文君）
)");
  expect_masthead(issue, "北京日报", {2023, 3, 6}, 23456);
  expect_articles(
      issue, {
                 {"京津冀协同发展再提速",
                  std::nullopt,
                  ArticleKind::kNews,
                  "本报记者 王浩 李心萍",
                  {"王浩", "李心萍"},
                  {"3月5日，记者从市发展改革委获悉，今年本市将推进京津冀协同发展重点项目120个。",
                   "据悉，这些项目总投资超过3000亿元。"}},
                 {"副中心城市绿心公园开园",
                  std::nullopt,
                  ArticleKind::kNews,
                  "本报讯（记者 刘晓宇）",
                  {"刘晓宇", "张明"},
                  {"城市副中心城市绿心森林公园昨天正式开园，市民可免费入园游览。",
                   "公园内设有20余处景点。"},
                  {"图为市民在公园内游览。 本报记者 张明摄"}},
                 {"本市新增5处口袋公园",
                  std::nullopt,
                  ArticleKind::kNews,
                  "（记者 赵文君）",
                  {"赵文君"},
                  {"今年本市将新建口袋公园和小微绿地50处，首批5处已于近日完工。"}},
             });
}

// 参考消息: a dateline ending in 报道, a translator's credit closing the text, an agency's
// dateline in 【】, a Xinhua dateline from abroad.
TEST(Papers, ReferenceNews) {
  auto issue = parse(R"(参考消息

2023年3月6日 星期一
第16001期 今日24版

外媒关注中国经济新动能

参考消息网3月5日报道 据美国《华尔街日报》网站3月4日报道，中国今年的经济增长目标为5%左右，这一目标务实而稳健。
报道称，中国经济正在从疫情中强劲复苏。（编译/王浩）

日本央行维持超宽松政策

【共同社3月5日电】日本央行5日表示，将维持超宽松货币政策不变，以支持经济复苏。
分析人士认为，这一决定符合市场预期。

美国2月新增就业31.1万人

新华社华盛顿3月4日电（记者 赵文君）美国劳工部4日公布的数据显示，2月美国非农部门新增就业31.1万人，失业率为3.6%。
)");
  expect_masthead(issue, "参考消息", {2023, 3, 6}, 16001);
  expect_articles(
      issue,
      {
          {"外媒关注中国经济新动能",
           std::nullopt,
           ArticleKind::kNews,
           "（编译/王浩）",
           {"王浩"},
           {"据美国《华尔街日报》网站3月4日报道，中国今年的经济增长目标为5%左右，这一目标务实而稳"
            "健。",
            "报道称，中国经济正在从疫情中强劲复苏。"},
           {},
           "参考消息网3月5日报道"},
          {"日本央行维持超宽松政策",
           std::nullopt,
           ArticleKind::kNews,
           "【共同社3月5日电】",
           {},
           {"日本央行5日表示，将维持超宽松货币政策不变，以支持经济复苏。",
            "分析人士认为，这一决定符合市场预期。"},
           {},
           "【共同社3月5日电】"},
          {"美国2月新增就业31.1万人",
           std::nullopt,
           ArticleKind::kNews,
           "新华社华盛顿3月4日电（记者 赵文君）",
           {"赵文君"},
           {"美国劳工部4日公布的数据显示，2月美国非农部门新增就业31.1万人，失业率为3.6%。"}},
      });
}

// A county paper set in narrow columns: the byline breaks across lines (between a role and a
// name, and inside the closing credits between two names), a 融媒体中心 reporter's line.
TEST(Papers, CountyPaperInNarrowColumns) {
  auto issue = parse(R"(浏阳日报

2023年3月6日 星期一
第5678期 今日4版

我市启动春季植树活动

本报讯（通讯员 李四 记者
张三）3月5日，我市2023年春季义
务植树活动在集里街道启动，300余名
干部群众参加植树，共栽种苗木3000
余株，种下了一片“希望林”。
据了解，今年我市计划完成植树造林
2万亩，新建村庄绿化示范点20个，
进一步提升城乡绿化水平。

镇头镇：千亩油菜花开正艳

本报讯 近日，镇头镇千亩油菜花竞相
开放，吸引了不少市民前来观赏。（通讯员 王五
陈六）

花炮企业订单足

浏阳市融媒体中心记者 欧阳明 通讯员/刘芳

“今年的订单比去年多了三成。”3月
4日，在大瑶镇一家花炮企业，负责人
说。
企业正在加紧生产，确保按时交货。
)");
  expect_masthead(issue, "浏阳日报", {2023, 3, 6}, 5678);
  expect_articles(
      issue,
      {
          {"我市启动春季植树活动",
           std::nullopt,
           ArticleKind::kNews,
           "本报讯（通讯员 李四 记者 张三）",
           {"李四", "张三"},
           {"3月5日，我市2023年春季义务植树活动在集里街道启动，300余名干部群众参加植树，共栽种苗"
            "木3000余株，种下了一片“希望林”。",
            "据了解，今年我市计划完成植树造林2万亩，新建村庄绿化示范点20个，进一步提升城乡绿化水"
            "平。"}},
          {"镇头镇：千亩油菜花开正艳",
           std::nullopt,
           ArticleKind::kNews,
           "（通讯员 王五 陈六）",
           {"王五", "陈六"},
           {"近日，镇头镇千亩油菜花竞相开放，吸引了不少市民前来观赏。"},
           {},
           "本报讯"},
          {"花炮企业订单足",
           std::nullopt,
           ArticleKind::kNews,
           "浏阳市融媒体中心记者 欧阳明 通讯员/刘芳",
           {"欧阳明", "刘芳"},
           {"“今年的订单比去年多了三成。”3月4日，在大瑶镇一家花炮企业，负责人说。",
            "企业正在加紧生产，确保按时交货。"}},
      });
}

// A Hong Kong paper in traditional characters: 本報訊（記者 …）, 新華社…電, 圖為… 本報記者 … 攝.
TEST(Papers, TraditionalCharacters) {
  auto issue = parse(R"(大公報

2023年3月6日 星期一

特區政府推出新一輪消費券

本報訊（記者 陳大文 李小明）特區政府5日宣布，將於今年年中推出新一輪電子消費券，每名合資格市民可獲發5000元。
財政司司長表示，措施有助提振本地消費。

全國人大會議在京開幕

新華社北京3月5日電（記者 王浩）十四屆全國人大一次會議5日上午在北京人民大會堂開幕。

春暖花開

圖為市民在維多利亞公園賞花。 本報記者 張明 攝
)");
  expect_masthead(issue, "大公報", {2023, 3, 6});
  expect_articles(
      issue,
      {
          {"特區政府推出新一輪消費券",
           std::nullopt,
           ArticleKind::kNews,
           "本報訊（記者 陳大文 李小明）",
           {"陳大文", "李小明"},
           {"特區政府5日宣布，將於今年年中推出新一輪電子消費券，每名合資格市民可獲發5000元。",
            "財政司司長表示，措施有助提振本地消費。"}},
          {"全國人大會議在京開幕",
           std::nullopt,
           ArticleKind::kNews,
           "新華社北京3月5日電（記者 王浩）",
           {"王浩"},
           {"十四屆全國人大一次會議5日上午在北京人民大會堂開幕。"}},
          {"春暖花開",
           std::nullopt,
           ArticleKind::kPhoto,
           "本報記者 張明 攝",
           {"張明"},
           {"圖為市民在維多利亞公園賞花。"}},
      });
}

// English words, numbers, times, a URL and an e-mail address in Chinese text, and a Latin name
// in a byline: spaces between Latin words stay, the Latin text keeps its punctuation, and
// half-width marks in Chinese sentences become full width.
TEST(Papers, EnglishWordsAndNumbers) {
  auto issue = parse(R"(科技日报

2023年3月6日 星期一

5G+AI赋能制造业 Q1营收增长12.5%

本报讯（记者 王浩 实习生 Tom Chen）3月5日，Apple公司在Cupertino发布iPhone 15 Pro，售价999美元，较上代上涨3.5%。
发布会于上午10:30开始，详见https://www.apple.com/cn/，咨询邮箱press@example.com。

华为发布HarmonyOS 4.0

本报记者 李心萍

记者从华为公司获悉，HarmonyOS 4.0将于8月正式发布，首批支持P60、Mate 50等机型。
据统计，鸿蒙生态设备已超过7亿台, 开发者超过200万名.
)");
  expect_masthead(issue, "科技日报", {2023, 3, 6});
  expect_articles(
      issue,
      {
          {"5G+AI赋能制造业 Q1营收增长12.5%",
           std::nullopt,
           ArticleKind::kNews,
           "本报讯（记者 王浩 实习生 Tom Chen）",
           {"王浩", "Tom Chen"},
           {"3月5日，Apple公司在Cupertino发布iPhone 15 Pro，售价999美元，较上代上涨3.5%。",
            "发布会于上午10:30开始，详见https://www.apple.com/cn/，咨询邮箱press@example.com。"}},
          {"华为发布HarmonyOS 4.0",
           std::nullopt,
           ArticleKind::kNews,
           "本报记者 李心萍",
           {"李心萍"},
           {"记者从华为公司获悉，HarmonyOS 4.0将于8月正式发布，首批支持P60、Mate 50等机型。",
            "据统计，鸿蒙生态设备已超过7亿台，开发者超过200万名。"}},
      });
}

}  // namespace
}  // namespace gazette::ingest
