#include "text/collate.hpp"

#include <unicode/alphaindex.h>
#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/sortkey.h>

#include <algorithm>
#include <stdexcept>

namespace gazette::text {

namespace {

icu::StringPiece piece(std::string_view s) {
  return icu::StringPiece(s.data(), static_cast<int32_t>(s.size()));
}

void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) throw std::runtime_error(std::string(what) + ": " + u_errorName(status));
}

}  // namespace

Collation::Collation(std::string_view locale) {
  UErrorCode status = U_ZERO_ERROR;
  collator_.reset(icu::Collator::createInstance(icu::Locale(std::string(locale).c_str()), status));
  check(status, "ICU collator unavailable");
}

Collation::~Collation() = default;

int Collation::compare(std::string_view a, std::string_view b) const {
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult r = collator_->compareUTF8(piece(a), piece(b), status);
  if (U_FAILURE(status)) return a.compare(b);
  return r == UCOL_LESS ? -1 : r == UCOL_GREATER ? 1 : 0;
}

std::string Collation::sort_key(std::string_view text) const {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(piece(text));
  uint8_t small[256];
  int32_t n = collator_->getSortKey(u, small, sizeof small);
  if (n <= static_cast<int32_t>(sizeof small)) {
    return std::string(reinterpret_cast<const char*>(small), n > 0 ? n - 1 : 0);
  }
  std::string key(static_cast<size_t>(n), '\0');
  collator_->getSortKey(u, reinterpret_cast<uint8_t*>(key.data()), n);
  key.pop_back();  // the terminating zero byte
  return key;
}

void Collation::sort(std::vector<std::string>& items) const {
  std::vector<std::pair<std::string, size_t>> keyed;
  keyed.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) keyed.emplace_back(sort_key(items[i]), i);
  std::stable_sort(keyed.begin(), keyed.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  std::vector<std::string> sorted;
  sorted.reserve(items.size());
  for (auto& [key, i] : keyed) sorted.push_back(std::move(items[i]));
  items = std::move(sorted);
}

IndexHeadings::IndexHeadings(std::string_view locale) {
  UErrorCode status = U_ZERO_ERROR;
  index_ = std::make_unique<icu::AlphabeticIndex>(icu::Locale(std::string(locale).c_str()), status);
  check(status, "ICU alphabetic index unavailable");
  index_->resetBucketIterator(status);
  while (index_->nextBucket(status)) {
    if (index_->getBucketLabelType() != U_ALPHAINDEX_NORMAL) {
      bucket_labels_.emplace_back(1, '#');  // digits, symbols, other scripts
      continue;
    }
    std::string label;
    index_->getBucketLabel().toUTF8String(label);
    bucket_labels_.push_back(label);
    headings_.push_back(label);
  }
  check(status, "ICU alphabetic index buckets");
  headings_.emplace_back(1, '#');
}

IndexHeadings::~IndexHeadings() = default;

std::string IndexHeadings::heading(std::string_view text) const {
  UErrorCode status = U_ZERO_ERROR;
  int32_t bucket = index_->getBucketIndex(icu::UnicodeString::fromUTF8(piece(text)), status);
  if (U_FAILURE(status) || bucket < 0 || static_cast<size_t>(bucket) >= bucket_labels_.size()) {
    return "#";
  }
  return bucket_labels_[static_cast<size_t>(bucket)];
}

}  // namespace gazette::text
