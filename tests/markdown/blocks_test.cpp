// Bodies as Markdown and back: gazette's own Markdown reads back as plain blocks; Markdown
// written by hand keeps its source (rendered as written) and gets its plain text.
#include "markdown/blocks.hpp"

#include <gtest/gtest.h>

#include "markdown/body_html.hpp"
#include "markdown/html.hpp"
#include "support.hpp"

namespace gazette::markdown {
namespace {

using Type = model::Block::Type;

model::Block paragraph(std::string text, std::string markdown = "") {
  return {Type::kParagraph, std::move(text), std::move(markdown)};
}
model::Block heading(std::string text, std::string markdown = "") {
  return {Type::kHeading, std::move(text), std::move(markdown)};
}

TEST(BodyMarkdown, OneLinePerBlockSeparatedByBlankLines) {
  std::vector<model::Block> body = {paragraph("株洲日报讯 2月3日，农历新年第一个工作日。"),
                                    heading("坚决扭住防扩散与抓救治"),
                                    paragraph("1. 要严格落实“四应四尽”要求。")};
  EXPECT_EQ(body_markdown(body),
            "株洲日报讯 2月3日，农历新年第一个工作日。\n\n### 坚决扭住防扩散与抓救治\n\n"
            "1\\. 要严格落实“四应四尽”要求。\n");
  EXPECT_EQ(parse_body(body_markdown(body)), body);
}

TEST(BodyMarkdown, EmptyParagraphsAreLeftOut) {
  EXPECT_EQ(body_markdown({paragraph(""), paragraph("正文"), paragraph("")}), "正文\n");
  EXPECT_EQ(body_markdown({}), "");
}

TEST(ParseBody, ToleratesLooseSpacingAroundPlainBlocks) {
  // Extra blank lines, a heading glued to its paragraph, CRLF already decoded: still plain.
  EXPECT_EQ(parse_body("\n\n### 小标题\n正文第一段。\n\n\n\n正文第二段。\n\n"),
            (std::vector<model::Block>{heading("小标题"), paragraph("正文第一段。"),
                                       paragraph("正文第二段。")}));
}

TEST(ParseBody, HandWrittenMarkdownKeepsItsSource) {
  std::string md =
      "这是**重点**和*强调*。\n"
      "\n"
      "一个段落\n"
      "折成了两行，\n"
      "and Latin\n"
      "words.\n"
      "\n"
      "- 第一项\n"
      "- 第二项\n"
      "\n"
      "1. 甲\n"
      "2. 乙\n"
      "\n"
      "见[株洲新闻网](https://www.zznews.gov.cn)。\n"
      "\n"
      "> 引用的话\n"
      "\n"
      "## 二级标题\n";
  std::vector<model::Block> blocks = parse_body(md);
  EXPECT_EQ(blocks, (std::vector<model::Block>{
                        paragraph("这是重点和强调。", "这是**重点**和*强调*。"),
                        paragraph("一个段落折成了两行， and Latin words.",
                                  "一个段落\n折成了两行，\nand Latin\nwords."),
                        paragraph("第一项\n第二项", "- 第一项\n- 第二项"),
                        paragraph("甲\n乙", "1. 甲\n2. 乙"),
                        paragraph("见株洲新闻网。", "见[株洲新闻网](https://www.zznews.gov.cn)。"),
                        paragraph("引用的话", "> 引用的话"),
                        heading("二级标题", "## 二级标题"),
                    }));
  // Rendering the blocks is rendering what was written.
  EXPECT_EQ(body_html(blocks), render_html(md));
}

TEST(ParseBody, ReferenceLinksAndFootnotesStillResolve) {
  std::string md =
      "[zz]: https://www.zznews.gov.cn\n"
      "\n"
      "见[株洲新闻网][zz]。\n"
      "\n"
      "正文有脚注[^1]。\n"
      "\n"
      "[^1]: 脚注的内容。\n"
      "\n"
      "最后一段。\n"
      "\n"
      "[late]: https://example.org\n";
  std::vector<model::Block> blocks = parse_body(md);
  ASSERT_EQ(blocks.size(), 4u);
  EXPECT_EQ(blocks[0],
            paragraph("见株洲新闻网。", "[zz]: https://www.zznews.gov.cn\n\n见[株洲新闻网][zz]。"));
  EXPECT_EQ(blocks[1], paragraph("正文有脚注。", "正文有脚注[^1]。"));
  EXPECT_EQ(blocks[2], paragraph("脚注的内容。", "[^1]: 脚注的内容。"));
  EXPECT_EQ(blocks[3], paragraph("最后一段。", "最后一段。\n\n[late]: https://example.org"));
  std::string html = body_html(blocks);
  EXPECT_NE(html.find("<a href=\"https://www.zznews.gov.cn\">株洲新闻网</a>"), std::string::npos)
      << html;
  EXPECT_NE(html.find("footnote"), std::string::npos) << html;
  EXPECT_EQ(html, render_html(md));
}

TEST(ParseBody, TablesCodeAndBreaks) {
  std::string md =
      "| 版 | 标题 |\n"
      "|---|---|\n"
      "| A1 | 要闻 |\n"
      "\n"
      "```\n"
      "代码 *不是* 强调\n"
      "```\n"
      "\n"
      "---\n"
      "\n"
      "标题二\n"
      "===\n"
      "    缩进的代码\n";
  std::vector<model::Block> blocks = parse_body(md);
  EXPECT_EQ(blocks, (std::vector<model::Block>{
                        paragraph("版 标题\nA1 要闻", "| 版 | 标题 |\n|---|---|\n| A1 | 要闻 |"),
                        paragraph("代码 *不是* 强调", "```\n代码 *不是* 强调\n```"),
                        paragraph("", "---"),
                        heading("标题二", "标题二\n==="),
                        paragraph("缩进的代码", "    缩进的代码"),
                    }));
  EXPECT_EQ(body_html(blocks), render_html(md));
}

TEST(ParseBody, OnlyReferenceDefinitions) {
  EXPECT_EQ(parse_body("[a]: http://x.org\n"),
            (std::vector<model::Block>{paragraph("", "[a]: http://x.org")}));
}

TEST(ParseBody, EditedPlainTextStaysPlain) {
  // An editor fixing a word by hand in gazette's own Markdown keeps a plain block.
  EXPECT_EQ(parse_body("株洲日报讯（记者/邓伟勇）11月8日晚。\n"),
            (std::vector<model::Block>{paragraph("株洲日报讯（记者/邓伟勇）11月8日晚。")}));
  // Escapes as gazette writes them read back as plain text…
  EXPECT_EQ(parse_body("\\# 株洲\\*日报\\*\n"),
            (std::vector<model::Block>{paragraph("# 株洲*日报*")}));
  // …other spellings of the same words keep their Markdown (a backslash before a letter is a
  // backslash; a needless escape is not how gazette writes the text).
  EXPECT_EQ(parse_body("株洲\\日报\n"),
            (std::vector<model::Block>{paragraph("株洲\\日报", "株洲\\日报")}));
  EXPECT_EQ(parse_body("株洲\\.日报\n"),
            (std::vector<model::Block>{paragraph("株洲.日报", "株洲\\.日报")}));
}

TEST(BodyHtml, SameHtmlFromIngestedAndMarkdownBlocks) {
  std::vector<model::Block> body = {paragraph("株洲日报讯 2月3日，<农历>新年 *第一个* 工作日。"),
                                    heading("一、坚决扭住 #防扩散#"),
                                    paragraph("1. 要严格落实“四应四尽”要求。")};
  std::string html = body_html(body);
  EXPECT_EQ(html,
            "<p>株洲日报讯 2月3日，&lt;农历&gt;新年 *第一个* 工作日。</p>\n"
            "<h3>一、坚决扭住 #防扩散#</h3>\n"
            "<p>1. 要严格落实“四应四尽”要求。</p>\n");
  EXPECT_EQ(body_html(parse_body(body_markdown(body))), html);
}

TEST(BodyHtml, RawHtmlFollowsTheOption) {
  std::vector<model::Block> body = parse_body("<b>粗</b>体\n");
  EXPECT_EQ(body_html(body), "<p><!-- raw HTML omitted -->粗<!-- raw HTML omitted -->体</p>\n");
  EXPECT_EQ(body_html(body, {.allow_raw_html = true}), "<p><b>粗</b>体</p>\n");
  // Plain text stays text even when raw HTML is allowed.
  EXPECT_EQ(body_html({paragraph("<b>粗</b>体")}, {.allow_raw_html = true}),
            "<p>&lt;b&gt;粗&lt;/b&gt;体</p>\n");
}

TEST(PlainText, WhatAReaderSees) {
  EXPECT_EQ(plain_text("**株洲**\n日报 and\nLatin"), "株洲日报 and Latin");
  EXPECT_EQ(plain_text("a  \nb"), "a\nb");
  EXPECT_EQ(plain_text("&amp; \\* `x`"), "& * x");
  EXPECT_EQ(plain_text("![图片说明](a.png)"), "图片说明");
}

}  // namespace
}  // namespace gazette::markdown
