#include "ingest/paragraphs.hpp"

#include <algorithm>
#include <unordered_set>

#include "ingest/chars.hpp"
#include "ingest/headlines.hpp"
#include "ingest/normalize.hpp"

namespace gazette::ingest {

void join_line(std::u32string& a, std::u32string_view b) {
  b = trim(b);
  if (b.empty()) return;
  if (a.empty()) {
    a.assign(b);
    return;
  }
  char32_t x = a.back();
  char32_t y = b.front();
  if (x == '-' && a.size() >= 2 && is_latin(a[a.size() - 2]) && is_latin(y) &&
      !(y >= 'A' && y <= 'Z')) {
    a.pop_back();  // de-hyphenation: inter-\nnational
  } else if ((is_latin(x) || is_digit(x) || x == ',' || x == '.' || x == ';' || x == ':') &&
             (is_latin(y) || (is_digit(y) && !is_digit(x)))) {
    a.push_back(' ');
  }
  a.append(b);
}

bool broken_mid_word(std::u32string_view a, std::u32string_view b,
                     const text::WordSegmenter& words) {
  a = trim(a);
  b = trim(b);
  if (a.empty() || b.empty() || !is_cjk_letter(a.back()) || !is_cjk_letter(b.front())) return false;
  size_t na = 0;
  std::u32string s;
  for (size_t k = a.size(); k > 0 && na < 4 && is_cjk_letter(a[k - 1]); --k) ++na;
  s.append(a.substr(a.size() - na));
  size_t nb = 0;
  while (nb < b.size() && nb < 4 && is_cjk_letter(b[nb])) ++nb;
  s.append(b.substr(0, nb));
  std::string utf8 = to_utf8(s);
  size_t junction = to_utf8(s.substr(0, na)).size();
  for (std::string_view w : words.words(utf8)) {
    size_t begin = static_cast<size_t>(w.data() - utf8.data());
    size_t end = begin + w.size();
    if (begin < junction && end > junction) return true;
  }
  return false;
}

namespace {

class Builder {
 public:
  Builder(const std::vector<Line>& lines, const std::vector<LineInfo>& info, const Layout& layout,
          const Patterns& patterns, const BylineReader& bylines, const text::WordSegmenter& words,
          bool normalize, std::vector<model::Warning>& warnings)
      : lines_(lines),
        info_(info),
        layout_(layout),
        patterns_(patterns),
        bylines_(bylines),
        words_(words),
        normalize_(normalize),
        warnings_(warnings) {}

  std::vector<Unit> run() {
    for (size_t i = 0; i < lines_.size(); ++i) {
      if (consumed_.count(i)) continue;
      const LineInfo& li = info_[i];
      switch (li.kind) {
        case LineKind::kBlank:
        case LineKind::kMasthead:
          break;
        case LineKind::kFurniture:
          close();
          warn(i, "dropped page furniture “" + to_utf8(lines_[i].text) + "”");
          break;
        case LineKind::kByline:
        case LineKind::kCredit:
          close();
          byline(i);
          break;
        case LineKind::kBylineStart:
          close();
          byline_start(i);
          break;
        case LineKind::kCaptionCredit: {
          close();
          Unit u = unit(UnitKind::kCaption, i);
          u.text = body_text(lines_[i].text.substr(0, li.credit_at));
          u.byline = li.byline;
          u.credit =
              li.byline
                  ? li.byline->text
                  : std::u32string(trim(std::u32string_view(lines_[i].text).substr(li.credit_at)));
          push(std::move(u));
          break;
        }
        case LineKind::kSignatureOrg:
        case LineKind::kSignatureDate:
          close();
          signature(i);
          break;
        case LineKind::kDocNumber:
          close();
          push(simple(UnitKind::kDocNumber, i));
          break;
        case LineKind::kSeries:
          close();
          push(simple(UnitKind::kSeries, i));
          break;
        case LineKind::kContinuedTo:
          if (open_ >= 0) {
            units_[open_].continued_to = li.continued_to;
            close();
          } else {
            Unit u = simple(UnitKind::kContinuedTo, i);
            u.continued_to = li.continued_to;
            push(std::move(u));
          }
          break;
        case LineKind::kContinuedFrom:
          close();
          push(simple(UnitKind::kContinuedFrom, i));
          break;
        case LineKind::kName:
          if (open_ < 0 && !units_.empty() &&
              (units_.back().kind == UnitKind::kHeadline ||
               units_.back().kind == UnitKind::kSeries)) {
            Unit u = simple(UnitKind::kAuthor, i);
            Byline b;
            b.text = collapse_spaces(lines_[i].text, SpaceStyle::kByline);
            b.authors = *bylines_.name_line(lines_[i].text);
            u.byline = b;
            push(std::move(u));
            break;
          }
          text(i);
          break;
        case LineKind::kText:
          text(i);
          break;
      }
    }
    close();
    return std::move(units_);
  }

