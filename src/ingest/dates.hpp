// Dates as Chinese papers print them — 2022年11月8日, 2022年 11月 9日, 11月9日电,
// 二〇二二年十一月八日 — and dates in file names (2022-11-08.txt).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "text/calendar.hpp"

namespace gazette::ingest {

// A date found in a text: where it is and its parts (year 0 when the text gives none).
struct DateMention {
  size_t begin = 0;  // code point offsets of the whole mention
  size_t end = 0;
  int year = 0;
  int month = 0;
  int day = 0;
};

// Every Y年M月D日 and M月D日 in the text, with Arabic, full-width or Chinese numerals and
// spaces between the parts. Invalid dates (13月, 32日) are left out.
std::vector<DateMention> find_dates(std::u32string_view text);

// The text is only a full date (Y年M月D日), perhaps with a weekday (星期二, 周二): the date.
std::optional<text::Date> whole_line_date(std::u32string_view text);

// A YYYY-MM-DD date in the last component of a path (its file name), the last one if several.
std::optional<text::Date> date_in_file_name(std::string_view path);

// The weekday named in a text (星期二, 周二, 礼拜二): 0 = Sunday … 6 = Saturday.
std::optional<int> weekday_named(std::u32string_view text);

}  // namespace gazette::ingest
