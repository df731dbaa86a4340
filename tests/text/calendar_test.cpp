#include "text/calendar.hpp"

#include <gtest/gtest.h>

namespace gazette::text {
namespace {

TEST(Date, ParsesAndPrintsIso) {
  auto d = parse_iso_date("2022-11-08");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(*d, (Date{2022, 11, 8}));
  EXPECT_EQ(iso(*d), "2022-11-08");
  EXPECT_FALSE(parse_iso_date("2022-02-30").has_value());
  EXPECT_FALSE(parse_iso_date("2022-13-01").has_value());
  EXPECT_FALSE(parse_iso_date("2022-1-1").has_value());
  EXPECT_FALSE(parse_iso_date("").has_value());
  EXPECT_FALSE(parse_iso_date("２０２２-11-08").has_value());
  EXPECT_TRUE(parse_iso_date("2020-02-29").has_value());
  EXPECT_FALSE(parse_iso_date("2100-02-29").has_value());
}

TEST(Date, DayArithmeticRoundTrips) {
  EXPECT_EQ(days_since_epoch(Date{1970, 1, 1}), 0);
  EXPECT_EQ(days_since_epoch(Date{2022, 11, 8}), 19304);
  for (long d = -800000; d < 800000; d += 997) {
    EXPECT_EQ(days_since_epoch(date_from_days(d)), d);
  }
  EXPECT_EQ(weekday(Date{2022, 11, 8}), 2);  // Tuesday
  EXPECT_EQ(weekday(Date{2020, 2, 4}), 2);
  EXPECT_EQ(weekday(Date{1970, 1, 1}), 4);
  EXPECT_EQ(days_in_month(2020, 2), 29);
  EXPECT_EQ(days_in_month(2022, 2), 28);
  EXPECT_EQ(days_in_month(2022, 11), 30);
}

TEST(DateFormatter, LongChineseDateAsOnTheMasthead) {
  DateFormatter f("zh-CN");
  EXPECT_EQ(f.long_chinese(Date{2022, 11, 8}), "2022年11月8日 星期二");
  EXPECT_EQ(f.long_chinese(Date{2020, 2, 4}), "2020年2月4日 星期二");
  EXPECT_EQ(f.chinese_weekday(Date{2022, 11, 10}), "星期四");
}

TEST(DateFormatter, LunarDateAsOnTheMasthead) {
  DateFormatter f;
  EXPECT_EQ(f.lunar(Date{2022, 11, 8}), "壬寅年十月十五");  // sample 001's masthead
  EXPECT_EQ(f.lunar(Date{2020, 2, 4}), "庚子年正月十一");
  EXPECT_EQ(f.lunar(Date{2023, 2, 20}), "癸卯年二月初一");
  EXPECT_EQ(f.lunar(Date{2023, 3, 22}), "癸卯年闰二月初一");  // leap month
  EXPECT_EQ(f.lunar(Date{2024, 2, 9}), "癸卯年腊月三十");
}

TEST(DateFormatter, IcuPatternsInTheSiteLocale) {
  DateFormatter zh("zh-CN");
  EXPECT_EQ(zh.format(Date{2022, 11, 8}, "y年M月"), "2022年11月");
  EXPECT_EQ(zh.format(Date{2022, 11, 8}, "MMMd日"), "11月8日");
  DateFormatter en("en");
  EXPECT_EQ(en.format(Date{2022, 11, 8}, "MMMM d, y"), "November 8, 2022");
  EXPECT_EQ(en.format(Date{2022, 11, 8}, "EEEE"), "Tuesday");
  // Switching patterns back and forth keeps each one right.
  EXPECT_EQ(en.format(Date{2022, 11, 8}, "y"), "2022");
  EXPECT_EQ(en.format(Date{1, 1, 1}, "y-MM-dd"), "1-01-01");
}

TEST(DateFormatter, SkeletonsPickTheLocalesPattern) {
  DateFormatter zh("zh-CN");
  EXPECT_EQ(zh.format_skeleton(Date{2022, 11, 8}, "yMMMM"), "2022年11月");
  EXPECT_EQ(zh.format_skeleton(Date{2022, 11, 8}, "yMMMd"), "2022年11月8日");
  DateFormatter en("en");
  EXPECT_EQ(en.format_skeleton(Date{2022, 11, 8}, "yMMMM"), "November 2022");
  EXPECT_EQ(en.format_skeleton(Date{2022, 11, 8}, "MMMM"), "November");
}

TEST(DateFormatter, WeekHeadingsStartOnTheLocalesFirstDay) {
  DateFormatter zh("zh-CN");
  EXPECT_EQ(zh.first_weekday(), 1);  // Monday
  EXPECT_EQ(zh.week_headings(),
            (std::vector<std::string>{"一", "二", "三", "四", "五", "六", "日"}));
  DateFormatter us("en-US");
  EXPECT_EQ(us.first_weekday(), 0);  // Sunday
  EXPECT_EQ(us.week_headings(), (std::vector<std::string>{"S", "M", "T", "W", "T", "F", "S"}));
}

}  // namespace
}  // namespace gazette::text
