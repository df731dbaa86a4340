#include "text/segment.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <stdexcept>
#include <string>

namespace gazette::text {

WordSegmenter::WordSegmenter(std::string_view locale) {
  UErrorCode status = U_ZERO_ERROR;
  iterator_.reset(
      icu::BreakIterator::createWordInstance(icu::Locale(std::string(locale).c_str()), status));
  if (U_FAILURE(status) || !iterator_) {
    throw std::runtime_error(std::string("ICU word break iterator unavailable: ") +
                             u_errorName(status));
  }
}

WordSegmenter::~WordSegmenter() = default;

std::vector<std::string_view> WordSegmenter::words(std::string_view text) const {
  std::vector<std::string_view> out;
  if (text.empty()) return out;
  // ICU walks UTF-16; map each UTF-16 boundary back to its UTF-8 offset as we go. Boundaries
  // only move forward, so one pass over both texts keeps this linear.
  icu::UnicodeString u16 = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  iterator_->setText(u16);
  int32_t u16_pos = 0;
  size_t u8_pos = 0;
  auto advance_to = [&](int32_t target) {
    while (u16_pos < target) {
      auto lead = static_cast<unsigned char>(text[u8_pos]);
      size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      u8_pos += len;
      u16_pos += len == 4 ? 2 : 1;
    }
    return u8_pos;
  };
  int32_t start = iterator_->first();
  for (int32_t end = iterator_->next(); end != icu::BreakIterator::DONE;
       start = end, end = iterator_->next()) {
    int32_t status = iterator_->getRuleStatus();
    if (status < UBRK_WORD_NONE_LIMIT) continue;  // spaces and punctuation
    size_t b = advance_to(start);
    size_t e = advance_to(end);
    out.push_back(text.substr(b, e - b));
  }
  return out;
}

}  // namespace gazette::text
