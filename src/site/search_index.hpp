// The client-side search index the build writes under search/ (format 2), read by the
// theme's search.js. The archive is cut into segments, one per year, so that editing an issue
// rewrites only its year's files and a query can show the newest results first:
//   search/index.json            {"version": 2, "segments": [{"key": "2022", "documents": D,
//                                 "shards": S, "chunk": C}, …]}   newest segment first
//   search/<key>/docs-K.json     [[title, url, date_long, summary], …] for the segment's
//                                documents K*C … K*C+C-1 (oldest first)
//   search/<key>/shard-N.json    {"token": [document ids, ascending, each after the first as
//                                the difference from the one before], …} for the tokens with
//                                fnv1a32(token) % S == N
// Tokens: the text in NFKC, lower-cased; every run of CJK letters (Han, kana, hangul) gives its
// character bigrams (a lone character gives itself) — Chinese has no spaces, and bigrams find
// any word without a dictionary that could disagree with the reader's browser; every run of
// other letters and digits gives one word. A query is tokenized the same way and must contain
// every token of a document's text to find it; results come newest first.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

#include <utility>
#include <vector>

#include "base/string_hash.hpp"

namespace gazette::site {

// The tokens of a text, in order, repeats kept.
std::vector<std::string> search_tokens(std::string_view text);

// 32-bit FNV-1a of the token's UTF-8 bytes: which shard holds it.
std::uint32_t search_token_hash(std::string_view token);

// One document: what a result shows, and the text it is found by.
struct SearchDocument {
  std::string title;
  std::string url;
  std::string date;
  std::string summary;
  std::string text;  // title, headline, byline, tags, summary, the start of the body
};

// A segment of the index.
struct SearchSegment {
  std::string key;  // the year
  size_t documents = 0;
};

// search/index.json for `segments`, newest first.
std::string search_manifest(const std::vector<SearchSegment>& segments);

// Builds the files of one segment from its documents given in order (ids 0, 1, 2 …; newer
// documents last).
class SearchIndexBuilder {
 public:
  explicit SearchIndexBuilder(std::string key) : key_(std::move(key)) {}

  void add(const SearchDocument& document);

  // The files, as (path relative to the site, bytes), in a fixed order.
  std::vector<std::pair<std::string, std::string>> files() const;

  // The paths `files` will produce for a segment of `documents` documents.
  static std::vector<std::string> file_names(const std::string& key, size_t documents);

 private:
  std::string key_;
  std::vector<std::vector<std::string>> docs_;  // title, url, date, summary
  // Token → id: tokens of up to 7 bytes (CJK bigrams, short words) packed in an integer,
  // longer ones by their text.
  class ShortIds {  // open addressing on the packed token (never 0: its length is in it)
   public:
    // The id slot of `key` and whether it was added (then the caller sets it).
    std::pair<std::uint32_t*, bool> try_emplace(std::uint64_t key);

   private:
    std::vector<std::pair<std::uint64_t, std::uint32_t>> slots_;
    size_t size_ = 0;
  };
  ShortIds short_ids_;
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> long_ids_;
  std::deque<std::string> token_text_;                // by token id
  std::vector<std::string_view> tokens_;              // by token id (into token_text_)
  std::vector<std::vector<std::uint32_t>> postings_;  // by token id: documents, ascending
};

}  // namespace gazette::site
