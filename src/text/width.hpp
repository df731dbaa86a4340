// Width folding: full-width Latin letters and digits as typed by Chinese input methods
// (０-９, Ａ-Ｚ, ａ-ｚ) become their ASCII forms; CJK punctuation keeps its full width.
#pragma once

#include <string>
#include <string_view>

namespace gazette::text {

// The text with full-width ASCII letters and digits folded to half width (by their Unicode
// compatibility decomposition), everything else — CJK punctuation (，。：；！？“”《》（）)
// included — left as it is.
std::string fold_fullwidth_alnum(std::string_view text);

// The half-width form of one full-width letter or digit, or `c` itself for anything else.
char32_t fold_fullwidth_alnum(char32_t c);

}  // namespace gazette::text
