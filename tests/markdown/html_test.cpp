#include "markdown/html.hpp"

#include <gtest/gtest.h>

namespace gazette::markdown {
namespace {

class RenderHtml : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { register_extensions(); }
};

TEST_F(RenderHtml, DropsSoftBreaksBetweenCjkCharacters) {
  EXPECT_EQ(render_html("株洲日报讯，疫情\n防控大考下，中车株洲电机有限\n公司"),
            "<p>株洲日报讯，疫情防控大考下，中车株洲电机有限公司</p>\n");
  // After CJK punctuation too.
  EXPECT_EQ(render_html("全力以赴。\n“这批订单"), "<p>全力以赴。“这批订单</p>\n");
}

TEST_F(RenderHtml, KeepsSoftBreaksBetweenLatinWords) {
  EXPECT_EQ(render_html("Hello\nworld"), "<p>Hello\nworld</p>\n");
  EXPECT_EQ(render_html("株洲\nZhuzhou"), "<p>株洲\nZhuzhou</p>\n");
}

TEST_F(RenderHtml, LooksThroughEmphasis) {
  EXPECT_EQ(render_html("**株洲**\n日报"), "<p><strong>株洲</strong>日报</p>\n");
}

TEST_F(RenderHtml, GfmExtensions) {
  EXPECT_EQ(render_html("| 版 | 标题 |\n|---|---|\n| A1 | 要闻 |\n"),
            "<table>\n<thead>\n<tr>\n<th>版</th>\n<th>标题</th>\n</tr>\n</thead>\n<tbody>\n"
            "<tr>\n<td>A1</td>\n<td>要闻</td>\n</tr>\n</tbody>\n</table>\n");
  EXPECT_EQ(render_html("~~删除~~"), "<p><del>删除</del></p>\n");
  EXPECT_EQ(render_html("见 https://example.org 网站"),
            "<p>见 <a href=\"https://example.org\">https://example.org</a> 网站</p>\n");
  EXPECT_EQ(render_html("- [x] 完成"),
            "<ul>\n<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> 完成</li>\n</ul>\n");
}

TEST_F(RenderHtml, RawHtmlIsOffUnlessAllowed) {
  EXPECT_EQ(render_html("<script>alert(1)</script>\n"), "<!-- raw HTML omitted -->\n");
  EXPECT_EQ(render_html("a <b>b</b>"),
            "<p>a <!-- raw HTML omitted -->b<!-- raw HTML omitted --></p>\n");
  EXPECT_EQ(render_html("[x](javascript:alert(1))"), "<p><a href=\"\">x</a></p>\n");
  EXPECT_EQ(render_html("a <b>b</b>", HtmlOptions{.allow_raw_html = true}), "<p>a <b>b</b></p>\n");
}

TEST_F(RenderHtml, EscapesTextAndHandlesEmptyInput) {
  EXPECT_EQ(render_html(""), "");
  EXPECT_EQ(render_html("1 < 2 & 3 > 2"), "<p>1 &lt; 2 &amp; 3 &gt; 2</p>\n");
}

}  // namespace
}  // namespace gazette::markdown
