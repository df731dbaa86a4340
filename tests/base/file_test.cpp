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

TEST_F(ReadFile, ReadsFilesInTurnIntoOneBuffer) {
  const std::string big(100000, 'x'), small = "株洲日报";
  std::ofstream(dir_ / "big", std::ios::binary) << big;
  std::ofstream(dir_ / "small", std::ios::binary) << small;
  std::ofstream(dir_ / "empty", std::ios::binary).close();
  std::string buffer;
  auto r = read_file_into(dir_ / "big", buffer);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, big);
  // A shorter file after a longer one: its bytes only, in the memory the first one used.
  const char* memory = buffer.data();
  r = read_file_into(dir_ / "small", buffer);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, small);
  EXPECT_EQ(r->data(), memory);
  r = read_file_into(dir_ / "empty", buffer);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->empty());
  r = read_file_into(dir_ / "nope", buffer);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().path, (dir_ / "nope").string());
  r = read_file_into(dir_ / "big", buffer);  // and a longer one again
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, big);
}

}  // namespace
}  // namespace gazette
