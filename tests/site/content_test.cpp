#include "site/content.hpp"

#include <gtest/gtest.h>

#include "support/temp_dir.hpp"

#include <filesystem>
#include <fstream>

namespace gazette::site {
namespace {

namespace fs = std::filesystem;

class FindContent : public ::testing::Test {
 protected:
  void SetUp() override {
    site_ = gazette::testing::temp_dir("content");
    fs::remove_all(site_);
    fs::create_directories(site_ / "content");
  }
  void TearDown() override { fs::remove_all(site_); }
  void touch(const std::string& rel) {
    fs::create_directories((site_ / rel).parent_path());
    std::ofstream(site_ / rel) << "x";
  }
  std::vector<std::string> found() {
    auto r = find_content(site_, site_ / "content");
    EXPECT_TRUE(r.ok());
    std::vector<std::string> out;
    if (!r.ok()) return out;
    for (const auto& s : *r) {
      out.push_back((s.form == ContentSource::Form::kMarkdownFolder ? "md:" : "txt:") + s.rel);
    }
    return out;
  }
  fs::path site_;
};

TEST_F(FindContent, RawIssuesAndMarkdownFoldersInPathOrder) {
  touch("content/2022/2022-11-08.txt");
  touch("content/2020/b.txt");
  touch("content/2020/a/issue.yaml");
  touch("content/2020/a/01-x.md");
  touch("content/notes.md");  // not an issue
  touch("content/photo.jpg");
  EXPECT_EQ(found(), (std::vector<std::string>{"md:content/2020/a", "txt:content/2020/b.txt",
                                               "txt:content/2022/2022-11-08.txt"}));
}

TEST_F(FindContent, MarkdownFolderWinsOverItsText) {
  touch("content/001.txt");
  touch("content/001/issue.yaml");
  touch("content/002.txt");
  EXPECT_EQ(found(), (std::vector<std::string>{"md:content/001", "txt:content/002.txt"}));
}

TEST_F(FindContent, SkipsHiddenAndSymlinkedFolders) {
  touch("content/.drafts/x.txt");
  touch("content/.hidden.txt");
  touch("elsewhere/y.txt");
  fs::create_directory_symlink(site_ / "elsewhere", site_ / "content" / "link");
  touch("content/z.txt");
  EXPECT_EQ(found(), (std::vector<std::string>{"txt:content/z.txt"}));
}

TEST_F(FindContent, EmptyIsFineMissingIsAnError) {
  EXPECT_TRUE(found().empty());
  auto r = find_content(site_, site_ / "nope");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("no content folder"), std::string::npos);
}

TEST_F(FindContent, SampleEdition) {
  auto r = find_content(GAZETTE_SOURCE_DIR, fs::path(GAZETTE_SOURCE_DIR) / "content");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[1].rel, "content/001_ec8a289be981ebcb.txt");
}

}  // namespace
}  // namespace gazette::site
