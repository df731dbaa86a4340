#include "base/file.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace gazette {
namespace {

namespace fs = std::filesystem;

class ReadFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() /
        ("gazette-file-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(ReadFile, ReadsBytesExactly) {
  std::string bytes = std::string("株洲日报\r\n\0binary", 20);
  std::ofstream(dir_ / "a.txt", std::ios::binary) << bytes;
  auto r = read_file(dir_ / "a.txt");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, bytes);
}

TEST_F(ReadFile, ReadsEmptyFile) {
  std::ofstream(dir_ / "empty.txt").close();
  auto r = read_file(dir_ / "empty.txt");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->empty());
}

TEST_F(ReadFile, MissingFileIsAnErrorNamingThePath) {
  auto r = read_file(dir_ / "nope.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().path, (dir_ / "nope.txt").string());
  EXPECT_NE(r.error().message.find("No such file"), std::string::npos);
}

TEST_F(ReadFile, DirectoryIsAnError) {
  auto r = read_file(dir_);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "is a directory");
}

}  // namespace
}  // namespace gazette
