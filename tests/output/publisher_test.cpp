#include "output/publisher.hpp"

#include <gtest/gtest.h>

#include "support/temp_dir.hpp"

#include <filesystem>
#include <fstream>
#include <thread>

#include <fmt/format.h>

#include "base/file.hpp"
#include "output/files.hpp"

namespace gazette::output {
namespace {

namespace fs = std::filesystem;

class PublisherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = gazette::testing::temp_dir("publisher");
    fs::remove_all(root_);
    out_ = root_ / "public";
    cache_ = root_ / ".gazette-cache";
  }
  void TearDown() override { fs::remove_all(root_); }

  // Publishes `files` (path → bytes) as one build, each with `fingerprint` (0: none).
  PublishSummary publish(const std::vector<std::pair<std::string, std::string>>& files,
                         bool clean = false, std::uint64_t fingerprint = 0) {
    Publisher p(out_, cache_, clean);
    OutputBatch a = p.batch();
    OutputBatch b = p.batch();
    for (size_t i = 0; i < files.size(); ++i) {
      EXPECT_TRUE((i % 2 ? b : a).put(files[i].first, files[i].second, fingerprint).ok());
    }
    p.add(std::move(a));
    p.add(std::move(b));
    auto r = p.commit();
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : PublishSummary{};
  }

  fs::file_time_type mtime(const std::string& rel) { return fs::last_write_time(out_ / rel); }

  fs::path root_, out_, cache_;
};

TEST_F(PublisherTest, FirstBuildWritesEverything) {
  auto s = publish({{"index.html", "home"}, {"2022/11/08/index.html", "issue"}});
  EXPECT_EQ(s.written, 2u);
  EXPECT_EQ(s.unchanged, 0u);
  EXPECT_EQ(*read_file(out_ / "2022/11/08/index.html"), "issue");
  EXPECT_FALSE(fs::exists(cache_ / "staging"));
  EXPECT_TRUE(fs::exists(cache_ / "manifest"));
}

TEST_F(PublisherTest, FirstBuildIsStagedBesideTheOutputAndRenamedIntoPlace) {
  fs::create_directories(out_);  // an empty output folder counts as none
  Publisher p(out_, cache_, false);
  OutputBatch b = p.batch();
  ASSERT_TRUE(b.put("a/b/index.html", "deep").ok());
  EXPECT_FALSE(fs::exists(out_ / "a"));  // nothing visible before the commit
  p.add(std::move(b));
  auto s = p.commit();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->written, 1u);
  EXPECT_EQ(*read_file(out_ / "a/b/index.html"), "deep");
  for (const auto& e : fs::directory_iterator(root_)) {
    EXPECT_EQ(e.path().filename().string().find("gazette-new"), std::string::npos) << e.path();
  }
}

TEST_F(PublisherTest, DeletedOutputFolderIsRebuiltWhole) {
  publish({{"index.html", "home"}, {"a/index.html", "a"}});
  fs::remove_all(out_);
  auto s = publish({{"index.html", "home"}, {"a/index.html", "a"}});
  EXPECT_EQ(s.written, 2u);
  EXPECT_EQ(*read_file(out_ / "a/index.html"), "a");
}

TEST_F(PublisherTest, UnchangedFilesAreNotTouched) {
  publish({{"index.html", "home"}, {"a/index.html", "a"}});
  auto before = mtime("a/index.html");
  auto s = publish({{"index.html", "home v2"}, {"a/index.html", "a"}});
  EXPECT_EQ(s.written, 1u);
  EXPECT_EQ(s.unchanged, 1u);
  EXPECT_EQ(mtime("a/index.html"), before);
  EXPECT_EQ(*read_file(out_ / "index.html"), "home v2");
}

