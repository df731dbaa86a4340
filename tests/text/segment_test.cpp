#include "text/segment.hpp"

#include <gtest/gtest.h>

namespace gazette::text {
namespace {

std::vector<std::string> as_strings(const std::vector<std::string_view>& v) {
  return {v.begin(), v.end()};
}

// The expected words are what ICU 72's CJK dictionary (Debian 12) finds: it knows 网络, 空间,
// 命运 and 共同 but not 构建 or 共同体.
TEST(WordSegmenter, SegmentsChineseWithTheDictionary) {
  WordSegmenter seg;
  auto words = as_strings(seg.words("加快构建网络空间命运共同体"));
  EXPECT_EQ(words,
            (std::vector<std::string>{"加快", "构", "建", "网络", "空间", "命运", "共同", "体"}));
  words = as_strings(seg.words("市委书记曹慧泉主持召开专题会议"));
  EXPECT_EQ(words, (std::vector<std::string>{"市委", "书记", "曹", "慧", "泉", "主持", "召开",
                                             "专题", "会议"}));
}

TEST(WordSegmenter, DropsPunctuationAndSpaces) {
  WordSegmenter seg;
  auto words = as_strings(seg.words("经济社会发展，人人有责！ Hello, world 2022年"));
  EXPECT_EQ(words, (std::vector<std::string>{"经济", "社会", "发展", "人人", "有", "责", "Hello",
                                             "world", "2022", "年"}));
}

TEST(WordSegmenter, ReturnsViewsIntoTheInput) {
  WordSegmenter seg;
  std::string text = "市委书记曹慧泉强调";
  auto words = seg.words(text);
  ASSERT_FALSE(words.empty());
  for (auto w : words) {
    EXPECT_GE(w.data(), text.data());
    EXPECT_LE(w.data() + w.size(), text.data() + text.size());
  }
  std::string joined;
  for (auto w : words) joined += w;
  EXPECT_EQ(joined, text);  // no punctuation in this text, so the words cover it all
}

TEST(WordSegmenter, HandlesSupplementaryCharactersAndEmptyInput) {
  WordSegmenter seg;
  EXPECT_TRUE(seg.words("").empty());
  EXPECT_TRUE(seg.words("，。！？").empty());
  auto words = as_strings(seg.words("𠀀字 abc"));
  ASSERT_FALSE(words.empty());
  EXPECT_EQ(words.back(), "abc");
  std::string joined;
  for (auto& w : words) joined += w;
  EXPECT_EQ(joined, "𠀀字abc");
}

}  // namespace
}  // namespace gazette::text
