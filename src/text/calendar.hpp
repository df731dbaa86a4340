// Dates as Chinese newspapers print them: the long date with weekday (2022年11月8日 星期二)
// and the lunar date from ICU's Chinese calendar (壬寅年十月十五).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

// ICU classes live in a versioned namespace; declare them the way ICU does.
U_NAMESPACE_BEGIN
class SimpleDateFormat;
class DateTimePatternGenerator;
U_NAMESPACE_END

namespace gazette::text {

// A day of the proleptic Gregorian calendar (no time, no zone): what a newspaper issue is
// dated with.
struct Date {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31

  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};

// Whether the date exists (29 February only in leap years, years 1-9999).
bool is_valid(Date d);

// Parses `YYYY-MM-DD` (exactly); nothing when the text is not a valid date.
std::optional<Date> parse_iso_date(std::string_view text);

// `YYYY-MM-DD`.
std::string iso(Date d);

// Days since 1970-01-01 (negative before), for date arithmetic and comparison.
long days_since_epoch(Date d);

// The date `days` days after 1970-01-01.
Date date_from_days(long days);

// Day of the week: 0 = Sunday … 6 = Saturday.
int weekday(Date d);

// Number of days in a month.
int days_in_month(int year, int month);

// Formats dates with ICU for one locale; the Chinese forms below are always available.
// Not thread-safe (ICU formatters are not): one per thread.
class DateFormatter {
 public:
  // `locale` is a BCP 47 or ICU locale name (zh-CN, en, …).
  explicit DateFormatter(std::string_view locale = "zh-CN");
  ~DateFormatter();
  DateFormatter(const DateFormatter&) = delete;
  DateFormatter& operator=(const DateFormatter&) = delete;

  // The date in an ICU pattern (`y年M月d日`, `EEEE`, `MMMM d, y`, …) in this locale.
  std::string format(Date d, std::string_view icu_pattern) const;

  // `2022年11月8日 星期二`.
  std::string long_chinese(Date d) const;

  // `星期二`.
  std::string chinese_weekday(Date d) const;

  // The date in the locale's best pattern for an ICU skeleton: "yMMMM" → 2022年11月 (zh) or
  // November 2022 (en); "MMMM" → 十一月 / November; "yMMMd" → 2022年11月8日 / Nov 8, 2022.
  std::string format_skeleton(Date d, std::string_view skeleton) const;

  // The weekdays' narrow names for calendar column headings, starting with the locale's first
  // day of the week: 一 二 三 四 五 六 日 for zh-CN (weeks start on Monday), S M T W T F S for
  // en-US.
  std::vector<std::string> week_headings() const;

  // The locale's first day of the week: 0 = Sunday … 6 = Saturday.
  int first_weekday() const;

  // The lunar date of ICU's Chinese calendar: sexagenary year, month (闰 for a leap month),
  // day, as printed on mastheads: `壬寅年十月十五` for 2022-11-08.
  std::string lunar(Date d) const;

 private:
  std::string locale_;
  std::unique_ptr<icu::SimpleDateFormat> long_chinese_;
  std::unique_ptr<icu::SimpleDateFormat> weekday_;
  std::unique_ptr<icu::SimpleDateFormat> lunar_;
  // Formats of the patterns and skeletons asked for, created on first use.
  const icu::SimpleDateFormat& pattern_format(std::string_view pattern) const;
  mutable std::map<std::string, std::unique_ptr<icu::SimpleDateFormat>, std::less<>> by_pattern_;
  mutable std::map<std::string, std::string, std::less<>> pattern_of_skeleton_;
  mutable std::unique_ptr<icu::DateTimePatternGenerator> generator_;
};

}  // namespace gazette::text