TEST_F(PublisherTest, VanishedOutputsAreDeletedAndForeignFilesKept) {
  publish({{"index.html", "home"}, {"2022/11/08/x/index.html", "x"}});
  std::ofstream(out_ / "CNAME") << "example.org";  // not ours
  auto s = publish({{"index.html", "home"}});
  EXPECT_EQ(s.deleted, 1u);
  EXPECT_FALSE(fs::exists(out_ / "2022"));  // empty folders pruned
  EXPECT_TRUE(fs::exists(out_ / "CNAME"));
}

TEST_F(PublisherTest, DamagedOutputIsRewritten) {
  publish({{"index.html", "home"}});
  std::ofstream(out_ / "index.html") << "edited by hand!";
  auto s = publish({{"index.html", "home"}});
  EXPECT_EQ(s.written, 1u);
  EXPECT_EQ(*read_file(out_ / "index.html"), "home");
  fs::remove(out_ / "index.html");
  s = publish({{"index.html", "home"}});
  EXPECT_EQ(s.written, 1u);
}

// A commit that fails half-way (here a rename: a folder stands where a file goes) leaves some
// new files in place and the previous manifest on record. The next build must not take that
// record's word for the files: here the page is back to its previous bytes (same size as the
// ones left in place), and it must be written again.
TEST_F(PublisherTest, AnInterruptedCommitIsNotTrustedNextTime) {
  publish({{"a.html", "old1"}, {"b/index.html", "b"}}, false, 7);
  fs::create_directories(out_ / "z.html" / "in-the-way");
  {
    Publisher p(out_, cache_, false);
    OutputBatch b = p.batch();
    ASSERT_TRUE(b.put("a.html", "new1", 8).ok());
    ASSERT_TRUE(b.put("b/index.html", "b", 7).ok());
    ASSERT_TRUE(b.put("z.html", "z", 8).ok());
    p.add(std::move(b));
    ASSERT_FALSE(p.commit().ok());
  }
  ASSERT_EQ(*read_file(out_ / "a.html"), "new1");  // moved in before the failure
  fs::remove_all(out_ / "z.html");
  // The inputs of a.html are as before the failed build: same fingerprint, same bytes.
  PreviousOutput previous = read_previous_output(out_, cache_, false);
  for (size_t i = 0; i < previous.manifest.size(); ++i) EXPECT_FALSE(previous.intact[i]);
  auto s = publish({{"a.html", "old1"}, {"b/index.html", "b"}}, false, 7);
  EXPECT_EQ(*read_file(out_ / "a.html"), "old1");
  EXPECT_EQ(s.written, 2u);
  // Once a commit went through, the records are trusted again.
  s = publish({{"a.html", "old1"}, {"b/index.html", "b"}}, false, 7);
  EXPECT_EQ(s.written, 0u);
  EXPECT_EQ(s.unchanged, 2u);
}

TEST_F(PublisherTest, AbortLeavesTheOutputAsItWas) {
  publish({{"index.html", "home"}});
  {
    Publisher p(out_, cache_, false);
    OutputBatch b = p.batch();
    ASSERT_TRUE(b.put("index.html", "broken build").ok());
    ASSERT_TRUE(b.put("new/index.html", "new").ok());
    p.add(std::move(b));
    p.abort();
  }
  EXPECT_EQ(*read_file(out_ / "index.html"), "home");
  EXPECT_FALSE(fs::exists(out_ / "new"));
  EXPECT_FALSE(fs::exists(cache_ / "staging"));
  // A publisher destroyed without commit aborts too.
  {
    Publisher p(out_, cache_, false);
    OutputBatch b = p.batch();
    ASSERT_TRUE(b.put("index.html", "also broken").ok());
    p.add(std::move(b));
  }
  EXPECT_EQ(*read_file(out_ / "index.html"), "home");
}

TEST_F(PublisherTest, StagingKeepsItsFoldersButNoFiles) {
  publish({{"index.html", "home"}, {"a/b/index.html", "ab"}});
  publish({{"index.html", "home 2"}, {"a/b/index.html", "ab 2"}});
  size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(cache_ / "staging"))
    files += e.is_regular_file();
  EXPECT_EQ(files, 0u);
  EXPECT_TRUE(fs::is_directory(cache_ / "staging" / "a" / "b"));
}

