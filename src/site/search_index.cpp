#include "site/search_index.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace gazette::site {

namespace {

constexpr size_t kChunk = 1000;

// Shards for an index of `documents`: about a hundred documents' tokens each, at most 1024.
size_t shard_count(size_t documents) {
  size_t n = 1;
  while (n < 1024 && n * 100 < documents) n *= 2;
  return n;
}

// The text in NFKC, lower-cased code point by code point (as JavaScript's toLowerCase does
// for every character newspapers print).
std::string folded(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  std::string normal;
  icu::StringPiece piece(text.data(), static_cast<int32_t>(text.size()));
  if (U_SUCCESS(status) && !nfkc->isNormalizedUTF8(piece, status)) {
    status = U_ZERO_ERROR;
    icu::StringByteSink<std::string> sink(&normal);
    nfkc->normalizeUTF8(0, piece, sink, nullptr, status);
    text = normal;
  }
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      ++i;
      continue;
    }
    size_t start = i;
    auto cp = static_cast<UChar32>(text::next_code_point(text, i));
    if (cp >= 0x2E80 && cp < 0xA000) {
      out.append(text.substr(start, i - start));  // CJK symbols, kana, ideographs: no case
    } else {
      text::append_utf8(out, static_cast<char32_t>(u_tolower(cp)));
    }
  }
  return out;
}

bool is_word_character(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return (U_GET_GC_MASK(static_cast<UChar32>(c)) & (U_GC_L_MASK | U_GC_N_MASK)) != 0;
}

bool is_cjk_token_letter(char32_t c) {
  if (c < 0x1100) return false;
  if (c >= 0x4E00 && c <= 0x9FFF) return true;  // CJK Unified Ideographs: the common case
  return text::is_han(c) || text::is_kana(c) || text::is_hangul(c);
}

// Calls `emit` with each token of `text` (already folded): CJK bigrams (a lone CJK character
// on its own), other words whole.
template <typename Emit>
void for_each_token(std::string_view text, Emit&& emit) {
  size_t prev_start = 0, prev_end = 0, run_length = 0;  // the last CJK character of the run
  size_t word_start = 0, word_end = 0;                  // the current word, when not empty
  auto end_cjk = [&] {
    if (run_length == 1) emit(text.substr(prev_start, prev_end - prev_start));
    run_length = 0;
  };
  auto end_word = [&] {
    if (word_end > word_start) emit(text.substr(word_start, word_end - word_start));
    word_start = word_end = 0;
  };
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    const char32_t c = text::next_code_point(text, i);
    if (is_cjk_token_letter(c)) {
      end_word();
      if (run_length > 0) emit(text.substr(prev_start, i - prev_start));  // a bigram
      prev_start = start;
      prev_end = i;
      ++run_length;
    } else if (is_word_character(c)) {
      end_cjk();
      if (word_end == word_start) word_start = start;
      word_end = i;
    } else {
      end_cjk();
      end_word();
    }
  }
  end_cjk();
  end_word();
}

}  // namespace

std::vector<std::string> search_tokens(std::string_view raw) {
  const std::string text = folded(raw);
  std::vector<std::string> tokens;
  for_each_token(text, [&](std::string_view t) { tokens.emplace_back(t); });
  return tokens;
}

std::uint32_t search_token_hash(std::string_view token) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : token) {
    h ^= c;
    h *= 16777619u;
  }
  return h;
}

std::pair<std::uint32_t*, bool> SearchIndexBuilder::ShortIds::try_emplace(std::uint64_t key) {
  auto slot_of = [this](std::uint64_t k) {
    std::uint64_t h = k ^ (k >> 33);
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    const size_t mask = slots_.size() - 1;
    size_t i = h & mask;
    while (slots_[i].first != 0 && slots_[i].first != k) i = (i + 1) & mask;
    return i;
  };
  if (size_ * 2 >= slots_.size()) {  // at most half full
    std::vector<std::pair<std::uint64_t, std::uint32_t>> old = std::move(slots_);
    slots_.assign(std::max<size_t>(1024, old.size() * 2), {0, 0});
    for (const auto& entry : old) {
      if (entry.first != 0) slots_[slot_of(entry.first)] = entry;
    }
  }
  const size_t i = slot_of(key);
  if (slots_[i].first == key) return {&slots_[i].second, false};
  slots_[i].first = key;
  ++size_;
  return {&slots_[i].second, true};
}

