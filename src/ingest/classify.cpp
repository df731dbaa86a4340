#include "ingest/classify.hpp"

#include "ingest/chars.hpp"
#include "ingest/dates.hpp"

namespace gazette::ingest {

namespace {

// "下转A4版", "下转第4版", ">>> 下转 A4版", "（下转第二版）": the page label and where it starts.
std::optional<std::pair<size_t, std::u32string>> continued_to_marker(std::u32string_view s) {
  size_t p = s.rfind(U"下转");
  if (p == std::u32string_view::npos) return std::nullopt;
  size_t i = p + 2;
  while (i < s.size() && s[i] == ' ') ++i;
  if (i < s.size() && s[i] == U'第') ++i;
  size_t b = i;
  while (i < s.size() &&
         (is_latin(s[i]) || is_digit(s[i]) || s[i] == U'一' || s[i] == U'二' || s[i] == U'三' ||
          s[i] == U'四' || s[i] == U'五' || s[i] == U'六' || s[i] == U'七' || s[i] == U'八' ||
          s[i] == U'九' || s[i] == U'十') &&
         i - b < 6)
    ++i;
  if (i == b) return std::nullopt;
  std::u32string label(s.substr(b, i - b));
  while (i < s.size() && s[i] == ' ') ++i;
  if (i < s.size() && s[i] == U'版') ++i;
  while (i < s.size() && (s[i] == ' ' || is_closing(s[i]) || s[i] == '>' || s[i] == U'》')) ++i;
  if (i != s.size()) return std::nullopt;  // must end the line
  size_t start = p;
  while (start > 0 && (s[start - 1] == ' ' || s[start - 1] == '>' || s[start - 1] == U'》' ||
                       s[start - 1] == U'＞' || s[start - 1] == U'（' || s[start - 1] == '(' ||
                       s[start - 1] == U'【'))
    --start;
  return std::make_pair(start, label);
}

bool continued_from_marker(std::u32string_view s) {
  std::u32string c = without_spaces(s);
  size_t p = c.find(U"上接");
  if (p == std::u32string::npos || p > 1) return false;
  size_t v = c.find(U'版', p);
  return v != std::u32string::npos && c.size() - v <= 2;
}

}  // namespace

char32_t last_mark(std::u32string_view s) {
  s = trim(s);
  while (!s.empty() && is_closing(s.back())) s.remove_suffix(1);
  return s.empty() ? 0 : s.back();
}

bool headline_like(std::u32string_view s, double width) {
  s = trim(s);
  if (s.empty() || width > 40) return false;
  if (!has_letters(s, 2)) return false;
  int commas = 0;
  for (size_t k = 0; k + 1 < s.size(); ++k) {
    char32_t c = s[k];
    if ((c == U'。' || c == U'！' || c == U'？' || c == '!' || c == '?') &&
        !(k + 1 < s.size() && is_closing(s[k + 1]) && k + 2 == s.size()))
      return false;
    if (c == U'，' || c == U'；' || c == ',' || c == ';') ++commas;
  }
  if (commas > 1) return false;
  char32_t last = last_mark(s);
  if (last == U'…') return true;  // a kicker ending in ……
  if (is_sentence_final(last)) return false;
  if (last == U'，' || last == U'、' || last == U'；' || last == ',' || last == ';') return false;
  return true;
}

bool is_doc_number(std::u32string_view s) {
  std::u32string c = without_spaces(s);
  if (c.size() < 8 || c.size() > 30 || c.back() != U'号') return false;
  size_t open = c.find_first_of(U"〔[（(【");
  if (open == std::u32string::npos || open == 0) return false;
  for (size_t k = 0; k < open; ++k) {
    if (!is_han(c[k])) return false;
  }
  size_t k = open + 1;
  size_t d = k;
  while (k < c.size() && is_digit(c[k])) ++k;
  if (k - d != 4 || k >= c.size()) return false;
  if (std::u32string_view(U"〕]）)】").find(c[k]) == std::u32string_view::npos) return false;
  ++k;
  d = k;
  while (k < c.size() && is_digit(c[k])) ++k;
  return k > d && k + 1 == c.size();
}

std::vector<LineInfo> classify_lines(const std::vector<Line>& lines, const MastheadScan& masthead,
                                     const Patterns& patterns, const BylineReader& bylines) {
  std::vector<LineInfo> info(lines.size());
  for (size_t idx : masthead.lines) info[idx].kind = LineKind::kMasthead;

  for (size_t i = 0; i < lines.size(); ++i) {
    LineInfo& li = info[i];
    const Line& line = lines[i];
    if (line.blank) {
      li.kind = LineKind::kBlank;
      continue;
    }
    if (li.kind == LineKind::kMasthead) continue;
    std::u32string_view t = line.text;
    std::u32string compact = without_spaces(t);
    li.ends_sentence = is_sentence_final(last_mark(t));
    li.headline_like = headline_like(t, line.width);

    // Page furniture: promotions, editor credits.
    if (line.width <= 30) {
      bool furniture = false;
      for (const auto& f : patterns.furniture) {
        if (compact.find(f) != std::u32string::npos) {
          furniture = true;
          break;
        }
      }
      if (furniture) {
        li.kind = LineKind::kFurniture;
        li.note = U"page furniture";
        continue;
      }
    }
    if (continued_from_marker(t)) {
      li.kind = LineKind::kContinuedFrom;
      continue;
    }
    if (auto m = continued_to_marker(t)) {
      li.continued_to = m->second;
      if (trim(t.substr(0, m->first)).empty()) {
        li.kind = LineKind::kContinuedTo;
        continue;
      }
      li.marker_at = m->first;
      t = t.substr(0, m->first);
      li.ends_sentence = is_sentence_final(last_mark(t));
    }
    if (is_doc_number(t)) {
      li.kind = LineKind::kDocNumber;
      continue;
    }
    if (auto d = whole_line_date(t)) {
      li.kind = LineKind::kSignatureDate;
      continue;
    }
    if (auto b = bylines.whole(t)) {
      li.byline = std::move(b);
      if (li.byline->open && li.byline->source) {
        // 株洲日报讯（全媒体记者/邓伟 | 勇） 11月8日晚…: the byline goes on, then the text.
        li.kind = LineKind::kBylineStart;
        li.byline_end = t.size();
      } else {
        li.kind = li.byline->photo ? LineKind::kCredit : LineKind::kByline;
      }
      continue;
    }
    if (auto p = bylines.prefix(t)) {
      li.byline = std::move(p->first);
      li.byline_end = p->second;
      li.kind = LineKind::kBylineStart;
      continue;
    }
    if (auto c = bylines.caption_credit(t)) {
      li.kind = c->at == 0 ? LineKind::kCredit : LineKind::kCaptionCredit;
      li.credit_at = c->at;
      li.byline = std::move(c->byline);
      continue;
    }
    for (const auto& open : patterns.subtitle_openings) {
      if (starts_with(t, open) && li.headline_like && !li.ends_sentence) {
        li.kind = LineKind::kSeries;
        break;
      }
    }
    if (li.kind == LineKind::kSeries) continue;
    if (bylines.name_line(t)) {
      li.kind = LineKind::kName;
      continue;
    }
  }

  // Signatures: a date on its own line, under the authority's name, closing a text.
  for (size_t i = 0; i < lines.size(); ++i) {
    if (info[i].kind != LineKind::kSignatureDate) continue;
    size_t p = i;
    int blanks = 0;
    while (p > 0 && info[p - 1].kind == LineKind::kBlank && blanks < 2) {
      --p;
      ++blanks;
    }
    if (p == 0) {
      info[i].kind = LineKind::kFurniture;
      info[i].note = U"date line";
      continue;
    }
    --p;
    LineInfo& prev = info[p];
    std::u32string_view pt = lines[p].text;
    bool org_like = (prev.kind == LineKind::kText || prev.kind == LineKind::kName) &&
                    lines[p].width <= 32 && !prev.ends_sentence && blanks <= 1;
    if (org_like) {
      for (char32_t c : pt) {
        if (is_punct(c) && c != U'（' && c != U'）' && c != U'、') org_like = false;
      }
    }
    if (org_like) {
      prev.kind = LineKind::kSignatureOrg;
    } else if (prev.kind == LineKind::kMasthead || prev.kind == LineKind::kFurniture) {
      info[i].kind = LineKind::kFurniture;
      info[i].note = U"date line";
    }
  }
  return info;
}

}  // namespace gazette::ingest
