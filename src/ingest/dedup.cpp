#include "ingest/dedup.hpp"

#include <string>
#include <unordered_map>

#include "ingest/chars.hpp"

namespace gazette::ingest {

namespace {

// The form texts are compared in: no spaces, ASCII for full-width forms, one quote style.
std::u32string fold(std::u32string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (char32_t c : s) {
    if (is_space(c)) continue;
    if (c >= 0xFF01 && c <= 0xFF5E) c = c - 0xFF01 + 0x21;
    switch (c) {
      case U'“':
      case U'”':
      case U'‘':
      case U'’':
      case U'「':
      case U'」':
      case U'『':
      case U'』':
      case '"':
        c = '\'';
        break;
      case U'。':
        c = '.';
        break;
      default:
        break;
    }
    out.push_back(c);
  }
  return out;
}

bool ends_sentence(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == U'…' || c == ';';
}

// Sentences of a folded text: [begin, end) offsets, a sentence ending after its final mark and
// any closing quotes or brackets.
std::vector<std::pair<size_t, size_t>> sentences(const std::u32string& f) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t b = 0;
  for (size_t i = 0; i < f.size(); ++i) {
    if (!ends_sentence(f[i])) continue;
    size_t e = i + 1;
    while (e < f.size() && (ends_sentence(f[e]) || is_closing(f[e]))) ++e;
    out.emplace_back(b, e);
    b = e;
    i = e - 1;
  }
  if (b < f.size()) out.emplace_back(b, f.size());
  return out;
}

struct Para {
  size_t unit;  // index in units
  std::u32string folded;
  std::vector<std::pair<size_t, size_t>> sents;
  std::vector<size_t> hashes;  // of each sentence
};

std::string lines_of(const Unit& u) {
  return u.first_line == u.last_line
             ? "line " + std::to_string(u.first_line)
             : "lines " + std::to_string(u.first_line) + "–" + std::to_string(u.last_line);
}

// Cuts the original text of a paragraph at folded offsets: folding drops only spaces, so
// offsets map back by counting non-space characters.
std::u32string original_slice(const std::u32string& text, size_t fb, size_t fe) {
  std::u32string out;
  size_t k = 0;
  for (char32_t c : text) {
    if (is_space(c)) {
      if (k > fb && k < fe) out.push_back(c);
      continue;
    }
    if (k >= fb && k < fe) out.push_back(c);
    ++k;
  }
  return std::u32string(trim(out));
}

}  // namespace

