// Bad input: a clear error or a warning, never a crash, a hang or partial output.
#include <gtest/gtest.h>

#include "test_util.hpp"

namespace gazette::ingest {
namespace {

using testing::default_ingester;
using testing::parse;
using testing::warned;

TEST(BadInput, InvalidUtf8IsAnErrorAtItsLineAndColumn) {
  auto r = default_ingester().ingest("第一行\n第二\xE6\x96行\n", "bad.txt");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().path, "bad.txt");
  EXPECT_EQ(r.error().line, 2);
  EXPECT_EQ(r.error().column, 3);
  EXPECT_NE(r.error().message.find("invalid UTF-8"), std::string::npos);
  EXPECT_EQ(format_error_line(r.error()).rfind("bad.txt:2:3: error: ", 0), 0u);
}

TEST(BadInput, BinaryFileIsAnError) {
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  auto r = default_ingester().ingest(png, "picture.txt");
  ASSERT_FALSE(r);
  std::string zeros("text\0\0\0more", 11);
  r = default_ingester().ingest(zeros, "zeros.txt");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("binary"), std::string::npos);
  EXPECT_EQ(r.error().line, 1);
  EXPECT_EQ(r.error().column, 5);
}

TEST(BadInput, EmptyFileGivesAnEmptyIssueWithAWarning) {
  for (const char* text : {"", "\n\n   \n", "\xEF\xBB\xBF"}) {
    auto r = default_ingester().ingest(text, "empty.txt");
    ASSERT_TRUE(r);
    EXPECT_TRUE(r->articles.empty());
    EXPECT_TRUE(warned(*r, "the file has no text"));
  }
}

TEST(BadInput, NoRecognisableArticleIsOneUntitledArticle) {
  auto issue = parse(
      "这是一段没有标题的文字，说明了一些情况。\n\n这是第二段文字，也没有标题。\n\n"
      "第三段文字在这里结束。\n");
  ASSERT_EQ(issue.articles.size(), 1u);
  EXPECT_EQ(issue.articles[0].title, "");
  EXPECT_EQ(issue.articles[0].body.size(), 3u);
  EXPECT_TRUE(warned(issue, "no headline found in the issue"));
}

TEST(BadInput, OneShortSentenceIsStillAnArticle) {
  auto issue = parse("只有一句话。\n");
  ASSERT_EQ(issue.articles.size(), 1u);
  EXPECT_EQ(issue.articles[0].body.at(0).text, "只有一句话。");
}

TEST(BadInput, ControlCharactersAreDroppedWithAWarning) {
  auto issue = parse("标题\n\n正文\x01第一段。\n");
  ASSERT_EQ(issue.articles.size(), 1u);
  EXPECT_EQ(issue.articles[0].body[0].text, "正文第一段。");
  EXPECT_TRUE(warned(issue, "dropped 1 control character"));
}

TEST(BadInput, CrLfAndBomAreHandled) {
  auto issue = parse("\xEF\xBB\xBF标题\r\n\r\n正文第一段。\r\n");
  ASSERT_EQ(issue.articles.size(), 1u);
  EXPECT_EQ(issue.articles[0].title, "标题");
}

TEST(BadInput, UnclosedFrontMatterIsAnError) {
  auto r = default_ingester().ingest("---\ndate: 2022-11-08\n正文。\n", "fm.txt");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().line, 1);
}

}  // namespace
}  // namespace gazette::ingest
