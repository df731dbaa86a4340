// Hand-edited issue folders with mistakes: each mistake is an error at `path:line:col` that
// says what is wrong, never a crash and never a silently different issue.
#include <gtest/gtest.h>

#include <fstream>

#include "markdown/issue_reader.hpp"
#include "support.hpp"

namespace gazette::markdown {
namespace {

// The `path:line:col: error: message` line of reading article `text` from `path`.
std::string article_error(std::string_view text, std::string_view path = "a/01-x.md") {
  auto r = read_article(text, path);
  if (r.ok()) return "(no error)";
  return format_error_line(r.error());
}

std::string issue_yaml_error(std::string_view text) {
  model::Issue issue;
  Status s = read_issue_yaml(text, "a/issue.yaml", issue);
  if (s.ok()) return "(no error)";
  return format_error_line(s.error());
}

TEST(ArticleErrors, BrokenYaml) {
  std::string e = article_error("---\ntitle: \"引号\" 之后\nkind: news\n---\n正文\n");
  EXPECT_TRUE(e.starts_with("a/01-x.md:")) << e;
  EXPECT_NE(e.find(": error: "), std::string::npos) << e;
  EXPECT_EQ(article_error("---\ntitle: [未闭合\n---\n"),
            "a/01-x.md:3:1: error: end of sequence flow not found");
  EXPECT_EQ(article_error("---\ntitle: 标题\n  kind: news\n---\n"),
            "a/01-x.md:3:7: error: illegal map value");
}

TEST(ArticleErrors, UnclosedFrontMatter) {
  EXPECT_EQ(article_error("---\ntitle: 标题\n\n正文\n"),
            "a/01-x.md:1:1: error: front matter is not closed: a line `---` must end it");
}

TEST(ArticleErrors, UnknownKind) {
  EXPECT_EQ(article_error("---\ntitle: 标题\nkind: opinion\n---\n"),
            "a/01-x.md:3:7: error: unknown kind `opinion`: use one of news, commentary, notice, "
            "photo, brief, letter");
}

TEST(ArticleErrors, NonListWhereAListIsExpected) {
  EXPECT_EQ(article_error("---\ntitle: 标题\nauthors: 邓伟勇\n---\n"),
            "a/01-x.md:3:10: error: `authors` must be a list, e.g. `authors: [\"…\", \"…\"]`");
  EXPECT_EQ(article_error("---\ntitle: 标题\ntags: {a: b}\n---\n"),
            "a/01-x.md:3:7: error: `tags` must be a list, e.g. `tags: [\"…\", \"…\"]`");
  EXPECT_EQ(article_error("---\ntitle: 标题\ncaptions:\n  - 图说\n  - [嵌套]\n---\n"),
            "a/01-x.md:5:5: error: each item of `captions` must be a text, not a list");
  EXPECT_EQ(article_error("---\ntitle: 标题\nsource_lines: 12\n---\n"),
            "a/01-x.md:3:15: error: `source_lines` must be a list of two line numbers: "
            "[first, last]");
  EXPECT_EQ(article_error("---\ntitle: 标题\nsource_lines: [12, 十]\n---\n"),
            "a/01-x.md:3:20: error: the last of `source_lines` must be a whole number");
}

TEST(ArticleErrors, TextWhereAListOrMapIsGiven) {
  EXPECT_EQ(article_error("---\ntitle: [甲, 乙]\n---\n"),
            "a/01-x.md:2:8: error: `title` must be a text, not a list (quote it: title: \"…\")");
  EXPECT_EQ(article_error("---\ntitle: 标题\nbyline:\n  记者: 邓伟勇\n---\n"),
            "a/01-x.md:4:3: error: `byline` must be a text, not a map (quote it: byline: \"…\")");
}

TEST(ArticleErrors, MissingTitle) {
  EXPECT_EQ(article_error("---\nkind: news\nauthors: [邓伟勇]\n---\n正文\n"),
            "a/01-x.md:2:1: error: the article has no `title` in its front matter");
  EXPECT_EQ(article_error("---\ntitle:\n---\n正文\n"),
            "a/01-x.md:2:1: error: the article has no `title` in its front matter");
  EXPECT_EQ(article_error("正文，没有前言。\n"),
            "a/01-x.md:1:1: error: the article has no front matter: its file must start with "
            "`---`, `title: \"…\"` and `---`");
  EXPECT_EQ(article_error(""),
            "a/01-x.md:1:1: error: the article has no front matter: its file must start with "
            "`---`, `title: \"…\"` and `---`");
}

TEST(ArticleErrors, TheCaretPointsAtTheValue) {
  auto r = read_article("---\ntitle: 标题\nkind: 评论\n---\n", "01.md");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(format_error(r.error()),
            "01.md:3:7: error: unknown kind `评论`: use one of news, commentary, notice, photo, "
            "brief, letter\n"
            "  kind: 评论\n"
            "        ^\n");
}

TEST(IssueYamlErrors, EachField) {
  EXPECT_EQ(issue_yaml_error("paper: 株洲日报\ndate: 2022-13-45\n"),
            "a/issue.yaml:2:7: error: `date` must be a date written YYYY-MM-DD, not `2022-13-45`");
  EXPECT_EQ(issue_yaml_error("date: 2022年11月8日\n"),
            "a/issue.yaml:1:7: error: `date` must be a date written YYYY-MM-DD, not "
            "`2022年11月8日`");
  EXPECT_EQ(issue_yaml_error("number: 第23124期\n"),
            "a/issue.yaml:1:9: error: `number` must be a whole number");
  EXPECT_EQ(issue_yaml_error("pages: -4\n"), "a/issue.yaml:1:8: error: `pages` must be at least 0");
  EXPECT_EQ(issue_yaml_error("warnings: 无\n"),
            "a/issue.yaml:1:11: error: `warnings` must be a list of `- line: N` / `message: "
            "\"…\"` maps");
  EXPECT_EQ(issue_yaml_error("warnings:\n  - line: 3\n"),
            "a/issue.yaml:2:5: error: a warning needs a `message`");
  EXPECT_EQ(issue_yaml_error("warnings:\n  - 只是文字\n"),
            "a/issue.yaml:2:5: error: each warning must be a map with `line` and `message`");
  EXPECT_EQ(issue_yaml_error("- 株洲日报\n"),
            "a/issue.yaml:1:1: error: issue.yaml must be a map of `key: value` lines (source, "
            "paper, date…)");
  EXPECT_EQ(issue_yaml_error("paper: [株洲日报\n"),
            "a/issue.yaml:2:1: error: end of sequence flow not found");
  EXPECT_EQ(issue_yaml_error(""), "(no error)");
}

// Writes a file of raw bytes.
void put(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

class FolderErrors : public ::testing::Test {
 protected:
  void SetUp() override {
    dir = tmp.path() / "2022-11-08";
    std::filesystem::create_directory(dir);
    put(dir / "issue.yaml", "paper: 株洲日报\ndate: 2022-11-08\n");
    put(dir / "01-yao-wen.md", "---\ntitle: 要闻\n---\n\n正文。\n");
  }
  std::string error() {
    auto r = read_issue_folder(dir);
    if (r.ok()) return "(no error)";
    return format_error_line(r.error());
  }
  testing::TempDir tmp;
  std::filesystem::path dir;
};

TEST_F(FolderErrors, AGoodFolderReads) {
  EXPECT_EQ(error(), "(no error)");
}

TEST_F(FolderErrors, InvalidUtf8) {
  put(dir / "02-b.md", "---\ntitle: 乙\n---\n\n第一段。\n\n第二段\xff坏了。\n");
  EXPECT_EQ(error(), (dir / "02-b.md").string() +
                         ":7:4: error: invalid UTF-8 (byte that never appears in UTF-8)");
}

TEST_F(FolderErrors, InvalidUtf8InIssueYaml) {
  put(dir / "issue.yaml", "paper: 株\xe6\xb4日报\n");
  EXPECT_TRUE(error().starts_with((dir / "issue.yaml").string() + ":1:9: error: invalid UTF-8"))
      << error();
}

TEST_F(FolderErrors, DuplicateNumber) {
  put(dir / "1-other.md", "---\ntitle: 另一篇\n---\n");
  EXPECT_EQ(error(), (dir / "1-other.md").string() +
                         ":1:1: error: article number 1 is used twice: by 01-yao-wen.md and by "
                         "1-other.md (each article file needs its own number)");
}

TEST_F(FolderErrors, MisnamedArticleFile) {
  put(dir / "notes.md", "随手记\n");
  EXPECT_EQ(error(), (dir / "notes.md").string() +
                         ":1:1: error: `notes.md` is not an article file name: name it NN-slug.md, "
                         "NN its position in the issue (01, 02, …)");
}

TEST_F(FolderErrors, ErrorsInsideArticlesNameTheFile) {
  put(dir / "02-b.md", "---\ntitle: 乙\nkind: opinion\n---\n");
  EXPECT_TRUE(error().starts_with((dir / "02-b.md").string() + ":3:7: error: unknown kind"))
      << error();
}

TEST_F(FolderErrors, MissingIssueYaml) {
  std::filesystem::remove(dir / "issue.yaml");
  EXPECT_EQ(error(), dir.string() + ": error: not a Markdown issue folder: it has no issue.yaml");
  EXPECT_FALSE(is_issue_folder(dir));
}

TEST_F(FolderErrors, NotAFolder) {
  dir /= "missing";
  EXPECT_EQ(error(),
            dir.string() + ": error: not a folder: a Markdown issue is a folder with issue.yaml");
}

TEST_F(FolderErrors, OtherFilesAreLeftAlone) {
  put(dir / "README.txt", "说明");
  put(dir / ".01-yao-wen.md.swp", "\xff\xff");
  put(dir / "01-yao-wen.md~", "\xff");
  std::filesystem::create_directory(dir / "images");
  put(dir / "images" / "a.md", "not an article");
  put(dir / "photo.jpg", "\xff\xd8\xff");
  auto r = read_issue_folder(dir);
  ASSERT_TRUE(r.ok()) << format_error(r.error());
  ASSERT_EQ(r->articles.size(), 1u);
  EXPECT_EQ(r->articles[0].title, "要闻");
}

TEST_F(FolderErrors, ArticlesAreInNumberOrderWithGaps) {
  put(dir / "10-c.md", "---\ntitle: 第十\n---\n");
  put(dir / "3-b.md", "---\ntitle: 第三\n---\n");
  auto r = read_issue_folder(dir);
  ASSERT_TRUE(r.ok()) << format_error(r.error());
  ASSERT_EQ(r->articles.size(), 3u);
  EXPECT_EQ(r->articles[0].title, "要闻");
  EXPECT_EQ(r->articles[1].title, "第三");
  EXPECT_EQ(r->articles[2].title, "第十");
}

TEST_F(FolderErrors, CrlfAndBomAreFine) {
  put(dir / "02-b.md", "\xef\xbb\xbf---\r\ntitle: 乙\r\nkind: brief\r\n---\r\n\r\n第一段。\r\n");
  auto r = read_issue_folder(dir);
  ASSERT_TRUE(r.ok()) << format_error(r.error());
  ASSERT_EQ(r->articles.size(), 2u);
  EXPECT_EQ(r->articles[1].kind, model::ArticleKind::kBrief);
  EXPECT_EQ(r->articles[1].body,
            (std::vector<model::Block>{{model::Block::Type::kParagraph, "第一段。", ""}}));
}

TEST(ArticleNumber, Names) {
  EXPECT_EQ(article_number("01-yao-wen.md"), 1);
  EXPECT_EQ(article_number("120.md"), 120);
  EXPECT_EQ(article_number("007-x-y-z.md"), 7);
  EXPECT_EQ(article_number("notes.md"), std::nullopt);
  EXPECT_EQ(article_number("01_yao.md"), std::nullopt);
  EXPECT_EQ(article_number("01-yao.txt"), std::nullopt);
  EXPECT_EQ(article_number("1234567890-x.md"), std::nullopt);
  EXPECT_EQ(article_number(".md"), std::nullopt);
}

}  // namespace
}  // namespace gazette::markdown
