#include "ingest/associate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "ingest/chars.hpp"
#include "ingest/similarity.hpp"

namespace gazette::ingest {

namespace {

constexpr size_t kOpening = 120;  // letters of a body's opening compared with headlines
constexpr size_t kWindow = 12;    // bodies before and after a headline considered for it

struct Candidate {
  std::vector<size_t> paras;  // unit indexes of the paragraphs
  GramSet opening, whole;
  std::vector<GramSet> para_open;  // the opening of each paragraph
  std::vector<size_t> stacks;      // attached stacks
  std::optional<size_t> leading;
};

std::string quote(const std::u32string& s) {
  return "“" + to_utf8(s) + "”";
}

// The text of paragraphs [from, to), stopping once `max_letters` letters are in.
std::u32string text_of(const std::vector<Unit>& units, const std::vector<size_t>& paras,
                       size_t from, size_t to, size_t max_letters = SIZE_MAX) {
  std::u32string t;
  size_t letters = 0;
  for (size_t k = from; k < to && k < paras.size() && letters < max_letters; ++k) {
    t += units[paras[k]].text;
    if (max_letters != SIZE_MAX) letters += count_letters(units[paras[k]].text);
  }
  return t;
}

}  // namespace

std::vector<Body> associate(const std::vector<Unit>& units, const std::vector<Stack>& stacks,
                            const std::vector<bool>& subheading,
                            std::vector<model::Warning>& warnings) {
  // Which stack each unit belongs to.
  std::vector<int> stack_of(units.size(), -1);
  for (size_t s = 0; s < stacks.size(); ++s) {
    for (size_t u : stacks[s].units) stack_of[u] = static_cast<int>(s);
  }

  // 1. Bodies.
  std::vector<Body> bodies;
  std::vector<Candidate> cands;
  std::vector<size_t> stack_before(stacks.size(), SIZE_MAX);  // body right after each stack
  Body cur;
  bool open = false;
  bool has_para = false;
  int last_stack = -1;  // a stack seen since the last body started
  auto finish = [&](size_t end) {
    if (open) {
      cur.end = end;
      bodies.push_back(cur);
    }
    open = false;
    has_para = false;
  };
  auto start = [&](size_t i) {
    cur = Body{};
    cur.begin = i;
    open = true;
    has_para = false;
    if (last_stack >= 0 && stack_before[last_stack] == SIZE_MAX) {
      stack_before[last_stack] = bodies.size();
    }
    last_stack = -1;
  };
  // A byline printed after a story's text closes that story rather than opening the next one:
  // one printed in round brackets (（记者 赵文君）), or one followed by no text of its own (a
  // headline, the end). A dateline, like 【…】, opens a story.
  auto closes_story = [&](size_t i) {
    const Byline& b = *units[i].byline;
    if (b.dateline) return false;
    if (b.enclosed && !b.text.empty() && (b.text[0] == U'（' || b.text[0] == '(')) return true;
    return i + 1 == units.size() || stack_of[i + 1] >= 0;
  };
  for (size_t i = 0; i < units.size(); ++i) {
    const Unit& u = units[i];
    if (stack_of[i] >= 0) {
      finish(i);
      last_stack = stack_of[i];
      continue;
    }
    switch (u.kind) {
      case UnitKind::kByline:
        if (open && has_para && closes_story(i)) {
          finish(i + 1);  // a byline after the text: （记者 赵文君）, 采写：南都记者 黄婷
          last_stack = -1;
          break;
        }
        if (!open || has_para) {
          finish(i);
          start(i);
        }
        break;
      case UnitKind::kParagraph:
        if (u.byline && (!open || has_para)) {
          finish(i);
          start(i);
        }
        if (!open) start(i);
        has_para = true;
        if (!u.continued_to.empty()) finish(i + 1);
        break;
      case UnitKind::kHeadline:  // a sub-heading
        if (!open) start(i);
        break;
      case UnitKind::kContinuedFrom:
        finish(i);
        start(i);
        break;
      case UnitKind::kCredit:
      case UnitKind::kSignature:
      case UnitKind::kContinuedTo:
        if (!open) start(i);
        finish(i + 1);
        last_stack = -1;
        break;
      case UnitKind::kCaption:
        break;  // captions are placed by content later
      default:
        break;
    }
  }
  finish(units.size());

  // 2. Profiles.
  Idf idf;
  cands.resize(bodies.size());
  for (size_t b = 0; b < bodies.size(); ++b) {
    Candidate& c = cands[b];
    for (size_t i = bodies[b].begin; i < bodies[b].end; ++i) {
      if (units[i].kind == UnitKind::kParagraph) c.paras.push_back(i);
    }
    std::u32string all = text_of(units, c.paras, 0, c.paras.size());
    c.opening = GramSet(all, kOpening);
    c.whole = GramSet(all);
    idf.add(c.whole);
    // One short sentence alone between headlines: a stray caption rather than an article.
    if (c.paras.size() == 1 && units[c.paras[0]].lines <= 2 && !units[c.paras[0]].byline &&
        text_width(all) <= 40 && is_sentence_final(all.empty() ? 0 : all.back()) &&
        bodies[b].end - bodies[b].begin == 1) {
      bodies[b].caption = true;
    }
  }
  for (size_t s = 0; s < stacks.size(); ++s) {
    if (stack_before[s] != SIZE_MAX) cands[stack_before[s]].leading = s;
  }
  std::vector<WeightedGrams> heads(stacks.size());
  for (size_t s = 0; s < stacks.size(); ++s) heads[s] = weigh(bigrams(stacks[s].all()), idf);

  // Position of each stack among the bodies: the body after it.
  std::vector<size_t> position(stacks.size());
  {
    size_t b = 0;
    for (size_t s = 0; s < stacks.size(); ++s) {
      size_t first = stacks[s].units.front();
      while (b < bodies.size() && bodies[b].begin < first) ++b;
      position[s] = b;
    }
  }
  auto para_open = [&](size_t b) -> const std::vector<GramSet>& {
    Candidate& c = cands[b];
    if (c.para_open.empty()) {
      for (size_t p : c.paras) c.para_open.emplace_back(units[p].text, kOpening);
    }
    return c.para_open;
  };
  // The headline against the body's opening and the whole body.
  auto sim_opening = [&](size_t s, size_t b) {
    if (cands[b].paras.empty()) return 0.0;
    return 0.6 * overlap(heads[s], cands[b].opening) + 0.4 * overlap(heads[s], cands[b].whole);
  };
  auto sim = [&](size_t s, size_t b) {
    if (cands[b].paras.empty()) return 0.0;
    // The headline matches the body's opening — or, for a body that runs two articles
    // together, the opening of a later part (weighed a little less).
    double open = overlap(heads[s], cands[b].opening);
    const auto& paras = para_open(b);
    for (size_t k = 1; k < paras.size(); ++k) {
      open = std::max(open, 0.9 * overlap(heads[s], paras[k]));
    }
    return 0.6 * open + 0.4 * overlap(heads[s], cands[b].whole);
  };
  // Scores of a stack against the bodies of its window, computed on first use.
  struct Window {
    size_t lo = 0, hi = 0;
    std::vector<double> score;
  };
  std::vector<Window> windows(stacks.size());
  auto window = [&](size_t s) -> const Window& {
    Window& w = windows[s];
    if (w.score.empty()) {
      size_t pos = position[s];
      w.lo = pos > kWindow ? pos - kWindow : 0;
      w.hi = std::min(bodies.size(), pos + kWindow);
      for (size_t b = w.lo; b < w.hi; ++b) {
        // Openings are part of the whole body, so the overlap with the whole body bounds the
        // score: bodies that cannot reach the lowest threshold are not scored in full.
        double bound = cands[b].paras.empty() ? 0.0 : overlap(heads[s], cands[b].whole);
        w.score.push_back(bound < 0.25 ? 0.0 : sim(s, b));
      }
    }
    return w;
  };

  // 3. Headlines right above their bodies, unless the content says otherwise. Where nearly
  // every headline stands above a body (the usual layout), only a clear mismatch moves one;
  // where many do not (headlines grouped away from their bodies), content decides more.
  size_t leading = 0;
  for (size_t s = 0; s < stacks.size(); ++s) leading += stack_before[s] != SIZE_MAX;
  bool usual_layout = leading * 4 >= stacks.size() * 3;
  if (std::getenv("GAZETTE_INGEST_DEBUG"))
    fprintf(stderr, "stacks %zu leading %zu bodies %zu\n", stacks.size(), leading, bodies.size());
  std::vector<int> stack_body(stacks.size(), -1);
  for (size_t s = 0; s < stacks.size(); ++s) {
    if (stack_before[s] == SIZE_MAX) continue;
    size_t l = stack_before[s];
    bool elsewhere = cands[l].paras.empty();
    if (!elsewhere) {
      double mine = sim_opening(s, l);
      if (!usual_layout || mine < 0.15) {
        const Window& w = window(s);
        // In the usual layout a headline only moves to a body that has none above it.
        double other = 0;
        for (size_t b = w.lo; b < w.hi; ++b) {
          if (b == l || (usual_layout && cands[b].leading)) continue;
          other = std::max(other, w.score[b - w.lo]);
        }
        elsewhere =
            usual_layout ? (other >= 0.6 && mine < 0.1) : (other >= 0.35 && other >= mine + 0.2);
        // A lone short sentence under a headline that belongs elsewhere: a stray caption.
        if (bodies[l].caption && mine < 0.15 && other >= 0.35) elsewhere = true;
      }
    }
    if (!elsewhere) {
      stack_body[s] = static_cast<int>(l);
      cands[l].stacks.push_back(s);
    }
  }

  // 4. The other headlines, best match first.
  auto best_para = [&](size_t s, size_t b) {
    size_t best = 0;
    double top = -1;
    const auto& paras = para_open(b);
    for (size_t k = 0; k < paras.size(); ++k) {
      double o = overlap(heads[s], paras[k]);
      if (o > top + 1e-9) {
        top = o;
        best = k;
      }
    }
    return best;
  };
  std::vector<size_t> order;
  std::vector<double> top(stacks.size(), 0.0);
  for (size_t s = 0; s < stacks.size(); ++s) {
    if (stack_body[s] >= 0) continue;
    order.push_back(s);
    const Window& w = window(s);
    for (double x : w.score) top[s] = std::max(top[s], x);
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return top[a] > top[b]; });
  for (size_t s : order) {
    const Window& w = window(s);
    std::vector<size_t> by;
    for (size_t b = w.lo; b < w.hi; ++b) by.push_back(b);
    std::stable_sort(by.begin(), by.end(),
                     [&](size_t a, size_t b) { return w.score[a - w.lo] > w.score[b - w.lo]; });
    for (size_t b : by) {
      if (w.score[b - w.lo] < 0.25) break;
      Candidate& c = cands[b];
      bool ok = c.stacks.empty();
      if (!ok && !bodies[b].caption && c.paras.size() >= 2) {
        // A second headline for the same text: only where it fits a different part of it.
        size_t mine = best_para(s, b);
        ok = true;
        for (size_t o : c.stacks) {
          size_t theirs = c.leading && *c.leading == o ? 0 : best_para(o, b);
          if (theirs == mine) ok = false;
        }
      }
      if (ok) {
        stack_body[s] = static_cast<int>(b);
        c.stacks.push_back(s);
        break;
      }
    }
    if (stack_body[s] < 0) {
      warnings.push_back({stacks[s].first_line, "could not attach the headline " +
                                                    quote(stacks[s].printed()) +
                                                    " to any text; it is left out"});
    }
  }

