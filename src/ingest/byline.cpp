#include "ingest/byline.hpp"

#include "ingest/chars.hpp"
#include "ingest/normalize.hpp"

namespace gazette::ingest {

namespace {

bool is_separator(char32_t c) {
  return c == '/' || c == U'／' || c == U'、' || c == U'，' || c == ',' || c == U'；' || c == ';' ||
         c == U'：' || c == ':' || c == U'|';
}

bool is_close_bracket(char32_t c) {
  return c == U'）' || c == ')' || c == U'】' || c == ']';
}
bool is_open_bracket(char32_t c) {
  return c == U'（' || c == '(' || c == U'【' || c == '[';
}

bool date_or_place_char(char32_t c) {
  return is_han(c) || is_digit(c) || c == ' ';
}

}  // namespace

size_t BylineReader::role_at(std::u32string_view s, size_t i) const {
  if (i >= s.size()) return 0;
  bool first = false;  // cheap test before comparing every role
  for (const auto& role : p_.roles) first |= role[0] == s[i];
  if (!first) return 0;
  for (const auto& role : p_.roles) {  // longest first
    if (s.substr(i, role.size()) == role) return role.size();
  }
  return 0;
}

bool BylineReader::is_source_name(std::u32string_view name) const {
  name = trim(name);
  if (name.empty() || name.size() > 16) return false;
  for (const auto& p : p_.papers) {
    if (name == p) return true;
  }
  for (char32_t c : name) {
    if (!date_or_place_char(c) && c != U'月' && c != U'日') return false;
  }
  std::u32string compact = without_spaces(name);
  // Strip a date after the name (湖南日报11月7日).
  while (!compact.empty() &&
         (is_digit(compact.back()) || compact.back() == U'月' || compact.back() == U'日'))
    compact.pop_back();
  if (compact.size() > 10) return false;  // names of papers are short (湖南日报, 中国青年报)
  for (const auto& suf : p_.source_suffixes) {
    if (ends_with(compact, suf)) return true;
  }
  for (const auto& a : p_.agencies) {
    if (starts_with(compact, a)) return true;
  }
  return false;
}

bool BylineReader::is_name(std::u32string_view s) const {
  s = trim(s);
  if (s.size() < 2 || s.size() > 4) return false;
  for (char32_t c : s) {
    if (!is_han(c)) return false;
  }
  for (const auto& cs : p_.compound_surnames) {
    if (starts_with(s, cs)) return s.size() >= 3;
  }
  return p_.surnames.count(s[0]) > 0;
}

std::optional<std::vector<std::u32string>> BylineReader::name_line(std::u32string_view s) const {
  s = trim(s);
  std::vector<std::u32string> names;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (is_space(s[i]) || s[i] == U'、')) ++i;
    size_t j = i;
    while (j < s.size() && !is_space(s[j]) && s[j] != U'、') ++j;
    if (j == i) break;
    std::u32string_view tok = s.substr(i, j - i);
    if (!is_name(tok)) return std::nullopt;
    names.emplace_back(tok);
    i = j;
  }
  if (names.empty() || names.size() > 4) return std::nullopt;
  return names;
}

bool BylineReader::credits(std::u32string_view s, size_t& i, Byline& b, bool need_role) const {
  bool seen_role = !need_role;
  bool any = false;
  while (i < s.size()) {
    while (i < s.size() && (is_space(s[i]) || is_separator(s[i]))) ++i;
    if (i >= s.size() || is_close_bracket(s[i])) break;
    if (size_t r = role_at(s, i)) {
      // 摄影 / 摄 alone are photo marks; other roles name the people after them.
      std::u32string_view role = s.substr(i, r);
      for (const auto& m : p_.photo_marks) {
        if (role == m) b.photo = true;
      }
      i += r;
      seen_role = true;
      any = true;
      continue;
    }
    bool mark = false;
    for (const auto& m : p_.photo_marks) {
      if (s.substr(i, m.size()) == m) {
        size_t e = i + m.size();
        if (e == s.size() || is_space(s[e]) || is_close_bracket(s[e])) {
          b.photo = true;
          i = e;
          mark = true;
          break;
        }
      }
    }
    if (mark) {
      any = true;
      continue;
    }
    // A name: Han characters (and · for transliterated names) up to a space, separator,
    // bracket or the next role.
    size_t j = i;
    while (j < s.size() && (is_han(s[j]) || s[j] == U'·') && !is_space(s[j])) {
      if (j > i + 1 && role_at(s, j)) break;
      ++j;
    }
    if (j == i || !seen_role) return false;
    std::u32string name(s.substr(i, j - i));
    if (name.size() >= 3 && name.back() == U'摄') {
      name.pop_back();
      b.photo = true;
    }
    size_t max = name.find(U'·') != std::u32string::npos ? 12 : 4;
    if (name.size() < 2 || name.size() > max) return false;
    b.authors.push_back(std::move(name));
    any = true;
    i = j;
  }
  return any && seen_role;
}

