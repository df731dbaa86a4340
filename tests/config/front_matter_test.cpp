#include "config/front_matter.hpp"

#include <gtest/gtest.h>

namespace gazette::config {
namespace {

TEST(FrontMatter, SplitsYamlFromBody) {
  std::string text = "---\ndate: 2022-11-10\npaper: 株洲日报\n---\n 新华社北京 11月 9日电\n";
  auto fm = split_front_matter(text, "a.txt");
  ASSERT_TRUE(fm.ok()) << format_error(fm.error());
  EXPECT_EQ(fm->data["date"].as<std::string>(), "2022-11-10");
  EXPECT_EQ(fm->data["paper"].as<std::string>(), "株洲日报");
  EXPECT_EQ(fm->body, " 新华社北京 11月 9日电\n");
  EXPECT_EQ(fm->body_line, 5);
}

TEST(FrontMatter, NoFrontMatterMeansWholeTextIsBody) {
  std::string text = "株洲日报\n\n2022年11月8日 星期二\n";
  auto fm = split_front_matter(text, "a.txt");
  ASSERT_TRUE(fm.ok());
  EXPECT_TRUE(fm->data.IsMap());
  EXPECT_EQ(fm->data.size(), 0u);
  EXPECT_EQ(fm->body, text);
  EXPECT_EQ(fm->body_line, 1);
}

TEST(FrontMatter, EmptyBlockAndDotsFence) {
  auto fm = split_front_matter("---\n...\nbody", "a.md");
  ASSERT_TRUE(fm.ok());
  EXPECT_TRUE(fm->data.IsMap());
  EXPECT_EQ(fm->body, "body");
  EXPECT_EQ(fm->body_line, 3);
}

TEST(FrontMatter, BrokenYamlIsAnErrorAtItsFileLine) {
  auto fm = split_front_matter("---\ndate: 2022-11-10\ntitle: [unclosed\n---\nbody\n", "x.txt");
  ASSERT_FALSE(fm.ok());
  EXPECT_EQ(fm.error().path, "x.txt");
  EXPECT_GE(fm.error().line, 3);
  EXPECT_LE(fm.error().line, 4);
  EXPECT_GT(fm.error().column, 0);
  EXPECT_NE(format_error_line(fm.error()).find("x.txt:"), std::string::npos);
}

TEST(FrontMatter, UnclosedBlockIsAnError) {
  auto fm = split_front_matter("---\ndate: 2022-11-10\nno end here\n", "x.txt");
  ASSERT_FALSE(fm.ok());
  EXPECT_EQ(format_error_line(fm.error()),
            "x.txt:1:1: error: front matter is not closed: a line `---` must end it");
}

TEST(FrontMatter, NonMapIsAnError) {
  auto fm = split_front_matter("---\n- a\n- b\n---\n", "x.txt");
  ASSERT_FALSE(fm.ok());
  EXPECT_EQ(fm.error().line, 2);
  EXPECT_NE(fm.error().message.find("must be a map"), std::string::npos);
}

TEST(ParseYaml, ErrorPositionIsOffsetByFirstLine) {
  auto r = parse_yaml("a: 1\nb: : :\n  - x\n", "site.yaml", 1);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().path, "site.yaml");
  EXPECT_GE(r.error().line, 2);
}

TEST(NodeError, PointsAtTheNode) {
  auto r = parse_yaml("title: x\nlanguage: 42\n", "site.yaml");
  ASSERT_TRUE(r.ok());
  Error e = node_error((*r)["language"], "site.yaml", "language must be a BCP 47 tag");
  EXPECT_EQ(format_error_line(e), "site.yaml:2:11: error: language must be a BCP 47 tag");
}

}  // namespace
}  // namespace gazette::config
