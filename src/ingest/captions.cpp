#include "ingest/captions.hpp"

#include "ingest/chars.hpp"
#include "ingest/headlines.hpp"

namespace gazette::ingest {

namespace {

constexpr size_t kCaptionLetters = 150;  // captions are a sentence or two

// What may follow a photo item's caption: the next item's headline, or nothing.
bool ends_item(const std::vector<Unit>& units, size_t i) {
  if (i >= units.size()) return true;
  UnitKind k = units[i].kind;
  return k == UnitKind::kHeadline || k == UnitKind::kDocNumber || k == UnitKind::kSeries ||
         k == UnitKind::kContinuedFrom;
}

// A credit printed for one picture ends with its mark (张明 摄, 企业供图, （… 摄））; one naming
// the photographer first (摄影：陈伟) credits the story's pictures as a whole.
bool picture_credit(const Byline& b, const Patterns& patterns) {
  std::u32string_view t = trim(b.text);
  while (!t.empty() && is_closing(t.back())) t.remove_suffix(1);
  return ends_with_any(t, patterns.photo_marks) || b.authors.empty();
}

// Whether the story that paragraph `p` ends has its writer's byline and text above `p`.
bool written_story_above(const std::vector<Unit>& units, size_t p) {
  size_t paras = 0;
  for (size_t k = p; k-- > 0;) {
    const Unit& q = units[k];
    if (q.kind == UnitKind::kParagraph) {
      ++paras;
      if (q.byline) return paras >= 1 && (!q.byline->dateline || !q.byline->authors.empty());
      continue;
    }
    if (q.kind == UnitKind::kByline) return paras >= 1 && !q.byline->dateline && !q.byline->photo;
    return false;
  }
  return false;
}

}  // namespace

void place_captions(std::vector<Unit>& units, const Patterns& patterns) {
  std::vector<Unit> out;
  out.reserve(units.size());
  for (size_t i = 0; i < units.size(); ++i) {
    Unit& u = units[i];
    // A caption alone under a headline: a photo item.
    if (u.kind == UnitKind::kCaption && !out.empty() && out.back().kind == UnitKind::kHeadline &&
        ends_item(units, i + 1)) {
      Unit credit = u;
      credit.kind = UnitKind::kCredit;
      credit.text = u.credit;
      if (!credit.byline) {
        Byline b;
        b.text = u.credit;
        b.photo = true;
        credit.byline = b;
      }
      Unit text = std::move(u);
      text.kind = UnitKind::kParagraph;
      text.byline.reset();
      text.credit.clear();
      text.tight_next = true;
      out.push_back(std::move(text));
      out.push_back(std::move(credit));
      continue;
    }
    // A paragraph right above a credit inside a story: the photo's caption.
    if (u.kind == UnitKind::kCredit && u.byline && !out.empty()) {
      Unit& p = out.back();
      if (p.kind == UnitKind::kParagraph && !p.byline && !p.end_byline && p.continued_to.empty() &&
          !has_letters(p.text, kCaptionLetters + 1) &&
          (starts_with_any(p.text, patterns.caption_openings) ||
           (picture_credit(*u.byline, patterns) && written_story_above(out, out.size() - 1)))) {
        p.kind = UnitKind::kCaption;
        p.credit = u.byline->text;
        p.byline = u.byline;
        p.last_line = u.last_line;
        p.tight_next = u.tight_next;
        continue;
      }
    }
    out.push_back(std::move(u));
  }
  units = std::move(out);
}

}  // namespace gazette::ingest
