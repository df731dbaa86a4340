// Golden tests on the three sample issues (../shared/samples): every article's headline
// parts, kind, authors, paragraph count and body bounds, as checked by hand against the
// ground truth in ../shared/eval/truth (which the scorer uses).
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "test_util.hpp"

namespace gazette::ingest {
namespace {

using testing::paragraphs;
using testing::parse;
using testing::sample;
using testing::warned;

struct Expected {
  const char* file;
  const char* title;
  const char* kicker;
  const char* subtitle;
  const char* kind;
  std::vector<std::string> authors;
  size_t paragraphs;
  const char* first;  // the body's first characters
  const char* last;   // the body's last characters
};

const std::vector<Expected> kGolden = {
#include "samples_golden.inc"
};

std::string opt(const std::optional<std::string>& s) {
  return s ? *s : "(null)";
}

TEST(Samples, EveryArticleAsTheTruthHasIt) {
  std::map<std::string, model::Issue> issues;
  for (const auto& e : kGolden) {
    if (!issues.count(e.file)) issues[e.file] = parse(sample(e.file), e.file);
  }
  std::map<std::string, size_t> next;
  for (const auto& e : kGolden) {
    const auto& issue = issues[e.file];
    size_t i = next[e.file]++;
    ASSERT_LT(i, issue.articles.size()) << e.file << ": missing " << e.title;
    const auto& a = issue.articles[i];
    SCOPED_TRACE(std::string(e.file) + ": " + e.title);
    EXPECT_EQ(a.title, e.title);
    EXPECT_EQ(opt(a.kicker), e.kicker ? e.kicker : "(null)");
    EXPECT_EQ(opt(a.subtitle), e.subtitle ? e.subtitle : "(null)");
    EXPECT_STREQ(model::kind_name(a.kind), e.kind);
    EXPECT_EQ(a.authors, e.authors);
    auto p = paragraphs(a);
    ASSERT_EQ(p.size(), e.paragraphs);
    EXPECT_EQ(p.front().substr(0, std::string(e.first).size()), e.first);
    EXPECT_TRUE(p.back().ends_with(e.last)) << p.back();
  }
  for (const auto& [file, issue] : issues) EXPECT_EQ(issue.articles.size(), next[file]) << file;
}

TEST(Samples, MastheadAndDates) {
  auto s1 = parse(sample("001_ec8a289be981ebcb.txt"), "001_ec8a289be981ebcb.txt");
  ASSERT_TRUE(s1.masthead.date);
  EXPECT_EQ(*s1.masthead.date, (text::Date{2022, 11, 8}));
  EXPECT_EQ(s1.masthead.paper, "株洲日报");
  EXPECT_EQ(s1.masthead.number, 23124);
  EXPECT_EQ(s1.masthead.pages, 4);
  EXPECT_EQ(s1.masthead.weekday, "星期二");
  EXPECT_EQ(s1.masthead.lunar, "壬寅年十月十五");
  // 000 and 002 print no date: null, with a warning naming the evidence.
  auto s0 = parse(sample("000_67e3da6dc0608386.txt"), "000_67e3da6dc0608386.txt");
  EXPECT_FALSE(s0.masthead.date);
  EXPECT_TRUE(warned(s0, "the latest date in its text is 2022-11-09"));
  EXPECT_TRUE(warned(s0, "新华社北京11月9日电"));
  auto s2 = parse(sample("002_11b79ce3a1869f5d.txt"), "002_11b79ce3a1869f5d.txt");
  EXPECT_FALSE(s2.masthead.date);
  EXPECT_TRUE(warned(s2, "the latest date in its text is 2020-02-03"));
}

TEST(Samples, NoRepeatsAndNoSpacesBetweenCjk) {
  for (const char* file :
       {"000_67e3da6dc0608386.txt", "001_ec8a289be981ebcb.txt", "002_11b79ce3a1869f5d.txt"}) {
    auto issue = parse(sample(file), file);
    std::set<std::string> seen;
    for (const auto& a : issue.articles) {
      for (const auto& p : paragraphs(a)) {
        EXPECT_TRUE(seen.insert(p).second) << file << ": repeated " << p;
        EXPECT_EQ(p.find(" "), std::string::npos) << file << ": space in " << p;
      }
    }
  }
}

TEST(Samples, EachRemovedRepeatIsAWarningWithLines) {
  auto s2 = parse(sample("002_11b79ce3a1869f5d.txt"), "002_11b79ce3a1869f5d.txt");
  size_t removals = 0;
  for (const auto& w : s2.warnings) removals += w.message.find("removed") != std::string::npos;
  EXPECT_EQ(removals, 10u);  // A and B five times each (one copy of A inside line 117)
  auto s1 = parse(sample("001_ec8a289be981ebcb.txt"), "001_ec8a289be981ebcb.txt");
  EXPECT_TRUE(warned(s1, "removed a repeat of the paragraph printed at line 36 (line 42)"));
}

}  // namespace
}  // namespace gazette::ingest
