// What each line of a raw issue is, judged from the line itself and its immediate neighbours:
// masthead, byline, photo credit, caption, signature, document number, series line,
// continuation marker, page furniture, a bare name — or text (body or headline, decided when
// lines are joined into paragraphs).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ingest/byline.hpp"
#include "ingest/lines.hpp"
#include "ingest/masthead.hpp"
#include "ingest/patterns.hpp"

namespace gazette::ingest {

// The kind of one line.
enum class LineKind {
  kBlank,
  kMasthead,     // part of the masthead (already read)
  kFurniture,    // page furniture: promotion, editor credit, page header, stray fragment
  kText,         // body text or a headline
  kByline,       // a byline on its own line (株洲日报记者 胡文洁, 通讯员/滕洁)
  kBylineStart,  // a byline opening a paragraph (株洲日报讯（…） 11月8日晚…)
  kCredit,       // a photo credit (… 摄) or a credit without names (企业供图)
  kCaptionCredit,  // a caption followed by a credit (…生产中。 企业供图, …劳作。 新华社记者 张明
                   // 摄)
  kSignatureOrg,   // the authority signing a notice (the line above its date)
  kSignatureDate,  // the date signing a notice (2022年11月9日)
  kDocNumber,      // 株疫防指告〔2022〕27号
  kSeries,         // ——坚决打赢疫情防控阻击战系列评论之六
  kContinuedTo,    // 下转A4版 on its own
  kContinuedFrom,  // 上接第1版 on its own
  kName,           // only a person's name (朱理平): an author under a title, or text
};

// A line's kind and the features that joining and headline detection use.
struct LineInfo {
  LineKind kind = LineKind::kText;
  std::optional<Byline> byline;             // kByline/kCredit/kBylineStart/kCaptionCredit
  size_t byline_end = 0;                    // kBylineStart: where the paragraph's text starts
  size_t credit_at = 0;                     // kCaptionCredit: where the credit starts
  std::u32string continued_to;              // a 下转 marker (the page), inline or alone
  size_t marker_at = std::u32string::npos;  // where an inline 下转 marker starts
  std::u32string note;                      // kFurniture: why the line is furniture
  bool ends_sentence = false;               // ends with 。！？… (closing quotes skipped)
  bool headline_like = false;               // short, no sentence inside, at most one comma
};

// Classifies every line. `masthead` lines become kMasthead.
std::vector<LineInfo> classify_lines(const std::vector<Line>& lines, const MastheadScan& masthead,
                                     const Patterns& patterns, const BylineReader& bylines);

// The last character of a text that is not a closing quote or bracket (0 for none).
char32_t last_mark(std::u32string_view text);

// Whether a text could be a headline line: short, no sentence-final mark inside it, at most one
// comma, not ending in clause punctuation (a kicker may end in ……).
bool headline_like(std::u32string_view text, double width);

// A notice's document number: 株疫防指告〔2022〕27号, 国发（2020）5号.
bool is_doc_number(std::u32string_view text);

}  // namespace gazette::ingest