TEST_F(PublisherTest, LeftoversOfAnInterruptedBuildAreCleared) {
  publish({{"index.html", "home"}});
  fs::create_directories(cache_ / "staging" / "x");
  std::ofstream(cache_ / "staging" / ".in-progress").close();
  std::ofstream(cache_ / "staging" / "x" / "index.html") << "half a build";
  publish({{"index.html", "home 2"}});
  EXPECT_FALSE(fs::exists(cache_ / "staging" / "x"));
  EXPECT_FALSE(fs::exists(out_ / "x"));
  EXPECT_EQ(*read_file(out_ / "index.html"), "home 2");
}

TEST_F(PublisherTest, DuplicateOutputPathIsAnError) {
  Publisher p(out_, cache_, false);
  OutputBatch a = p.batch();
  OutputBatch b = p.batch();
  ASSERT_TRUE(a.put("2022/11/08/x/index.html", "one").ok());
  ASSERT_TRUE(b.put("2022/11/08/x/index.html", "two").ok());
  p.add(std::move(a));
  p.add(std::move(b));
  auto r = p.commit();
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("same output path"), std::string::npos);
  EXPECT_FALSE(fs::exists(out_ / "2022"));
}

TEST_F(PublisherTest, FingerprintsLetUnchangedPagesBeSkipped) {
  publish({{"a/index.html", "a"}}, false, 42);
  Publisher p(out_, cache_, false);
  OutputBatch b = p.batch();
  EXPECT_TRUE(b.is_current("a/index.html", 42));
  EXPECT_FALSE(b.is_current("a/index.html", 43));
  EXPECT_FALSE(b.is_current("a/index.html", 0));
  EXPECT_FALSE(b.is_current("b/index.html", 42));
  b.keep("a/index.html");
  p.add(std::move(b));
  auto s = p.commit();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->unchanged, 1u);
  EXPECT_EQ(s->deleted, 0u);
  EXPECT_EQ(*read_file(out_ / "a/index.html"), "a");
}

TEST_F(PublisherTest, CleanRewritesEverythingAndStillDeletesVanished) {
  publish({{"index.html", "home"}, {"old/index.html", "old"}});
  auto s = publish({{"index.html", "home"}}, /*clean=*/true);
  EXPECT_EQ(s.written, 1u);
  EXPECT_EQ(s.deleted, 1u);
}

TEST_F(PublisherTest, CorruptManifestMeansFullBuild) {
  publish({{"index.html", "home"}});
  std::ofstream(cache_ / "manifest") << "gazette-manifest 1\nzz 1 0 index.html\n";
  auto s = publish({{"index.html", "home"}});
  EXPECT_EQ(s.written, 1u);
}

TEST_F(PublisherTest, AFileGoneIsNotIntactAndItsNeighbourIs) {
  publish({{"a/issue.json", "json"}, {"a/issue.md", "md"}});
  fs::remove(out_ / "a/issue.md");
  PreviousOutput seen = read_previous_output(out_, cache_, false);
  ASSERT_EQ(seen.manifest.size(), 2u);
  EXPECT_EQ(seen.manifest[0].rel, "a/issue.json");
  EXPECT_EQ(seen.intact, (std::vector<char>{1, 0}));
  // With `clean` nothing is looked at, and nothing is current.
  PreviousOutput clean = read_previous_output(out_, cache_, true);
  ASSERT_EQ(clean.manifest.size(), 2u);
  EXPECT_EQ(clean.intact, (std::vector<char>{0, 0}));
  EXPECT_NE(clean.manifest[0].record.size, 4u);
}

