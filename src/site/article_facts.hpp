// What the site model needs to know about an article's body: its first sentence (for tables
// of contents, lists and feeds), the vocabulary terms it names, and its keyword candidates.
// Taken once when the article is read, they let the model be built — and unchanged pages be
// skipped — without keeping the body in memory.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/binary.hpp"
#include "base/result.hpp"
#include "config/site_config.hpp"
#include "model/issue.hpp"
#include "site/keywords.hpp"
#include "site/slugs.hpp"
#include "site/vocabulary.hpp"
#include "text/slug.hpp"

namespace gazette::site {

struct ArticleFacts {
  std::string summary;                  // the body's first sentence, plain text
  std::vector<std::string> vocabulary;  // names of the vocabulary terms the article mentions
  WordCounts keywords;                  // keyword candidates (empty when keywords are off)
  // What the search index holds of the body (not in the cache's encoding: see search_text_of).
  std::optional<std::string> search_text;
  std::string slug;           // the last part of its URL, unique in its issue
  std::uint64_t version = 0;  // hash of everything the article says: a new
                              // version of the article has a new one

  friend bool operator==(const ArticleFacts&, const ArticleFacts&) = default;
};

// The plain-text first sentence of an article's body, at most about 120 characters.
std::string first_sentence(const model::Article& article);

// What the search index holds of an article's body: its first `chars` characters.
std::string search_text_of(const model::Article& article, int chars);

// Finds the facts of articles. One per thread.
class FactFinder {
 public:
  // `vocabulary` must outlive the finder, and so must `readings` (the romanisations its slugs
  // share with other threads; none: a table of its own).
  FactFinder(const config::SiteConfig& config, const VocabularyMatcher& vocabulary,
             const text::HanReadings* readings = nullptr);
  ArticleFacts facts(const model::Article& article) const;

  // The slugs of the articles of `issue` (see article_slugs).
  Result<std::vector<std::string>> slugs(const model::Issue& issue) const;

 private:
  const config::SiteConfig& config_;
  const VocabularyMatcher& vocabulary_;
  std::unique_ptr<WordCounter> counter_;
  text::Slugger slugger_;
};

// A hash of the settings facts depend on (vocabulary, keyword and slug settings): facts kept from a
// build with other settings must be found again.
std::uint64_t facts_key(const config::SiteConfig& config);

// Facts in the cache's binary encoding, without their search text (a fifth of an archive's
// index otherwise, read by every build for the one year a rebuild indexes again).
void write_facts(BinaryWriter& out, const ArticleFacts& facts);
bool read_facts(BinaryReader& in, ArticleFacts& facts);

}  // namespace gazette::site
