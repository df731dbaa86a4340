// Huge input finishes (linear time, bounded memory). CTest's TIMEOUT is the hang guard; no
// timing is asserted here.
#include <gtest/gtest.h>

#include "test_util.hpp"

namespace gazette::ingest {
namespace {

using testing::default_ingester;
using testing::sample;

TEST(HugeInput, TwentyMegabytesOfIssues) {
  // The three samples over and over (each copy a repeat of the first): about 20 MB.
  std::string one = sample("000_67e3da6dc0608386.txt") + "\n\n" +
                    sample("001_ec8a289be981ebcb.txt") + "\n\n" +
                    sample("002_11b79ce3a1869f5d.txt") + "\n\n";
  ASSERT_GT(one.size(), 10000u);
  std::string text;
  text.reserve(20u << 20);
  while (text.size() < (20u << 20)) text += one;
  auto r = default_ingester().ingest(text, "huge.txt");
  ASSERT_TRUE(r);
  EXPECT_GT(r->articles.size(), 20u);
  size_t removed = 0;
  for (const auto& w : r->warnings) removed += w.message.find("removed") != std::string::npos;
  EXPECT_GT(removed, 1000u);
}

TEST(HugeInput, TenMegabytesOnOneLine) {
  std::string line;
  line.reserve(10u << 20);
  const std::string sentence = "疫情防控形势依然严峻，防控工作处在最关键的时期。";
  int k = 0;
  while (line.size() < (10u << 20)) line += sentence + std::to_string(k++);
  auto r = default_ingester().ingest(line + "\n", "one-line.txt");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->articles.size(), 1u);
  EXPECT_GT(r->articles[0].body.at(0).text.size(), 10u << 20);
}

TEST(HugeInput, TenMegabytesOfOneCharacterPerLine) {
  std::string text;
  text.reserve(10u << 20);
  while (text.size() < (10u << 20)) text += "字\n";
  auto r = default_ingester().ingest(text, "chars.txt");
  ASSERT_TRUE(r);
}

}  // namespace
}  // namespace gazette::ingest
