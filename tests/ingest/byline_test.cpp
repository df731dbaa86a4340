// Bylines: sources, roles, names, photo credits and datelines, read with the pattern table.
#include "ingest/byline.hpp"

#include <gtest/gtest.h>

#include "ingest/chars.hpp"
#include "ingest/ingest.hpp"

namespace gazette::ingest {
namespace {

std::vector<std::string> names(const Byline& b) {
  std::vector<std::string> out;
  for (const auto& a : b.authors) out.push_back(to_utf8(a));
  return out;
}

class BylineTest : public ::testing::Test {
 protected:
  Patterns patterns = builtin_patterns();
  BylineReader reader{patterns};
};

TEST_F(BylineTest, ReporterLines) {
  auto b = reader.whole(to_u32("株洲日报记者 胡文洁"));
  ASSERT_TRUE(b);
  EXPECT_EQ(names(*b), (std::vector<std::string>{"胡文洁"}));
  EXPECT_FALSE(b->photo);
  EXPECT_TRUE(b->source);

  b = reader.whole(to_u32("通讯员/许倩 邓筱雨"));
  ASSERT_TRUE(b);
  EXPECT_EQ(names(*b), (std::vector<std::string>{"许倩", "邓筱雨"}));
  EXPECT_FALSE(b->source);
}

TEST_F(BylineTest, PhotoCredits) {
  auto b = reader.whole(to_u32("株洲日报全媒体记者/杨凌凌 通讯员/段蓉 陈武 张宝丽 郭威 摄"));
  ASSERT_TRUE(b);
  EXPECT_TRUE(b->photo);
  EXPECT_EQ(names(*b), (std::vector<std::string>{"杨凌凌", "段蓉", "陈武", "张宝丽", "郭威"}));
  b = reader.whole(to_u32("株洲日报全媒体记者/易朔 摄"));
  ASSERT_TRUE(b);
  EXPECT_TRUE(b->photo);
}

TEST_F(BylineTest, InlineBylinesAndDatelines) {
  std::u32string text = to_u32("株洲日报讯（全媒体记者/邓伟勇） 11月8日晚，在株洲");
  auto p = reader.prefix(text);
  ASSERT_TRUE(p);
  EXPECT_EQ(to_utf8(p->first.text), "株洲日报讯（全媒体记者/邓伟勇）");
  EXPECT_EQ(names(p->first), (std::vector<std::string>{"邓伟勇"}));
  EXPECT_EQ(to_utf8(text.substr(p->second)), "11月8日晚，在株洲");

  text = to_u32("湖南日报11月7日讯（全媒体记者 邓晶琰） 7日下午");
  p = reader.prefix(text);
  ASSERT_TRUE(p);
  EXPECT_EQ(names(p->first), (std::vector<std::string>{"邓晶琰"}));

  text = to_u32("新华社北京 11月 9日电 11 月 9 日，国家主席");
  p = reader.prefix(text);
  ASSERT_TRUE(p);
  EXPECT_TRUE(p->first.dateline);
  EXPECT_EQ(to_utf8(p->first.text), "新华社北京11月9日电");
  EXPECT_TRUE(p->first.authors.empty());

  p = reader.prefix(to_u32("株洲日报讯 “经过全自动数控机"));
  ASSERT_TRUE(p);
  EXPECT_TRUE(p->first.dateline);
  EXPECT_EQ(to_utf8(p->first.text), "株洲日报讯");
}

TEST_F(BylineTest, OtherPapersForms) {
  auto p = reader.prefix(to_u32("本报讯（记者 张三 实习生 李四） 昨日，全市召开大会。"));
  ASSERT_TRUE(p);
  EXPECT_EQ(names(p->first), (std::vector<std::string>{"张三", "李四"}));
  auto b = reader.whole(to_u32("记者 王五 报道"));
  ASSERT_TRUE(b);
  EXPECT_EQ(names(*b), (std::vector<std::string>{"王五"}));
  b = reader.whole(to_u32("本報記者 陳大文"));  // traditional characters
  ASSERT_TRUE(b);
  EXPECT_EQ(names(*b), (std::vector<std::string>{"陳大文"}));
  p = reader.prefix(to_u32("新華社北京11月9日電 國家主席"));
  ASSERT_TRUE(p);
  EXPECT_TRUE(p->first.dateline);
}

TEST_F(BylineTest, OpenBracketContinuesOnTheNextLine) {
  auto b = reader.whole(to_u32("株洲日报讯（全媒体记者/"));
  ASSERT_TRUE(b);
  EXPECT_TRUE(b->open);
}

TEST_F(BylineTest, RunningTextIsNoByline) {
  EXPECT_FALSE(reader.whole(to_u32("记者从市卫健委获悉，全市核酸检测有序推进")));
  EXPECT_FALSE(reader.prefix(to_u32("喜讯传来，全市上下一片欢腾")));
  EXPECT_FALSE(reader.whole(to_u32("加快构建网络空间命运共同体")));
}

TEST_F(BylineTest, CreditsWithoutNames) {
  std::u32string t = to_u32("中车株洲电机公司驻厂员工正在紧张生产中。 企业供图");
  auto at = reader.credit_tail(t);
  ASSERT_TRUE(at);
  EXPECT_EQ(to_utf8(t.substr(*at)), "企业供图");
  t = to_u32("株洲宜安精密制造公司车间内生产有条不紊。图片由受访者提供");
  at = reader.credit_tail(t);
  ASSERT_TRUE(at);
  EXPECT_EQ(to_utf8(t.substr(*at)), "图片由受访者提供");
  EXPECT_FALSE(reader.credit_tail(to_u32("全力为驻厂员工提供")));
}

TEST_F(BylineTest, BareAuthorNames) {
  EXPECT_TRUE(reader.is_name(to_u32("朱理平")));
  EXPECT_TRUE(reader.is_name(to_u32("欧阳修文")));
  EXPECT_FALSE(reader.is_name(to_u32("力量")));
  EXPECT_FALSE(reader.is_name(to_u32("画出抗疫最大同心圆")));
  auto n = reader.name_line(to_u32("张三 李四"));
  ASSERT_TRUE(n);
  EXPECT_EQ(n->size(), 2u);
}

// Datelines of the paper itself and of agencies and outlets, with the credits after them.
TEST_F(BylineTest, DatelinesOfPapersAndOutlets) {
  std::u32string text = to_u32("本报北京3月5日电（记者 王浩 李心萍）十四届全国人大一次会议开幕。");
  auto p = reader.prefix(text);
  ASSERT_TRUE(p);
  EXPECT_EQ(to_utf8(p->first.text), "本报北京3月5日电（记者 王浩 李心萍）");
  EXPECT_EQ(names(p->first), (std::vector<std::string>{"王浩", "李心萍"}));
  EXPECT_TRUE(p->first.source);
  EXPECT_EQ(to_utf8(text.substr(p->second)), "十四届全国人大一次会议开幕。");

  p = reader.prefix(to_u32("人民网北京3月5日电 （记者 王浩）5日上午，会议开幕。"));
  ASSERT_TRUE(p);
  EXPECT_EQ(to_utf8(p->first.text), "人民网北京3月5日电（记者 王浩）");
  EXPECT_EQ(names(p->first), (std::vector<std::string>{"王浩"}));

  p = reader.prefix(to_u32("中国青年报北京3月5日电（记者王浩、李心萍）会议开幕。"));
  ASSERT_TRUE(p);
  EXPECT_EQ(names(p->first), (std::vector<std::string>{"王浩", "李心萍"}));

  text = to_u32("新华社华盛顿3月4日电（记者 赵文君）美国劳工部4日公布数据。");
  p = reader.prefix(text);
  ASSERT_TRUE(p);
  EXPECT_EQ(names(p->first), (std::vector<std::string>{"赵文君"}));
  EXPECT_EQ(to_utf8(text.substr(p->second)), "美国劳工部4日公布数据。");
}

TEST_F(BylineTest, DatelinesWithoutNames) {
  for (const char* s : {"据新华社电 国家统计局5日发布数据。", "据新华社北京3月5日电 国家统计局",
                        "参考消息网3月5日报道 据美国《华尔街日报》网站报道",
                        "本报北京3月5日电 十四届全国人大", "中新网北京3月5日电 记者从会上获悉"}) {
    SCOPED_TRACE(s);
    auto p = reader.prefix(to_u32(s));
    ASSERT_TRUE(p);
    EXPECT_TRUE(p->first.dateline);
    EXPECT_TRUE(p->first.authors.empty());
  }
  // An outlet missing from the table, set apart by a space: 南都讯.
  auto p = reader.prefix(to_u32("南都讯 3月5日，广州地铁集团发布消息。"));
  ASSERT_TRUE(p);
  EXPECT_EQ(to_utf8(p->first.text), "南都讯");
  // In brackets as a whole.
  std::u32string text = to_u32("【共同社3月5日电】日本央行5日表示。");
  p = reader.prefix(text);
  ASSERT_TRUE(p);
  EXPECT_TRUE(p->first.dateline);
  EXPECT_TRUE(p->first.enclosed);
  EXPECT_EQ(to_utf8(text.substr(p->second)), "日本央行5日表示。");
}

TEST_F(BylineTest, SentencesAreNoDatelines) {
  EXPECT_FALSE(reader.prefix(to_u32("据央视新闻报道，3月5日，全国人大会议开幕。")));
  EXPECT_FALSE(reader.prefix(to_u32("据新华社报道，国家统计局5日发布数据。")));
  EXPECT_FALSE(reader.prefix(to_u32("本报记者日前电话采访了有关负责人。")));
  EXPECT_FALSE(reader.prefix(to_u32("中国电信5日发布新套餐。")));
  EXPECT_FALSE(reader.prefix(to_u32("喜讯传来，全市上下一片欢腾")));
  // The text names a paper (12 characters before 讯 are no paper's name).
  EXPECT_FALSE(reader.prefix(to_u32("图片由受访者提供株洲日报讯（全媒体记者/邓伟勇）在山水文园")));
  // 记者从…获悉 after a dateline is the story, not a name.
  std::u32string text = to_u32("本报讯 记者从市卫健委获悉，全市核酸检测有序推进。");
  auto p = reader.prefix(text);
  ASSERT_TRUE(p);
  EXPECT_TRUE(p->first.authors.empty());
  EXPECT_EQ(to_utf8(text.substr(p->second)), "记者从市卫健委获悉，全市核酸检测有序推进。");
}

// Credits after a dateline without brackets (南方都市报 and many city papers).
TEST_F(BylineTest, CreditsAfterADatelineWithoutBrackets) {
  std::u32string text = to_u32("南都讯 记者 王浩 通讯员 穗交宣 3月5日，记者从广州地铁获悉。");
  auto p = reader.prefix(text);
  ASSERT_TRUE(p);
  EXPECT_EQ(to_utf8(p->first.text), "南都讯 记者 王浩 通讯员 穗交宣");
  EXPECT_EQ(names(p->first), (std::vector<std::string>{"王浩", "穗交宣"}));
  EXPECT_EQ(to_utf8(text.substr(p->second)), "3月5日，记者从广州地铁获悉。");

  text = to_u32("本报讯 记者王浩 李心萍 昨日，全市召开大会。");
  p = reader.prefix(text);
  ASSERT_TRUE(p);
  EXPECT_EQ(names(p->first), (std::vector<std::string>{"王浩", "李心萍"}));
  EXPECT_EQ(to_utf8(text.substr(p->second)), "昨日，全市召开大会。");  // 昨 is no surname
}

TEST_F(BylineTest, CreditsEndingWithAColon) {
  // Hong Kong papers: the credits end with 报道：, the story follows the colon.
  std::u32string text = to_u32("【大公報訊】記者陳大文報道：特區政府5日宣布。");
  auto p = reader.prefix(text);
  ASSERT_TRUE(p);
  EXPECT_EQ(names(p->first), (std::vector<std::string>{"陳大文"}));
  EXPECT_EQ(to_utf8(text.substr(p->second)), "特區政府5日宣布。");
  text = to_u32("本报北京3月5日讯 记者王浩报道：全市召开大会。");
  p = reader.prefix(text);
  ASSERT_TRUE(p);
  EXPECT_EQ(names(p->first), (std::vector<std::string>{"王浩"}));
  EXPECT_EQ(to_utf8(text.substr(p->second)), "全市召开大会。");
  // 报道 after a role and a name closes a byline; it is no dateline (本报 + place 记者王浩).
  auto b = reader.whole(to_u32("本报记者 王浩 报道"));
  ASSERT_TRUE(b);
  EXPECT_FALSE(b->dateline);
  EXPECT_EQ(names(*b), (std::vector<std::string>{"王浩"}));
  b = reader.whole(to_u32("本報記者 陳大文 報道"));
  ASSERT_TRUE(b);
  EXPECT_EQ(names(*b), (std::vector<std::string>{"陳大文"}));
  auto n = reader.name_line(to_u32("◎ 任仲平"));
  ASSERT_TRUE(n);
  EXPECT_EQ(n->size(), 1u);
}

// Names separated by spaces, slashes or 、, and names printed without any separator.
TEST_F(BylineTest, NamesAreSplitOnEverySeparator) {
  const std::vector<std::string> two = {"王浩", "李心萍"};
  for (const char* s : {"记者 王浩 李心萍", "记者/王浩 李心萍", "记者王浩、李心萍",
                        "记者：王浩，李心萍", "记者王浩李心萍", "记者  王浩　李心萍"}) {
    SCOPED_TRACE(s);
    auto b = reader.whole(to_u32(s));
    ASSERT_TRUE(b);
    EXPECT_EQ(names(*b), two);
  }
  auto b = reader.whole(to_u32("本报记者 王浩 李心萍"));
  ASSERT_TRUE(b);
  EXPECT_EQ(to_utf8(b->text), "本报记者 王浩 李心萍");  // printed spaces kept, one each
  EXPECT_EQ(names(*b), two);
}

TEST_F(BylineTest, RunTogetherNamesAreCutAtSurnames) {
  auto cut = [&](const char* s) {
    std::vector<std::string> out;
    if (auto n = reader.split_names(to_u32(s))) {
      for (const auto& x : *n) out.push_back(to_utf8(x));
    }
    return out;
  };
  EXPECT_EQ(cut("王浩李心萍"), (std::vector<std::string>{"王浩", "李心萍"}));
  EXPECT_EQ(cut("赵文君刘铮张明"), (std::vector<std::string>{"赵文君", "刘铮", "张明"}));
  EXPECT_EQ(cut("欧阳明刘芳"), (std::vector<std::string>{"欧阳明", "刘芳"}));
  // 王浩李 | 明华 or 王浩 | 李明华: the more frequent surname (李 before 明) wins.
  EXPECT_EQ(cut("王浩李明华"), (std::vector<std::string>{"王浩", "李明华"}));
  EXPECT_TRUE(cut("春耕备耕正当时").empty());  // 春 is no surname
}

TEST_F(BylineTest, PapersPostsAndOrnaments) {
  auto b = reader.whole(to_u32("■本报记者 王浩 李心萍"));
  ASSERT_TRUE(b);
  EXPECT_EQ(to_utf8(b->text), "本报记者 王浩 李心萍");
  EXPECT_EQ(names(*b), (std::vector<std::string>{"王浩", "李心萍"}));
  b = reader.whole(to_u32("本报驻京记者 刘晓宇"));
  ASSERT_TRUE(b);
  EXPECT_TRUE(b->source);
  EXPECT_EQ(names(*b), (std::vector<std::string>{"刘晓宇"}));
  b = reader.whole(to_u32("新华社记者 赵文君 刘铮"));
  ASSERT_TRUE(b);
  EXPECT_EQ(names(*b), (std::vector<std::string>{"赵文君", "刘铮"}));
  b = reader.whole(to_u32("采写：南都记者 黄婷"));
  ASSERT_TRUE(b);
  EXPECT_EQ(names(*b), (std::vector<std::string>{"黄婷"}));
  b = reader.whole(to_u32("【环球时报驻美国特约记者 王浩 环球时报记者 李心萍】"));
  ASSERT_TRUE(b);
  EXPECT_EQ(names(*b), (std::vector<std::string>{"王浩", "李心萍"}));
  b = reader.whole(to_u32("（南都记者 王浩 发自北京）"));
  ASSERT_TRUE(b);
  EXPECT_TRUE(b->enclosed);
  EXPECT_EQ(names(*b), (std::vector<std::string>{"王浩"}));
  b = reader.whole(to_u32("本报记者 王浩 见习记者 李四 特约撰稿人 赵五"));
  ASSERT_TRUE(b);
  EXPECT_EQ(names(*b), (std::vector<std::string>{"王浩", "李四", "赵五"}));
  b = reader.whole(to_u32("本报记者 王浩 实习生 Tom Chen"));
  ASSERT_TRUE(b);
  EXPECT_EQ(names(*b), (std::vector<std::string>{"王浩", "Tom Chen"}));
}

TEST_F(BylineTest, HeadlinesAreNoBylines) {
  for (const char* s : {"记者手记：春天里的坚守", "记者节", "本报记者探访春耕一线", "记者和你一起",
                        "本报评论员文章", "通讯员来稿选登", "春耕备耕正当时"}) {
    SCOPED_TRACE(s);
    auto b = reader.whole(to_u32(s));
    EXPECT_TRUE(!b || b->authors.empty());
  }
}

TEST_F(BylineTest, BylinesClosingAParagraph) {
  std::u32string text = to_u32("会议5日上午开幕。（记者 王浩 李心萍）");
  auto s = reader.suffix(text);
  ASSERT_TRUE(s);
  EXPECT_EQ(to_utf8(s->first.text), "（记者 王浩 李心萍）");
  EXPECT_EQ(names(s->first), (std::vector<std::string>{"王浩", "李心萍"}));
  EXPECT_EQ(to_utf8(text.substr(0, s->second)), "会议5日上午开幕。");
  s = reader.suffix(to_u32("报道称，中国经济正在复苏。（编译/王浩）"));
  ASSERT_TRUE(s);
  EXPECT_EQ(names(s->first), (std::vector<std::string>{"王浩"}));
  EXPECT_FALSE(reader.suffix(to_u32("执行《关于从严加强静默管理的通告》（第10号）")));
  EXPECT_FALSE(reader.suffix(to_u32("公司（简称“株齿公司”）")));
  EXPECT_FALSE(reader.suffix(to_u32("会议由市长主持（王浩）")));            // a name alone
  EXPECT_FALSE(reader.suffix(to_u32("游客赏花。（新华社记者 李博 摄）")));  // a photo credit
  EXPECT_FALSE(reader.suffix(to_u32("疫情防控。株洲日报讯（全媒体记者/邓伟勇）")));  // a dateline
}

// Caption and credit on one line, in every usual form.
TEST_F(BylineTest, CaptionCredits) {
  struct Case {
    const char* text;
    const char* caption;
    const char* credit;
    std::vector<std::string> names;
  };
  const std::vector<Case> cases = {
      {"图为农民在田间劳作。 新华社记者 张明 摄",
       "图为农民在田间劳作。",
       "新华社记者 张明 摄",
       {"张明"}},
      {"游客在玄武湖公园赏花。（新华社记者 李博 摄）",
       "游客在玄武湖公园赏花。",
       "（新华社记者 李博 摄）",
       {"李博"}},
      {"游客在玄武湖公园赏花（新华社记者 李博 摄）",
       "游客在玄武湖公园赏花",
       "（新华社记者 李博 摄）",
       {"李博"}},
      {"游客观赏大熊猫。新华社发（王曦 摄）", "游客观赏大熊猫。", "新华社发（王曦 摄）", {"王曦"}},
      {"3月5日拍摄的春耕场景。新华社发", "3月5日拍摄的春耕场景。", "新华社发", {}},
      {"市民在公园内游览 本报记者 张明摄", "市民在公园内游览", "本报记者 张明摄", {"张明"}},
      {"市民在公园内赏花。 张明 摄", "市民在公园内赏花。", "张明 摄", {"张明"}},
      {"圖為市民在公園賞花。 本報記者 張明 攝",
       "圖為市民在公園賞花。",
       "本報記者 張明 攝",
       {"張明"}},
      {"车间内生产有条不紊。图片由受访者提供", "车间内生产有条不紊。", "图片由受访者提供", {}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    std::u32string t = to_u32(c.text);
    auto cc = reader.caption_credit(t);
    ASSERT_TRUE(cc);
    EXPECT_EQ(to_utf8(trim(std::u32string_view(t).substr(0, cc->at))), c.caption);
    EXPECT_EQ(to_utf8(cc->byline.text), c.credit);
    EXPECT_TRUE(cc->byline.photo);
    EXPECT_EQ(names(cc->byline), c.names);
  }
  EXPECT_FALSE(reader.caption_credit(to_u32("会议指出，要全力保障重点企业生产。")));
  EXPECT_FALSE(reader.caption_credit(to_u32("全力为驻厂员工提供")));
  EXPECT_FALSE(reader.caption_credit(to_u32("据新华社发布的消息，会议闭幕")));
}

TEST_F(BylineTest, BylinesBrokenAcrossLines) {
  EXPECT_TRUE(reader.ends_in_open_credits(to_u32("吸引了市民前来观赏。（通讯员 王五")));
  EXPECT_TRUE(reader.ends_in_open_credits(to_u32("吸引了市民前来观赏。（南都记者")));
  EXPECT_FALSE(reader.ends_in_open_credits(to_u32("吸引了市民前来观赏。（通讯员 王五）")));
  EXPECT_FALSE(reader.ends_in_open_credits(to_u32("继续在主城区（含天元区、荷塘区")));
  // Between two names the break is a space; inside a name it is nothing.
  EXPECT_EQ(to_utf8(reader.join_broken(to_u32("本报讯（记者 王浩"), to_u32("李心萍）会议开幕"))),
            "本报讯（记者 王浩 李心萍）会议开幕");
  EXPECT_EQ(
      to_utf8(reader.join_broken(to_u32("株洲日报讯（全媒体记者/邓伟"), to_u32("勇） 11月8日"))),
      "株洲日报讯（全媒体记者/邓伟勇） 11月8日");
  EXPECT_EQ(to_utf8(reader.join_broken(to_u32("本报讯（记者"), to_u32("王浩）会议"))),
            "本报讯（记者 王浩）会议");
  EXPECT_EQ(to_utf8(reader.join_broken(to_u32("本报讯（记者 欧阳"), to_u32("明华）会议"))),
            "本报讯（记者 欧阳明华）会议");
}

TEST(BylineTable, SitesAddRoles) {
  // 融媒记者 is not in the built-in table; a site adds it in site.yaml.
  auto yaml = YAML::Load("roles: [融媒记者]\n");
  auto options = options_from_yaml(yaml, "site.yaml");
  ASSERT_TRUE(options);
  BylineReader with(options->patterns);
  auto b = with.whole(to_u32("株洲日报融媒记者 王小明"));
  ASSERT_TRUE(b);
  EXPECT_EQ(names(*b), (std::vector<std::string>{"王小明"}));
  Patterns builtin = builtin_patterns();
  BylineReader without(builtin);
  EXPECT_FALSE(without.whole(to_u32("株洲日报融媒记者 王小明")));
}

}  // namespace
}  // namespace gazette::ingest
