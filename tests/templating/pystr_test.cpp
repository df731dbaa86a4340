// Python's string semantics: case mapping of text whose only cased letters are ASCII.
#include "templating/pystr.hpp"

#include <gtest/gtest.h>

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <string>

namespace gazette::templating::pystr {
namespace {

std::string icu_case(const std::string& s, bool to_upper) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  if (to_upper) {
    u.toUpper(icu::Locale::getRoot());
  } else {
    u.toLower(icu::Locale::getRoot());
  }
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string utf8(char32_t c) {
  std::string out;
  icu::UnicodeString(static_cast<UChar32>(c)).toUTF8String(out);
  return out;
}

TEST(PystrTest, TextWithoutCasedLettersButAsciiMapsAsIcuDoes) {
  // Every code point: where only_ascii_is_cased() lets upper()/lower() skip ICU, ICU agrees.
  size_t caseless = 0;
  for (char32_t c = 0x80; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    const std::string s = "aZ" + utf8(c) + "q";
    if (!only_ascii_is_cased(s)) continue;
    ++caseless;
    ASSERT_EQ(upper(s), icu_case(s, true)) << "U+" << std::hex << static_cast<uint32_t>(c);
    ASSERT_EQ(lower(s), icu_case(s, false)) << "U+" << std::hex << static_cast<uint32_t>(c);
  }
  // The CJK ideographs, kana and punctuation a Chinese newspaper is written in.
  EXPECT_GT(caseless, 20000u);
  EXPECT_TRUE(only_ascii_is_cased("株洲日报讯（记者 王A）“第3版”，２０２２年。"));
  EXPECT_EQ(upper("株洲日报 a3版"), "株洲日报 A3版");
  EXPECT_EQ(lower("株洲日报 A3版"), "株洲日报 a3版");
  // Cased letters outside ASCII go through ICU: fullwidth, Greek, ß, circled letters.
  for (const char* s : {"ａ", "Ｚ", "α", "straße", "ⓐ", "Ǆ"}) {
    EXPECT_FALSE(only_ascii_is_cased(s)) << s;
    EXPECT_EQ(upper(s), icu_case(s, true)) << s;
    EXPECT_EQ(lower(s), icu_case(s, false)) << s;
  }
  EXPECT_EQ(upper("straße"), "STRASSE");
}

}  // namespace
}  // namespace gazette::templating::pystr
