#include "text/collate.hpp"

#include <gtest/gtest.h>

namespace gazette::text {
namespace {

TEST(Collation, SortsChineseInPinyinOrder) {
  Collation zh("zh");
  std::vector<std::string> names{"朱理平", "邓伟勇", "曹慧泉", "陈恢清",
                                 "罗欣",   "胡文洁", "杨凌凌", "阿"};
  zh.sort(names);
  EXPECT_EQ(names, (std::vector<std::string>{"阿", "曹慧泉", "陈恢清", "邓伟勇", "胡文洁", "罗欣",
                                             "杨凌凌", "朱理平"}));
}

TEST(Collation, CompareAndSortKeysAgree) {
  Collation zh("zh");
  EXPECT_LT(zh.compare("北京", "上海"), 0);
  EXPECT_GT(zh.compare("株洲", "长沙"), 0);
  EXPECT_EQ(zh.compare("株洲", "株洲"), 0);
  EXPECT_LT(zh.sort_key("北京"), zh.sort_key("上海"));
  EXPECT_EQ(zh.sort_key(""), zh.sort_key(""));
  std::string long_text(2000, 'a');
  EXPECT_LT(zh.sort_key(long_text), zh.sort_key(long_text + "b"));
}

TEST(Collation, HanBeforeLatinAsInCldrChinese) {
  Collation zh("zh");
  std::vector<std::string> items{"株洲", "zoo", "Apple", "北京", "2022"};
  zh.sort(items);
  EXPECT_EQ(items, (std::vector<std::string>{"2022", "北京", "株洲", "Apple", "zoo"}));
}

TEST(IndexHeadings, PinyinInitials) {
  IndexHeadings idx("zh");
  EXPECT_EQ(idx.heading("曹慧泉"), "C");
  EXPECT_EQ(idx.heading("邓伟勇"), "D");
  EXPECT_EQ(idx.heading("朱理平"), "Z");
  EXPECT_EQ(idx.heading("株洲"), "Z");
  EXPECT_EQ(idx.heading("阿"), "A");
  EXPECT_EQ(idx.heading("apple"), "A");
  EXPECT_EQ(idx.heading("Émile"), "E");
  EXPECT_EQ(idx.heading("2022"), "#");
  EXPECT_EQ(idx.heading(""), "#");
}

TEST(IndexHeadings, AllHeadingsInOrder) {
  IndexHeadings idx("zh");
  const auto& h = idx.headings();
  ASSERT_GE(h.size(), 27u);
  EXPECT_EQ(h.front(), "A");
  EXPECT_EQ(h[h.size() - 2], "Z");
  EXPECT_EQ(h.back(), "#");
}

}  // namespace
}  // namespace gazette::text
