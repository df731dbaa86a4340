#include "ingest/dates.hpp"

#include <filesystem>

#include "ingest/chars.hpp"

namespace gazette::ingest {

namespace {

int chinese_digit(char32_t c) {
  switch (c) {
    case U'〇':
    case U'零':
    case U'○':
    case U'Ｏ':
      return 0;
    case U'一':
      return 1;
    case U'二':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}

int digit_value(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (c >= U'０' && c <= U'９') return static_cast<int>(c - U'０');
  return -1;
}

// Reads a number ending just before `end` (skipping spaces): Arabic digits, Chinese digits
// read digit by digit (二〇二二), or a Chinese count (十一, 二十三). Returns the value and
// moves `begin` to its first character; -1 when there is none.
int number_before(std::u32string_view s, size_t end, size_t& begin, int max_digits) {
  size_t i = end;
  while (i > 0 && s[i - 1] == ' ') --i;
  size_t stop = i;
  // Arabic digits.
  size_t k = i;
  while (k > 0 && digit_value(s[k - 1]) >= 0 && static_cast<int>(stop - (k - 1)) <= max_digits) --k;
  if (k < stop) {
    if (k > 0 && digit_value(s[k - 1]) >= 0) return -1;  // too many digits
    int v = 0;
    for (size_t j = k; j < stop; ++j) v = v * 10 + digit_value(s[j]);
    begin = k;
    return v;
  }
  // Chinese numerals.
  k = stop;
  while (k > 0 && (chinese_digit(s[k - 1]) >= 0 || s[k - 1] == U'十') && stop - (k - 1) <= 4) --k;
  if (k == stop) return -1;
  std::u32string_view t = s.substr(k, stop - k);
  int v = 0;
  if (t.find(U'十') != std::u32string_view::npos) {
    size_t p = t.find(U'十');
    int tens = p == 0 ? 1 : chinese_digit(t[p - 1]);
    int units = p + 1 < t.size() ? chinese_digit(t[p + 1]) : 0;
    if (tens < 0 || units < 0 || p > 1 || t.size() > p + 2) return -1;
    v = tens * 10 + units;
  } else {
    for (char32_t c : t) v = v * 10 + chinese_digit(c);
  }
  begin = k;
  return v;
}

}  // namespace

std::vector<DateMention> find_dates(std::u32string_view s) {
  std::vector<DateMention> out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != U'月') continue;
    // day after 月
    size_t j = i + 1;
    while (j < s.size() && s[j] == ' ') ++j;
    size_t day_end = j;
    while (
        day_end < s.size() &&
        (digit_value(s[day_end]) >= 0 || chinese_digit(s[day_end]) >= 0 || s[day_end] == U'十') &&
        day_end - j < 4)
      ++day_end;
    size_t k = day_end;
    while (k < s.size() && s[k] == ' ') ++k;
    if (day_end == j || k >= s.size() || (s[k] != U'日' && s[k] != U'号')) continue;
    size_t dummy = 0;
    int day = number_before(s, day_end, dummy, 2);
    if (day < 0 || dummy != j) continue;
    size_t month_begin = 0;
    int month = number_before(s, i, month_begin, 2);
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    DateMention m{month_begin, k + 1, 0, month, day};
    size_t y = month_begin;
    while (y > 0 && s[y - 1] == ' ') --y;
    if (y > 0 && s[y - 1] == U'年') {
      size_t year_begin = 0;
      int year = number_before(s, y - 1, year_begin, 4);
      if (year >= 1000 && year <= 9999) {
        m.year = year;
        m.begin = year_begin;
      }
    }
    if (m.year != 0 && !text::is_valid(text::Date{m.year, m.month, m.day})) continue;
    if (m.year == 0 && day > text::days_in_month(2000, month)) continue;
    out.push_back(m);
    i = k;
  }
  return out;
}

std::optional<int> weekday_named(std::u32string_view s) {
  static const std::u32string_view names = U"日一二三四五六天";
  for (std::u32string_view prefix :
       {std::u32string_view(U"星期"), std::u32string_view(U"礼拜"), std::u32string_view(U"周")}) {
    size_t p = s.find(prefix);
    if (p == std::u32string_view::npos || p + prefix.size() >= s.size()) continue;
    size_t k = names.find(s[p + prefix.size()]);
    if (k == std::u32string_view::npos) continue;
    return k == 7 ? 0 : static_cast<int>(k);
  }
  return std::nullopt;
}

std::optional<text::Date> whole_line_date(std::u32string_view s) {
  s = trim(s);
  auto dates = find_dates(s);
  if (dates.size() != 1 || dates[0].year == 0 || dates[0].begin != 0) return std::nullopt;
  std::u32string_view rest = trim(s.substr(dates[0].end));
  if (!rest.empty()) {
    auto wd = weekday_named(rest);
    if (!wd || rest.size() > 4) return std::nullopt;
  }
  return text::Date{dates[0].year, dates[0].month, dates[0].day};
}

std::optional<text::Date> date_in_file_name(std::string_view path) {
  std::string name = std::filesystem::path(std::string(path)).filename().string();
  std::optional<text::Date> found;
  for (size_t i = 0; i + 10 <= name.size(); ++i) {
    if (i > 0 && std::isdigit(static_cast<unsigned char>(name[i - 1]))) continue;
    if (i + 10 < name.size() && std::isdigit(static_cast<unsigned char>(name[i + 10]))) continue;
    if (auto d = text::parse_iso_date(std::string_view(name).substr(i, 10))) found = d;
  }
  return found;
}

}  // namespace gazette::ingest
