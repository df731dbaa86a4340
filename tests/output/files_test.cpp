#include "output/files.hpp"

#include <gtest/gtest.h>

#include "support/temp_dir.hpp"

#include <filesystem>

#include "base/file.hpp"

namespace gazette::output {
namespace {

namespace fs = std::filesystem;

TEST(SafeRelativePath, AcceptsOutputPaths) {
  EXPECT_TRUE(is_safe_relative_path("index.html"));
  EXPECT_TRUE(is_safe_relative_path("2022/11/08/jia-kuai/index.html"));
  EXPECT_TRUE(is_safe_relative_path("tags/zhu-zhou/page/2/index.html"));
}

TEST(SafeRelativePath, RejectsEscapes) {
  for (const char* bad :
       {"", "/etc/passwd", "../x", "a/../b", "a/./b", "a//b", "a/", ".", "a\\b", "..", "a/.."}) {
    EXPECT_FALSE(is_safe_relative_path(bad)) << bad;
  }
  EXPECT_FALSE(is_safe_relative_path(std::string_view("a\0b", 3)));
}

TEST(ContentHash, DistinguishesBytes) {
  EXPECT_EQ(content_hash("株洲日报"), content_hash("株洲日报"));
  EXPECT_NE(content_hash("株洲日报"), content_hash("株洲日報"));
  EXPECT_NE(content_hash(""), content_hash(std::string_view("\0", 1)));
}

TEST(WriteFileAtomic, CreatesFoldersAndReplacesWholeFiles) {
  fs::path dir = gazette::testing::temp_dir("files");
  fs::remove_all(dir);
  fs::path target = dir / "a" / "b" / "index.html";
  ASSERT_TRUE(write_file_atomic(target, "first").ok());
  EXPECT_EQ(*read_file(target), "first");
  ASSERT_TRUE(write_file_atomic(target, "second, longer").ok());
  EXPECT_EQ(*read_file(target), "second, longer");
  // No temporary files are left behind.
  size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) files += e.is_regular_file();
  EXPECT_EQ(files, 1u);
  EXPECT_EQ(fs::status(target).permissions() & fs::perms::owner_read, fs::perms::owner_read);
  fs::remove_all(dir);
}

TEST(WriteFileAtomic, ErrorNamesThePath) {
  Status s = write_file_atomic("/proc/gazette-cannot-write-here/x.html", "x");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().path.find("gazette-cannot-write-here"), std::string::npos);
}

TEST(MakeFolders, MakesTheMissingParentsAndAcceptsFoldersThatExist) {
  fs::path dir = gazette::testing::temp_dir("folders");
  fs::remove_all(dir);
  ASSERT_TRUE(make_folders(dir / "2022" / "11" / "08" / "jia-kuai").ok());
  EXPECT_TRUE(fs::is_directory(dir / "2022" / "11" / "08" / "jia-kuai"));
  ASSERT_TRUE(make_folders(dir / "2022" / "11" / "08" / "other").ok());  // parent exists
  EXPECT_TRUE(fs::is_directory(dir / "2022" / "11" / "08" / "other"));
  EXPECT_TRUE(make_folders(dir / "2022").ok());                          // exists already
  EXPECT_TRUE(make_folders((dir / "2022" / "11").string() + "/").ok());  // trailing slash
  fs::remove_all(dir);
}

TEST(MakeFolders, AFileInTheWayIsAnErrorNamingIt) {
  fs::path dir = gazette::testing::temp_dir("folders-file");
  fs::remove_all(dir);
  ASSERT_TRUE(write_file_atomic(dir / "2022", "not a folder").ok());
  Status leaf = make_folders(dir / "2022");
  ASSERT_FALSE(leaf.ok());
  EXPECT_NE(leaf.error().path.find("2022"), std::string::npos);
  Status below = make_folders(dir / "2022" / "11" / "08");
  ASSERT_FALSE(below.ok());
  EXPECT_NE(below.error().path.find("2022"), std::string::npos);
  EXPECT_EQ(*read_file(dir / "2022"), "not a folder");  // left as it was
  fs::remove_all(dir);
}

}  // namespace
}  // namespace gazette::output
