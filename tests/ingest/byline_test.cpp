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
