#include "ingest/headlines.hpp"

#include <algorithm>

#include "ingest/chars.hpp"
#include "ingest/classify.hpp"

namespace gazette::ingest {

bool ends_with_any(std::u32string_view text, const std::vector<std::u32string>& endings) {
  text = trim(text);
  for (const auto& e : endings) {
    if (ends_with(text, e)) return true;
  }
  return false;
}

bool starts_with_any(std::u32string_view text, const std::vector<std::u32string>& openings) {
  text = trim(text);
  for (const auto& o : openings) {
    if (starts_with(text, o)) return true;
  }
  return false;
}

namespace {

bool is_head(const Unit& u) {
  return u.kind == UnitKind::kHeadline;
}

bool kicker_cue(std::u32string_view t, const Patterns& p) {
  return ends_with_any(t, p.kicker_endings);
}

bool subtitle_cue(std::u32string_view t, const Patterns& p) {
  return ends_with_any(t, p.subtitle_endings) || starts_with_any(t, p.subtitle_openings);
}

// "Subject：statement", the form of many main titles (中国航发南方：2000余名职工居厂保生产).
bool colon_title(std::u32string_view t) {
  size_t c = t.find(U'：');
  return c != std::u32string_view::npos && c >= 2 && c <= 10 && c + 3 < t.size();
}

// Joins two lines of one headline: no space after clause punctuation or in a wrapped phrase,
// one space between two parallel phrases of similar length.
std::u32string join_headline(std::u32string_view a, std::u32string_view b) {
  std::u32string out(a);
  char32_t last = a.empty() ? 0 : a.back();
  double wa = text_width(a), wb = text_width(b);
  bool parallel = !is_clause_punct(last) && !is_opening(last) && wa >= 4 && wb >= 4 &&
                  wb >= 0.75 * wa && wb <= 1.35 * wa;
  if (parallel) out.push_back(' ');
  out.append(b);
  return out;
}

struct Piece {
  std::u32string text;
  std::vector<size_t> units;
  double width = 0;
};

// Whether the text after headline `h` ends with a writer's byline of its own.
bool signed_at_end(const std::vector<Unit>& units, size_t h) {
  for (size_t k = h + 1; k < units.size(); ++k) {
    const Unit& u = units[k];
    if (u.kind == UnitKind::kParagraph && !u.byline) {
      if (u.end_byline) return true;
      continue;
    }
    return u.kind == UnitKind::kByline && !u.byline->dateline && !u.byline->photo;
  }
  return false;
}

// Whether the story above headline `h` opens with a writer's byline.
bool signed_at_top(const std::vector<Unit>& units, size_t h, const std::vector<bool>& sub) {
  for (size_t k = h; k-- > 0;) {
    const Unit& u = units[k];
    if (u.kind == UnitKind::kParagraph) {
      if (u.byline) return !u.byline->authors.empty();
      continue;
    }
    if (u.kind == UnitKind::kHeadline && sub[k]) continue;
    return u.kind == UnitKind::kByline && !u.byline->dateline && !u.byline->photo;
  }
  return false;
}

}  // namespace

void promote_kickers(std::vector<Unit>& units) {
  for (size_t i = 0; i + 1 < units.size(); ++i) {
    Unit& u = units[i];
    if (u.kind != UnitKind::kParagraph || u.byline || u.lines != 1) continue;
    if (!is_head(units[i + 1])) continue;
    if (i > 0 && units[i - 1].kind == UnitKind::kParagraph && units[i - 1].continued_to.empty())
      continue;
    char32_t last = last_mark(u.text);
    if (is_sentence_final(last) && last != U'…') continue;
    if (text_width(u.text) > 40) continue;
    u.kind = UnitKind::kHeadline;
  }
}

std::vector<bool> find_subheadings(const std::vector<Unit>& units, const Patterns& patterns) {
  std::vector<bool> sub(units.size(), false);
  for (size_t i = 1; i + 1 < units.size(); ++i) {
    const Unit& u = units[i];
    if (!is_head(u)) continue;
    const Unit& prev = units[i - 1];
    const Unit& next = units[i + 1];
    bool prev_body = prev.kind == UnitKind::kParagraph || (is_head(prev) && sub[i - 1]);
    if (!prev_body || !prev.continued_to.empty()) continue;
    if (prev.page != u.page) continue;  // the first headline of a page starts a new item
    if (next.kind != UnitKind::kParagraph || next.byline) continue;
    // A salutation (广大市民朋友：) opens a letter or notice: a new item, not a section.
    char32_t open_end = last_mark(next.text);
    if ((open_end == U'：' || open_end == ':') && next.lines == 1 && !has_letters(next.text, 21))
      continue;
    if (kicker_cue(u.text, patterns) || subtitle_cue(u.text, patterns)) continue;
    if (ends_with_any(u.text, patterns.notice_title_endings)) continue;
    // Heading a photo: the text after it ends in a credit.
    bool photo = false;
    for (size_t k = i + 1; k < units.size(); ++k) {
      if (units[k].kind == UnitKind::kParagraph) continue;
      photo = units[k].kind == UnitKind::kCredit;
      break;
    }
    if (photo) continue;
    // A story has one writer's byline: where the story above is signed at its top and the text
    // after this headline is signed at its end (采写：南都记者 黄婷), the headline starts a story.
    if (signed_at_end(units, i) && signed_at_top(units, i, sub)) continue;
    sub[i] = true;
  }
  return sub;
}

std::vector<Stack> build_stacks(const std::vector<Unit>& units, const std::vector<bool>& subheading,
                                const Patterns& patterns) {
  std::vector<Stack> stacks;
  auto in_group = [&](size_t i) {
    const Unit& u = units[i];
    if (is_head(u)) return !subheading[i];
    return u.kind == UnitKind::kDocNumber || u.kind == UnitKind::kSeries ||
           u.kind == UnitKind::kAuthor;
  };

  for (size_t i = 0; i < units.size();) {
    if (!in_group(i)) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < units.size() && in_group(end)) ++end;

    // Stacks of this group, split at cues.
    Stack cur;
    std::vector<Piece> heads;
    bool closed = false;
    auto flush = [&] {
      if (heads.empty() && !cur.author && !cur.doc_number && cur.subtitle.empty()) {
        cur = Stack{};
        return;
      }
      // Parts of the headline.
      std::u32string kicker = cur.kicker, title, subtitle = cur.subtitle;
      size_t n = heads.size();
      auto w = [&](size_t k) { return heads[k].width; };
      if (n == 1) {
        title = heads[0].text;
      } else if (n == 2) {
        const auto& a = heads[0].text;
        const auto& b = heads[1].text;
        bool kick = kicker.empty();
        if (!kick) {
          title = a;
          subtitle = b + subtitle;
        } else if (kicker_cue(a, patterns)) {
          kicker = a;
          title = b;
        } else if (subtitle_cue(b, patterns)) {
          title = a;
          subtitle = b + subtitle;
        } else if (colon_title(b) && !colon_title(a)) {
          kicker = a;
          title = b;
        } else if (colon_title(a) && !colon_title(b)) {
          title = a;
          subtitle = b + subtitle;
        } else if (w(0) <= 6) {  // a short label above a title (要闻, 战“疫”日记)
          kicker = a;
          title = b;
        } else if (w(1) > 1.4 * w(0)) {
          title = a;
          subtitle = b + subtitle;
        } else {
          kicker = a;
          title = b;
        }
      } else if (n >= 3) {
        size_t first = 0;
        if (kicker.empty()) {
          kicker = heads[0].text;
          first = 1;
        }
        size_t last = n - 1;
        if (subtitle.empty()) {
          subtitle = heads[n - 1].text;
        } else {
          last = n;
        }
        for (size_t k = first; k < last; ++k) {
          title = title.empty() ? heads[k].text : join_headline(title, heads[k].text);
        }
      }
      if (title.empty() && !kicker.empty() && !cur.doc_number) std::swap(title, kicker);
      if (title.empty() && !subtitle.empty()) std::swap(title, subtitle);
      // A subtitle printed on the title's line: …动态清零 陈恢清出席并讲话.
      if (subtitle.empty()) {
        size_t sp = title.rfind(U' ');
        if (sp != std::u32string::npos && sp > 0 &&
            ends_with_any(std::u32string_view(title).substr(sp + 1), patterns.subtitle_endings)) {
          subtitle = title.substr(sp + 1);
          title.resize(sp);
        }
      }
      cur.kicker = kicker;
      cur.title = title;
      cur.subtitle = subtitle;
      for (const auto& h : heads) cur.units.insert(cur.units.end(), h.units.begin(), h.units.end());
      std::sort(cur.units.begin(), cur.units.end());
      cur.first_line = units[cur.units.front()].first_line;
      cur.last_line = units[cur.units.back()].last_line;
      stacks.push_back(std::move(cur));
      cur = Stack{};
      heads.clear();
      closed = false;
    };

    for (size_t k = i; k < end; ++k) {
      const Unit& u = units[k];
      switch (u.kind) {
        case UnitKind::kDocNumber:
          if (!heads.empty() || cur.doc_number || closed) flush();
          cur.kicker = u.text;
          cur.doc_number = true;
          cur.units.push_back(k);
          break;
        case UnitKind::kSeries:
          if (cur.subtitle.empty()) {
            cur.subtitle = u.text;
          } else {
            cur.subtitle += u.text;
          }
          cur.series = true;
          cur.units.push_back(k);
          closed = true;
          break;
        case UnitKind::kAuthor:
          if (cur.author) {
            cur.author->text += U" " + u.byline->text;
            for (const auto& a : u.byline->authors) cur.author->authors.push_back(a);
          } else {
            cur.author = u.byline;
          }
          cur.units.push_back(k);
          closed = true;
          break;
        default: {  // a headline line
          Piece piece{u.text, {k}, text_width(u.text)};
          // A headline wrapped over lines printed tight together: one piece, unless the next
          // line is much longer (a subtitle under a title).
          while (k + 1 < end && units[k].tight_next && is_head(units[k + 1])) {
            const Unit& n = units[k + 1];
            double wn = text_width(n.text);
            char32_t last = piece.text.empty() ? 0 : piece.text.back();
            bool wrap = is_clause_punct(last) || wn <= 1.4 * piece.width;
            if (!wrap || kicker_cue(piece.text, patterns) || kicker_cue(n.text, patterns)) break;
            piece.text = join_headline(piece.text, n.text);
            piece.width = std::max(piece.width, wn);
            piece.units.push_back(++k);
          }
          bool starts_new = closed || (kicker_cue(piece.text, patterns) && !heads.empty()) ||
                            heads.size() >= 3 || (cur.doc_number && !heads.empty());
          if (starts_new) flush();
          heads.push_back(std::move(piece));
          if (subtitle_cue(heads.back().text, patterns) && heads.size() >= 2) closed = true;
          break;
        }
      }
    }
    flush();
    i = end;
  }
  return stacks;
}

}  // namespace gazette::ingest
