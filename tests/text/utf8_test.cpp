#include "text/utf8.hpp"

#include <gtest/gtest.h>

namespace gazette::text {
namespace {

TEST(FindInvalidUtf8, AcceptsValidChineseText) {
  EXPECT_FALSE(find_invalid_utf8("株洲日报讯（全媒体记者/邓伟勇） 11月 8日晚").has_value());
  EXPECT_FALSE(find_invalid_utf8("").has_value());
  EXPECT_FALSE(find_invalid_utf8("\xF0\x9F\x98\x80 emoji and 𠀀 (CJK ext. B)").has_value());
}

TEST(FindInvalidUtf8, ReportsTruncatedSequenceWithLineAndColumn) {
  // 株 is E6 A0 AA; cut after two bytes on line 2, after "ab".
  std::string text = "株洲日报\nab\xE6\xA0";
  auto bad = find_invalid_utf8(text);
  ASSERT_TRUE(bad.has_value());
  EXPECT_EQ(bad->line, 2);
  EXPECT_EQ(bad->column, 3);
  EXPECT_EQ(bad->offset, text.size() - 2);
  EXPECT_EQ(bad->message, "invalid UTF-8 (truncated sequence at end of input)");
}

TEST(FindInvalidUtf8, ReportsTruncatedSequenceFollowedByText) {
  auto bad = find_invalid_utf8("曹慧泉\xE5\xBC强调");
  ASSERT_TRUE(bad.has_value());
  EXPECT_EQ(bad->line, 1);
  EXPECT_EQ(bad->column, 4);
  EXPECT_EQ(bad->message, "invalid UTF-8 (truncated sequence)");
}

TEST(FindInvalidUtf8, RejectsOverlongForms) {
  auto two = find_invalid_utf8("a\xC0\xAF");  // overlong '/'
  ASSERT_TRUE(two.has_value());
  EXPECT_EQ(two->column, 2);
  EXPECT_EQ(two->message, "invalid UTF-8 (overlong encoding)");
  auto three = find_invalid_utf8("\xE0\x80\xAF");
  ASSERT_TRUE(three.has_value());
  EXPECT_EQ(three->message, "invalid UTF-8 (overlong encoding)");
  auto four = find_invalid_utf8("\xF0\x80\x80\xAF");
  ASSERT_TRUE(four.has_value());
  EXPECT_EQ(four->message, "invalid UTF-8 (overlong encoding)");
}

TEST(FindInvalidUtf8, RejectsLoneSurrogates) {
  auto bad = find_invalid_utf8("第23124期\n\n\xED\xA0\x80");  // U+D800 encoded as UTF-8
  ASSERT_TRUE(bad.has_value());
  EXPECT_EQ(bad->line, 3);
  EXPECT_EQ(bad->column, 1);
  EXPECT_EQ(bad->message, "invalid UTF-8 (surrogate code point)");
}

TEST(FindInvalidUtf8, RejectsStrayContinuationAndImpossibleBytes) {
  EXPECT_EQ(find_invalid_utf8("abc\x80")->message, "invalid UTF-8 (unexpected continuation byte)");
  EXPECT_EQ(find_invalid_utf8("\xFF")->message, "invalid UTF-8 (byte that never appears in UTF-8)");
  EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80")->message,
            "invalid UTF-8 (code point above U+10FFFF)");
}

TEST(StripBom, RemovesOnlyALeadingBom) {
  EXPECT_EQ(strip_bom("\xEF\xBB\xBF株洲"), "株洲");
  EXPECT_EQ(strip_bom("株洲\xEF\xBB\xBF"), "株洲\xEF\xBB\xBF");
  EXPECT_EQ(strip_bom(""), "");
}

TEST(NormalizeNewlines, TurnsCrlfAndCrIntoLf) {
  EXPECT_EQ(normalize_newlines("株洲日报\r\n2022年11月8日\r星期二\n"),
            "株洲日报\n2022年11月8日\n星期二\n");
  EXPECT_EQ(normalize_newlines("\r\n\r\n"), "\n\n");
  EXPECT_EQ(normalize_newlines(""), "");
}

TEST(ToNfc, ComposesDecomposedText) {
  EXPECT_EQ(to_nfc("e\xCC\x81"), "\xC3\xA9");         // e + combining acute → é
  EXPECT_EQ(to_nfc("株洲日报讯"), "株洲日报讯");      // already NFC: unchanged
  EXPECT_EQ(to_nfc("\xEF\xA4\x80"), "\xE8\xB1\x88");  // U+F900 compatibility ideograph → U+8C48
  EXPECT_EQ(to_nfc(""), "");
}

TEST(DecodeText, ProducesCanonicalText) {
  auto r = decode_text("\xEF\xBB\xBF株洲日报\r\n壬寅年十月十五\r\n", "a.txt");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, "株洲日报\n壬寅年十月十五\n");
}

