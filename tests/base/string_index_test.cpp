#include "base/string_index.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gazette {
namespace {

TEST(StringIndex, FindsWhatWasStoredAndNothingElse) {
  StringIndex index;
  EXPECT_EQ(index.find("株洲"), StringIndex::npos);  // empty
  std::vector<std::string> names;
  for (int i = 0; i < 20000; ++i) names.push_back("tags/" + std::to_string(i) + "/index.html");
  for (size_t i = 0; i < names.size(); ++i) {
    auto [position, added] = index.try_emplace(names[i], static_cast<std::uint32_t>(i));
    EXPECT_TRUE(added);
    EXPECT_EQ(position, i);
  }
  EXPECT_EQ(index.size(), names.size());
  for (size_t i = 0; i < names.size(); ++i) ASSERT_EQ(index.find(names[i]), i) << names[i];
  EXPECT_EQ(index.find("tags/20000/index.html"), StringIndex::npos);
  EXPECT_EQ(index.find(""), StringIndex::npos);
  EXPECT_EQ(index.find("tags/1/index.htm"), StringIndex::npos);
}

TEST(StringIndex, KeepsTheFirstPositionOfAString) {
  StringIndex index(4);
  std::string a = "株洲", b = "株洲";  // equal text, another string
  EXPECT_EQ(index.try_emplace(a, 7), std::make_pair(7u, true));
  EXPECT_EQ(index.try_emplace(b, 9), std::make_pair(7u, false));
  EXPECT_EQ(index.try_emplace("", 3), std::make_pair(3u, true));  // the empty string is a key
  EXPECT_EQ(index.find(""), 3u);
  EXPECT_EQ(index.size(), 2u);
}

}  // namespace
}  // namespace gazette
