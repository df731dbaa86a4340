// The pieces an issue's text is cut into before articles are assembled: paragraphs,
// headline lines, bylines, credits, captions, signatures and markers, in reading order.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ingest/byline.hpp"

namespace gazette::ingest {

// What a piece of the text is.
enum class UnitKind {
  kParagraph,  // body text (lines joined)
  kHeadline,   // one headline line (or one headline wrapped over tight lines)
  kByline,     // a byline on lines of its own (株洲日报记者 胡文洁)
  kCredit,     // a photo credit after a caption (… 摄)
  kAuthor,     // a bare author name under a commentary's title (朱理平)
  kCaption,    // a photo caption with its credit (… 企业供图, … 新华社记者 张明 摄)
  kSignature,  // the authority and date signing a notice
  kDocNumber,  // a notice's document number (株疫防指告〔2022〕27号)
  kSeries,     // a series line (——…系列评论之六)
  kContinuedTo,    // a continuation marker on a line of its own (下转A4版)
  kContinuedFrom,  // 上接第1版
};

// One piece of the text.
struct Unit {
  UnitKind kind = UnitKind::kParagraph;
  std::u32string text;  // normalised text (a caption without its credit)
  int first_line = 0;   // file lines it came from
  int last_line = 0;
  std::optional<Byline> byline;  // kByline/kCredit/kAuthor/kCaption, a paragraph's opening byline
  std::optional<Byline> end_byline;  // a paragraph's closing byline (…开幕。（记者 王浩）)
  std::u32string credit;        // kCaption: the credit (企业供图, 新华社记者 张明 摄)
  std::u32string continued_to;  // a paragraph ending with 下转A4版: "A4"
  double column = 0;            // column width of a paragraph's lines (0: a line per paragraph)
  int lines = 1;                // printed lines joined into this unit
  bool tight_next = false;      // printed right above the next unit (no blank line between)
  bool removed = false;         // dropped as a repeat
  int page = 1;
};

}  // namespace gazette::ingest
