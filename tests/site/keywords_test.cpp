#include "site/keywords.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace gazette::site {
namespace {

bool has(const WordCounts& c, const std::string& w) {
  return std::any_of(c.begin(), c.end(), [&](const auto& p) { return p.first == w; });
}

TEST(WordCounter, CountsWordsSkipsStopWordsAndNumbers) {
  config::KeywordSettings s;
  WordCounter counter(s);
  WordCounts c =
      counter.count("网络空间命运共同体", "网络空间，我们要求进行网络治理。2022年，3.5%的网络");
  ASSERT_FALSE(c.empty());
  EXPECT_EQ(c[0].first, "网络");  // 3 (title) + 3 (body)
  EXPECT_EQ(c[0].second, 6);
  EXPECT_FALSE(has(c, "我们"));
  EXPECT_FALSE(has(c, "要求"));
  EXPECT_FALSE(has(c, "2022"));
  EXPECT_FALSE(has(c, "3.5"));
}

TEST(WordCounter, JoinsRunsOfUnknownSingleCharacters) {
  config::KeywordSettings s;
  WordCounter counter(s);
  // ICU's dictionary splits the name 曹慧泉 into single characters.
  WordCounts c = counter.count("", "市委书记曹慧泉主持召开专题会议");
  EXPECT_TRUE(has(c, "曹慧泉"));
  // … and 志愿者 into the word 志愿 and the character 者.
  c = counter.count("", "志愿者为居民送菜。");
  EXPECT_TRUE(has(c, "志愿者"));
  EXPECT_TRUE(has(c, "居民"));
  EXPECT_FALSE(has(c, "志愿者为居民"));  // longer than four characters
}

TEST(WordCounter, SiteStopWordsAndMinimumLength) {
  config::KeywordSettings s;
  s.stop_words = {"网络"};
  s.min_length = 3;
  WordCounter counter(s);
  WordCounts c = counter.count("网络空间命运共同体", "");
  EXPECT_FALSE(has(c, "网络"));
  EXPECT_FALSE(has(c, "空间"));
}

TEST(ChooseKeywords, PrefersTheWholeWordOverItsPieces) {
  config::KeywordSettings s;
  s.per_article = 2;
  s.min_document_frequency = 2;
  s.max_document_share = 1.0;
  std::vector<WordCounts> docs = {
      {{"曹慧", 3}, {"曹慧泉", 3}, {"慧泉", 3}, {"调度", 2}},
      {{"曹慧", 1}, {"曹慧泉", 1}, {"慧泉", 1}, {"调度", 1}},
  };
  auto k = choose_keywords(docs, s);
  EXPECT_EQ(k[0], (std::vector<std::string>{"曹慧泉", "调度"}));
}

TEST(ChooseKeywords, TfIdfWithinDocumentFrequencyBounds) {
  config::KeywordSettings s;
  s.per_article = 2;
  s.min_document_frequency = 2;
  s.max_document_share = 0.5;
  std::vector<WordCounts> docs = {
      {{"疫情", 9}, {"株洲", 5}, {"骑手", 4}, {"罕见", 3}},
      {{"疫情", 2}, {"骑手", 1}, {"乌镇", 5}},
      {{"疫情", 1}, {"乌镇", 2}},
      {{"疫情", 1}, {"株洲", 1}},
      {{"疫情", 1}},
  };
  auto k = choose_keywords(docs, s);
  ASSERT_EQ(k.size(), 5u);
  // 疫情 is in every article (over the 50% bound), 罕见 in one (under the minimum).
  EXPECT_EQ(k[0], (std::vector<std::string>{"株洲", "骑手"}));
  EXPECT_EQ(k[1], (std::vector<std::string>{"乌镇", "骑手"}));
  EXPECT_EQ(k[2], (std::vector<std::string>{"乌镇"}));
  EXPECT_TRUE(k[4].empty());
}

}  // namespace
}  // namespace gazette::site
