#include "text/width.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include "text/utf8.hpp"

namespace gazette::text {

char32_t fold_fullwidth_alnum(char32_t c) {
  auto cp = static_cast<UChar32>(c);
  if (ublock_getCode(cp) != UBLOCK_HALFWIDTH_AND_FULLWIDTH_FORMS) return c;
  if (u_getIntPropertyValue(cp, UCHAR_EAST_ASIAN_WIDTH) != U_EA_FULLWIDTH) return c;
  if (!u_isalnum(cp)) return c;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return c;
  icu::UnicodeString decomposition;
  if (!nfkc->getDecomposition(cp, decomposition) || decomposition.length() != 1) return c;
  UChar32 folded = decomposition.char32At(0);
  return folded < 0x80 ? static_cast<char32_t>(folded) : c;
}

std::string fold_fullwidth_alnum(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    auto lead = static_cast<unsigned char>(text[i]);
    // Full-width forms U+FF01..U+FF5E are encoded EF BC xx / EF BD xx.
    if (lead != 0xEF) {
      size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      out.append(text.substr(i, len));
      i += len;
      continue;
    }
    size_t start = i;
    char32_t c = next_code_point(text, i);
    char32_t folded = fold_fullwidth_alnum(c);
    if (folded == c) {
      out.append(text.substr(start, i - start));
    } else {
      out += static_cast<char>(folded);
    }
  }
  return out;
}

}  // namespace gazette::text
