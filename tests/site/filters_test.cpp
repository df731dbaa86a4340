// gazette's own template filters, as theme authors use them.
#include "site/filters.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "markdown/html.hpp"

namespace gazette::site {
namespace {

using templating::Value;

class FiltersTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { markdown::register_extensions(); }

  // Renders `source` (a .html template when `name` says so) with gazette's filters.
  std::string render(std::string_view source, const Value& vars = Value::dict({}),
                     const std::string& locale = "zh-CN", std::string name = "page.txt") {
    templating::Environment env;
    add_gazette_filters(env, FilterOptions{locale});
    auto t = env.from_string(source, std::move(name));
    if (!t.ok()) return "compile error: " + t.error().message;
    auto out = env.render(**t, vars);
    if (!out.ok()) return "error: " + out.error().message;
    return *out;
  }
};

TEST_F(FiltersTest, DateInTheSitesLocale) {
  Value vars = Value::dict({{"d", "2022-11-08"}, {"t", "2022-11-08T10:30:00+08:00"}});
  EXPECT_EQ(render("{{ d|date }}", vars), "2022年11月8日");
  EXPECT_EQ(render("{{ d|date('y年M月d日 EEEE') }}", vars), "2022年11月8日 星期二");
  EXPECT_EQ(render("{{ t|date('yyyy/MM/dd') }}", vars), "2022/11/08");
  EXPECT_EQ(render("{{ d|date }}", vars, "en"), "November 8, 2022");
  EXPECT_EQ(render("{{ d|date('EEE, d MMM y') }}", vars, "en"), "Tue, 8 Nov 2022");
  EXPECT_EQ(render("[{{ none|date }}]"), "[]");
  EXPECT_EQ(render("{{ '2022-13-45'|date }}"),
            "error: date: '2022-13-45' is not a date (YYYY-MM-DD)");
}

TEST_F(FiltersTest, LunarDate) {
  EXPECT_EQ(render("{{ '2022-11-08'|lunar }}"), "壬寅年十月十五");
  EXPECT_EQ(render("{{ '2023-01-22'|lunar }}"), "癸卯年正月初一");
}

TEST_F(FiltersTest, SlugifyWithPinyin) {
  EXPECT_EQ(render("{{ '加快构建网络空间命运共同体'|slugify }}"),
            "jia-kuai-gou-jian-wang-luo-kong-jian-ming-yun-gong-tong-ti");
  EXPECT_EQ(render("{{ 'Hello, 株洲!'|slugify }}"), "hello-zhu-zhou");
  EXPECT_EQ(render("{{ '加快构建网络空间'|slugify(max_length=12) }}"), "jia-kuai-gou");
}

TEST_F(FiltersTest, MarkdownIsSafeHtml) {
  EXPECT_EQ(
      render("{{ text|markdown }}", Value::dict({{"text", "**粗体** and <script>x</script>"}}),
             "zh-CN", "page.html"),
      "<p><strong>粗体</strong> and <!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>\n");
  // A soft break between Chinese characters is no space.
  EXPECT_EQ(render("{{ '株洲\\n日报'|markdown }}"), "<p>株洲日报</p>\n");
}

TEST_F(FiltersTest, ExcerptCountsChineseCharactersAsWords) {
  Value vars = Value::dict({{"zh", "株洲日报讯（全媒体记者/邓伟勇）11月7日，记者从市发改委获悉。"},
                            {"en", "The quick brown fox jumps over the lazy dog."},
                            {"html", Value::markup("<p>株洲 <b>日报</b></p>\n<p>数字报</p>")}});
  EXPECT_EQ(render("{{ zh|excerpt(6) }}", vars), "株洲日报讯（全…");
  EXPECT_EQ(render("{{ zh|excerpt(4) }}", vars), "株洲日报…");
  EXPECT_EQ(render("{{ en|excerpt(4) }}", vars), "The quick brown fox…");
  EXPECT_EQ(render("{{ en|excerpt(100) }}", vars), "The quick brown fox jumps over the lazy dog.");
  EXPECT_EQ(render("{{ html|excerpt(5) }}", vars), "株洲 日报 数…");
  EXPECT_EQ(render("{{ 'AI技术 helps 株洲'|excerpt(3) }}", vars), "AI技术…");
}

TEST_F(FiltersTest, ReadingTimeCountsCharactersAndWords) {
  Value vars = Value::dict({{"zh", std::string(800 * 3, 'x')}, {"empty", ""}});
  std::string chinese;
  for (int i = 0; i < 801; ++i) chinese += "字";
  std::string english;
  for (int i = 0; i < 399; ++i) english += "word ";
  EXPECT_EQ(render("{{ t|reading_time }}", Value::dict({{"t", chinese}})), "3");
  EXPECT_EQ(render("{{ t|reading_time }}", Value::dict({{"t", english}})), "2");
  EXPECT_EQ(render("{{ '短'|reading_time }}"), "1");
  EXPECT_EQ(render("{{ ''|reading_time }}"), "0");
}

TEST_F(FiltersTest, NumbersWithTheLocalesGrouping) {
  EXPECT_EQ(render("{{ 1234567|number }}"), "1,234,567");
  EXPECT_EQ(render("{{ 1234567|number }}", Value::dict({}), "de"), "1.234.567");
  EXPECT_EQ(render("{{ 1234.5|number(2) }}"), "1,234.50");
  EXPECT_EQ(render("{{ '98765'|number }}"), "98,765");
  EXPECT_EQ(render("{{ 'abc'|number }}"), "error: number: 'abc' is not a number");
}

TEST_F(FiltersTest, FiltersWorkFromManyThreads) {
  templating::Environment env;
  add_gazette_filters(env, FilterOptions{});
  auto t = env.from_string("{{ d|date('y年M月d日') }}|{{ d|lunar }}|{{ s|slugify }}|{{ n|number }}",
                           "x.txt");
  ASSERT_TRUE(t.ok());
  Value vars = Value::dict({{"d", "2022-11-08"}, {"s", "株洲日报"}, {"n", 12345}});
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&] {
      for (int k = 0; k < 20; ++k) {
        auto out = env.render(**t, vars);
        if (!out.ok() || *out != "2022年11月8日|壬寅年十月十五|zhu-zhou-ri-bao|12,345") ++wrong;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
}  // namespace gazette::site
