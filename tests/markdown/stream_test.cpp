// The single-stream form (`gazette parse --markdown`): the files of the issue folder, each
// under a `==> FOLDER/FILE <==` header; it splits back into exactly those files.
#include "markdown/issue_stream.hpp"

#include <gtest/gtest.h>

#include "support.hpp"

namespace gazette::markdown {
namespace {

using Type = model::Block::Type;

model::Issue sample_issue() {
  model::Issue issue;
  issue.source = "002_11b79ce3a1869f5d.txt";
  issue.masthead.paper = "株洲日报";
  issue.masthead.date = text::Date{2020, 2, 4};
  model::Article a;
  a.title = "“全盛精冲”全力赶制抗击疫情“特殊订单”";
  a.byline = "株洲日报记者 张洁";
  a.authors = {"张洁"};
  a.body = {
      {Type::kParagraph, "株洲日报讯 “经过全自动数控机和机器人焊接操作，一个零部件下线。”", ""},
      {Type::kParagraph, "==> 看起来像标题行 <==", ""},
      {Type::kParagraph, "---", ""}};
  issue.articles.push_back(a);
  model::Article b;
  b.title = "全力防扩散抓救治";
  b.body = {
      {Type::kParagraph, "手写的一行\n==> x/01.md <==\n继续", "手写的一行\n==> x/01.md <==\n继续"}};
  issue.articles.push_back(b);
  return issue;
}

class Stream : public ::testing::Test {
 protected:
  text::Slugger slugger;
};

TEST_F(Stream, LooksLikeTheFolder) {
  model::Issue issue = sample_issue();
  issue.articles.resize(1);
  issue.articles[0].body.resize(1);
  EXPECT_EQ(issue_stream(issue, "002_11b79ce3a1869f5d", slugger),
            "==> 002_11b79ce3a1869f5d/issue.yaml <==\n"
            "source: \"002_11b79ce3a1869f5d.txt\"\n"
            "paper: \"株洲日报\"\n"
            "date: 2020-02-04\n"
            "\n"
            "==> 002_11b79ce3a1869f5d/01-quan-sheng-jing-chong-quan-li-gan-zhi-kang-ji-yi.md <==\n"
            "---\n"
            "title: \"“全盛精冲”全力赶制抗击疫情“特殊订单”\"\n"
            "kind: news\n"
            "byline: \"株洲日报记者 张洁\"\n"
            "authors: [\"张洁\"]\n"
            "---\n"
            "\n"
            "株洲日报讯 “经过全自动数控机和机器人焊接操作，一个零部件下线。”\n");
}

TEST_F(Stream, SplitsBackIntoTheSameFiles) {
  model::Issue issue = sample_issue();
  std::string stream = issue_stream(issue, "002", slugger);
  auto folders = split_issue_stream(stream, "-");
  ASSERT_TRUE(folders.ok()) << format_error(folders.error());
  ASSERT_EQ(folders->size(), 1u);
  std::vector<IssueFile> files = issue_files(issue, slugger);
  const StreamFolder& folder = (*folders)[0];
  EXPECT_EQ(folder.folder, "002");
  ASSERT_EQ(folder.files.size(), files.size());
  // Plain text never makes a header; hand-written Markdown that would is guarded.
  EXPECT_EQ(folder.files[0].text, files[0].content);
  EXPECT_EQ(folder.files[1].text, files[1].content);
  EXPECT_NE(folder.files[2].text.find("\n\\==> x/01.md <==\n"), std::string::npos);
  EXPECT_EQ(folder.files[0].first_line, 2);

  auto issues = read_issue_stream(stream, "-");
  ASSERT_TRUE(issues.ok()) << format_error(issues.error());
  ASSERT_EQ(issues->size(), 1u);
  model::Issue back = (*issues)[0];
  EXPECT_EQ(back.articles[0], issue.articles[0]);
  // The guarded line shows the same words.
  EXPECT_EQ(back.articles[1].body[0].text, "手写的一行 ==> x/01.md <== 继续");
}

TEST_F(Stream, SeveralIssuesInOneStream) {
  model::Issue one = sample_issue();
  model::Issue two;
  two.source = "b.txt";
  two.articles.push_back({});
  two.articles[0].title = "第二期";
  std::string stream = issue_stream(one, "a", slugger) + "\n" + issue_stream(two, "b", slugger);
  auto issues = read_issue_stream(stream, "-");
  ASSERT_TRUE(issues.ok()) << format_error(issues.error());
  ASSERT_EQ(issues->size(), 2u);
  EXPECT_EQ((*issues)[1], two);
  EXPECT_EQ((*issues)[0].articles[0], one.articles[0]);
}

TEST_F(Stream, ErrorsPointIntoTheStream) {
  std::string stream =
      "==> x/issue.yaml <==\n"
      "paper: 株洲日报\n"
      "\n"
      "==> x/01-a.md <==\n"
      "---\n"
      "title: 甲\n"
      "kind: opinion\n"
      "---\n";
  auto issues = read_issue_stream(stream, "out.md");
  ASSERT_FALSE(issues.ok());
  EXPECT_TRUE(format_error_line(issues.error()).starts_with("out.md:7:7: error: unknown kind"))
      << format_error_line(issues.error());

  auto bad = split_issue_stream("前言\n==> x/issue.yaml <==\n", "out.md");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(format_error_line(bad.error()),
            "out.md:1:1: error: expected a header line `==> FOLDER/issue.yaml <==` before any "
            "text");
  bad = split_issue_stream("==> x/01-a.md <==\n", "out.md");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(format_error_line(bad.error()),
            "out.md:1:5: error: an issue's files start with x/issue.yaml");
}

}  // namespace
}  // namespace gazette::markdown
