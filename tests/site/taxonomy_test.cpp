#include "site/taxonomy.hpp"

#include <gtest/gtest.h>

namespace gazette::site {
namespace {

TEST(MakeTaxonomy, PinyinOrderHeadingsSlugsAndNewestFirst) {
  model::Site site;
  site.issues.resize(3);
  // Articles 0,1 in issue 0; 2 in issue 1; 3,4 in issue 2.
  for (int issue : {0, 0, 1, 2, 2}) {
    model::ArticleEntry a;
    a.issue = issue;
    site.articles.push_back(a);
  }
  text::Collation collation("zh");
  text::IndexHeadings headings("zh");
  text::Slugger slugger;
  std::vector<TermUse> uses = {
      {"朱理平", "author", {0, 3, 3}}, {"邓伟勇", "author", {1}},
      {"张伟", "author", {2, 4}},      {"章伟", "author", {0}},  // same pinyin as 张伟
      {"曹慧泉", "author", {4, 1}},    {"王军", "author", {0, 1, 3, 4, 2, 1}},
  };
  model::Taxonomy tax = make_taxonomy("authors", uses, site, {collation, headings, slugger});
  ASSERT_EQ(tax.terms.size(), 6u);
  std::vector<std::string> names, slugs, heads;
  for (const auto& t : tax.terms) {
    names.push_back(t.name);
    slugs.push_back(t.slug);
    heads.push_back(t.heading);
  }
  EXPECT_EQ(names,
            (std::vector<std::string>{"曹慧泉", "邓伟勇", "王军", "张伟", "章伟", "朱理平"}));
  EXPECT_EQ(heads, (std::vector<std::string>{"C", "D", "W", "Z", "Z", "Z"}));
  EXPECT_EQ(slugs, (std::vector<std::string>{"cao-hui-quan", "deng-wei-yong", "wang-jun",
                                             "zhang-wei", "zhang-wei-2", "zhu-li-ping"}));
  EXPECT_EQ(tax.terms[0].url, "authors/cao-hui-quan/");
  EXPECT_EQ(tax.terms[5].articles, (std::vector<int>{3, 0}));  // deduplicated, newest first
  EXPECT_EQ(tax.terms[0].articles, (std::vector<int>{4, 1}));
  // Newest issue first, each issue's articles in their order.
  EXPECT_EQ(tax.terms[2].articles, (std::vector<int>{3, 4, 2, 0, 1}));
  EXPECT_EQ(tax.by_name.at("章伟"), 4);
}

}  // namespace
}  // namespace gazette::site
