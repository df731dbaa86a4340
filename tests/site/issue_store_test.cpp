// The ingestion cache: what one build saves, the next reads back exactly; a damaged or
// foreign cache reads as empty (a full build), never as something wrong; a build that read
// one source again rewrites only the part of the index that holds it.
#include "site/issue_store.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include <fmt/format.h>

#include "base/file.hpp"
#include "output/files.hpp"
#include "support/temp_dir.hpp"

namespace gazette::site {
namespace {

namespace fs = std::filesystem;

StoredIssue stored(const std::string& rel, const std::string& title) {
  StoredIssue s;
  s.signature = "120:1700000000." + std::to_string(title.size());
  LoadedIssue& li = s.issue;
  li.source_rel = rel;
  li.content_hash = 0x1234 + title.size();
  li.source_text = "/site/" + rel;
  li.issue.source = rel;
  li.issue.masthead.paper = "株洲日报";
  li.issue.masthead.date = text::Date{2022, 11, 8};
  li.issue.masthead.number = 23124;
  model::Article a;
  a.title = title;
  a.authors = {"邓伟勇"};
  li.issue.articles.push_back(a);
  ArticleFacts f;
  f.summary = "株洲日报讯 一则消息。";
  f.vocabulary = {"株洲"};
  f.search_text = "一则消息";
  f.version = 42;
  li.facts.push_back(f);
  return s;
}

class IssueStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = gazette::testing::temp_dir("issue-store");
    for (int i = 0; i < 200; ++i) {
      std::string rel = "content/" + std::to_string(i) + ".txt";
      index_.emplace(rel, stored(rel, "第" + std::to_string(i) + "篇"));
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::map<std::string, fs::file_time_type> index_files() const {
    std::map<std::string, fs::file_time_type> times;
    for (const auto& e : fs::directory_iterator(dir_ / "issues")) {
      std::string name = e.path().filename().string();
      if (name.rfind("index-", 0) == 0) times[name] = e.last_write_time();
    }
    return times;
  }

  fs::path dir_;
  std::unordered_map<std::string, StoredIssue> index_;
};

TEST_F(IssueStoreTest, WhatIsSavedIsReadBack) {
  IssueStore store(dir_ / "issues");
  ASSERT_TRUE(store.save_index(7, 9, index_).ok());
  std::uint64_t facts_key = 0;
  auto loaded = store.load_index(7, facts_key);
  EXPECT_EQ(facts_key, 9u);
  ASSERT_EQ(loaded.size(), index_.size());
  for (const auto& [rel, s] : index_) {
    const StoredIssue& back = loaded.at(rel);
    EXPECT_EQ(back.signature, s.signature);
    EXPECT_EQ(back.issue.issue, s.issue.issue);
    // Every fact but the start of the body the search index holds (taken from the whole issue
    // when a year of the index is made again).
    std::vector<ArticleFacts> without_search_text = s.issue.facts;
    for (ArticleFacts& f : without_search_text) {
      EXPECT_TRUE(f.search_text);
      f.search_text.reset();
    }
    EXPECT_EQ(back.issue.facts, without_search_text);
    EXPECT_EQ(back.issue.content_hash, s.issue.content_hash);
    EXPECT_EQ(back.issue.source_text, s.issue.source_text);
  }
}

TEST_F(IssueStoreTest, AnotherIngestKeyOrADamagedShardReadsAsEmpty) {
  IssueStore store(dir_ / "issues");
  ASSERT_TRUE(store.save_index(7, 9, index_).ok());
  std::uint64_t facts_key = 0;
  EXPECT_TRUE(store.load_index(8, facts_key).empty());
  // Cut one shard short.
  fs::path shard = dir_ / "issues" / index_files().begin()->first;
  std::string bytes = *read_file(shard);
  std::ofstream(shard, std::ios::binary | std::ios::trunc) << bytes.substr(0, bytes.size() / 2);
  EXPECT_TRUE(store.load_index(7, facts_key).empty());
  fs::remove(shard);
  EXPECT_TRUE(store.load_index(7, facts_key).empty());
}

TEST_F(IssueStoreTest, ASourceReadAgainRewritesOnlyItsShard) {
  IssueStore store(dir_ / "issues");
  ASSERT_TRUE(store.save_index(7, 9, index_).ok());
  auto before = index_files();
  ASSERT_GT(before.size(), 10u);
  // File times have a coarse clock on some file systems: make a rewrite visible.
  for (const auto& [name, time] : before)
    fs::last_write_time(dir_ / "issues" / name, time - std::chrono::hours(1));
  before = index_files();
  index_.at("content/5.txt") = stored("content/5.txt", "改过的标题");
  ASSERT_TRUE(store.save_index(7, 9, index_).ok());
  auto after = index_files();
  size_t rewritten = 0;
  for (const auto& [name, time] : after) rewritten += time != before.at(name);
  EXPECT_EQ(rewritten, 1u);
  std::uint64_t facts_key = 0;
  EXPECT_EQ(store.load_index(7, facts_key).at("content/5.txt").issue.issue.articles[0].title,
            "改过的标题");
  // New facts settings: every shard is written again.
  ASSERT_TRUE(store.save_index(7, 10, index_).ok());
  after = index_files();
  rewritten = 0;
  for (const auto& [name, time] : after) rewritten += time != before.at(name);
  EXPECT_EQ(rewritten, before.size());
}

TEST_F(IssueStoreTest, IssueFilesOfRemovedSourcesGo) {
  IssueStore store(dir_ / "issues");
  model::Issue whole = index_.at("content/3.txt").issue.issue;
  ASSERT_TRUE(store.save_issue("content/3.txt", 99, whole).ok());
  ASSERT_TRUE(store.save_index(7, 9, index_).ok());
  EXPECT_EQ(store.load_issue("content/3.txt", 99), whole);
  EXPECT_FALSE(store.load_issue("content/3.txt", 98));  // another version of the source
  index_.erase("content/3.txt");
  ASSERT_TRUE(store.save_index(7, 9, index_).ok());
  EXPECT_FALSE(store.load_issue("content/3.txt", 99));
}

TEST_F(IssueStoreTest, ACleanUpLooksOnlyAtTheShardsRewritten) {
  IssueStore store(dir_ / "issues");
  ASSERT_TRUE(store.save_index(7, 9, index_).ok());
  // An issue file of a source the index never had (its name is its source's hash, whose
  // remainder by 64 is its shard).
  const std::uint64_t ghost_hash = output::content_hash("content/ghost.txt");
  const fs::path ghost = dir_ / "issues" / fmt::format("{:016x}", ghost_hash);
  std::ofstream(ghost) << "left over";
  // A source of another shard changes: the ghost's shard is not looked at.
  std::string other;
  for (const auto& [rel, s] : index_) {
    if (output::content_hash(rel) % 64 != ghost_hash % 64) other = rel;
  }
  ASSERT_FALSE(other.empty());
  index_.at(other).signature += "+";
  ASSERT_TRUE(store.save_index(7, 9, index_).ok());
  EXPECT_TRUE(fs::exists(ghost));
  // A source of the ghost's shard changes: it goes.
  std::string same;
  for (const auto& [rel, s] : index_) {
    if (output::content_hash(rel) % 64 == ghost_hash % 64) same = rel;
  }
  ASSERT_FALSE(same.empty());
  index_.at(same).signature += "+";
  ASSERT_TRUE(store.save_index(7, 9, index_).ok());
  EXPECT_FALSE(fs::exists(ghost));
}

}  // namespace
}  // namespace gazette::site
