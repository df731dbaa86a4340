#include "site/search_index.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace gazette::site {
namespace {

TEST(SearchTokens, CjkBigramsAndWords) {
  EXPECT_EQ(search_tokens("核酸检测"), (std::vector<std::string>{"核酸", "酸检", "检测"}));
  EXPECT_EQ(search_tokens("株"), (std::vector<std::string>{"株"}));
  // Punctuation and spaces end runs; Latin words and numbers are folded to NFKC lower case.
  EXPECT_EQ(search_tokens("全力防扩散，抓救治 ＣＯＶＩＤ-19 Omicron"),
            (std::vector<std::string>{"全力", "力防", "防扩", "扩散", "抓救", "救治", "covid", "19",
                                      "omicron"}));
  // Digits next to CJK are words of their own.
  EXPECT_EQ(search_tokens("2000余名"), (std::vector<std::string>{"2000", "余名"}));
  EXPECT_TRUE(search_tokens("，。！ ").empty());
  EXPECT_TRUE(search_tokens("").empty());
}

TEST(SearchTokenHash, IsFnv1a) {
  EXPECT_EQ(search_token_hash(""), 2166136261u);
  EXPECT_EQ(search_token_hash("a"), 0xe40c292cu);
  EXPECT_EQ(search_token_hash("核酸"), search_token_hash("核酸"));
}

TEST(SearchManifest, ListsTheSegmentsNewestFirst) {
  auto manifest = nlohmann::json::parse(search_manifest({{"2022", 2500}, {"2021", 3}}));
  EXPECT_EQ(manifest["version"], 2);
  ASSERT_EQ(manifest["segments"].size(), 2u);
  EXPECT_EQ(manifest["segments"][0]["key"], "2022");
  EXPECT_EQ(manifest["segments"][0]["documents"], 2500);
  EXPECT_EQ(manifest["segments"][0]["shards"], 32);
  EXPECT_EQ(manifest["segments"][0]["chunk"], 1000);
  EXPECT_EQ(manifest["segments"][1]["shards"], 1);
}

TEST(SearchIndexBuilder, WritesDocumentsAndShards) {
  SearchIndexBuilder b("2022");
  b.add({"核酸检测有序", "/2022/11/08/a/", "2022年11月8日 星期二", "检测点秩序井然。",
         "核酸检测有序 检测点秩序井然。"});
  b.add({"志愿者在行动", "/2022/11/09/b/", "2022年11月9日 星期三", "志愿者为居民送菜。",
         "志愿者在行动 核酸 检测"});
  auto files = b.files();
  ASSERT_EQ(files.size(), SearchIndexBuilder::file_names("2022", 2).size());
  EXPECT_EQ(files[0].first, "search/2022/docs-0.json");
  auto docs = nlohmann::json::parse(files[0].second);
  EXPECT_EQ(docs[1][0], "志愿者在行动");
  EXPECT_EQ(docs[1][1], "/2022/11/09/b/");
  EXPECT_EQ(files[1].first, "search/2022/shard-0.json");
  auto shard = nlohmann::json::parse(files[1].second);
  // 核酸 is in both documents (ids 0 and 1, delta-coded 0, 1); 有序 only in the first.
  EXPECT_EQ(shard["核酸"], nlohmann::json::array({0, 1}));
  EXPECT_EQ(shard["有序"], nlohmann::json::array({0}));
  EXPECT_EQ(shard["行动"], nlohmann::json::array({1}));
}

TEST(SearchIndexBuilder, ManyDocumentsSpreadOverShardsAndChunks) {
  SearchIndexBuilder b("2021");
  for (int i = 0; i < 2500; ++i)
    b.add({"标题", "/x/", "d", "", "株洲 第" + std::to_string(i) + "篇"});
  auto names = SearchIndexBuilder::file_names("2021", 2500);
  auto files = b.files();
  ASSERT_EQ(files.size(), names.size());
  for (size_t i = 0; i < files.size(); ++i) EXPECT_EQ(files[i].first, names[i]);
  EXPECT_EQ(files[2].first, "search/2021/docs-2.json");
  // 株洲 is in every document: 2500 ids, delta-coded as 0 then 1s, in the shard of its hash.
  size_t shard = search_token_hash("株洲") % 32;
  auto postings = nlohmann::json::parse(files[3 + shard].second)["株洲"];
  ASSERT_EQ(postings.size(), 2500u);
  EXPECT_EQ(postings[0], 0);
  EXPECT_EQ(postings[2499], 1);
}

}  // namespace
}  // namespace gazette::site