std::optional<std::pair<Byline, size_t>> BylineReader::parse(std::u32string_view s,
                                                             bool whole_text) const {
  Byline b;
  size_t i = 0;
  bool bracketed = false;
  // 1. Wire dateline: 新华社北京 11月 9日电.
  for (const auto& agency : p_.agencies) {
    if (!starts_with(s, agency)) continue;
    size_t k = agency.size();
    while (k < s.size() && k - agency.size() <= 16 && date_or_place_char(s[k]) && s[k] != U'电' &&
           s[k] != U'電')
      ++k;
    if (k < s.size() && (s[k] == U'电' || s[k] == U'電')) {
      b.source = b.dateline = true;
      i = k + 1;
      break;
    }
  }
  // 2. Source 讯: 株洲日报讯, 湖南日报11月7日讯.
  if (i == 0) {
    size_t limit = std::min<size_t>(s.size(), 24);
    for (size_t k = 1; k < limit; ++k) {
      if (s[k] != U'讯' && s[k] != U'訊') continue;
      if (is_source_name(s.substr(0, k))) {
        b.source = b.dateline = true;
        i = k + 1;
      }
      break;
    }
  }
  size_t after_source = i;
  if (i > 0) {
    size_t k = i;
    while (k < s.size() && is_space(s[k])) ++k;
    if (k < s.size() && is_open_bracket(s[k])) {
      size_t j = k + 1;
      Byline inner = b;
      if (credits(s, j, inner, false)) {
        bracketed = true;
        b = inner;
        b.dateline = false;
        if (j < s.size() && is_close_bracket(s[j])) {
          i = j + 1;
        } else if (j >= s.size()) {
          b.open = true;
          i = j;
        } else {
          bracketed = false;
          b.authors.clear();
          b.dateline = true;
          i = after_source;
        }
      }
    }
  } else {
    // 3. A paper's name followed by a role (株洲日报记者 …), or a role first (通讯员/…).
    size_t p = 0;
    size_t limit = std::min<size_t>(s.size(), 16);
    for (; p < limit; ++p) {
      if (role_at(s, p)) break;
    }
    if (p == limit) return std::nullopt;
    if (p > 0 && !is_source_name(s.substr(0, p))) return std::nullopt;
    b.source = p > 0;
    i = p;
    if (!credits(s, i, b, true)) return std::nullopt;
  }
  if (whole_text) {
    while (i < s.size() && is_space(s[i])) ++i;
    if (i < s.size()) return std::nullopt;
  } else if (!b.dateline && !bracketed) {
    return std::nullopt;  // an inline byline is a dateline or bracketed: 株洲日报讯（…）
  }
  b.text = collapse_spaces(s.substr(0, i), SpaceStyle::kByline);
  if (b.authors.empty() && !b.source && !b.photo) return std::nullopt;
  return std::make_pair(std::move(b), i);
}

std::optional<Byline> BylineReader::whole(std::u32string_view text) const {
  text = trim(text);
  if (text.empty() || text.size() > 80) return std::nullopt;
  auto r = parse(text, true);
  if (!r) return std::nullopt;
  return std::move(r->first);
}

std::optional<std::pair<Byline, size_t>> BylineReader::prefix(std::u32string_view text) const {
  size_t lead = 0;
  while (lead < text.size() && is_space(text[lead])) ++lead;
  auto r = parse(text.substr(lead), false);
  if (!r) return std::nullopt;
  size_t end = lead + r->second;
  while (end < text.size() && is_space(text[end])) ++end;
  r->second = end;
  return r;
}

std::optional<size_t> BylineReader::credit_tail(std::u32string_view text) const {
  std::u32string_view s = trim(text);
  // The credit follows the caption's last sentence, or is the whole text.
  size_t start = 0;
  for (size_t k = s.size(); k > 0; --k) {
    if (is_sentence_final(s[k - 1]) || is_closing(s[k - 1])) {
      start = k;
      break;
    }
  }
  std::u32string_view tail = trim(s.substr(start));
  if (tail.empty() || tail.size() > 16) return std::nullopt;
  for (const auto& pat : p_.credits) {
    size_t star = pat.find(U'…');
    bool match;
    if (star == std::u32string::npos) {
      match = tail == pat;
    } else {
      std::u32string_view pre = std::u32string_view(pat).substr(0, star);
      std::u32string_view suf = std::u32string_view(pat).substr(star + 1);
      match = tail.size() >= pre.size() + suf.size() + 1 && starts_with(tail, pre) &&
              ends_with(tail, suf) && tail.size() - pre.size() - suf.size() <= 10;
      if (match) {
        for (char32_t c : tail) match &= is_han(c);
      }
    }
    if (match) return static_cast<size_t>(tail.data() - text.data());
  }
  return std::nullopt;
}

}  // namespace gazette::ingest
