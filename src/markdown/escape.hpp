// Plain text → Markdown that shows exactly that text. Ingested paragraphs are plain text; when
// they are written as Markdown, every character Markdown (CommonMark + GFM, as cmark-gfm reads
// it) would take as syntax is escaped, so that text → Markdown → HTML shows the original words
// and nothing else: no list, heading, quote, table, code, emphasis, link, autolinked URL, raw
// HTML or entity appears that the text did not contain, and no character is lost.
//
// The escaping is minimal where that keeps the file readable for the people who edit it
// (`3.5亿元`, `10:30` and `R&D` stay as they are) and unconditional where the rules are subtle:
//   everywhere       \  `  *  _  [  ]  <  |  ~  →  backslash-escaped
//                    &  before an entity-like `&name;` / `&#123;`  →  \&
//                    `://` (scheme autolinks) → `\://`;   `www.` (www autolinks) → `www\.`
//                    line breaks and carriage returns → `&#10;` / `&#13;` (the Markdown of a
//                    block stays one line)
//   at line start    #  >  -  +  =  and `1.` / `1)` list markers → backslash-escaped
//   at either end    white space → numeric entities (`&#32;`, `&#9;`…), which Markdown would
//                    otherwise strip (and two trailing spaces would be a line break)
//   in headings      every `#` (a trailing `#` run would be read as the closing sequence)
// E-mail addresses are the one thing no escape can stop cmark-gfm from linking (it links them
// after parsing); the link shows the address unchanged.
#pragma once

#include <string>
#include <string_view>

namespace gazette::markdown {

// The one-line Markdown of a plain-text paragraph. Empty for an empty text (an empty paragraph
// has no Markdown form).
std::string paragraph_markdown(std::string_view text);

// The one-line Markdown of a plain-text sub-heading: `### ` and the escaped text (`###` alone
// for an empty heading).
std::string heading_markdown(std::string_view text);

}  // namespace gazette::markdown
