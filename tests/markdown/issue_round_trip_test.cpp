// Issue → Markdown issue folder → Issue gives back the same issue, field for field, for issues
// with every field set and every field unset, and for texts YAML and Markdown find awkward.
#include <gtest/gtest.h>

#include <fstream>

#include "markdown/folder_writer.hpp"
#include "markdown/issue_reader.hpp"
#include "markdown/issue_writer.hpp"
#include "support.hpp"

namespace gazette::markdown {
namespace {

using Type = model::Block::Type;

// Texts that need care in YAML (quotes, colons, `#`, look-alikes of null, booleans, numbers
// and dates, leading and trailing spaces, line breaks, control characters) and in Markdown.
const std::vector<std::string> kAwkward = {"null",       "~",
                                           "true",       "no",
                                           "123",        "0x1F",
                                           "1e3",        "2022-11-08",
                                           " 前后空格 ", "a: b",
                                           "a #b",       "#话题",
                                           "- 列表",     "---",
                                           "...",        "'单引号'",
                                           "\"双引号\"", "第一行\n第二行",
                                           "tab\there",  "a,b",
                                           "[方括号]",   "{花括号}",
                                           "*星号",      "&锚",
                                           "!标签",      "%",
                                           "@",          "`",
                                           "|竖线",      ">大于",
                                           "=等于",      "?问",
                                           "a\\b",       "\x01控制",
                                           "emoji😀",     "全角　空格",
                                           "\r",         ""};

model::Article full_article() {
  model::Article a;
  a.title = "加快构建网络空间命运共同体";
  a.kicker = "习近平向2022年世界互联网大会乌镇峰会致贺信";
  a.subtitle = "携手构建“更加公平合理”的网络空间: 副题";
  a.kind = model::ArticleKind::kCommentary;
  a.byline = "株洲日报讯（全媒体记者/邓伟勇）";
  a.authors = {"邓伟勇", "杨凌凌", "段蓉"};
  a.dateline = "新华社北京11月9日电";
  a.page = "A1";
  a.continued_to = "A4";
  a.captions = {"图为：工人们在生产线上加班加点。杨凌凌 摄", "第二张图的说明"};
  a.tags = {"疫情防控", "株洲"};
  a.slug = "jia-kuai";
  a.first_line = 12;
  a.last_line = 87;
  a.body = {{Type::kParagraph, "11月9日，国家主席习近平向2022年世界互联网大会乌镇峰会致贺信。", ""},
            {Type::kHeading, "一、坚决扭住 #防扩散#", ""},
            {Type::kParagraph, "1. 要严格落实“四应四尽”要求 *加快* 实现 <清零>。", ""},
            {Type::kParagraph, "见 https://www.zznews.gov.cn 或 www.zznews.gov.cn。  ", ""},
            {Type::kParagraph, "这是手写的 Markdown。", "这是**手写**的 Markdown。"},
            {Type::kParagraph, "甲\n乙", "- 甲\n- 乙"},
            {Type::kHeading, "二级", "## 二级"}};
  return a;
}

model::Issue full_issue() {
  model::Issue issue;
  issue.source = "samples/001_ec8a289be981ebcb.txt";
  issue.masthead.paper = "株洲日报";
  issue.masthead.date = text::Date{2022, 11, 8};
  issue.masthead.weekday = "星期二";
  issue.masthead.lunar = "壬寅年十月十五";
  issue.masthead.number = 23124;
  issue.masthead.pages = 4;
  issue.warnings = {{12, "removed a repeated paragraph (also at line 40)"},
                    {0, "the date was inferred: \"2022年11月9日\" in a signature"}};
  issue.articles.push_back(full_article());
  model::Article bare;  // every optional field unset, default kind, no body
  bare.title = "只有标题";
  issue.articles.push_back(bare);
  model::Article untitled;  // ingestion's untitled article
  untitled.body = {{Type::kParagraph, "没有可识别的标题。", ""}};
  issue.articles.push_back(untitled);
  return issue;
}

// Reads `files` back, as a folder would be read.
Result<model::Issue> read_back(const std::vector<IssueFile>& files) {
  std::vector<IssueSource> sources;
  for (const IssueFile& f : files) sources.push_back({f.name, f.content, "issue/" + f.name, 1});
  return read_issue_sources(std::move(sources), "issue");
}

class IssueRoundTrip : public ::testing::Test {
 protected:
  text::Slugger slugger;
};

// A tripwire: the folder must hold every field of the model. When a field is added to one of
// these structs, write and read it in issue_writer.cpp / issue_reader.cpp, cover it in the
// tests above, then update the size here.
TEST(ModelFields, EveryFieldIsWrittenAndRead) {
  EXPECT_EQ(sizeof(model::Warning), 40u) << "a field was added to model::Warning";
  EXPECT_EQ(sizeof(model::Block), 72u) << "a field was added to model::Block";
  EXPECT_EQ(sizeof(model::Article), 424u) << "a field was added to model::Article";
  EXPECT_EQ(sizeof(model::Masthead), 152u) << "a field was added to model::Masthead";
  EXPECT_EQ(sizeof(model::Issue), 232u) << "a field was added to model::Issue";
}

TEST_F(IssueRoundTrip, EveryFieldSet) {
  model::Issue issue = full_issue();
  auto back = read_back(issue_files(issue, slugger));
  ASSERT_TRUE(back.ok()) << format_error(back.error());
  EXPECT_EQ(*back, issue);
}

TEST_F(IssueRoundTrip, EveryFieldUnset) {
  model::Issue issue;
  auto back = read_back(issue_files(issue, slugger));
  ASSERT_TRUE(back.ok()) << format_error(back.error());
  EXPECT_EQ(*back, issue);

  issue.articles.resize(1);  // an untitled article with nothing else
  back = read_back(issue_files(issue, slugger));
  ASSERT_TRUE(back.ok()) << format_error(back.error());
  EXPECT_EQ(*back, issue);
}

TEST_F(IssueRoundTrip, EachFieldAloneIsKept) {
  // Each field set on its own (so none depends on another being there).
  std::vector<std::function<void(model::Issue&)>> setters = {
      [](model::Issue& i) { i.source = "x.txt"; },
      [](model::Issue& i) { i.masthead.paper = "株洲日报"; },
      [](model::Issue& i) {
        i.masthead.date = text::Date{2020, 2, 29};
      },
      [](model::Issue& i) { i.masthead.weekday = "星期六"; },
      [](model::Issue& i) { i.masthead.lunar = "庚子年二月初七"; },
      [](model::Issue& i) { i.masthead.number = 0; },
      [](model::Issue& i) { i.masthead.pages = 8; },
      [](model::Issue& i) {
        i.warnings = {{3, "w"}};
      },
      [](model::Issue& i) { i.articles[0].title = "标题"; },
      [](model::Issue& i) { i.articles[0].kicker = ""; },
      [](model::Issue& i) { i.articles[0].subtitle = "副题"; },
      [](model::Issue& i) { i.articles[0].kind = model::ArticleKind::kLetter; },
      [](model::Issue& i) { i.articles[0].byline = "株洲日报记者 胡文洁"; },
      [](model::Issue& i) { i.articles[0].authors = {"胡文洁"}; },
      [](model::Issue& i) { i.articles[0].dateline = "新华社北京11月9日电"; },
      [](model::Issue& i) { i.articles[0].page = "3"; },
      [](model::Issue& i) { i.articles[0].continued_to = "A4"; },
      [](model::Issue& i) { i.articles[0].captions = {"图说"}; },
      [](model::Issue& i) { i.articles[0].tags = {"标签"}; },
      [](model::Issue& i) { i.articles[0].slug = "my-slug"; },
      [](model::Issue& i) { i.articles[0].first_line = 5; },
      [](model::Issue& i) { i.articles[0].last_line = 9; },
      [](model::Issue& i) {
        i.articles[0].body = {{Type::kHeading, "", ""}};
      },
  };
  for (size_t k = 0; k < setters.size(); ++k) {
    model::Issue issue;
    issue.articles.resize(1);
    setters[k](issue);
    auto back = read_back(issue_files(issue, slugger));
    ASSERT_TRUE(back.ok()) << k << ": " << format_error(back.error());
    EXPECT_EQ(*back, issue) << "setter " << k;
  }
}

TEST_F(IssueRoundTrip, AwkwardTextsInEveryTextField) {
  for (const std::string& s : kAwkward) {
    model::Issue issue;
    issue.source = s;
    issue.masthead.paper = s;
    issue.masthead.weekday = s;
    issue.masthead.lunar = s;
    issue.warnings = {{1, s}};
    model::Article a;
    a.title = s;
    a.kicker = s;
    a.subtitle = s;
    a.byline = s;
    a.authors = {s, s};
    a.dateline = s;
    a.page = s;
    a.continued_to = s;
    a.captions = {s};
    a.tags = {s};
    a.slug = s;
    a.body = {{Type::kParagraph, "正文" + s, ""}, {Type::kHeading, s, ""}};
    if (!s.empty()) a.body.push_back({Type::kParagraph, s, ""});
    issue.articles.push_back(a);
    auto files = issue_files(issue, slugger);
    auto back = read_back(files);
    ASSERT_TRUE(back.ok()) << "[" << s << "] " << format_error(back.error());
    EXPECT_EQ(*back, issue) << "[" << s << "]\n" << files[0].content << files[1].content;
  }
}

TEST_F(IssueRoundTrip, ThroughAFolderOnDisk) {
  testing::TempDir tmp;
  model::Issue issue = full_issue();
  std::filesystem::path dir = tmp.path() / "001_ec8a289be981ebcb";
  ASSERT_TRUE(write_issue_folder(issue_files(issue, slugger), dir, false).ok());
  auto back = read_issue_folder(dir);
  ASSERT_TRUE(back.ok()) << format_error(back.error());
  EXPECT_EQ(*back, issue);
}

TEST_F(IssueRoundTrip, TheFilesReadLikeANewspaper) {
  model::Issue issue = full_issue();
  auto files = issue_files(issue, slugger);
  ASSERT_EQ(files.size(), 4u);
  EXPECT_EQ(files[0].name, "issue.yaml");
  EXPECT_EQ(files[0].content,
            "source: \"samples/001_ec8a289be981ebcb.txt\"\n"
            "paper: \"株洲日报\"\n"
            "date: 2022-11-08\n"
            "weekday: \"星期二\"\n"
            "lunar: \"壬寅年十月十五\"\n"
            "number: 23124\n"
            "pages: 4\n"
            "warnings:\n"
            "  - line: 12\n"
            "    message: \"removed a repeated paragraph (also at line 40)\"\n"
            "  - line: 0\n"
            "    message: \"the date was inferred: \\\"2022年11月9日\\\" in a signature\"\n");
  EXPECT_EQ(files[1].name, "01-jia-kuai-gou-jian-wang-luo-kong-jian-ming-yun.md");
  EXPECT_EQ(files[1].content,
            "---\n"
            "title: \"加快构建网络空间命运共同体\"\n"
            "kicker: \"习近平向2022年世界互联网大会乌镇峰会致贺信\"\n"
            "subtitle: \"携手构建“更加公平合理”的网络空间: 副题\"\n"
            "kind: commentary\n"
            "byline: \"株洲日报讯（全媒体记者/邓伟勇）\"\n"
            "authors: [\"邓伟勇\", \"杨凌凌\", \"段蓉\"]\n"
            "dateline: \"新华社北京11月9日电\"\n"
            "page: \"A1\"\n"
            "continued_to: \"A4\"\n"
            "captions:\n"
            "  - \"图为：工人们在生产线上加班加点。杨凌凌 摄\"\n"
            "  - \"第二张图的说明\"\n"
            "tags: [\"疫情防控\", \"株洲\"]\n"
            "slug: \"jia-kuai\"\n"
            "source_lines: [12, 87]\n"
            "---\n"
            "\n"
            "11月9日，国家主席习近平向2022年世界互联网大会乌镇峰会致贺信。\n"
            "\n"
            "### 一、坚决扭住 \\#防扩散\\#\n"
            "\n"
            "1\\. 要严格落实“四应四尽”要求 \\*加快\\* 实现 \\<清零>。\n"
            "\n"
            "见 https\\://www\\.zznews.gov.cn 或 www\\.zznews.gov.cn。&#32;&#32;\n"
            "\n"
            "这是**手写**的 Markdown。\n"
            "\n"
            "- 甲\n"
            "- 乙\n"
            "\n"
            "## 二级\n");
  EXPECT_EQ(files[2].name, "02-zhi-you-biao-ti.md");
  EXPECT_EQ(files[2].content, "---\ntitle: \"只有标题\"\nkind: news\n---\n");
  EXPECT_EQ(files[3].name, "03.md");
  EXPECT_EQ(files[3].content, "---\ntitle: \"\"\nkind: news\n---\n\n没有可识别的标题。\n");
}

TEST_F(IssueRoundTrip, FileNames) {
  model::Issue issue;
  for (const char* title : {"要闻", "要闻", "要闻", "Breaking News!", "", "株洲日报"}) {
    model::Article a;
    a.title = title;
    issue.articles.push_back(a);
  }
  EXPECT_EQ(article_file_names(issue, slugger),
            (std::vector<std::string>{"01-yao-wen.md", "02-yao-wen-2.md", "03-yao-wen-3.md",
                                      "04-breaking-news.md", "05.md", "06-zhu-zhou-ri-bao.md"}));
  // Long titles give bounded slugs.
  model::Issue one;
  one.articles.push_back({});
  one.articles[0].title = std::string(200, 'a') + "长标题";
  std::string name = article_file_names(one, slugger)[0];
  EXPECT_LE(name.size(), 3 + 48 + 3u) << name;
  // Three digits from 100 articles on, still read back in order.
  model::Issue big;
  for (int i = 1; i <= 120; ++i) {
    model::Article a;
    a.title = "第" + std::to_string(i) + "篇";
    big.articles.push_back(a);
  }
  std::vector<std::string> names = article_file_names(big, slugger);
  EXPECT_EQ(names[0], "001-di-1-pian.md");
  EXPECT_EQ(names[119], "120-di-120-pian.md");
  auto back = read_back(issue_files(big, slugger));
  ASSERT_TRUE(back.ok()) << format_error(back.error());
  EXPECT_EQ(*back, big);
}

}  // namespace
}  // namespace gazette::markdown