  // 5. Split bodies claimed by several headlines.
  std::vector<Body> out;
  for (size_t b = 0; b < bodies.size(); ++b) {
    Candidate& c = cands[b];
    if (c.stacks.size() <= 1) {
      Body body = bodies[b];
      if (!c.stacks.empty()) {
        body.stack = c.stacks[0];
        body.moved = !(c.leading && *c.leading == c.stacks[0]);
      }
      out.push_back(body);
      continue;
    }
    // Order the headlines by where their text is.
    std::vector<std::pair<size_t, size_t>> at;  // (paragraph, stack)
    for (size_t s : c.stacks) {
      size_t p = c.leading && *c.leading == s ? 0 : best_para(s, b);
      at.emplace_back(p, s);
    }
    std::sort(at.begin(), at.end());
    std::vector<size_t> cuts;  // paragraph indexes where a new article starts
    size_t from = 0;
    for (size_t k = 1; k < at.size(); ++k) {
      size_t lo = std::max(from, at[k - 1].first) + 1;
      size_t hi = at[k].first;
      if (lo > hi) lo = hi;
      size_t best = hi;
      double top = -1e9;
      for (size_t g = std::max<size_t>(lo, 1); g <= hi; ++g) {
        std::u32string left = text_of(units, c.paras, g >= 2 ? g - 2 : 0, g);
        std::u32string right = text_of(units, c.paras, g, g + 2);
        double coh = dice(bigrams(left), bigrams(right));
        double open =
            overlap(heads[at[k].second],
                    GramSet(text_of(units, c.paras, g, c.paras.size(), kOpening), kOpening));
        double wl = units[c.paras[g - 1]].column, wr = units[c.paras[g]].column;
        // A change of column width: two stories set side by side (paragraphs of three lines
        // or more, whose middle lines show the full width).
        double bonus = (units[c.paras[g - 1]].lines > 2 && units[c.paras[g]].lines > 2 &&
                        std::fabs(wl - wr) >= 1.5)
                           ? 0.3
                           : 0.0;
        double score = 0.5 * open - coh + bonus;
        if (std::getenv("GAZETTE_INGEST_DEBUG"))
          fprintf(stderr,
                  "split body %zu g=%zu open=%.3f coh=%.3f bonus=%.1f score=%.3f (lo %zu hi %zu)\n",
                  b, g, open, coh, bonus, score, lo, hi);
        if (score > top) {
          top = score;
          best = g;
        }
      }
      if (best == 0) best = 1;
      cuts.push_back(best);
      from = best;
    }
    size_t part_begin = bodies[b].begin;
    for (size_t k = 0; k < at.size(); ++k) {
      Body part;
      part.begin = part_begin;
      part.end = k + 1 < at.size() ? c.paras[cuts[k]] : bodies[b].end;
      part.stack = at[k].second;
      part.moved = !(c.leading && *c.leading == at[k].second);
      out.push_back(part);
      part_begin = part.end;
    }
  }

  // 6. Report what was moved or left without a headline.
  for (const Body& body : out) {
    int first = units[body.begin].first_line;
    int last = units[body.end - 1].last_line;
    std::string where = "lines " + std::to_string(first) + "–" + std::to_string(last);
    if (body.stack && body.moved) {
      const Stack& s = stacks[*body.stack];
      warnings.push_back({s.first_line, "the headline " + quote(s.printed()) +
                                            " is printed away from its text; attached by content "
                                            "to the text at " +
                                            where});
    }
  }
  (void)subheading;
  return out;
}

}  // namespace gazette::ingest
