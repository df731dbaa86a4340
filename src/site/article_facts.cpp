#include "site/article_facts.hpp"

#include <algorithm>

#include "model/issue_binary.hpp"
#include "output/files.hpp"
#include "text/utf8.hpp"

namespace gazette::site {

std::string first_sentence(const model::Article& article) {
  for (const auto& block : article.body) {
    if (block.type != model::Block::Type::kParagraph || block.text.empty()) continue;
    std::string_view p = block.text;
    size_t i = 0, chars = 0;
    while (i < p.size()) {
      char32_t c = text::next_code_point(p, i);
      ++chars;
      if (c == U'。' || c == U'！' || c == U'？' || c == U'!' || c == U'?') {
        // A closing quote right after the mark belongs to the sentence.
        size_t j = i;
        if (j < p.size()) {
          char32_t next = text::next_code_point(p, j);
          if (next == U'”' || next == U'’' || next == U'"' || next == U'」' || next == U'』') i = j;
        }
        return std::string(p.substr(0, i));
      }
      if (chars >= 120) return std::string(p.substr(0, i)) + "…";
    }
    return std::string(p);
  }
  return {};
}

std::string search_text_of(const model::Article& article, int chars) {
  // The start of the body, whole code points.
  std::string out;
  const auto limit = static_cast<size_t>(std::max(chars, 0));
  size_t n = 0;
  for (const auto& block : article.body) {
    if (n >= limit) break;
    std::string_view t = block.text;
    size_t i = 0;
    while (i < t.size() && n < limit) {
      text::next_code_point(t, i);
      ++n;
    }
    (out += t.substr(0, i)) += '\n';
  }
  return out;
}

FactFinder::FactFinder(const config::SiteConfig& config, const VocabularyMatcher& vocabulary,
                       const text::HanReadings* readings)
    : config_(config), vocabulary_(vocabulary), slugger_(readings) {
  if (config.keywords.enabled) counter_ = std::make_unique<WordCounter>(config.keywords);
}

Result<std::vector<std::string>> FactFinder::slugs(const model::Issue& issue) const {
  return article_slugs(issue, config_.slugs, slugger_, static_cast<size_t>(config_.slug_length));
}

ArticleFacts FactFinder::facts(const model::Article& a) const {
  ArticleFacts f;
  f.summary = first_sentence(a);
  {
    BinaryWriter w;
    model::write_article(w, a);
    f.version = output::content_hash(w.bytes());
  }
  if (config_.search) f.search_text = search_text_of(a, config_.search_body_chars);
  if (vocabulary_.empty() && !counter_) return f;
  std::string body;
  for (const auto& block : a.body) (body += block.text) += '\n';
  if (!vocabulary_.empty()) {
    // Named in the headline, or mentioned often enough in the body.
    std::string headline;
    for (const auto* part :
         {a.kicker ? &*a.kicker : nullptr, &a.title, a.subtitle ? &*a.subtitle : nullptr}) {
      if (part) (headline += *part) += '\n';
    }
    std::vector<int> terms = vocabulary_.find(headline);
    for (const auto& [term, n] : vocabulary_.count(body)) {
      if (n >= config_.tag_mentions) terms.push_back(term);
    }
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    for (int term : terms)
      f.vocabulary.push_back(config_.vocabulary[static_cast<size_t>(term)].name);
  }
  if (counter_) f.keywords = counter_->count(a.title, body);
  return f;
}

std::uint64_t facts_key(const config::SiteConfig& config) {
  BinaryWriter w;
  w.str("facts 5");
  w.u64(static_cast<std::uint64_t>(config.slugs));
  w.u64(static_cast<std::uint64_t>(config.tag_mentions));
  w.u64(static_cast<std::uint64_t>(config.slug_length));
  w.u64(config.search ? static_cast<std::uint64_t>(config.search_body_chars) + 1 : 0);
  for (const auto& term : config.vocabulary) {
    w.str(term.name);
    w.u64(term.aliases.size());
    for (const auto& alias : term.aliases) w.str(alias);
  }
  const config::KeywordSettings& k = config.keywords;
  w.u64(k.enabled);
  if (k.enabled) {
    w.u64(static_cast<std::uint64_t>(k.min_length));
    for (const auto& s : k.stop_words) w.str(s);
  }
  return output::content_hash(w.bytes());
}

void write_facts(BinaryWriter& out, const ArticleFacts& f) {
  out.str(f.summary);
  out.u64(f.vocabulary.size());
  for (const auto& v : f.vocabulary) out.str(v);
  out.u64(f.keywords.size());
  for (const auto& [word, count] : f.keywords) {
    out.str(word);
    out.u64(static_cast<std::uint64_t>(count));
  }
  out.str(f.slug);
  out.u64(f.version);
}

bool read_facts(BinaryReader& in, ArticleFacts& f) {
  std::uint64_t n = 0;
  if (!in.str(f.summary) || !in.u64(n)) return false;
  f.vocabulary.assign(static_cast<size_t>(std::min<std::uint64_t>(n, 1 << 16)), {});
  for (auto& v : f.vocabulary) {
    if (!in.str(v)) return false;
  }
  if (!in.u64(n)) return false;
  f.keywords.assign(static_cast<size_t>(std::min<std::uint64_t>(n, 1 << 16)), {});
  for (auto& [word, count] : f.keywords) {
    std::uint64_t c = 0;
    if (!in.str(word) || !in.u64(c)) return false;
    count = static_cast<int>(c);
  }
  return in.str(f.slug) && in.u64(f.version) && in.ok();
}

}  // namespace gazette::site
