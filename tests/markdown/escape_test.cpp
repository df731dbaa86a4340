// Plain text → Markdown → HTML must show exactly the text: every character Markdown treats as
// syntax is escaped, alone, in context, with Chinese around it.
#include "markdown/escape.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "markdown/blocks.hpp"
#include "markdown/html.hpp"
#include "support.hpp"

namespace gazette::markdown {
namespace {

using testing::single_element_text;

// The text a reader sees when `text` is written as a paragraph and rendered.
std::string paragraph_round_trip(const std::string& text) {
  return single_element_text(render_html(paragraph_markdown(text)), "p");
}

std::string heading_round_trip(const std::string& text) {
  return single_element_text(render_html(heading_markdown(text)), "h3");
}

void expect_exact_paragraph(const std::string& text);
void expect_exact_heading(const std::string& text);

// Checks the paragraph and heading forms of `text`: one line of Markdown, rendered as exactly
// the text, and read back by parse_body as the same plain block.
void expect_exact(const std::string& text) {
  SCOPED_TRACE("text: [" + text + "]");
  if (!text.empty()) expect_exact_paragraph(text);
  expect_exact_heading(text);
}

void expect_exact_paragraph(const std::string& text) {
  std::string p = paragraph_markdown(text);
  EXPECT_EQ(p.find('\n'), std::string::npos) << p;
  EXPECT_EQ(paragraph_round_trip(text), text) << "markdown: " << p;
  std::vector<model::Block> blocks = parse_body(p);
  ASSERT_EQ(blocks.size(), 1u) << p;
  EXPECT_EQ(blocks[0], (model::Block{model::Block::Type::kParagraph, text, ""})) << p;
}

void expect_exact_heading(const std::string& text) {
  std::string h = heading_markdown(text);
  EXPECT_EQ(h.find('\n'), std::string::npos) << h;
  EXPECT_EQ(heading_round_trip(text), text) << "markdown: " << h;
  std::vector<model::Block> blocks = parse_body(h);
  ASSERT_EQ(blocks.size(), 1u) << h;
  EXPECT_EQ(blocks[0], (model::Block{model::Block::Type::kHeading, text, ""})) << h;
}

TEST(Escape, PlainChineseIsUnchanged) {
  EXPECT_EQ(paragraph_markdown(
                "株洲日报讯（全媒体记者/邓伟勇）11月8日晚，在株洲疫情处置工作会商会结束后。"),
            "株洲日报讯（全媒体记者/邓伟勇）11月8日晚，在株洲疫情处置工作会商会结束后。");
  EXPECT_EQ(heading_markdown("坚决打赢疫情防控阻击战"), "### 坚决打赢疫情防控阻击战");
}

TEST(Escape, OrdinaryPunctuationStaysReadable) {
  for (const char* text :
       {"3.5亿元", "10:30开幕", "1,000人", "R&D投入", "2022.11.08", "a > b", "株洲#日报", "(括号)",
        "“引号”", "50%", "问? 答!", "a-b", "1+1=2", "289500034@qq.com"}) {
    EXPECT_EQ(paragraph_markdown(text), text);
    expect_exact(text);
  }
}

TEST(Escape, LineStartSyntax) {
  EXPECT_EQ(paragraph_markdown("1. 第一"), "1\\. 第一");
  EXPECT_EQ(paragraph_markdown("1) 第一"), "1\\) 第一");
  EXPECT_EQ(paragraph_markdown("123456789. 长序号"), "123456789\\. 长序号");
  EXPECT_EQ(paragraph_markdown("1."), "1\\.");
  EXPECT_EQ(paragraph_markdown("# 标题"), "\\# 标题");
  EXPECT_EQ(paragraph_markdown("#话题#"), "\\#话题#");
  EXPECT_EQ(paragraph_markdown("> 引用"), "\\> 引用");
  EXPECT_EQ(paragraph_markdown("- 项目"), "\\- 项目");
  EXPECT_EQ(paragraph_markdown("+ 项目"), "\\+ 项目");
  EXPECT_EQ(paragraph_markdown("* 项目"), "\\* 项目");
  EXPECT_EQ(paragraph_markdown("==="), "\\===");
  EXPECT_EQ(paragraph_markdown("---"), "\\---");
  EXPECT_EQ(paragraph_markdown("___"), "\\_\\_\\_");
  EXPECT_EQ(paragraph_markdown("```"), "\\`\\`\\`");
  EXPECT_EQ(paragraph_markdown("~~~"), "\\~\\~\\~");
  EXPECT_EQ(paragraph_markdown("[^1]: 注"), "\\[^1\\]: 注");
  EXPECT_EQ(paragraph_markdown("| 版 | 标题 |"), "\\| 版 \\| 标题 \\|");
  // Not list markers: no space after the punctuation, or too many digits.
  EXPECT_EQ(paragraph_markdown("3.5亿元"), "3.5亿元");
  EXPECT_EQ(paragraph_markdown("1234567890. 年"), "1234567890. 年");
  for (const char* text : {"1. 第一",
                           "1) 第一",
                           "1.",
                           "# 标题",
                           "#话题#",
                           "> 引用",
                           "- 项目",
                           "+ 项目",
                           "* 项目",
                           "===",
                           "---",
                           "___",
                           "***",
                           "- - -",
                           "```",
                           "~~~",
                           "[^1]: 注",
                           "| 版 | 标题 |",
                           "[a]: http://x.org",
                           "    缩进代码",
                           "\t制表符",
                           "<div>",
                           "<!-- 注释 -->",
                           "= 等号",
                           "-1℃",
                           "+86"}) {
    expect_exact(text);
  }
}

TEST(Escape, InlineSyntax) {
  EXPECT_EQ(paragraph_markdown("*重要*"), "\\*重要\\*");
  EXPECT_EQ(paragraph_markdown("**加粗**"), "\\*\\*加粗\\*\\*");
  EXPECT_EQ(paragraph_markdown("_斜体_"), "\\_斜体\\_");
  EXPECT_EQ(paragraph_markdown("`代码`"), "\\`代码\\`");
  EXPECT_EQ(paragraph_markdown("<b>粗</b>"), "\\<b>粗\\</b>");
  EXPECT_EQ(paragraph_markdown("[链接](http://x.org)"), "\\[链接\\](http\\://x.org)");
  EXPECT_EQ(paragraph_markdown("![图](a.png)"), "!\\[图\\](a.png)");
  EXPECT_EQ(paragraph_markdown("C:\\路径"), "C:\\\\路径");
  EXPECT_EQ(paragraph_markdown("~~删除~~"), "\\~\\~删除\\~\\~");
  EXPECT_EQ(paragraph_markdown("&amp; &#35; &#x23; R&D"), "\\&amp; \\&#35; \\&#x23; R&D");
  EXPECT_EQ(paragraph_markdown("a|b"), "a\\|b");
  for (const char* text : {"*重要*",
                           "**加粗**",
                           "_斜体_",
                           "__粗__",
                           "`代码`",
                           "``两个``",
                           "<b>粗</b>",
                           "<br>",
                           "<http://x.org>",
                           "<a@b.cn>",
                           "[链接](http://x.org)",
                           "![图](a.png)",
                           "[链接][1]",
                           "[x]",
                           "C:\\路径",
                           "\\*",
                           "\\",
                           "~~删除~~",
                           "~单~",
                           "&amp;",
                           "&#35;",
                           "&#x23;",
                           "&copy",
                           "& amp;",
                           "a|b",
                           "[ ] 任务",
                           "[x] 完成",
                           "$x$",
                           "^上标^",
                           "{花括号}",
                           "a*b*c",
                           "5*3*2",
                           "snake_case_name",
                           "脚注[^1]"}) {
    expect_exact(text);
    expect_exact(std::string("株洲") + text + "日报");
    expect_exact(std::string("日报") + text);
    expect_exact(text + std::string("日报"));
  }
}

TEST(Escape, UrlsAreNotLinked) {
  EXPECT_EQ(paragraph_markdown("见 https://example.org 网站"), "见 https\\://example.org 网站");
  EXPECT_EQ(paragraph_markdown("登录www.zznews.gov.cn查询"), "登录www\\.zznews.gov.cn查询");
  for (const char* text :
       {"见 https://example.org 网站", "http://x.org/a_b?c=1&d=2", "ftp://files.example.org",
        "访问 www.zznews.gov.cn 查询", "(www.x.org)", "*www.x.org*", "HTTPS://X.ORG"}) {
    expect_exact(text);
    std::string html = render_html(paragraph_markdown(text));
    EXPECT_EQ(html.find("<a "), std::string::npos) << html;
  }
}

TEST(Escape, EmailAddressesKeepTheirWords) {
  // cmark-gfm links e-mail addresses after parsing; the address shown is unchanged.
  std::string text = "来稿请寄289500034@qq.com，谢谢";
  EXPECT_EQ(paragraph_markdown(text), text);
  expect_exact(text);
}

TEST(Escape, WhiteSpaceAtTheEndsAndLineBreaks) {
  EXPECT_EQ(paragraph_markdown("结尾两个空格  "), "结尾两个空格&#32;&#32;");
  EXPECT_EQ(paragraph_markdown("    缩进"), "&#32;&#32;&#32;&#32;缩进");
  EXPECT_EQ(paragraph_markdown("第一行\n第二行"), "第一行&#10;第二行");
  EXPECT_EQ(paragraph_markdown("a\r\nb"), "a&#13;&#10;b");
  EXPECT_EQ(paragraph_markdown(" "), "&#32;");
  for (const char* text :
       {"结尾两个空格  ", "  两端  ", "    缩进", "\t", " ", "   ", "第一行\n第二行", "a  \nb",
        "a\\\nb", "\n", "行尾\n", "a\r\nb", "a\vb", "x\f", "中 间 空 格", "全角　空格　"}) {
    expect_exact(text);
  }
}

TEST(Escape, HeadingsEscapeTheirClosingHashes) {
  EXPECT_EQ(heading_markdown("第一部分 #"), "### 第一部分 \\#");
  EXPECT_EQ(heading_markdown("C# 语言"), "### C\\# 语言");
  EXPECT_EQ(heading_markdown(""), "###");
  for (const char* text : {"第一部分 #", "# 井号", "###", "C# 语言", "1. 一", "- 项", "", "  "}) {
    expect_exact(text);
  }
}

TEST(Escape, EmptyParagraphHasNoMarkdown) {
  EXPECT_EQ(paragraph_markdown(""), "");
  EXPECT_TRUE(parse_body("").empty());
}

// Random texts over Markdown's syntax characters, white space, Chinese and URL fragments: every
// one must come back exactly (a deterministic sequence, so a failure reproduces).
TEST(Escape, RandomTextsRoundTrip) {
  const std::vector<std::string> pieces = {
      "\\",      "`",        "*",      "_",       "[",     "]",     "(",     ")",        "<",
      ">",       "|",        "~",      "#",       "&",     ";",     ":",     "/",        ".",
      "!",       "-",        "+",      "=",       "\"",    "'",     "^",     "$",        "%",
      "?",       ",",        "{",      "}",       "@",     " ",     " ",     "  ",       "\t",
      "\n",      "\r",       "1",      "12",      "0",     "a",     "w",     "x",        "株",
      "洲",      "日报",     "，",     "。",      "“",     "”",     "（",    "）",       "www.",
      "http://", "https://", "ftp://", "mailto:", "x.org", "&amp;", "&#35;", "&#x4E2D;", "<div>",
      "<!--",    "-->",      "```",    "~~",      "**",    "__",    "[^1]",  "]:",       "　",
      "\xC2\xA0"};
  std::mt19937 rng(20221108);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(1, 12);
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    for (int n = length(rng); n > 0; --n) text += pieces[pick(rng)];
    expect_exact(text);
    if (::testing::Test::HasFailure()) break;  // one reproducible case is enough
  }
}

}  // namespace
}  // namespace gazette::markdown
