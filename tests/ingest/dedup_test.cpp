// Repeated paragraphs appear once; each removal is a warning with line numbers.
#include "ingest/dedup.hpp"

#include <gtest/gtest.h>

#include "ingest/chars.hpp"

namespace gazette::ingest {
namespace {

const char* kA = "大年初一，阖家欢聚之时，我市迅速组成一支队伍。疫情如镜，都照得一清二楚。";
const char* kB = "正如专家所说，“共产党员是做什么的。表面看是遵守纪律，实际上是推卸责任。”";

std::vector<Unit> paras(const std::vector<std::string>& texts) {
  std::vector<Unit> units;
  int line = 1;
  for (const auto& t : texts) {
    Unit u;
    u.kind = UnitKind::kParagraph;
    u.text = to_u32(t);
    u.first_line = u.last_line = line;
    line += 2;
    units.push_back(u);
  }
  return units;
}

std::vector<std::string> texts(const std::vector<Unit>& units) {
  std::vector<std::string> out;
  for (const auto& u : units) out.push_back(to_utf8(u.text));
  return out;
}

TEST(RemoveRepeats, ExactRepeatsGoWithAWarning) {
  auto units = paras({"开头一段，说明情况。", kA, kB, kA});
  std::vector<model::Warning> w;
  remove_repeats(units, w);
  EXPECT_EQ(texts(units), (std::vector<std::string>{"开头一段，说明情况。", kA, kB}));
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0].line, 7);
  EXPECT_NE(w[0].message.find("line 3"), std::string::npos);
}

TEST(RemoveRepeats, SpacingAndWidthDoNotHideARepeat) {
  auto units =
      paras({kA, "大年初一, 阖家欢聚之时, 我市迅速组成一支队伍。疫情如镜, 都照得一清二楚。"});
  std::vector<model::Warning> w;
  remove_repeats(units, w);
  EXPECT_EQ(units.size(), 1u);
}

TEST(RemoveRepeats, ARepeatRunTogetherWithNewTextLeavesTheNewText) {
  // A; B+A (fused on one line); B; A — as sample 002 prints them.
  auto units = paras({kA, std::string(kB) + kA, kB, kA});
  std::vector<model::Warning> w;
  remove_repeats(units, w);
  EXPECT_EQ(texts(units), (std::vector<std::string>{kA, kB}));
  EXPECT_EQ(w.size(), 3u);
}

TEST(RemoveRepeats, ALaterCopySplitsAnEarlierFusedParagraph) {
  // B+A first, then A and B alone: the fused paragraph is split, the copies go.
  auto units = paras({std::string(kB) + kA, kA, kB});
  std::vector<model::Warning> w;
  remove_repeats(units, w);
  EXPECT_EQ(texts(units), (std::vector<std::string>{kB, kA}));
  EXPECT_EQ(w.size(), 2u);
}

TEST(RemoveRepeats, ShortLinesAndSharedSentencesStay) {
  // Short paragraphs repeat legitimately; a sentence shared by two different paragraphs is
  // not a repeat of either.
  auto units =
      paras({"会议。", "会议。", std::string("开头不同。") + kA, std::string(kA) + "结尾不同。"});
  std::vector<model::Warning> w;
  remove_repeats(units, w);
  EXPECT_EQ(units.size(), 4u);
  EXPECT_TRUE(w.empty());
}

}  // namespace
}  // namespace gazette::ingest
