// Writing issue folders: all or nothing, never over something that is not an issue folder.
#include "markdown/folder_writer.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "base/file.hpp"
#include "markdown/issue_reader.hpp"
#include "support.hpp"

namespace gazette::markdown {
namespace {

namespace fs = std::filesystem;

std::vector<IssueFile> files_of(std::string paper) {
  return {{"issue.yaml", "paper: \"" + paper + "\"\n"},
          {"01-a.md", "---\ntitle: \"甲\"\nkind: news\n---\n\n正文。\n"}};
}

// Names in a folder, sorted.
std::vector<std::string> listing(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(IssueFolderName, FromTheSourceFile) {
  EXPECT_EQ(issue_folder_name("samples/000_67e3da6dc0608386.txt"), "000_67e3da6dc0608386");
  EXPECT_EQ(issue_folder_name("2022-11-08.txt"), "2022-11-08");
  EXPECT_EQ(issue_folder_name("/a/b/株洲日报.2022.txt"), "株洲日报.2022");
  EXPECT_EQ(issue_folder_name("noext"), "noext");
  EXPECT_EQ(issue_folder_name(""), "issue");
}

TEST(WriteIssueFolder, CreatesTheFolderAndItsParents) {
  testing::TempDir tmp;
  fs::path dir = tmp.path() / "out" / "deeper" / "2022-11-08";
  ASSERT_TRUE(write_issue_folder(files_of("株洲日报"), dir, false).ok());
  EXPECT_EQ(listing(dir), (std::vector<std::string>{"01-a.md", "issue.yaml"}));
  EXPECT_EQ(*read_file(dir / "issue.yaml"), "paper: \"株洲日报\"\n");
  // Nothing else is left beside it.
  EXPECT_EQ(listing(dir.parent_path()), (std::vector<std::string>{"2022-11-08"}));
}

TEST(WriteIssueFolder, RefusesToOverwriteWithoutReplace) {
  testing::TempDir tmp;
  fs::path dir = tmp.path() / "x";
  ASSERT_TRUE(write_issue_folder(files_of("一"), dir, false).ok());
  Status s = write_issue_folder(files_of("二"), dir, false);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(format_error_line(s.error()),
            dir.string() +
                ": error: already exists: not overwriting it (use --force to replace "
                "an issue folder)");
  EXPECT_EQ(*read_file(dir / "issue.yaml"), "paper: \"一\"\n");
  EXPECT_EQ(listing(tmp.path()), (std::vector<std::string>{"x"}));
}

TEST(WriteIssueFolder, ReplacesAnIssueFolderWhole) {
  testing::TempDir tmp;
  fs::path dir = tmp.path() / "x";
  ASSERT_TRUE(write_issue_folder(files_of("一"), dir, false).ok());
  std::ofstream(dir / "02-stale.md") << "---\ntitle: 旧\n---\n";
  ASSERT_TRUE(write_issue_folder(files_of("二"), dir, true).ok());
  EXPECT_EQ(*read_file(dir / "issue.yaml"), "paper: \"二\"\n");
  // The old folder's files are gone with it, and no temporary folder is left.
  EXPECT_EQ(listing(dir), (std::vector<std::string>{"01-a.md", "issue.yaml"}));
  EXPECT_EQ(listing(tmp.path()), (std::vector<std::string>{"x"}));
}

TEST(WriteIssueFolder, NeverReplacesSomethingElse) {
  testing::TempDir tmp;
  fs::path dir = tmp.path() / "src";
  fs::create_directory(dir);
  std::ofstream(dir / "main.cpp") << "int main() {}";
  Status s = write_issue_folder(files_of("一"), dir, true);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(format_error_line(s.error()),
            dir.string() +
                ": error: exists and is not an issue folder (no issue.yaml): not "
                "replacing it, even with --force");
  EXPECT_EQ(listing(dir), (std::vector<std::string>{"main.cpp"}));

  fs::path file = tmp.path() / "file";
  std::ofstream(file) << "x";
  EXPECT_FALSE(write_issue_folder(files_of("一"), file, true).ok());
  EXPECT_EQ(*read_file(file), "x");
  EXPECT_EQ(listing(tmp.path()), (std::vector<std::string>{"file", "src"}));

  fs::path link = tmp.path() / "link";
  fs::create_directory_symlink(dir, link);
  s = write_issue_folder(files_of("一"), link, true);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(format_error_line(s.error()),
            link.string() + ": error: is a symbolic link: not replacing it, even with --force");
  fs::remove(link);

  // An empty folder may be filled.
  fs::create_directory(tmp.path() / "empty");
  EXPECT_TRUE(write_issue_folder(files_of("一"), tmp.path() / "empty", true).ok());
  EXPECT_TRUE(is_issue_folder(tmp.path() / "empty"));
}

TEST(WriteIssueFolder, AFailedWriteLeavesNothing) {
  testing::TempDir tmp;
  fs::path dir = tmp.path() / "x";
  // A file name that cannot be created makes the write fail half way.
  std::vector<IssueFile> files = files_of("一");
  files.push_back({"no/such/dir.md", "x"});
  Status s = write_issue_folder(files, dir, false);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(format_error_line(s.error()).find("cannot create"), std::string::npos);
  EXPECT_TRUE(listing(tmp.path()).empty());
}

}  // namespace
}  // namespace gazette::markdown