void remove_repeats(std::vector<Unit>& units, std::vector<model::Warning>& warnings,
                    size_t min_letters) {
  std::hash<std::u32string_view> hasher;
  std::unordered_map<size_t, size_t> whole;  // hash of folded text → index in paras
  std::unordered_map<size_t, std::vector<std::pair<size_t, size_t>>> by_sentence;  // → (para, k)
  std::unordered_map<size_t, std::vector<size_t>> by_first;  // first sentence → paras
  std::vector<Para> paras;
  std::vector<std::pair<size_t, Unit>> inserts;

  auto register_para = [&](Para&& p) {
    size_t idx = paras.size();
    whole.emplace(hasher(p.folded), idx);
    for (size_t k = 0; k < p.hashes.size(); ++k) {
      auto& v = by_sentence[p.hashes[k]];
      if (v.size() < 8) v.emplace_back(idx, k);
    }
    if (!p.hashes.empty()) {
      auto& v = by_first[p.hashes[0]];
      if (v.size() < 8) v.push_back(idx);
    }
    paras.push_back(std::move(p));
  };
  auto make_from = [&](size_t unit_index, const std::u32string& text) {
    Para p;
    p.unit = unit_index;
    p.folded = fold(text);
    p.sents = sentences(p.folded);
    for (auto [b, e] : p.sents) {
      p.hashes.push_back(hasher(std::u32string_view(p.folded).substr(b, e - b)));
    }
    return p;
  };
  auto make = [&](size_t unit_index) { return make_from(unit_index, units[unit_index].text); };
  auto same_sentences = [&](const Para& a, size_t ak, const Para& b, size_t bk, size_t n) {
    if (ak + n > a.sents.size() || bk + n > b.sents.size()) return false;
    for (size_t k = 0; k < n; ++k) {
      auto [ab, ae] = a.sents[ak + k];
      auto [bb, be] = b.sents[bk + k];
      if (a.hashes[ak + k] != b.hashes[bk + k] ||
          std::u32string_view(a.folded).substr(ab, ae - ab) !=
              std::u32string_view(b.folded).substr(bb, be - bb))
        return false;
    }
    return true;
  };
  auto long_enough = [&](const Para& p) { return has_letters(p.folded, min_letters); };

  for (size_t ui = 0; ui < units.size(); ++ui) {
    Unit& u = units[ui];
    if (u.kind != UnitKind::kParagraph || u.removed) continue;
    Para p = make(ui);
    if (p.folded.empty()) {
      continue;
    }
    // 1. An exact repeat.
    if (long_enough(p)) {
      auto it = whole.find(hasher(p.folded));
      if (it != whole.end() && paras[it->second].folded == p.folded) {
        const Unit& first = units[paras[it->second].unit];
        warnings.push_back({u.first_line, "removed a repeat of the paragraph printed at " +
                                              lines_of(first) + " (" + lines_of(u) + ")"});
        u.removed = true;
        continue;
      }
    }
    // 2. Earlier paragraphs run together inside this one (B+A, A printed before).
    std::vector<bool> covered(p.sents.size(), false);
    std::vector<size_t> sources;
    for (size_t k = 0; k < p.sents.size(); ++k) {
      if (covered[k]) continue;
      auto it = by_first.find(p.hashes[k]);
      if (it == by_first.end()) continue;
      for (size_t qi : it->second) {
        const Para& q = paras[qi];
        if (!long_enough(q) || q.sents.size() > p.sents.size() - k) continue;
        if (q.sents.size() == p.sents.size()) continue;  // whole repeats handled above
        if (!same_sentences(p, k, q, 0, q.sents.size())) continue;
        for (size_t j = 0; j < q.sents.size(); ++j) covered[k + j] = true;
        sources.push_back(qi);
        k += q.sents.size() - 1;
        break;
      }
    }
    if (!sources.empty()) {
      std::string from;
      for (size_t qi : sources) {
        from += (from.empty() ? "" : ", ") + lines_of(units[paras[qi].unit]);
      }
      // What is left, in runs of sentences, stays as paragraphs of its own.
      std::vector<std::u32string> rest;
      for (size_t k = 0; k < p.sents.size();) {
        if (covered[k]) {
          ++k;
          continue;
        }
        size_t j = k;
        while (j < p.sents.size() && !covered[j]) ++j;
        rest.push_back(original_slice(u.text, p.sents[k].first, p.sents[j - 1].second));
        k = j;
      }
      if (rest.empty()) {
        warnings.push_back({u.first_line, "removed a paragraph that repeats text printed at " +
                                              from + " (" + lines_of(u) + ")"});
        u.removed = true;
        continue;
      }
      warnings.push_back({u.first_line, "removed text repeating " + from + " from " + lines_of(u) +
                                            ", which ran it together with other text"});
      u.text = rest[0];
      for (size_t r = 1; r < rest.size(); ++r) {
        Unit piece = u;
        piece.text = rest[r];
        inserts.emplace_back(ui, piece);
      }
      p = make(ui);
      if (p.folded.empty()) continue;
      auto it = whole.find(hasher(p.folded));
      if (long_enough(p) && it != whole.end() && paras[it->second].folded == p.folded) {
        u.removed = true;
        continue;
      }
    }
    // 3. This paragraph repeats part of an earlier one that ran two together: split that one.
    if (long_enough(p) && (p.sents.size() >= 2 || has_letters(p.folded, 40)) && !p.hashes.empty()) {
      auto it = by_sentence.find(p.hashes[0]);
      bool done = false;
      if (it != by_sentence.end()) {
        const auto candidates = it->second;  // registering below may rehash the map
        for (auto [qi, k] : candidates) {
          Para& q = paras[qi];
          if (q.sents.size() <= p.sents.size()) continue;
          if (!same_sentences(p, 0, q, k, p.sents.size())) continue;
          Unit& qu = units[q.unit];
          std::u32string before = k > 0 ? original_slice(qu.text, 0, q.sents[k - 1].second) : U"";
          size_t end_k = k + p.sents.size();
          std::u32string middle =
              original_slice(qu.text, q.sents[k].first, q.sents[end_k - 1].second);
          std::u32string after =
              end_k < q.sents.size()
                  ? original_slice(qu.text, q.sents[end_k].first, q.folded.size())
                  : U"";
          warnings.push_back(
              {u.first_line, "removed a repeat of text printed at " + lines_of(qu) + " (" +
                                 lines_of(u) +
                                 "); that line ran paragraphs together and is split"});
          // The earlier unit keeps its first part; the others follow it.
          std::vector<std::u32string> parts;
          for (auto* s : {&before, &middle, &after}) {
            if (!s->empty()) parts.push_back(*s);
          }
          qu.text = parts[0];
          size_t q_unit = q.unit;
          for (size_t r = 1; r < parts.size(); ++r) {
            Unit piece = qu;
            piece.text = parts[r];
            inserts.emplace_back(q_unit, piece);
          }
          paras[qi] = make(q_unit);
          whole.emplace(hasher(paras[qi].folded), qi);
          for (size_t r = 1; r < parts.size(); ++r) register_para(make_from(q_unit, parts[r]));
          u.removed = true;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    register_para(std::move(p));
  }
  // Insert split pieces after the unit they came from (stable for several pieces).
  if (!inserts.empty()) {
    std::vector<Unit> out;
    out.reserve(units.size() + inserts.size());
    std::unordered_map<size_t, std::vector<Unit>> after;
    for (auto& [at, piece] : inserts) after[at].push_back(std::move(piece));
    for (size_t i = 0; i < units.size(); ++i) {
      out.push_back(std::move(units[i]));
      if (auto it = after.find(i); it != after.end()) {
        for (auto& piece : it->second) {
          piece.byline.reset();
          piece.end_byline.reset();
          out.push_back(std::move(piece));
        }
      }
    }
    units = std::move(out);
  }
  std::erase_if(units, [](const Unit& u) { return u.removed; });
}

}  // namespace gazette::ingest
