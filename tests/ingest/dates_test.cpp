// Dates in text and file names, the masthead, and where the issue's date comes from:
// front matter, then the printed masthead, then the file name, then (as a warning only) the
// text's own evidence.
#include "ingest/dates.hpp"

#include <gtest/gtest.h>

#include "ingest/chars.hpp"
#include "ingest/masthead.hpp"
#include "test_util.hpp"
#include "text/calendar.hpp"

namespace gazette::ingest {
namespace {

using testing::parse;
using testing::warned;

TEST(FindDates, ArabicChineseAndSpacedForms) {
  auto d = find_dates(to_u32("2022年 11月 9日"));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].year, 2022);
  EXPECT_EQ(d[0].month, 11);
  EXPECT_EQ(d[0].day, 9);
  d = find_dates(to_u32("二〇二二年十一月八日"));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].year, 2022);
  EXPECT_EQ(d[0].month, 11);
  EXPECT_EQ(d[0].day, 8);
  d = find_dates(to_u32("新华社北京11月9日电"));
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].year, 0);
  EXPECT_TRUE(find_dates(to_u32("13月40日")).empty());
}

TEST(FindDates, WholeLineDatesAndFileNames) {
  EXPECT_EQ(whole_line_date(to_u32("2022年11月8日 星期二")), (text::Date{2022, 11, 8}));
  EXPECT_FALSE(whole_line_date(to_u32("2022年11月8日，全市召开大会")));
  EXPECT_EQ(date_in_file_name("content/2022/zz-2022-11-08.txt"), (text::Date{2022, 11, 8}));
  EXPECT_FALSE(date_in_file_name("2022-11-08/issue.txt"));  // folders do not count
  EXPECT_FALSE(date_in_file_name("2022-13-08.txt"));
}

TEST(Masthead, ReadsEveryElement) {
  auto issue = parse(
      "株洲日报\n\n2022年11月8日 星期二\n壬寅年十月十五 第23124期 今日4版\n"
      "中共株洲市委主管、主办 国内统一连续出版物号CN 43-0005\n\n"
      "关于继续延长静默管理时间的通告\n\n决定继续在主城区范围内实行静默管理。\n");
  const auto& m = issue.masthead;
  ASSERT_TRUE(m.date);
  EXPECT_EQ(*m.date, (text::Date{2022, 11, 8}));
  EXPECT_EQ(m.paper, "株洲日报");
  EXPECT_EQ(m.weekday, "星期二");
  EXPECT_EQ(m.lunar, "壬寅年十月十五");
  EXPECT_EQ(m.number, 23124);
  EXPECT_EQ(m.pages, 4);
  ASSERT_EQ(issue.articles.size(), 1u);
  EXPECT_EQ(issue.articles[0].title, "关于继续延长静默管理时间的通告");
}

TEST(Masthead, APapersNameAboveTheDateWhateverItEndsWith) {
  auto issue = parse(
      "参考消息\n\n2023年3月6日 星期一 "
      "第16001期\n\n外媒关注中国经济\n\n报道称，中国经济正在复苏。\n");
  EXPECT_EQ(issue.masthead.paper, "参考消息");
  ASSERT_EQ(issue.articles.size(), 1u);
  EXPECT_EQ(issue.articles[0].title, "外媒关注中国经济");
  EXPECT_FALSE(issue.articles[0].kicker);
  // Text above the date is no name: a sentence, or a line with punctuation.
  issue = parse("会议开幕了，代表们到场。\n2023年3月6日 星期一\n\n外媒关注中国经济\n\n正文。\n");
  EXPECT_FALSE(issue.masthead.paper);
  // Above a date alone: an inner page's section header, not the paper.
  issue = parse("要闻\n\n2023年3月6日 星期一\n\n外媒关注中国经济\n\n报道称，中国经济正在复苏。\n");
  EXPECT_FALSE(issue.masthead.paper);
  // Without a date no masthead is read at all.
  issue = parse("参考消息\n\n外媒关注中国经济\n\n报道称，中国经济正在复苏。\n");
  EXPECT_FALSE(issue.masthead.paper);
}