 private:
  size_t next_nonblank(size_t i) const {
    for (size_t k = i + 1; k < lines_.size(); ++k) {
      if (!lines_[k].blank) return k;
    }
    return lines_.size();
  }
  bool tight(size_t i) const { return i + 1 < lines_.size() && !lines_[i + 1].blank; }

  void warn(size_t i, std::string message) {
    warnings_.push_back({lines_[i].number, std::move(message)});
  }

  Unit unit(UnitKind kind, size_t i) const {
    Unit u;
    u.kind = kind;
    u.first_line = u.last_line = lines_[i].number;
    u.page = lines_[i].page;
    u.tight_next = tight(i);
    return u;
  }
  Unit simple(UnitKind kind, size_t i) const {
    Unit u = unit(kind, i);
    u.text = collapse_spaces(lines_[i].text, SpaceStyle::kHeadline);
    return u;
  }
  void push(Unit u) { units_.push_back(std::move(u)); }

  std::u32string body_text(std::u32string_view t) const {
    return normalize_ ? collapse_spaces(t, SpaceStyle::kBody) : std::u32string(trim(t));
  }

  // Consecutive byline lines (a role continuing the previous line, or an open bracket) make
  // one byline; a photo mark anywhere makes it a credit.
  void byline(size_t i) {
    std::u32string text = lines_[i].text;
    Byline b = *info_[i].byline;
    size_t last = i;
    for (;;) {
      size_t n = next_nonblank(last);
      if (n >= lines_.size() || n - last > 2) break;
      const LineInfo& ni = info_[n];
      if ((ni.kind != LineKind::kByline && ni.kind != LineKind::kCredit) || !ni.byline ||
          ni.byline->source)
        break;
      std::u32string joined = text + U" " + lines_[n].text;
      auto merged = bylines_.whole(joined);
      if (!merged) break;
      text = joined;
      b = *merged;
      last = n;
      consumed_.insert(n);
    }
    // A dateline on a line of its own, the credits opening the next line:
    // 新华社北京3月5日电 | （记者 王浩 李心萍）十四届…
    if (b.dateline && b.authors.empty()) {
      size_t n = next_nonblank(last);
      if (n < lines_.size() && n - last <= 2 && info_[n].kind == LineKind::kBylineStart &&
          info_[n].byline->enclosed && !info_[n].byline->source && !info_[n].byline->photo) {
        Byline merged = *info_[n].byline;
        merged.text = b.text + merged.text;
        merged.source = true;
        consumed_.insert(n);
        byline_start(n, merged, i);
        return;
      }
    }
    Unit u = unit(b.photo ? UnitKind::kCredit : UnitKind::kByline, i);
    u.last_line = lines_[last].number;
    u.tight_next = tight(last);
    u.text = b.text;
    u.byline = b;
    push(std::move(u));
  }

  // A byline opening a paragraph, perhaps continued on the next line (…全媒体记者/邓伟 | 勇）).
  // `lead`: the byline as read with a dateline line above it (`first`).
  void byline_start(size_t i, std::optional<Byline> lead = std::nullopt, size_t first = SIZE_MAX) {
    std::u32string text = lines_[i].text;
    if (info_[i].marker_at != std::u32string::npos) text.resize(info_[i].marker_at);
    Byline b = lead ? *lead : *info_[i].byline;
    size_t end = info_[i].byline_end;
    size_t last = i;
    if (b.open) {
      size_t n = next_nonblank(i);
      if (n < lines_.size() && n - i <= 2 && info_[n].kind == LineKind::kText) {
        // Spaces between names are kept: the line may break between two of them.
        std::u32string joined = bylines_.join_broken(text, lines_[n].text);
        if (auto p = bylines_.prefix(joined); p && !p->first.open) {
          text = joined;
          b = p->first;
          end = p->second;
          last = n;
          consumed_.insert(n);
        }
      }
    }
    Unit u = unit(UnitKind::kParagraph, first == SIZE_MAX ? i : first);
    u.byline = b;
    u.last_line = lines_[last].number;
    u.text = std::u32string(trim(std::u32string_view(text).substr(std::min(end, text.size()))));
    units_.push_back(std::move(u));
    open_ = static_cast<int>(units_.size() - 1);
    open_lines_ = 0;
    last_text_ = units_[open_].text;
    last_index_ = last;
    widths_.clear();
    if (info_[last].continued_to.size()) {
      units_[open_].continued_to = info_[last].continued_to;
      close();
    }
  }

