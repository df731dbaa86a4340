#include "config/site_config.hpp"

#include <gtest/gtest.h>

namespace gazette::config {
namespace {

Result<SiteConfig> parse(std::string_view yaml) {
  return parse_site_config(yaml, "site.yaml", ".");
}

TEST(SiteConfig, ReadsTheSampleEdition) {
  auto c = load_site_config(GAZETTE_SOURCE_DIR);
  ASSERT_TRUE(c.ok()) << format_error(c.error());
  EXPECT_EQ(c->paper, "株洲日报");
  EXPECT_EQ(c->language, "zh-CN");
  EXPECT_EQ(c->theme, "default");
  EXPECT_EQ(c->base_url.back(), '/');
  EXPECT_FALSE(c->title.empty());
}

TEST(SiteConfig, DefaultsForAnEmptyFile) {
  auto c = parse("");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->language, "zh-CN");
  EXPECT_EQ(c->theme, "default");
  EXPECT_EQ(c->paginate, 20);
  EXPECT_EQ(c->slugs, SlugStyle::kPinyin);
  EXPECT_EQ(c->base_url, "/");
  EXPECT_FALSE(c->keywords.enabled);
}

TEST(SiteConfig, BaseUrlGetsATrailingSlash) {
  auto c = parse("base_url: https://example.org/archive\n");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->base_url, "https://example.org/archive/");
  c = parse("base_url: https://example.org\n");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->base_url, "https://example.org/");
}

TEST(SiteConfig, BadValuesAreErrorsAtTheirPosition) {
  struct Case {
    const char* yaml;
    const char* error;
  } cases[] = {
      {"title: x\nbase_url: example.org\n",
       "site.yaml:2:11: error: `base_url` must be an absolute"},
      {"language: \"not a tag!\"\n", "site.yaml:1:11: error: `language` must be a BCP 47"},
      {"paginate: 0\n", "site.yaml:1:11: error: `paginate` must be a whole number from 1"},
      {"paginate: many\n", "site.yaml:1:11: error: `paginate` must be a whole number"},
      {"slugs: random\n", "site.yaml:1:8: error: `slugs` must be `pinyin` or `index`"},
      {"theme: ../x\n", "site.yaml:1:8: error: `theme` must be the name of a folder"},
      {"strict_templates: maybe\n",
       "site.yaml:1:19: error: `strict_templates` must be true or false"},
      {"titel: x\n", "site.yaml:1:1: error: unknown setting `titel` (known settings: "},
      {"title: [a, b]\n", "site.yaml:1:8: error: `title` must be text"},
      {"vocabulary:\n  - name: 株洲\n    alias: [x]\n",
       "site.yaml:3:5: error: unknown field `alias`"},
      {"vocabulary: 株洲\n", "site.yaml:1:13: error: `vocabulary` must be a list"},
      {"keywords:\n  per_article: -1\n", "site.yaml:2:16: error: `keywords.per_article` must be"},
      {"- a\n- b\n", "site.yaml:1:1: error: site.yaml must be a map"},
      {"search: maybe\n", "site.yaml:1:9: error: `search` must be true or false"},
      {"search:\n  body_chars: -5\n", "site.yaml:2:15: error: `search.body_chars` must be"},
      {"search:\n  shards: 4\n", "site.yaml:2:3: error: unknown field `shards` of `search`"},
      {"title: x\nparams: [a, b\n", "site.yaml:"},
  };
  for (const auto& c : cases) {
    auto r = parse(c.yaml);
    ASSERT_FALSE(r.ok()) << c.yaml;
    std::string got = format_error_line(r.error());
    EXPECT_EQ(got.rfind(c.error, 0), 0u) << "yaml: " << c.yaml << "\ngot: " << got;
  }
}

TEST(SiteConfig, InvalidUtf8IsAnError) {
  auto r = parse("title: \xC0\xAF\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(format_error_line(r.error()),
            "site.yaml:1:8: error: invalid UTF-8 (overlong encoding)");
}

TEST(SiteConfig, VocabularyAndKeywords) {
  auto c = parse(
      "vocabulary:\n"
      "  - 株洲\n"
      "  - name: 曹慧泉\n"
      "    aliases: [曹书记]\n"
      "    kind: person\n"
      "keywords:\n"
      "  per_article: 4\n"
      "  stop_words: [工作, 要求]\n");
  ASSERT_TRUE(c.ok()) << format_error(c.error());
  ASSERT_EQ(c->vocabulary.size(), 2u);
  EXPECT_EQ(c->vocabulary[0].name, "株洲");
  EXPECT_EQ(c->vocabulary[1].aliases, std::vector<std::string>{"曹书记"});
  EXPECT_EQ(c->vocabulary[1].kind, "person");
  EXPECT_TRUE(c->keywords.enabled);
  EXPECT_EQ(c->keywords.per_article, 4);
  EXPECT_EQ(c->keywords.stop_words.size(), 2u);
}

TEST(SiteConfig, Search) {
  auto c = parse("search: false\n");
  ASSERT_TRUE(c.ok());
  EXPECT_FALSE(c->search);
  c = parse("search:\n  body_chars: 1000\n");
  ASSERT_TRUE(c.ok());
  EXPECT_TRUE(c->search);
  EXPECT_EQ(c->search_body_chars, 1000);
}

TEST(SiteConfig, MissingFileIsAnError) {
  auto r = load_site_config("/nonexistent/site");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(
      format_error_line(r.error()),
      "/nonexistent/site/site.yaml: error: no site.yaml here: is this a gazette site folder?");
}

}  // namespace
}  // namespace gazette::config
