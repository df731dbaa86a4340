#include "site/vocabulary.hpp"

#include <gtest/gtest.h>

namespace gazette::site {
namespace {

TEST(VocabularyMatcher, FindsNamesAndAliasesInOnePass) {
  std::vector<config::VocabularyTerm> vocab = {
      {"株洲", {}, "place"},
      {"曹慧泉", {"曹书记"}, "person"},
      {"株洲市一中", {"市一中"}, "organisation"},
      {"核酸检测", {}, "topic"},
      {"乌镇", {}, "place"},
  };
  VocabularyMatcher m(vocab);
  EXPECT_EQ(m.find("市委书记曹慧泉深入株洲市一中督导疫情防控工作"), (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(m.find("曹书记要求做好核酸检测"), (std::vector<int>{1, 3}));
  EXPECT_EQ(m.find("来到市一中"), (std::vector<int>{2}));
  EXPECT_TRUE(m.find("国家主席习近平向大会致贺信").empty());
  EXPECT_TRUE(m.find("").empty());
}

TEST(VocabularyMatcher, OverlappingAndNestedTerms) {
  std::vector<config::VocabularyTerm> vocab = {
      {"ab", {}, ""}, {"bc", {}, ""}, {"abcd", {}, ""}, {"c", {}, ""}};
  VocabularyMatcher m(vocab);
  EXPECT_EQ(m.find("xabcdx"), (std::vector<int>{0, 1, 2, 3}));
  EXPECT_EQ(m.find("abx"), (std::vector<int>{0}));
  EXPECT_EQ(m.find("aabca"), (std::vector<int>{0, 1, 3}));
}

TEST(VocabularyMatcher, CountsMentionsNotOverlappingWords) {
  std::vector<config::VocabularyTerm> vocab = {
      {"株洲", {"株洲市"}, "place"}, {"曹慧泉", {"曹书记"}, "person"}, {"核酸", {}, "topic"}};
  VocabularyMatcher m(vocab);
  // 株洲市 holds 株洲: one mention, not two.
  EXPECT_EQ(m.count("株洲市"), (std::vector<std::pair<int, int>>{{0, 1}}));
  EXPECT_EQ(m.count("株洲市的株洲日报讯，曹书记、曹慧泉谈核酸核酸"),
            (std::vector<std::pair<int, int>>{{0, 2}, {1, 2}, {2, 2}}));
  EXPECT_TRUE(m.count("").empty());
}

TEST(VocabularyMatcher, EmptyVocabulary) {
  VocabularyMatcher m({});
  EXPECT_TRUE(m.empty());
  EXPECT_TRUE(m.find("株洲").empty());
}

}  // namespace
}  // namespace gazette::site