  void signature(size_t i) {
    std::u32string text;
    size_t last = i;
    if (info_[i].kind == LineKind::kSignatureOrg) {
      text = collapse_spaces(lines_[i].text, SpaceStyle::kByline);
      size_t n = next_nonblank(i);
      if (n < lines_.size() && info_[n].kind == LineKind::kSignatureDate) {
        text += U" " + collapse_spaces(lines_[n].text, SpaceStyle::kBody);
        last = n;
        consumed_.insert(n);
      }
    } else {
      text = collapse_spaces(lines_[i].text, SpaceStyle::kBody);
    }
    Unit u = unit(UnitKind::kSignature, i);
    u.last_line = lines_[last].number;
    u.text = text;
    push(std::move(u));
  }

  // Whether text line `i`, at the start of a paragraph, is a headline rather than body.
  bool is_heading(size_t i) const {
    const Line& l = lines_[i];
    if (!info_[i].headline_like) return false;
    size_t n = next_nonblank(i);
    if (n >= lines_.size()) return true;
    const LineInfo& ni = info_[n];
    switch (ni.kind) {
      case LineKind::kText:
        break;
      case LineKind::kName:
      case LineKind::kByline:
      case LineKind::kBylineStart:
      case LineKind::kCredit:
      case LineKind::kSeries:
      case LineKind::kDocNumber:
      case LineKind::kSignatureOrg:
      case LineKind::kCaptionCredit:
      case LineKind::kMasthead:
      case LineKind::kContinuedFrom:
        return true;
      default:
        break;
    }
    if (broken_mid_word(l.text, lines_[n].text, words_)) return false;
    bool next_head = ni.headline_like && ni.kind == LineKind::kText;
    // A line printed tight under a headline line goes on with that headline.
    if (last_head_ + 1 == i && units_.size() && units_.back().kind == UnitKind::kHeadline)
      return true;
    // A short line ending in a colon opens what follows (广大市民朋友：), unless a headline
    // line printed tight under it completes it (中国航发南方： | 2000余名职工居厂保生产).
    char32_t end = last_mark(l.text);
    if ((end == U'：' || end == ':') && !(next_head && tight(i))) return false;
    double w = layout_.column[n] > 0 ? layout_.column[n] : layout_.column[i];
    if (w <= 0) return true;  // lines are paragraphs: a short line without a sentence stands apart
    // Text set in columns: body lines are full width, or a little shorter when they start a
    // paragraph; a headline stands out by being shorter, by a kicker's last word, or by being
    // printed tight with another headline line where every body line is followed by a blank.
    if (l.width < w - 3.25) return true;
    if (next_head && ends_with_any(l.text, patterns_.kicker_endings)) return true;
    if (next_head && layout_.blank_per_line && tight(i)) return true;
    return false;
  }

  // Whether text line `i` continues the open paragraph.
  bool continues(size_t i) const {
    const Line& l = lines_[i];
    if (last_text_.empty()) return true;  // only a byline so far
    if (info_[i].headline_like) {
      size_t n = next_nonblank(i);
      if (n < lines_.size()) {
        LineKind nk = info_[n].kind;
        if (nk == LineKind::kByline || nk == LineKind::kBylineStart || nk == LineKind::kName ||
            nk == LineKind::kSeries)
          return false;
      }
    }
    const Line& a = lines_[last_index_];
    // Where indentation marks paragraphs, an indented line starts one.
    if (layout_.indentation && l.indent >= 2) return false;
    char32_t last = last_mark(last_text_);
    double w = layout_.column[last_index_];
    if (!is_sentence_final(last)) {
      if (w == 0 && (last == U'：' || last == ':') && !has_letters(last_text_, 21) &&
          open_lines_ == 1)
        return false;  // a salutation (广大市民朋友：)
      if (w == 0 && ends_with(last_text_, U"——")) return false;
      return true;
    }
    if (w == 0) return false;
    bool blank_between = i > last_index_ + 1;
    if (blank_between && !layout_.blank_per_line) return false;
    double expected = open_lines_ <= 1 ? w - 2 : w;
    if (a.width < expected - 1.25) return false;
    double wl = layout_.column[i] > 0 ? layout_.column[i] : w;
    if (l.width <= wl - 0.75) return false;
    return true;
  }

