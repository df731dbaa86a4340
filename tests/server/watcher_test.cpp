#include "server/watcher.hpp"

#include <gtest/gtest.h>

#include "support/temp_dir.hpp"

#include <filesystem>
#include <fstream>
#include <thread>

namespace gazette::server {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;

class WatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    site_ = gazette::testing::temp_dir("watcher");
    fs::remove_all(site_);
    fs::create_directories(site_ / "content" / "2022");
    fs::create_directories(site_ / "public");
    std::ofstream(site_ / "site.yaml") << "title: x\n";
    site_ = fs::canonical(site_);
  }
  void TearDown() override { fs::remove_all(site_); }
  Watcher open() {
    auto w = Watcher::open({site_ / "content", site_ / "templates"}, {site_ / "site.yaml"},
                           {site_ / "public"});
    EXPECT_TRUE(w.ok());
    return std::move(*w);
  }
  fs::path site_;
};

auto never = [] { return false; };

TEST_F(WatcherTest, ReportsEditsInWatchedTreesAndFiles) {
  Watcher w = open();
  std::ofstream(site_ / "content" / "2022" / "a.txt") << "株洲日报";
  auto changed = w.wait_for_changes(milliseconds(2000), milliseconds(50), never);
  EXPECT_TRUE(changed.count(site_ / "content" / "2022" / "a.txt"));
  std::ofstream(site_ / "site.yaml") << "title: y\n";
  changed = w.wait_for_changes(milliseconds(2000), milliseconds(50), never);
  EXPECT_TRUE(changed.count(site_ / "site.yaml"));
}

TEST_F(WatcherTest, IgnoresOutputAndOtherFilesOfTheSiteFolder) {
  Watcher w = open();
  std::ofstream(site_ / "public" / "index.html") << "x";
  std::ofstream(site_ / "notes.txt") << "x";
  EXPECT_TRUE(w.wait_for_changes(milliseconds(200), milliseconds(50), never).empty());
}

TEST_F(WatcherTest, NewFoldersAreWatchedToo) {
  Watcher w = open();
  fs::create_directories(site_ / "content" / "2023");
  w.wait_for_changes(milliseconds(2000), milliseconds(50), never);
  std::ofstream(site_ / "content" / "2023" / "b.txt") << "x";
  auto changed = w.wait_for_changes(milliseconds(2000), milliseconds(50), never);
  EXPECT_TRUE(changed.count(site_ / "content" / "2023" / "b.txt"));
}

TEST_F(WatcherTest, FoldersCreatedLaterAreWatched) {
  Watcher w = open();  // templates/ does not exist yet
  fs::create_directories(site_ / "templates");
  w.wait_for_changes(milliseconds(2000), milliseconds(50), never);
  std::ofstream(site_ / "templates" / "article.html") << "x";
  auto changed = w.wait_for_changes(milliseconds(2000), milliseconds(50), never);
  EXPECT_TRUE(changed.count(site_ / "templates" / "article.html"));
}

TEST_F(WatcherTest, ABurstOfEditsIsOneBatch) {
  Watcher w = open();
  std::thread editor([&] {
    for (int i = 0; i < 10; ++i) {
      std::ofstream(site_ / "content" / ("f" + std::to_string(i) + ".txt")) << i;
      std::this_thread::sleep_for(milliseconds(10));
    }
  });
  auto changed = w.wait_for_changes(milliseconds(2000), milliseconds(150), never);
  editor.join();
  EXPECT_EQ(changed.size(), 10u);
}

}  // namespace
}  // namespace gazette::server