TEST(DecodeText, InvalidUtf8IsAnErrorAtItsPosition) {
  auto r = decode_text("株洲日报\n第23124期 \xC0\xAF 今日4版\n", "content/x.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().path, "content/x.txt");
  EXPECT_EQ(r.error().line, 2);
  EXPECT_EQ(r.error().column, 9);  // 第 2 3 1 2 4 期 and a space come before it
  EXPECT_EQ(format_error_line(r.error()),
            "content/x.txt:2:9: error: invalid UTF-8 (overlong encoding)");
  EXPECT_EQ(r.error().source_line, "第23124期 ");
}

TEST(DecodeText, EmptyInputIsEmptyText) {
  auto r = decode_text("", "empty.txt");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, "");
}

TEST(CodePoints, WalkForwardAndBackward) {
  std::string s = "A株𠀀";
  size_t i = 0;
  EXPECT_EQ(next_code_point(s, i), U'A');
  EXPECT_EQ(next_code_point(s, i), U'株');
  EXPECT_EQ(next_code_point(s, i), U'\U00020000');
  EXPECT_EQ(i, s.size());
  EXPECT_EQ(previous_code_point(s, i), U'\U00020000');
  EXPECT_EQ(previous_code_point(s, i), U'株');
  EXPECT_EQ(i, 1u);
  std::string out;
  append_utf8(out, U'株');
  append_utf8(out, U'\U00020000');
  EXPECT_EQ(out, "株𠀀");
  EXPECT_EQ(code_point_count("株洲日报 2022"), 9u);
  EXPECT_EQ(code_point_count(""), 0u);
}

TEST(CodePoints, IllFormedInputGivesReplacementCharacter) {
  std::string s = "\xC0\xAF";
  size_t i = 0;
  EXPECT_EQ(next_code_point(s, i), U'\uFFFD');
  EXPECT_GT(i, 0u);
}

TEST(CodePoints, TheFastPathReadsEveryThreeByteSequenceAsIcuDoes) {
  // Every lead byte of three-byte sequences with every pair of following bytes (well-formed
  // or not, surrogates and overlong forms included), and the same cut short by the end.
  size_t differences = 0;
  for (int b0 = 0xE0; b0 <= 0xEF; ++b0) {
    for (int b1 = 0; b1 <= 0xFF; ++b1) {
      for (int b2 = 0; b2 <= 0xFF; ++b2) {
        const char bytes[] = {static_cast<char>(b0), static_cast<char>(b1), static_cast<char>(b2)};
        for (size_t length : {size_t{3}, size_t{2}}) {
          std::string_view s(bytes, length);
          size_t fast = 0, slow = 0;
          if (next_code_point(s, fast) != next_code_point_slow(s, slow) || fast != slow)
            ++differences;
        }
      }
    }
  }
  EXPECT_EQ(differences, 0u);
}

}  // namespace
}  // namespace gazette::text