void SearchIndexBuilder::add(const SearchDocument& d) {
  const auto id = static_cast<std::uint32_t>(docs_.size());
  docs_.push_back({d.title, d.url, d.date, d.summary});
  const std::string text = folded(d.text);
  auto new_id = [&](std::string_view t) {
    const auto token = static_cast<std::uint32_t>(tokens_.size());
    tokens_.push_back(token_text_.emplace_back(t));
    postings_.emplace_back();
    return token;
  };
  for_each_token(text, [&](std::string_view t) {
    std::uint32_t token;
    if (t.size() <= 7) {
      std::uint64_t key = static_cast<std::uint64_t>(t.size()) << 56;
      for (size_t i = 0; i < t.size(); ++i)
        key |= static_cast<std::uint64_t>(static_cast<unsigned char>(t[i])) << (8 * i);
      auto [slot, added] = short_ids_.try_emplace(key);
      if (added) *slot = new_id(t);
      token = *slot;
    } else {
      auto it = long_ids_.find(t);
      if (it == long_ids_.end()) it = long_ids_.emplace(std::string(t), new_id(t)).first;
      token = it->second;
    }
    auto& ids = postings_[token];
    if (ids.empty() || ids.back() != id) ids.push_back(id);  // once per document
  });
}

std::string search_manifest(const std::vector<SearchSegment>& segments) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const auto& seg : segments) {
    list.push_back({{"key", seg.key},
                    {"documents", seg.documents},
                    {"shards", shard_count(seg.documents)},
                    {"chunk", kChunk}});
  }
  nlohmann::ordered_json manifest{{"version", 2}, {"segments", list}};
  return manifest.dump() + "\n";
}

std::vector<std::string> SearchIndexBuilder::file_names(const std::string& key, size_t documents) {
  std::vector<std::string> names;
  for (size_t k = 0; k * kChunk < documents; ++k)
    names.push_back(fmt::format("search/{}/docs-{}.json", key, k));
  for (size_t s = 0; s < shard_count(documents); ++s)
    names.push_back(fmt::format("search/{}/shard-{}.json", key, s));
  return names;
}

std::vector<std::pair<std::string, std::string>> SearchIndexBuilder::files() const {
  const size_t shards = shard_count(docs_.size());
  std::vector<std::pair<std::string, std::string>> out;
  for (size_t k = 0; k * kChunk < docs_.size(); ++k) {
    nlohmann::json chunk = nlohmann::json::array();
    for (size_t i = k * kChunk; i < docs_.size() && i < (k + 1) * kChunk; ++i)
      chunk.push_back(docs_[i]);
    out.emplace_back(fmt::format("search/{}/docs-{}.json", key_, k),
                     chunk.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  }
  // Per shard, its tokens in byte order (documents were added in order, so their ids ascend).
  std::vector<std::vector<std::uint32_t>> by_shard(shards);
  for (std::uint32_t t = 0; t < tokens_.size(); ++t) {
    by_shard[search_token_hash(tokens_[t]) % shards].push_back(t);
  }
  for (size_t s = 0; s < shards; ++s) {
    std::sort(by_shard[s].begin(), by_shard[s].end(),
              [&](std::uint32_t a, std::uint32_t b) { return tokens_[a] < tokens_[b]; });
    std::string json = "{";
    bool first = true;
    for (std::uint32_t t : by_shard[s]) {
      std::string_view token = tokens_[t];
      const auto& ids = postings_[t];
      if (!first) json += ',';
      first = false;
      json += nlohmann::json(std::string(token))
                  .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      json += ":[";
      std::uint32_t previous = 0;
      for (size_t i = 0; i < ids.size(); ++i) {
        if (i) json += ',';
        json += std::to_string(ids[i] - previous);
        previous = ids[i];
      }
      json += ']';
    }
    json += "}\n";
    out.emplace_back(fmt::format("search/{}/shard-{}.json", key_, s), std::move(json));
  }
  return out;
}

}  // namespace gazette::site
