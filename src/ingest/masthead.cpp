#include "ingest/masthead.hpp"

#include <cstdint>

#include "ingest/chars.hpp"
#include "ingest/dates.hpp"

namespace gazette::ingest {

namespace {

constexpr std::u32string_view kStems = U"甲乙丙丁戊己庚辛壬癸";
constexpr std::u32string_view kBranches = U"子丑寅卯辰巳午未申酉戌亥";
constexpr std::u32string_view kMonthChars = U"正一二三四五六七八九十冬腊闰";
constexpr std::u32string_view kDayChars = U"初十廿卅一二三四五六七八九";

// Reads "第23124期" / "今日4版"-like counts: the number after `prefix` and before `suffix`.
std::optional<int> count_between(std::u32string_view s, std::u32string_view prefix,
                                 std::u32string_view suffix, size_t& begin, size_t& end) {
  for (size_t p = s.find(prefix); p != std::u32string_view::npos; p = s.find(prefix, p + 1)) {
    size_t i = p + prefix.size();
    while (i < s.size() && s[i] == ' ') ++i;
    size_t d = i;
    long v = 0;
    while (i < s.size() && is_digit(s[i]) && i - d < 9) {
      char32_t c = s[i] >= U'０' ? s[i] - U'０' + '0' : s[i];
      v = v * 10 + static_cast<long>(c - '0');
      ++i;
    }
    if (i == d) continue;
    while (i < s.size() && s[i] == ' ') ++i;
    if (s.substr(i, suffix.size()) != suffix) continue;
    begin = p;
    end = i + suffix.size();
    return static_cast<int>(v);
  }
  return std::nullopt;
}

// Blanks out [b, e) of `rest` (the part of the line not yet explained).
void consume(std::u32string& rest, size_t b, size_t e) {
  for (size_t k = b; k < e && k < rest.size(); ++k) rest[k] = ' ';
}

struct LineReading {
  std::optional<text::Date> date;
  std::optional<int> weekday;
  std::u32string weekday_text;
  std::u32string lunar;
  std::optional<int> number;
  std::optional<int> pages;
  std::u32string paper;
  bool publisher = false;
  bool only_masthead = false;
};

LineReading read_line(std::u32string_view s, const Patterns& patterns) {
  LineReading r;
  std::u32string rest(s);
  for (const auto& d : find_dates(s)) {
    if (d.year == 0) continue;
    r.date = text::Date{d.year, d.month, d.day};
    consume(rest, d.begin, d.end);
  }
  for (std::u32string_view prefix : {std::u32string_view(U"星期"), std::u32string_view(U"礼拜")}) {
    size_t p = rest.find(prefix);
    if (p != std::u32string::npos && p + 2 < rest.size()) {
      if (auto wd = weekday_named(std::u32string_view(rest).substr(p, 3))) {
        r.weekday = wd;
        r.weekday_text = rest.substr(p, 3);
        consume(rest, p, p + 3);
      }
    }
  }
  std::u32string lunar = lunar_date_in(rest);
  if (!lunar.empty()) {
    size_t p = rest.find(lunar);
    r.lunar = lunar;
    size_t b = p;
    if (b >= 2 && std::u32string_view(rest).substr(b - 2, 2) == U"农历") b -= 2;
    consume(rest, b, p + lunar.size());
  }
  size_t b = 0, e = 0;
  if (auto n = count_between(rest, U"总第", U"期", b, e)) {
    r.number = n;
    consume(rest, b, e);
  } else if (auto n2 = count_between(rest, U"第", U"期", b, e)) {
    r.number = n2;
    consume(rest, b, e);
  }
  for (std::u32string_view prefix :
       {std::u32string_view(U"今日"), std::u32string_view(U"本期"), std::u32string_view(U"共")}) {
    if (auto n = count_between(rest, prefix, U"版", b, e)) {
      r.pages = n;
      consume(rest, b, e);
      break;
    }
  }
  std::u32string compact = without_spaces(rest);
  for (const auto& mark : patterns.masthead_marks) {
    if (compact.find(mark) != std::u32string::npos) {
      r.publisher = true;
      break;
    }
  }
  // The paper's name: a known name, or a short name ending like a paper (株洲日报).
  std::u32string_view name = trim(rest);
  if (!name.empty() && name.find(' ') == std::u32string_view::npos && name.size() <= 10) {
    bool known = false;
    for (const auto& p : patterns.papers) known |= name == p;
    bool looks = false;
    if (!known && name.size() >= 3) {
      for (const auto& suf : patterns.source_suffixes) {
        if (suf != U"本报" && ends_with(name, suf) && name.size() > suf.size()) looks = true;
      }
      for (char32_t c : name) looks &= is_han(c);
    }
    if (known || looks) {
      r.paper = std::u32string(name);
      consume(rest, 0, rest.size());
    }
  }
  size_t left = 0;
  for (char32_t c : rest) left += !is_space(c) && !is_punct(c);
  r.only_masthead = r.publisher || left <= 1;
  return r;
}

}  // namespace

std::u32string lunar_date_in(std::u32string_view s) {
  for (size_t i = 0; i + 5 <= s.size(); ++i) {
    if (kStems.find(s[i]) == std::u32string_view::npos) continue;
    if (kBranches.find(s[i + 1]) == std::u32string_view::npos || s[i + 2] != U'年') continue;
    size_t j = i + 3;
    size_t m = j;
    while (j < s.size() && kMonthChars.find(s[j]) != std::u32string_view::npos && j - m < 3) ++j;
    if (j == m || j >= s.size() || s[j] != U'月') continue;
    ++j;
    size_t d = j;
    while (j < s.size() && kDayChars.find(s[j]) != std::u32string_view::npos && j - d < 2) ++j;
    if (j - d != 2) continue;
    return std::u32string(s.substr(i, j - i));
  }
  return {};
}

bool is_masthead_line(std::u32string_view text, const Patterns& patterns) {
  LineReading r = read_line(text, patterns);
  bool element = r.date || r.weekday || !r.lunar.empty() || r.number || r.pages ||
                 !r.paper.empty() || r.publisher;
  return element && r.only_masthead;
}

MastheadScan read_masthead(const std::vector<Line>& lines, const Patterns& patterns) {
  MastheadScan scan;
  model::Masthead m;
  std::vector<size_t> taken;
  int seen = 0;
  bool dated = false;
  int date_line = 0;
  size_t skipped = SIZE_MAX;  // a first line that is no masthead element
  bool front = false;         // more than a date: an issue number, page count, publisher
  for (size_t i = 0; i < lines.size() && seen < 8; ++i) {
    if (lines[i].blank) continue;
    ++seen;
    LineReading r = read_line(lines[i].text, patterns);
    bool element = r.date || r.weekday || !r.lunar.empty() || r.number || r.pages ||
                   !r.paper.empty() || r.publisher;
    if (!element || !r.only_masthead) {
      if (!taken.empty() || seen >= 2) break;  // one run of lines, at the very top
      skipped = i;
      continue;
    }
    taken.push_back(i);
    if (r.date && !m.date) {
      m.date = r.date;
      date_line = lines[i].number;
    }
    if (r.weekday && !m.weekday) m.weekday = to_utf8(r.weekday_text);
    if (!r.lunar.empty() && !m.lunar) m.lunar = to_utf8(r.lunar);
    if (r.number && !m.number) m.number = r.number;
    if (r.pages && !m.pages) m.pages = r.pages;
    if (!r.paper.empty() && !m.paper) m.paper = to_utf8(r.paper);
    dated |= r.date.has_value() || r.number.has_value();
    front |= r.number.has_value() || r.pages.has_value() || r.publisher || !r.lunar.empty();
  }
  if (!dated) return scan;  // a paper's name alone is no masthead
  // The paper's name, whatever it ends with (参考消息, 新华每日电讯), printed alone right above
  // a front page's masthead: a short line of Han characters and nothing else. (Above a date
  // alone it is more often an inner page's section header: 要闻.)
  if (!m.paper && front && skipped != SIZE_MAX && taken.front() > skipped &&
      taken.front() - skipped <= 3) {
    std::u32string name = without_spaces(lines[skipped].text);
    bool han = name.size() >= 2 && name.size() <= 8;
    for (char32_t c : name) han &= is_han(c);
    if (han) {
      m.paper = to_utf8(name);
      taken.insert(taken.begin(), skipped);
    }
  }
  scan.masthead = m;
  scan.lines = taken;
  scan.date_line = date_line;
  return scan;
}

}  // namespace gazette::ingest
