#include "site/slugs.hpp"

#include <gtest/gtest.h>

namespace gazette::site {
namespace {

model::Issue issue_with(std::vector<std::pair<std::string, std::optional<std::string>>> articles) {
  model::Issue issue;
  issue.source = "content/x.txt";
  int line = 1;
  for (auto& [title, slug] : articles) {
    model::Article a;
    a.title = title;
    a.slug = slug;
    a.first_line = line++;
    issue.articles.push_back(a);
  }
  return issue;
}

TEST(ArticleSlugs, PinyinUniqueWithinTheIssue) {
  text::Slugger slugger;
  auto issue = issue_with({{"以“硬作风”扛起“硬责任”", {}},
                           {"检测现场有我", {}},
                           {"检测现场有我", {}},
                           {"", {}},
                           {"检测现场有我", {}}});
  auto slugs = article_slugs(issue, config::SlugStyle::kPinyin, slugger, 60);
  ASSERT_TRUE(slugs.ok());
  EXPECT_EQ(*slugs, (std::vector<std::string>{
                        "yi-ying-zuo-feng-kang-qi-ying-ze-ren", "jian-ce-xian-chang-you-wo",
                        "jian-ce-xian-chang-you-wo-2", "4", "jian-ce-xian-chang-you-wo-3"}));
}

TEST(ArticleSlugs, IndexStyleAndOwnSlugs) {
  text::Slugger slugger;
  auto issue = issue_with({{"甲", {}}, {"乙", std::string("2")}, {"丙", {}}});
  auto slugs = article_slugs(issue, config::SlugStyle::kIndex, slugger, 60);
  ASSERT_TRUE(slugs.ok());
  // "2" is taken by hand, so the second generated number moves on.
  EXPECT_EQ(*slugs, (std::vector<std::string>{"1", "2", "3"}));
  issue = issue_with({{"甲", std::string("jia")}, {"乙", {}}, {"丙", std::string("x")}});
  slugs = article_slugs(issue, config::SlugStyle::kIndex, slugger, 60);
  ASSERT_TRUE(slugs.ok());
  EXPECT_EQ(*slugs, (std::vector<std::string>{"jia", "2", "x"}));
}

TEST(ArticleSlugs, BadOwnSlugsAreErrors) {
  text::Slugger slugger;
  auto dup = article_slugs(issue_with({{"甲", std::string("a")}, {"乙", std::string("a")}}),
                           config::SlugStyle::kPinyin, slugger, 60);
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(format_error_line(dup.error()),
            "content/x.txt:2: error: two articles of this issue have the slug \"a\"");
  for (const char* bad : {"a/b", "..", "", "a b", "a?b"}) {
    auto r = article_slugs(issue_with({{"甲", std::string(bad)}}), config::SlugStyle::kPinyin,
                           slugger, 60);
    EXPECT_FALSE(r.ok()) << bad;
  }
}

}  // namespace
}  // namespace gazette::site