  void text(size_t i) {
    const Line& l = lines_[i];
    std::u32string t = l.text;
    const LineInfo& li = info_[i];
    if (li.marker_at != std::u32string::npos) t.resize(li.marker_at);
    if (open_ >= 0 && continues(i)) {
      Unit& u = units_[open_];
      // Inside a byline's brackets a line may break between two names: keep a space there
      // (spaces between CJK characters go again when the paragraph is closed).
      if (bylines_.ends_in_open_credits(u.text)) {
        u.text = bylines_.join_broken(u.text, t);
      } else {
        join_line(u.text, t);
      }
      u.last_line = l.number;
      u.lines++;
      widths_.push_back(l.width);
      ++open_lines_;
      last_text_ = t;
      last_index_ = i;
    } else {
      close();
      if (is_heading(i)) {
        last_head_ = i;
        Unit u = unit(UnitKind::kHeadline, i);
        u.text = normalize_ ? collapse_spaces(t, SpaceStyle::kHeadline) : std::u32string(trim(t));
        u.column = l.width;
        push(std::move(u));
        return;
      }
      if (!has_letters(t, 3) && !li.ends_sentence) {
        warn(i, "dropped a stray fragment “" + to_utf8(t) + "”");
        return;
      }
      Unit u = unit(UnitKind::kParagraph, i);
      u.text = std::u32string(trim(t));
      units_.push_back(std::move(u));
      open_ = static_cast<int>(units_.size() - 1);
      open_lines_ = 1;
      widths_.assign(1, l.width);
      last_text_ = t;
      last_index_ = i;
    }
    if (!li.continued_to.empty()) {
      units_[open_].continued_to = li.continued_to;
      close();
    }
  }

  void close() {
    if (open_ < 0) return;
    Unit& u = units_[open_];
    // A byline closing the text (…开幕。（记者 王浩 李心萍））, read before spaces collapse.
    if (auto end = bylines_.suffix(u.text)) {
      u.end_byline = std::move(end->first);
      u.text.resize(end->second);
    }
    u.text = body_text(u.text);
    // The printed column of a paragraph: the median of its lines but the first (indented)
    // and the last (short).
    if (widths_.size() >= 3) {
      std::vector<double> w(widths_.begin() + 1, widths_.end() - 1);
      std::sort(w.begin(), w.end());
      u.column = w[w.size() / 2];
    } else if (widths_.size() == 2) {
      u.column = widths_[0] + 2;
    } else if (!widths_.empty()) {
      u.column = widths_[0];
    }
    u.tight_next = tight(last_index_);
    if (u.text.empty() && !u.byline) units_.erase(units_.begin() + open_);
    open_ = -1;
    widths_.clear();
  }

  const std::vector<Line>& lines_;
  const std::vector<LineInfo>& info_;
  const Layout& layout_;
  const Patterns& patterns_;
  const BylineReader& bylines_;
  const text::WordSegmenter& words_;
  bool normalize_;
  std::vector<model::Warning>& warnings_;

  std::vector<Unit> units_;
  std::unordered_set<size_t> consumed_;
  int open_ = -1;       // index of the paragraph being built
  int open_lines_ = 0;  // its printed lines (not counting a byline line)
  std::u32string last_text_;
  size_t last_index_ = 0;  // its last line
  std::vector<double> widths_;
  size_t last_head_ = SIZE_MAX;  // line of the last headline unit
};

}  // namespace

std::vector<Unit> build_units(const std::vector<Line>& lines, const std::vector<LineInfo>& info,
                              const Layout& layout, const Patterns& patterns,
                              const BylineReader& bylines, const text::WordSegmenter& words,
                              bool normalize, std::vector<model::Warning>& warnings) {
  return Builder(lines, info, layout, patterns, bylines, words, normalize, warnings).run();
}

}  // namespace gazette::ingest
