#include "ingest/byline.hpp"

#include <algorithm>

#include "ingest/chars.hpp"
#include "ingest/normalize.hpp"

namespace gazette::ingest {

namespace {

bool is_separator(char32_t c) {
  return c == '/' || c == U'／' || c == U'、' || c == U'，' || c == ',' || c == U'；' || c == ';' ||
         c == U'：' || c == ':' || c == U'|' || c == '|';
}

// Separators between the names and roles of one word of an unbracketed credit list
// (记者/王浩、李心萍): no comma, which belongs to the story's first sentence.
bool is_name_separator(char32_t c) {
  return c == '/' || c == U'／' || c == U'、' || c == U'：' || c == ':';
}

bool is_close_bracket(char32_t c) {
  return c == U'）' || c == ')' || c == U'】' || c == ']' || c == U'〕' || c == U'］';
}
bool is_open_bracket(char32_t c) {
  return c == U'（' || c == '(' || c == U'【' || c == '[' || c == U'〔' || c == U'［';
}

bool date_or_place_char(char32_t c) {
  return is_han(c) || is_digit(c) || c == ' ';
}

bool is_date_char(char32_t c) {
  return is_digit(c) || c == U'年' || c == U'月' || c == U'日' || is_space(c);
}

// The closing bracket matching the opening one at `open`, within `max` characters: its offset,
// or npos (also for a bracket nested inside).
size_t closing_bracket(std::u32string_view s, size_t open, size_t max) {
  size_t end = std::min(s.size(), open + max);
  for (size_t k = open + 1; k < end; ++k) {
    if (is_open_bracket(s[k])) return std::u32string_view::npos;
    if (is_close_bracket(s[k])) return k;
  }
  return std::u32string_view::npos;
}

// The opening bracket matching a text's last character (a closing bracket), or npos.
size_t opening_bracket(std::u32string_view s, size_t max) {
  if (s.empty() || !is_close_bracket(s.back())) return std::u32string_view::npos;
  size_t stop = s.size() > max ? s.size() - max : 0;
  for (size_t k = s.size() - 1; k > stop; --k) {
    if (is_close_bracket(s[k - 1])) return std::u32string_view::npos;
    if (is_open_bracket(s[k - 1])) return k - 1;
  }
  return std::u32string_view::npos;
}

}  // namespace

BylineReader::BylineReader(const Patterns& patterns) : p_(patterns) {
  for (const auto& role : p_.roles) role_first_.set(role[0] % role_first_.size());
  for (const auto& m : p_.photo_marks) credit_char_.set(m[0] % credit_char_.size());
  for (const auto& c : p_.credits) credit_char_.set(c.back() % credit_char_.size());
}

size_t BylineReader::role_at(std::u32string_view s, size_t i) const {
  if (i >= s.size() || !role_first_.test(s[i] % role_first_.size())) return 0;
  for (const auto& role : p_.roles) {  // longest first
    if (s.substr(i, role.size()) == role) return role.size();
  }
  return 0;
}

bool BylineReader::is_surname_at(std::u32string_view s, size_t i) const {
  if (i >= s.size()) return false;
  for (const auto& cs : p_.compound_surnames) {
    if (s.substr(i, cs.size()) == cs) return true;
  }
  return p_.surnames.count(s[i]) > 0;
}

bool BylineReader::is_source_name(std::u32string_view name) const {
  name = trim(name);
  if (name.empty() || name.size() > 16) return false;
  for (const auto& p : p_.papers) {
    if (name == p) return true;
  }
  // A post between the paper and the role: 本报驻京, 新华社驻东京.
  for (const auto& post : p_.posts) {
    size_t k = name.find(post);
    if (k == std::u32string_view::npos || k == 0) continue;
    std::u32string_view place = name.substr(k + post.size());
    if (place.empty() || place.size() > 8) return false;
    for (char32_t c : place) {
      if (!is_han(c)) return false;
    }
    return is_source_name(name.substr(0, k));
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
    if (ends_with(compact, suf) && (compact.size() > suf.size() || suf.size() >= 2)) return true;
  }
  for (const auto& a : p_.agencies) {
    if (starts_with(compact, a)) return true;
  }
  return false;
}

size_t BylineReader::source_prefix(std::u32string_view name, size_t max_rest) const {
  // Names of papers and agencies are short (湖南日报, 中国青年报, 浏阳市融媒体中心).
  for (size_t len = std::min<size_t>(name.size(), 10); len >= 2; --len) {
    if (name.size() - len > max_rest) break;
    std::u32string_view cand = name.substr(0, len);
    for (const auto& p : p_.papers) {
      if (cand == p) return len;
    }
    for (const auto& a : p_.agencies) {
      if (cand == a) return len;
    }
    for (const auto& suf : p_.source_suffixes) {
      if (ends_with(cand, suf) && (len > suf.size() || suf.size() >= 2)) return len;
    }
  }
  return 0;
}

size_t BylineReader::source_before_role(std::u32string_view s, size_t i) const {
  size_t end = std::min(s.size(), i + 14);
  for (size_t p = i + 1; p < end && is_han(s[p]); ++p) {
    if (role_at(s, p) && is_source_name(s.substr(i, p - i))) return p - i;
  }
  return 0;
}

size_t BylineReader::dateline_at(std::u32string_view s, size_t i) const {
  size_t b = i;
  for (const auto& a : p_.attributions) {
    if (s.substr(i, a.size()) == a) {
      b = i + a.size();
      break;
    }
  }
  if (b >= s.size() || !is_han(s[b])) return 0;
  size_t limit = std::min(s.size(), b + 32);
  for (size_t k = b + 1; k < limit; ++k) {
    char32_t c = s[k];
    if (!is_han(c) && !is_digit(c) && !is_space(c)) return 0;
    size_t m = 0;
    for (const auto& mark : p_.dateline_marks) {
      if (mark[0] == c && s.substr(k, mark.size()) == mark) {
        m = mark.size();
        break;
      }
    }
    if (m == 0) continue;
    // Source, place and date before the mark: 本报 北京 3月5日 | 电.
    std::u32string_view head = s.substr(b, k - b);
    size_t d = head.size();
    bool dated = false;
    while (d > 0 && is_date_char(head[d - 1])) {
      dated |= is_digit(head[d - 1]);
      --d;
    }
    if (!dated) d = head.size();
    std::u32string name = without_spaces(head.substr(0, d));
    if (name.empty()) continue;
    bool han = true;
    for (char32_t x : name) han &= is_han(x);
    if (!han) return 0;  // digits in the name: a sentence about a number
    size_t e = k + m;
    char32_t next = e < s.size() ? s[e] : 0;
    // 据央视新闻报道，… is the story's first sentence, not a dateline.
    if (is_clause_punct(next) || next == U'。' || next == U'．') continue;
    bool opening = next == 0 || !is_cjk_letter(next) || role_at(s, e) > 0;
    if (size_t src = source_prefix(name, 8)) {
      // A place is no role: 本报记者 王浩 报道 is a byline.
      bool place = true;
      for (size_t r = src; r < name.size() && place; ++r) place = role_at(name, r) == 0;
      if (place && (dated || opening)) return e;
      continue;
    }
    // An outlet missing from the table: a short name right before the mark, set apart from
    // the text by a space or a bracket (南都讯 记者…, 金羊网讯（…）).
    if (!dated && m == 1 && name.size() <= 4 && (is_space(next) || is_open_bracket(next))) return e;
  }
  return 0;
}

std::optional<std::vector<std::u32string>> BylineReader::split_names(
    std::u32string_view run) const {
  const size_t n = run.size();
  if (n < 4 || n > 16) return std::nullopt;
  for (char32_t c : run) {
    if (!is_han(c)) return std::nullopt;
  }
  constexpr int kNone = 1 << 28;
  // cost[k]: the cheapest cut of run[k:]; cut[k]: the length of its first name.
  std::vector<int> cost(n + 1, kNone);
  std::vector<size_t> cut(n + 1, 0);
  cost[n] = 0;
  for (size_t k = n; k-- > 0;) {
    size_t surname = 0;
    int rank = 0;
    for (const auto& cs : p_.compound_surnames) {
      if (run.substr(k, cs.size()) == cs) {
        surname = cs.size();
        rank = 300;
        break;
      }
    }
    if (surname == 0) {
      auto it = p_.surname_rank.find(run[k]);
      if (it == p_.surname_rank.end()) continue;
      surname = 1;
      rank = it->second;
    }
    for (size_t given = 1; given <= 2; ++given) {
      size_t len = surname + given;
      if (k + len > n || cost[k + len] == kNone) continue;
      int c = cost[k + len] + rank;
      if (c < cost[k]) {
        cost[k] = c;
        cut[k] = len;
      }
    }
  }
  if (cost[0] == kNone) return std::nullopt;
  std::vector<std::u32string> names;
  for (size_t k = 0; k < n; k += cut[k]) names.emplace_back(run.substr(k, cut[k]));
  if (names.size() < 2) return std::nullopt;
  return names;
}

bool BylineReader::add_names(std::u32string_view run, Byline& b) const {
  for (const auto& w : p_.not_names) {
    if (run == w) return false;
  }
  bool dotted = run.find(U'·') != std::u32string_view::npos;
  size_t max = dotted ? 12 : 4;
  if (run.size() >= 2 && run.size() <= max) {
    b.authors.emplace_back(run);
    return true;
  }
  if (dotted || run.size() < 5) return false;
  auto names = split_names(run);
  if (!names) return false;
  for (auto& n : *names) b.authors.push_back(std::move(n));
  return true;
}

bool BylineReader::run_on_name(std::u32string_view run) const {
  if (run.size() >= 5) return true;  // split at surnames by add_names, or refused there
  if (!is_surname_at(run, 0)) return false;
  bool compound = false;
  for (const auto& cs : p_.compound_surnames) compound |= starts_with(run, cs);
  return run.size() <= (compound ? 4u : 3u);
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
  while (!s.empty() && is_ornament(s.front())) s.remove_prefix(1);  // ◎ 王浩
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
  bool after_role = false;  // the last thing read was a role
  while (i < s.size()) {
    size_t before = i;
    while (i < s.size() && (is_space(s[i]) || is_separator(s[i]))) ++i;
    bool separated = i > before;
    if (i >= s.size() || is_close_bracket(s[i])) break;
    if (size_t r = role_at(s, i)) {
      // 摄影 / 摄 alone are photo marks; other roles name the people after them.
      std::u32string_view role = s.substr(i, r);
      for (const auto& m : p_.photo_marks) {
        if (role == m) b.photo = true;
      }
      i += r;
      seen_role = true;
      after_role = true;
      any = true;
      continue;
    }
    // A paper before a role inside the list: 采写：南都记者 黄婷, 【环球时报驻美国特约记者 王浩】.
    if (size_t src = source_before_role(s, i)) {
      b.source = true;
      i += src;
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
    // Where the report was filed: 发自北京.
    bool dispatch = false;
    for (const auto& d : p_.dispatch_marks) {
      if (s.substr(i, d.size()) == d) {
        i += d.size();
        while (i < s.size() && is_han(s[i])) ++i;
        dispatch = true;
        break;
      }
    }
    if (dispatch) continue;
    if (!seen_role) return false;
    // A name in Latin letters (实习生 Tom Chen): capitalised words.
    if (s[i] >= 'A' && s[i] <= 'Z') {
      size_t j = i;
      for (;;) {
        while (j < s.size() && (is_latin(s[j]) || s[j] == '.' || s[j] == '-' || s[j] == '\'')) ++j;
        if (j + 1 < s.size() && s[j] == ' ' && s[j + 1] >= 'A' && s[j + 1] <= 'Z') {
          ++j;
          continue;
        }
        break;
      }
      if (j - i > 40) return false;
      b.authors.emplace_back(s.substr(i, j - i));
      after_role = false;
      any = true;
      i = j;
      continue;
    }
    // A name: Han characters (and · for transliterated names) up to a space, separator,
    // bracket or the next role.
    size_t j = i;
    while (j < s.size() && (is_han(s[j]) || s[j] == U'·')) {
      if (j > i + 1 && role_at(s, j)) break;
      ++j;
    }
    if (j == i) return false;
    std::u32string_view name = s.substr(i, j - i);
    if (name.size() >= 3 && (name.back() == U'摄' || name.back() == U'攝')) {
      name.remove_suffix(1);
      b.photo = true;
    }
    // A word run into a role (记者手记, 记者和你一起) is no name: names run into their role
    // are full names (记者王浩) or several of them (记者王浩李心萍).
    if (after_role && !separated && !run_on_name(name)) return false;
    if (!add_names(name, b)) return false;
    after_role = false;
    any = true;
    i = j;
  }
  return any && seen_role;
}

size_t BylineReader::open_credits(std::u32string_view s, size_t i, Byline& b,
                                  bool whole_text) const {
  Byline tmp = b;
  bool role = false;
  bool after_role = false;
  size_t good = 0;
  size_t k = i;
  while (k < s.size()) {
    // One word: up to a space, or up to a colon closing the credits (记者陈大文报道：…).
    size_t e = k;
    while (e < s.size() && !is_space(s[e])) {
      ++e;
      if (s[e - 1] == U'：' || s[e - 1] == ':') break;
    }
    std::u32string_view t = s.substr(k, e - k);
    size_t had = tmp.authors.size();
    bool ok = true, tok_role = false, tok_after = after_role, separated = true, photo = false;
    for (size_t j = 0; j < t.size() && ok;) {
      if (is_name_separator(t[j])) {
        ++j;
        separated = true;
        continue;
      }
      if (size_t r = role_at(t, j)) {
        for (const auto& m : p_.photo_marks) photo |= t.substr(j, r) == m;
        j += r;
        tok_role = tok_after = true;
        separated = false;
        continue;
      }
      if (size_t src = source_before_role(t, j)) {
        j += src;
        continue;
      }
      bool mark = false;
      for (const auto& m : p_.photo_marks) {
        if (t.substr(j) == m) {
          photo = mark = true;
          j = t.size();
          break;
        }
      }
      if (mark) break;
      size_t m = j;
      while (m < t.size() && is_han(t[m]) && !(m > j + 1 && role_at(t, m))) ++m;
      if (m == j) {  // digits, punctuation: the story's text
        ok = false;
        break;
      }
      std::u32string_view name = t.substr(j, m - j);
      if (name.size() >= 3 && (name.back() == U'摄' || name.back() == U'攝')) {
        name.remove_suffix(1);
        photo = true;
      }
      // After a role any name; after names only another name (a surname first): a word such
      // as 昨日 starts the story.
      bool run_on = tok_after && !separated;
      bool ends = m == t.size() || is_name_separator(t[m]) || role_at(t, m);
      if (!ends || (run_on && !run_on_name(name)) || (!tok_after && !is_surname_at(name, 0)) ||
          !add_names(name, tmp)) {
        ok = false;
        break;
      }
      tok_after = false;
      separated = false;
      j = m;
    }
    if (!ok) {
      tmp.authors.resize(had);
      break;
    }
    role |= tok_role;
    tmp.photo |= photo;
    after_role = tok_after;
    good = e;
    k = e;
    while (k < s.size() && is_space(s[k])) ++k;
  }
  if (!role || tmp.authors.size() == b.authors.size()) return 0;
  if (whole_text && good < s.size() && !trim(s.substr(good)).empty()) return 0;
  b = std::move(tmp);
  return good;
}

bool BylineReader::photo_names(std::u32string_view s, Byline& b) const {
  s = trim(s);
  std::vector<std::u32string> names;
  bool photo = false;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (is_space(s[i]) || s[i] == U'、' || s[i] == '/' || s[i] == U'／')) ++i;
    if (i >= s.size()) break;
    if (photo) return false;  // the mark ends the credit
    bool mark = false;
    for (const auto& m : p_.photo_marks) {
      if (s.substr(i) == m) {
        photo = mark = true;
        i = s.size();
        break;
      }
    }
    if (mark) break;
    size_t j = i;
    while (j < s.size() && is_han(s[j])) ++j;
    if (j == i ||
        (j < s.size() && !is_space(s[j]) && s[j] != U'、' && s[j] != '/' && s[j] != U'／'))
      return false;
    std::u32string_view name = s.substr(i, j - i);
    if (name.size() >= 3 && (name.back() == U'摄' || name.back() == U'攝')) {
      name.remove_suffix(1);
      photo = true;
    }
    if (!is_name(name)) return false;
    names.emplace_back(name);
    i = j;
  }
  if (!photo || names.empty() || names.size() > 4) return false;
  b.photo = true;
  b.authors = std::move(names);
  return true;
}

