#include "ingest/assemble.hpp"

#include <algorithm>

#include "ingest/chars.hpp"
#include "ingest/similarity.hpp"

namespace gazette::ingest {

namespace {

void add_authors(model::Article& a, const Byline& b) {
  for (const auto& name : b.authors) {
    std::string n = to_utf8(name);
    if (std::find(a.authors.begin(), a.authors.end(), n) == a.authors.end()) a.authors.push_back(n);
  }
}

std::optional<std::string> opt(const std::u32string& s) {
  if (s.empty()) return std::nullopt;
  return to_utf8(s);
}

bool contains_any(std::u32string_view text, const std::vector<std::u32string>& marks) {
  for (const auto& m : marks) {
    if (text.find(m) != std::u32string_view::npos) return true;
  }
  return false;
}

}  // namespace

std::vector<model::Article> assemble_articles(const std::vector<Unit>& units,
                                              const std::vector<Stack>& stacks,
                                              const std::vector<Body>& bodies,
                                              const Patterns& patterns,
                                              std::vector<model::Warning>& warnings) {
  struct Built {
    model::Article article;
    GramSet grams;
    bool photo_credit = false;
    bool signature = false;
    bool writing_byline = false;
    bool commentator = false;  // signed by a commentator (本报评论员)
    std::optional<size_t> stack;
  };
  std::vector<Built> built;
  // Captions, placed on articles once all are built.
  struct Caption {
    std::u32string text;  // with its credit
    int line = 0;
    std::optional<size_t> owner;   // the article whose text it is printed in
    std::optional<Byline> credit;  // the photographer's credit
  };
  std::vector<Caption> captions;
  // A byline taken into an article: the first writer's byline is the article's; more names
  // are added to its authors.
  auto take_byline = [](Built& target, const Byline& by) {
    model::Article& art = target.article;
    if (!art.byline || !target.writing_byline) art.byline = to_utf8(by.text);
    target.writing_byline = true;
    add_authors(art, by);
  };

  bool any_stack = std::any_of(bodies.begin(), bodies.end(), [](const Body& b) { return b.stack; });
  // Extractions that separate pages with form feeds tell each article's page.
  bool paged = std::any_of(units.begin(), units.end(), [](const Unit& u) { return u.page > 1; });
  for (size_t bi = 0; bi < bodies.size(); ++bi) {
    const Body& body = bodies[bi];
    if (body.caption && !body.stack && any_stack) {
      captions.push_back({units[body.begin].text, units[body.begin].first_line, {}, {}});
      continue;
    }
    // Without any headline in the issue, all the text is one untitled article.
    if (!any_stack && !built.empty()) {
      // fall through into the previous article
    }
    Built b;
    model::Article& a = b.article;
    bool append = !any_stack && !built.empty();
    Built& target = append ? built.back() : b;
    model::Article& art = append ? target.article : a;
    if (!append) {
      art.first_line = units[body.begin].first_line;
      if (paged) art.page = std::to_string(units[body.begin].page);
      if (body.stack) {
        target.stack = body.stack;
        const Stack& s = stacks[*body.stack];
        art.title = to_utf8(s.title);
        art.kicker = opt(s.kicker);
        art.subtitle = opt(s.subtitle);
        if (s.author) {
          art.byline = to_utf8(s.author->text);
          add_authors(art, *s.author);
        }
        if (!body.moved) art.first_line = std::min(art.first_line, s.first_line);
      }
    }
    for (size_t i = body.begin; i < body.end; ++i) {
      const Unit& u = units[i];
      switch (u.kind) {
        case UnitKind::kParagraph:
          if (u.byline) {
            const Byline& by = *u.byline;
            if (by.dateline && by.authors.empty()) {
              if (!art.dateline) art.dateline = to_utf8(by.text);
              if (!art.byline) art.byline = to_utf8(by.text);
            } else {
              take_byline(target, by);
            }
          }
          if (!u.text.empty())
            art.body.push_back({model::Block::Type::kParagraph, to_utf8(u.text), {}});
          if (u.end_byline) take_byline(target, *u.end_byline);
          if (!u.continued_to.empty()) art.continued_to = to_utf8(u.continued_to);
          break;
        case UnitKind::kHeadline:
          art.body.push_back({model::Block::Type::kHeading, to_utf8(u.text), {}});
          break;
        case UnitKind::kByline:
          if (u.byline->dateline && u.byline->authors.empty() && !art.dateline) {
            art.dateline = to_utf8(u.byline->text);  // 新华社北京3月5日电 on a line of its own
          }
          if (!target.writing_byline || !art.byline) {
            art.byline = to_utf8(u.byline->text);
          } else {
            *art.byline += " " + to_utf8(u.byline->text);
          }
          target.writing_byline = true;
          add_authors(art, *u.byline);
          if (contains_any(u.byline->text, patterns.commentary_marks)) target.commentator = true;
          break;
        case UnitKind::kCredit:
          if (!art.byline) art.byline = to_utf8(u.byline->text);
          target.photo_credit = true;
          add_authors(art, *u.byline);
          break;
        case UnitKind::kSignature:
          if (!art.byline || !target.writing_byline) art.byline = to_utf8(u.text);
          target.signature = true;
          break;
        case UnitKind::kContinuedTo:
          art.continued_to = to_utf8(u.continued_to);
          break;
        case UnitKind::kContinuedFrom:
          warnings.push_back({u.first_line, "the text at line " + std::to_string(u.first_line) +
                                                " continues an article from another page (" +
                                                to_utf8(u.text) + ")"});
          break;
        case UnitKind::kCaption:
          captions.push_back({u.text + U" " + u.credit, u.first_line,
                              append ? built.size() - 1 : built.size(), u.byline});
          break;
        default:
          break;
      }
    }
    art.last_line = std::max(art.last_line, units[body.end - 1].last_line);
    if (!append) {
      if (!body.stack) {
        warnings.push_back(
            {art.first_line,
             any_stack
                 ? "no headline found for the text at lines " + std::to_string(art.first_line) +
                       "–" + std::to_string(art.last_line) + "; it is kept as an untitled article"
                 : "no headline found in the issue; all its text is kept "
                   "as one untitled article"});
      }
      built.push_back(std::move(b));
    }
  }
  // Captions that sit outside any body, on the article whose text they best match (photo items
  // preferred: a stray caption most often belongs to a picture).
  for (const Unit& u : units) {
    if (u.kind == UnitKind::kCaption) {
      bool placed = false;
      for (const auto& c : captions) placed |= c.line == u.first_line;
      if (!placed) captions.push_back({u.text + U" " + u.credit, u.first_line, {}, u.byline});
    }
  }
  if (!built.empty() && !captions.empty()) {
    Idf idf;
    for (auto& b : built) {
      std::u32string all = to_u32(b.article.title);
      for (const auto& blk : b.article.body) {
        all += to_u32(blk.text);
        if (all.size() > 600) break;  // a caption matches the title and the opening
      }
      b.grams = GramSet(all);
      idf.add(b.grams);
    }
    for (const auto& [text, line, owner, credit] : captions) {
      auto g = bigrams(text);
      size_t best = 0;
      double top = -1;
      // The articles printed near the caption (built is in reading order).
      size_t at = 0;
      while (at < built.size() && built[at].article.first_line < line) ++at;
      size_t lo = at > 20 ? at - 20 : 0;
      size_t hi = std::min(built.size(), at + 20);
      for (size_t k = lo; k < hi; ++k) {
        double s = overlap(g, built[k].grams, idf);
        if (built[k].photo_credit) s *= 1.5;
        // A caption printed inside an article's text stays there unless another matches
        // clearly better.
        if (owner && *owner == k) s += 0.2;
        // Nearer articles win ties.
        int dist = std::abs(built[k].article.first_line - line);
        s -= dist * 1e-6;
        if (s > top) {
          top = s;
          best = k;
        }
      }
      built[best].article.captions.push_back(to_utf8(std::u32string(trim(text))));
      // The photographer named in the credit is one of the article's authors.
      if (credit) add_authors(built[best].article, *credit);
    }
  }

  std::vector<model::Article> out;
  for (auto& b : built) {
    model::Article& a = b.article;
    std::u32string title = to_u32(a.title);
    std::u32string head = to_u32(a.kicker.value_or("") + a.title + a.subtitle.value_or(""));
    size_t letters = 0;
    size_t paras = 0;
    for (const auto& blk : a.body) {
      if (blk.type == model::Block::Type::kParagraph) {
        ++paras;
        letters += count_letters(to_u32(blk.text));
      }
    }
    bool doc_number = false, series = false, author_line = false;
    if (b.stack) {
      const Stack& s = stacks[*b.stack];
      doc_number = s.doc_number;
      series = s.series;
      author_line = s.author.has_value();
    }
    if (doc_number || b.signature || ends_with_any(title, patterns.notice_title_endings)) {
      a.kind = model::ArticleKind::kNotice;
    } else if (contains_any(title, patterns.letter_marks)) {
      a.kind = model::ArticleKind::kLetter;
    } else if (b.photo_credit && !b.writing_byline && paras <= 3 && letters <= 400) {
      a.kind = model::ArticleKind::kPhoto;
    } else if (author_line || b.commentator ||
               (series && contains_any(head, patterns.commentary_marks)) ||
               contains_any(to_u32(a.kicker.value_or("")), patterns.commentary_marks)) {
      a.kind = model::ArticleKind::kCommentary;
    } else if (!a.byline && paras == 1 && letters <= 150 && !a.title.empty()) {
      a.kind = model::ArticleKind::kBrief;
    } else {
      a.kind = model::ArticleKind::kNews;
    }
    out.push_back(std::move(a));
  }
  std::stable_sort(out.begin(), out.end(), [](const model::Article& x, const model::Article& y) {
    return x.first_line < y.first_line;
  });
  return out;
}

}  // namespace gazette::ingest