TEST(IssueDate, FrontMatterWinsOverTheMasthead) {
  auto issue = parse(
      "---\ndate: 2022-11-09\nnumber: 7\n---\n株洲日报\n\n2022年11月8日 星期二\n第23124期\n\n"
      "标题\n\n正文第一段。\n");
  ASSERT_TRUE(issue.masthead.date);
  EXPECT_EQ(*issue.masthead.date, (text::Date{2022, 11, 9}));
  EXPECT_EQ(issue.masthead.number, 7);
  EXPECT_TRUE(warned(issue, "replaces the printed date 2022-11-08"));
}

TEST(IssueDate, MastheadWinsOverTheFileName) {
  auto issue =
      parse("株洲日报\n\n2022年11月8日 星期二\n第23124期\n\n标题\n\n正文。\n", "2020-01-01.txt");
  EXPECT_EQ(*issue.masthead.date, (text::Date{2022, 11, 8}));
}

TEST(IssueDate, FileNameWinsOverEvidence) {
  auto issue = parse("通告标题\n\n正文。\n\n株洲市指挥部\n2022年11月9日\n", "zz-2022-11-10.txt");
  ASSERT_TRUE(issue.masthead.date);
  EXPECT_EQ(*issue.masthead.date, (text::Date{2022, 11, 10}));
  EXPECT_EQ(issue.masthead.weekday, "星期四");  // computed from a known date
}

TEST(IssueDate, EvidenceIsAWarningNotADate) {
  auto issue = parse(
      "新华社北京 11月 10日电 国家主席出席会议。\n\n通告标题\n\n正文。\n\n株洲市指挥部\n"
      "2022年11月9日\n");
  EXPECT_FALSE(issue.masthead.date);
  // The year of the full date is carried to the dateline, the later of the two.
  EXPECT_TRUE(warned(issue, "the latest date in its text is 2022-11-10"));
  EXPECT_TRUE(warned(issue, "新华社北京11月10日电"));
}

TEST(IssueDate, EvidenceBecomesTheDateWhenTheSiteAsks) {
  Options options;
  options.infer_date = true;
  Ingester ingester(options);
  auto issue = ingester.ingest("通告标题\n\n正文。\n\n株洲市指挥部\n2022年11月9日\n", "x.txt");
  ASSERT_TRUE(issue);
  ASSERT_TRUE(issue->masthead.date);
  EXPECT_EQ(*issue->masthead.date, (text::Date{2022, 11, 9}));
  EXPECT_TRUE(warned(*issue, "no date is printed; the issue is dated 2022-11-09"));
}

TEST(IssueDate, NoEvidenceAtAll) {
  auto issue = parse("标题\n\n没有日期的正文。\n");
  EXPECT_FALSE(issue.masthead.date);
  EXPECT_TRUE(warned(issue, "none can be inferred"));
}

TEST(IssueDate, WrongPrintedWeekdayIsReported) {
  auto issue = parse("株洲日报\n\n2022年11月8日 星期三\n第23124期\n\n标题\n\n正文。\n");
  EXPECT_TRUE(warned(issue, "the printed weekday 星期三 does not match 2022-11-08"));
}

TEST(IssueDate, BadFrontMatterIsAnErrorAtItsPosition) {
  auto r = testing::default_ingester().ingest("---\ndate: 8 Nov 2022\n---\n正文。\n", "a.txt");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().line, 2);
  EXPECT_NE(r.error().message.find("YYYY-MM-DD"), std::string::npos);
  r = testing::default_ingester().ingest("---\nnumber: many\n---\n正文。\n", "a.txt");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().line, 2);
}

}  // namespace
}  // namespace gazette::ingest