std::optional<std::pair<Byline, size_t>> BylineReader::parse(std::u32string_view s, bool whole_text,
                                                             bool nested) const {
  Byline b;
  size_t i = 0;
  while (i < s.size() && (is_ornament(s[i]) || is_space(s[i]))) ++i;
  const size_t start = i;
  if (i >= s.size()) return std::nullopt;
  bool bracketed = false;
  bool dateline = false;
  if (is_open_bracket(s[i])) {
    // 0. A byline printed in brackets as a whole: 【共同社3月5日电】, （记者 王浩 李心萍）.
    if (nested) return std::nullopt;
    size_t close = closing_bracket(s, i, 48);
    if (close == std::u32string_view::npos) return std::nullopt;
    auto inner = parse(s.substr(i + 1, close - i - 1), true, true);
    if (!inner || inner->first.open) return std::nullopt;
    b = std::move(inner->first);
    b.enclosed = true;
    bracketed = true;
    dateline = b.dateline;
    i = close + 1;
  } else if (size_t e = dateline_at(s, i)) {
    // 1. A dateline: 新华社北京 11月 9日电, 本报北京3月5日电, 株洲日报讯, 据新华社电.
    b.source = b.dateline = true;
    dateline = true;
    i = e;
  } else {
    // 2. A paper's name followed by a role (株洲日报记者 …), or a role first (通讯员/…).
    size_t p = start;
    size_t limit = std::min<size_t>(s.size(), start + 16);
    for (; p < limit; ++p) {
      if (role_at(s, p)) break;
    }
    if (p == limit) {
      // 3. Names and a photo mark alone: 张明 摄.
      if (!whole_text || !photo_names(s.substr(start), b)) return std::nullopt;
      i = s.size();
    } else {
      if (p > start && !is_source_name(s.substr(start, p - start))) return std::nullopt;
      b.source = p > start;
      i = p;
      if (!credits(s, i, b, true)) return std::nullopt;
    }
  }
  if (dateline) {
    // The credits after a dateline: in brackets (（记者 王浩 李心萍）), perhaps going on on
    // the next line, or not (南都讯 记者 王浩 通讯员 李四 3月5日，…,
    // 【大公報訊】記者陳大文報道：…).
    size_t k = i;
    while (k < s.size() && is_space(s[k])) ++k;
    if (k < s.size() && is_open_bracket(s[k])) {
      size_t j = k + 1;
      Byline inner = b;
      if (credits(s, j, inner, false)) {
        if (j < s.size() && is_close_bracket(s[j])) {
          b = std::move(inner);
          b.dateline = false;
          bracketed = true;
          i = j + 1;
        } else if (j >= s.size()) {
          b = std::move(inner);
          b.dateline = false;
          b.open = true;
          bracketed = true;
          i = j;
        }
      }
    } else if (k < s.size()) {
      Byline inner = b;
      if (size_t end = open_credits(s, k, inner, whole_text)) {
        b = std::move(inner);
        b.dateline = false;
        bracketed = true;
        i = end;
      }
    }
  }
  if (whole_text) {
    while (i < s.size() && is_space(s[i])) ++i;
    if (i < s.size()) return std::nullopt;
  } else if (!b.dateline && !bracketed) {
    return std::nullopt;  // an inline byline is a dateline or bracketed: 株洲日报讯（…）
  }
  b.text = collapse_spaces(s.substr(start, i - start), SpaceStyle::kByline);
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

std::optional<std::pair<Byline, size_t>> BylineReader::suffix(std::u32string_view text) const {
  std::u32string_view s = text;
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  size_t open = opening_bracket(s, 40);
  if (open == std::u32string_view::npos || trim(s.substr(0, open)).empty()) return std::nullopt;
  // The credits of a dateline run into the text above (…株洲日报讯（记者 王浩））: not the end.
  std::u32string_view before = trim(s.substr(0, open));
  for (const auto& mark : p_.dateline_marks) {
    if (ends_with(before, mark)) return std::nullopt;
  }
  auto r = parse(s.substr(open + 1, s.size() - open - 2), true, true);
  if (!r || r->first.photo || r->first.dateline || r->first.authors.empty()) return std::nullopt;
  Byline b = std::move(r->first);
  b.enclosed = true;
  b.text = collapse_spaces(s.substr(open), SpaceStyle::kByline);
  return std::make_pair(std::move(b), open);
}

size_t BylineReader::credit_pattern(std::u32string_view t) const {
  size_t best = 0;
  for (const auto& pat : p_.credits) {
    size_t star = pat.find(U'…');
    if (star == std::u32string::npos) {
      if (starts_with(t, pat)) best = std::max(best, pat.size());
      continue;
    }
    std::u32string_view pre = std::u32string_view(pat).substr(0, star);
    std::u32string_view suf = std::u32string_view(pat).substr(star + 1);
    if (!starts_with(t, pre)) continue;
    for (size_t k = pre.size() + 1; k <= pre.size() + 10 && k + suf.size() <= t.size(); ++k) {
      if (!is_han(t[k - 1])) break;
      if (t.substr(k, suf.size()) == suf) {
        best = std::max(best, k + suf.size());
        break;
      }
    }
  }
  return best;
}

std::optional<Byline> BylineReader::credit_of(std::u32string_view t) const {
  t = trim(t);
  if (t.empty() || t.size() > 40) return std::nullopt;
  if (is_open_bracket(t[0]) && closing_bracket(t, 0, 48) == t.size() - 1) {
    return credit_of(t.substr(1, t.size() - 2));
  }
  if (size_t m = credit_pattern(t)) {
    Byline b;
    b.photo = true;
    std::u32string_view rest = trim(t.substr(m));
    if (rest.empty()) return b;
    // 新华社发（王曦 摄）, 新华社发 王曦 摄: the agency's credit and the photographer's.
    if (auto r = credit_of(rest); r && !r->authors.empty()) {
      b.authors = std::move(r->authors);
      return b;
    }
    return std::nullopt;
  }
  if (auto b = whole(t); b && b->photo) return b;
  return std::nullopt;
}

std::optional<CaptionCredit> BylineReader::caption_credit(std::u32string_view text) const {
  std::u32string_view s = trim(text);
  if (s.empty()) return std::nullopt;
  const size_t base = static_cast<size_t>(s.data() - text.data());
  // A credit ends with a photo mark (摄, 供图), a credit's last word (资料图片, 新华社发), a
  // photo role and names (摄影 王浩) or a bracket: skip the many lines with none of them near
  // their end.
  {
    size_t from = s.size() > 40 ? s.size() - 40 : 0;
    bool maybe = false;
    for (size_t k = from; k < s.size() && !maybe; ++k) {
      maybe = credit_char_.test(s[k] % credit_char_.size());
    }
    if (!maybe) return std::nullopt;
  }
  auto found = [&](size_t at, Byline b) {
    while (at < s.size() && is_space(s[at])) ++at;
    b.photo = true;
    b.text = collapse_spaces(s.substr(at), SpaceStyle::kByline);
    return CaptionCredit{base + at, std::move(b)};
  };
  // After the caption's last sentence: …劳作。 新华社记者 张明 摄, …。（新华社记者 李博 摄）.
  for (size_t k = s.size(); k > 0; --k) {
    char32_t c = s[k - 1];
    if (is_sentence_final(c) || c == U'”' || c == U'’' || c == U'」' || c == U'』') {
      if (k < s.size()) {
        if (auto b = credit_of(s.substr(k))) return found(k, std::move(*b));
      }
      break;
    }
  }
  // After a space, the longest credit first: …田间劳作 新华社记者 张明 摄.
  size_t from = s.size() > 40 ? s.size() - 40 : 0;
  for (size_t k = from; k < s.size(); ++k) {
    if (!is_space(s[k]) || (k > 0 && is_space(s[k - 1]))) continue;
    if (auto b = credit_of(s.substr(k))) return found(k, std::move(*b));
  }
  // In brackets closing the caption: …赏花（新华社记者 李博 摄）.
  if (size_t open = opening_bracket(s, 40); open != std::u32string_view::npos && open > 0) {
    if (auto b = credit_of(s.substr(open))) return found(open, std::move(*b));
  }
  // The whole text.
  if (auto b = credit_of(s)) return found(0, std::move(*b));
  return std::nullopt;
}

std::optional<size_t> BylineReader::credit_tail(std::u32string_view text) const {
  auto c = caption_credit(text);
  if (!c) return std::nullopt;
  return c->at;
}

bool BylineReader::ends_in_open_credits(std::u32string_view text) const {
  size_t stop = text.size() > 24 ? text.size() - 24 : 0;
  for (size_t k = text.size(); k > stop; --k) {
    char32_t c = text[k - 1];
    if (is_close_bracket(c)) return false;
    if (is_open_bracket(c)) {
      size_t i = k;
      while (i < text.size() && is_space(text[i])) ++i;
      return role_at(text, i) > 0 || source_before_role(text, i) > 0;
    }
  }
  return false;
}

std::u32string BylineReader::join_broken(std::u32string_view a, std::u32string_view b) const {
  b = trim(b);
  std::u32string out(a);
  if (out.empty() || b.empty()) {
    out.append(b);
    return out;
  }
  char32_t x = out.back(), y = b.front();
  bool space = false;
  if (is_han(x) && is_han(y)) {
    // The name (or role) ending the first line and the word opening the second.
    size_t l = out.size();
    while (l > 0 && is_han(out[l - 1])) --l;
    std::u32string_view left = std::u32string_view(out).substr(l);
    size_t r = 0;
    while (r < b.size() && is_han(b[r])) ++r;
    bool role_end = false;
    for (const auto& role : p_.roles) role_end |= ends_with(left, role);
    bool compound = false;
    for (const auto& cs : p_.compound_surnames) compound |= left == cs;
    space = role_end || (left.size() >= 2 && r >= 2 && !compound && is_surname_at(b, 0));
  } else if ((is_latin(x) || is_digit(x)) && (is_latin(y) || is_digit(y))) {
    space = true;
  }
  if (space) out.push_back(' ');
  out.append(b);
  return out;
}

}  // namespace gazette::ingest