TEST_F(PublisherTest, KeepIfCurrentKeepsOnlyIntactFilesOfTheSameFingerprint) {
  publish({{"a/index.html", "a"}, {"b/index.html", "bb"}, {"c/index.html", "c"}}, false, 7);
  std::ofstream(out_ / "b/index.html") << "longer: edited by hand";
  Publisher p(out_, cache_, false);
  OutputBatch b = p.batch();
  EXPECT_TRUE(b.keep_if_current("a/index.html", 7));
  EXPECT_FALSE(b.keep_if_current("b/index.html", 7));  // not as it was written
  EXPECT_FALSE(b.keep_if_current("c/index.html", 8));  // other inputs
  EXPECT_FALSE(b.keep_if_current("d/index.html", 7));  // never written
  ASSERT_TRUE(b.put("b/index.html", "bb", 7).ok());
  ASSERT_TRUE(b.put("c/index.html", "c", 8).ok());  // same bytes: left as it is
  p.add(std::move(b));
  auto s = p.commit();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->written, 1u);
  EXPECT_EQ(s->unchanged, 2u);
  EXPECT_EQ(*read_file(out_ / "b/index.html"), "bb");
  // The new fingerprint of c was recorded: current for 8 now.
  Publisher again(out_, cache_, false);
  EXPECT_TRUE(again.batch().is_current("c/index.html", 8));
}

TEST_F(PublisherTest, FilesMadeTogetherAreKeptTogetherOrNotAtAll) {
  publish({{"a/issue.json", "a/issue.json"},
           {"a/issue.md", "a/issue.md"},
           {"b/issue.json", "b/issue.json"},
           {"b/issue.md", "b/issue.md"}},
          false, 7);
  fs::remove(out_ / "b/issue.md");
  Publisher p(out_, cache_, false);
  OutputBatch b = p.batch();
  const std::vector<std::string> a = {"a/issue.json", "a/issue.md"};
  const std::vector<std::string> bs = {"b/issue.json", "b/issue.md"};
  EXPECT_FALSE(b.keep_all_if_current(a, 8));  // other inputs
  EXPECT_TRUE(b.keep_all_if_current(a, 7));
  EXPECT_FALSE(b.keep_all_if_current(bs, 7));  // one of them gone: neither is kept
  for (const auto& rel : bs) ASSERT_TRUE(b.put(rel, rel, 7).ok());  // so no path twice
  p.add(std::move(b));
  auto s = p.commit();
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->unchanged, 3u);
  EXPECT_EQ(s->written, 1u);
  EXPECT_EQ(*read_file(out_ / "b/issue.md"), "b/issue.md");
}

TEST_F(PublisherTest, AFileKeptAndGivenAgainIsAnError) {
  publish({{"a/index.html", "a"}});
  Publisher p(out_, cache_, false);
  OutputBatch one = p.batch();
  OutputBatch two = p.batch();
  one.keep("a/index.html");
  ASSERT_TRUE(two.put("a/index.html", "other").ok());
  p.add(std::move(one));
  p.add(std::move(two));
  auto r = p.commit();
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("same output path"), std::string::npos);
  EXPECT_EQ(*read_file(out_ / "a/index.html"), "a");
}

TEST_F(PublisherTest, AStoppedCheckCountsTheFilesNotLookedAtAsChanged) {
  publish({{"a/index.html", "a"}, {"b/index.html", "b"}});
  std::stop_source stop;
  stop.request_stop();
  PreviousOutput seen = read_previous_output(out_, cache_, false, stop.get_token());
  ASSERT_EQ(seen.manifest.size(), 2u);
  EXPECT_EQ(seen.intact, (std::vector<char>{0, 0}));
}

