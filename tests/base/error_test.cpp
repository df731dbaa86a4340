#include "base/error.hpp"

#include <gtest/gtest.h>

#include "base/result.hpp"

namespace gazette {
namespace {

TEST(Error, FormatsPathLineColumn) {
  Error e{"content/a.txt", 12, 7, "bad thing", {}};
  EXPECT_EQ(format_error_line(e), "content/a.txt:12:7: error: bad thing");
}

TEST(Error, LeavesOutUnknownPositions) {
  EXPECT_EQ(format_error_line(file_error("site.yaml", "missing")), "site.yaml: error: missing");
  Error line_only{"a.txt", 3, 0, "m", {}};
  EXPECT_EQ(format_error_line(line_only), "a.txt:3: error: m");
}

TEST(Error, ShowsSourceLineAndCaretUnderWideCharacters) {
  std::string text = "株洲日报\n曹慧泉强调, 要\n";
  Error e = error_at("x.txt", text, 2, 4, "here");
  EXPECT_EQ(e.source_line, "曹慧泉强调, 要");
  // Three CJK characters before column 4: six terminal cells.
  EXPECT_EQ(format_error(e), "x.txt:2:4: error: here\n  曹慧泉强调, 要\n        ^\n");
}

TEST(Error, PositionPastEndKeepsNoSourceLine) {
  Error e = error_at("x.txt", "one line", 5, 1, "m");
  EXPECT_TRUE(e.source_line.empty());
  EXPECT_EQ(format_error(e), "x.txt:5:1: error: m\n");
}

TEST(Error, FormatsAllErrors) {
  std::vector<Error> errors{file_error("a", "one"), file_error("b", "two")};
  EXPECT_EQ(format_errors(errors), "a: error: one\nb: error: two\n");
}

TEST(Result, HoldsValueOrError) {
  Result<int> good = 42;
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 42);
  Result<int> bad = file_error("f", "nope");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message, "nope");
  Status fine;
  EXPECT_TRUE(fine.ok());
  Status failed = file_error("f", "x");
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().path, "f");
}

}  // namespace
}  // namespace gazette
