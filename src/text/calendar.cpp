#include "text/calendar.hpp"

#include <unicode/dtfmtsym.h>
#include <unicode/dtptngen.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <fmt/format.h>

#include <charconv>
#include <stdexcept>

namespace gazette::text {

namespace {

bool is_leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

// Milliseconds at 00:00 UTC of the day, the instant ICU formats (always in UTC, so the day
// never shifts with the machine's time zone).
UDate to_udate(Date d) {
  return static_cast<UDate>(days_since_epoch(d)) * 86400000.0;
}

std::unique_ptr<icu::SimpleDateFormat> make_format(std::string_view pattern, const char* locale) {
  UErrorCode status = U_ZERO_ERROR;
  auto f = std::make_unique<icu::SimpleDateFormat>(
      icu::UnicodeString::fromUTF8(
          icu::StringPiece(pattern.data(), static_cast<int32_t>(pattern.size()))),
      icu::Locale(locale), status);
  if (U_FAILURE(status)) {
    throw std::runtime_error(
        fmt::format("ICU date format \"{}\" for {}: {}", pattern, locale, u_errorName(status)));
  }
  f->adoptTimeZone(icu::TimeZone::getGMT()->clone());
  // Dates before 1582 stay proleptic Gregorian, like the rest of gazette.
  if (auto* greg =
          dynamic_cast<icu::GregorianCalendar*>(const_cast<icu::Calendar*>(f->getCalendar()))) {
    UErrorCode s2 = U_ZERO_ERROR;
    greg->setGregorianChange(-1.84e17, s2);  // ICU's earliest representable date
  }
  return f;
}

std::string run(const icu::SimpleDateFormat& f, Date d) {
  icu::UnicodeString out;
  f.format(to_udate(d), out);
  std::string s;
  out.toUTF8String(s);
  return s;
}

}  // namespace

bool is_valid(Date d) {
  return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= days_in_month(d.year, d.month);
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

std::optional<Date> parse_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  Date d;
  auto num = [&](size_t pos, size_t len, int& out) {
    auto [p, ec] = std::from_chars(s.data() + pos, s.data() + pos + len, out);
    return ec == std::errc() && p == s.data() + pos + len;
  };
  if (!num(0, 4, d.year) || !num(5, 2, d.month) || !num(8, 2, d.day)) return std::nullopt;
  if (!is_valid(d)) return std::nullopt;
  return d;
}

std::string iso(Date d) {
  return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
}

// Howard Hinnant's days_from_civil / civil_from_days.
long days_since_epoch(Date d) {
  long y = d.year - (d.month <= 2);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long mp = (d.month + 9) % 12;
  long doy = (153 * mp + 2) / 5 + d.day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date date_from_days(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return Date{static_cast<int>(y + (m <= 2)), m, d};
}

int weekday(Date d) {
  long days = days_since_epoch(d);  // 1970-01-01 was a Thursday
  return static_cast<int>(((days % 7) + 11) % 7);
}

DateFormatter::DateFormatter(std::string_view locale) : locale_(locale) {
  // ICU wants zh_CN, BCP 47 spells zh-CN; both work as ICU locale IDs once '-' becomes '_'.
  for (char& c : locale_) c = c == '-' ? '_' : c;
  long_chinese_ = make_format("y年M月d日 EEEE", "zh");
  weekday_ = make_format("EEEE", "zh");
  // Chinese calendar: U = cyclic year name, MMMM = month name (闰 for leap months), d in
  // "hanidays" numbering (初一 … 三十).
  lunar_ = make_format("U年MMMMd", "zh@calendar=chinese;numbers=hanidays");
}

DateFormatter::~DateFormatter() = default;

const icu::SimpleDateFormat& DateFormatter::pattern_format(std::string_view pattern) const {
  auto it = by_pattern_.find(pattern);
  if (it == by_pattern_.end()) {
    it = by_pattern_.emplace(std::string(pattern), make_format(pattern, locale_.c_str())).first;
  }
  return *it->second;
}

std::string DateFormatter::format(Date d, std::string_view icu_pattern) const {
  return run(pattern_format(icu_pattern), d);
}

std::string DateFormatter::format_skeleton(Date d, std::string_view skeleton) const {
  auto it = pattern_of_skeleton_.find(skeleton);
  if (it == pattern_of_skeleton_.end()) {
    UErrorCode status = U_ZERO_ERROR;
    if (!generator_) {
      generator_.reset(icu::DateTimePatternGenerator::createInstance(icu::Locale(locale_.c_str()), status));
      if (U_FAILURE(status)) {
        throw std::runtime_error(fmt::format("ICU pattern generator for {}: {}", locale_, u_errorName(status)));
      }
    }
    icu::UnicodeString pattern = generator_->getBestPattern(
        icu::UnicodeString::fromUTF8(icu::StringPiece(skeleton.data(), static_cast<int32_t>(skeleton.size()))), status);
    std::string p;
    pattern.toUTF8String(p);
    it = pattern_of_skeleton_.emplace(std::string(skeleton), p).first;
  }
  return format(d, it->second);
}

int DateFormatter::first_weekday() const {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> cal(
      icu::Calendar::createInstance(icu::Locale(locale_.c_str()), status));
  if (U_FAILURE(status)) return 0;
  return static_cast<int>(cal->getFirstDayOfWeek(status)) - 1;  // UCAL_SUNDAY is 1
}

std::vector<std::string> DateFormatter::week_headings() const {
  UErrorCode status = U_ZERO_ERROR;
  icu::DateFormatSymbols symbols(icu::Locale(locale_.c_str()), status);
  int32_t count = 0;
  const icu::UnicodeString* names = symbols.getWeekdays(count, icu::DateFormatSymbols::STANDALONE,
                                                        icu::DateFormatSymbols::NARROW);
  std::vector<std::string> out;
  if (U_FAILURE(status) || count < 8) return out;
  int first = first_weekday();
  for (int i = 0; i < 7; ++i) {
    std::string name;
    names[1 + (first + i) % 7].toUTF8String(name);  // index 1 is Sunday
    out.push_back(name);
  }
  return out;
}

std::string DateFormatter::long_chinese(Date d) const {
  return run(*long_chinese_, d);
}

std::string DateFormatter::chinese_weekday(Date d) const {
  return run(*weekday_, d);
}

std::string DateFormatter::lunar(Date d) const {
  return run(*lunar_, d);
}

}  // namespace gazette::text