TEST_F(PublisherTest, ACheckSharedByTwoThreadsLooksAtEveryFileOnce) {
  // Enough files for several chunks of the check; every seventh is gone, every fifth edited.
  std::vector<std::pair<std::string, std::string>> files;
  for (int i = 0; i < 5000; ++i)
    files.push_back({fmt::format("{:04}/index.html", i), fmt::format("page {}", i)});
  publish(files);
  for (int i = 0; i < 5000; i += 7) fs::remove(out_ / fmt::format("{:04}/index.html", i));
  for (int i = 0; i < 5000; i += 5) {
    std::ofstream(out_ / fmt::format("{:04}/index.html", i)) << "edited by hand";
  }
  OutputCheck check(out_, cache_, false);
  std::thread side([&] { check.run({}); });
  check.help();
  side.join();
  PreviousOutput shared = check.take();
  PreviousOutput alone = read_previous_output(out_, cache_, false);
  ASSERT_EQ(shared.manifest.size(), 5000u);
  EXPECT_EQ(shared.intact, alone.intact);
  for (size_t i = 0; i < shared.manifest.size(); ++i) {
    const int n = std::stoi(std::string(shared.manifest[i].rel.substr(0, 4)));
    EXPECT_EQ(shared.intact[i], n % 7 != 0 && n % 5 != 0) << shared.manifest[i].rel;
  }
}

TEST(Manifest, RoundTrips) {
  fs::path file = gazette::testing::temp_dir("manifest") / "manifest";
  Manifest m({{"index.html", {1, 2, 3}},
              {"2022/11/08/index.html", {0xffffffffffffffffull, 0, 7}},
              {"index.html", {9, 9, 9}}});  // a later duplicate is dropped
  ASSERT_EQ(m.size(), 2u);
  ASSERT_TRUE(save_manifest(file, m).ok());
  Manifest back = load_manifest(file);
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].rel, "2022/11/08/index.html");  // sorted by path
  ASSERT_NE(back.find("2022/11/08/index.html"), Manifest::npos);
  EXPECT_EQ(back[back.find("2022/11/08/index.html")].record.hash, 0xffffffffffffffffull);
  EXPECT_EQ(back[back.find("index.html")].record, (OutputRecord{1, 2, 3}));
  EXPECT_EQ(back.find("index.htm"), Manifest::npos);
  EXPECT_EQ(back.find(""), Manifest::npos);
  fs::remove(file);
  EXPECT_TRUE(load_manifest(file).empty());
}

TEST(Manifest, FindsEachOfManyFiles) {
  std::vector<std::pair<std::string, OutputRecord>> files;
  for (std::uint64_t i = 0; i < 5000; ++i)
    files.push_back({"2022/11/" + std::to_string(i) + "/index.html", {i, i, i}});
  Manifest m(files);
  ASSERT_EQ(m.size(), files.size());
  for (const auto& [rel, record] : files) {
    size_t i = m.find(rel);
    ASSERT_NE(i, Manifest::npos) << rel;
    EXPECT_EQ(m[i].rel, rel);
    EXPECT_EQ(m[i].record, record);
  }
  EXPECT_EQ(m.find("2022/11/5000/index.html"), Manifest::npos);
}

TEST(Manifest, OutOfOrderOrUnsafePathsMeanDamaged) {
  fs::path file = gazette::testing::temp_dir("manifest") / "manifest";
  fs::create_directories(file.parent_path());
  std::ofstream(file) << "gazette-manifest 1\n1 1 1 a.html\n1 1 1 b.html\n";
  ASSERT_EQ(load_manifest(file).size(), 2u);
  std::ofstream(file) << "gazette-manifest 1\n1 1 1 b.html\n1 1 1 a.html\n";
  EXPECT_TRUE(load_manifest(file).empty());
  std::ofstream(file) << "gazette-manifest 1\n1 1 1 a.html\n1 1 1 a.html\n";
  EXPECT_TRUE(load_manifest(file).empty());
  std::ofstream(file) << "gazette-manifest 1\n1 1 1 ../a.html\n";
  EXPECT_TRUE(load_manifest(file).empty());
  fs::remove(file);
}

}  // namespace
}  // namespace gazette::output
