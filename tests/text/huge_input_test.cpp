// Big inputs: every text function must stay linear and keep memory bounded on a 10 MB
// single line (CTest's timeout catches a hang; bench/ reports the speed).
#include <gtest/gtest.h>

#include "text/segment.hpp"
#include "text/slug.hpp"
#include "text/utf8.hpp"
#include "text/width.hpp"

namespace gazette::text {
namespace {

std::string ten_megabyte_line() {
  const std::string phrase =
      "习近平强调，中国愿同世界各国一道，携手走出一条数字资源共建共享的道路。";
  std::string line;
  line.reserve(10'000'000 + phrase.size());
  while (line.size() < 10'000'000) line += phrase;
  return line;
}

TEST(HugeInput, TenMegabyteSingleLine) {
  const std::string line = ten_megabyte_line();
  EXPECT_FALSE(find_invalid_utf8(line).has_value());
  auto decoded = decode_text(line, "huge.txt");
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->size(), line.size());
  EXPECT_EQ(fold_fullwidth_alnum(line).size(), line.size());

  WordSegmenter seg;
  auto words = seg.words(line);
  EXPECT_GT(words.size(), 1'000'000u);
  EXPECT_EQ(words.front(), "习");  // ICU's dictionary splits the name 习近平

  Slugger slugger;
  std::string slug = slugger.slug(line);
  EXPECT_EQ(slug.substr(0, 24), "xi-jin-ping-qiang-diao-z");
  EXPECT_LE(slug.size(), 60u);
}

TEST(HugeInput, InvalidByteAtTheEndOfAHugeLine) {
  std::string line = ten_megabyte_line();
  const size_t chars = code_point_count(line);
  line += "\xC0";
  auto bad = find_invalid_utf8(line);
  ASSERT_TRUE(bad.has_value());
  EXPECT_EQ(bad->line, 1);
  EXPECT_EQ(static_cast<size_t>(bad->column), chars + 1);
  auto r = decode_text(line, "huge.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().source_line.empty());  // not echoed: far too long
}

}  // namespace
}  // namespace gazette::text
