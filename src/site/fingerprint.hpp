// Fingerprints of pages: a hash of every input a page is made from (its data in the site
// model, the site's settings and UI strings, the template files its template used last time).
// A page whose fingerprint equals the one recorded by the previous build, and whose file is
// intact, is not rendered again: that is what makes rebuilds of a large archive fast, and
// since every input is in the hash, they stay byte-identical to a clean build.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "config/site_config.hpp"
#include "model/site.hpp"
#include "site/pages.hpp"
#include "templating/environment.hpp"

namespace gazette::site {

// Accumulates bytes and hashes them (XXH3 over the concatenation, with lengths, so that
// ("ab","c") and ("a","bc") differ).
class Hasher {
 public:
  Hasher& add(std::string_view s);
  Hasher& add(std::uint64_t n);
  std::uint64_t hash() const;

 private:
  std::string bytes_;
};

// Which template files each page template used, as recorded by the previous build, and the
// hash of those files as they are now.
class TemplateDependencies {
 public:
  // Reads the record kept in `cache_dir` (missing or damaged: nothing recorded).
  static TemplateDependencies load(const std::filesystem::path& cache_dir);

  // Adds what one render used (from any thread after `freeze`: see `record`).
  void record(const std::string& page_template, const std::vector<std::string>& used);

  // Saves this build's record into `cache_dir`.
  Status save(const std::filesystem::path& cache_dir) const;

  // For every page template, the hash of the files it used last time as they are now; for a
  // template with no record, the hash of every template (it may use any of them).
  std::map<std::string, std::uint64_t> hashes(const templating::TemplateLoader& loader,
                                              const std::vector<std::string>& page_templates) const;

 private:
  std::map<std::string, std::set<std::string>> used_;
};

// The fingerprint of each page of a site.
class Fingerprints {
 public:
  // `global` covers what every page depends on (settings, UI strings, gazette's version);
  // `templates` is TemplateDependencies::hashes.
  Fingerprints(const model::Site& site, const config::SiteConfig& config, std::uint64_t global,
               std::map<std::string, std::uint64_t> templates);

  std::uint64_t of(const Page& page) const;

 private:
  std::uint64_t issue_hash(int issue) const { return issue_hashes_[static_cast<size_t>(issue)]; }
  std::uint64_t article_hash(int article) const;

  const model::Site& site_;
  const config::SiteConfig& config_;
  std::uint64_t global_;
  std::map<std::string, std::uint64_t> templates_;
  std::vector<std::uint64_t> issue_hashes_;
  std::uint64_t years_hash_ = 0;
  std::uint64_t sitemap_hash_ = 0;
  std::uint64_t tags_hash_ = 0, authors_hash_ = 0;
};

}  // namespace gazette::site
