// Fingerprints of pages: a hash of every input a page is made from (its data in the site
// model, the site's settings and UI strings). A page whose fingerprint equals the one recorded
// by the previous build, whose template files did not change, and whose file is intact, is not
// rendered again: that is what makes rebuilds of a large archive fast, and since every input
// is checked, they stay byte-identical to a clean build.
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

// Which template files each page template used (through extends, include, import), with
// the hash those files had: recorded by one build, checked by the next. A page is rendered
// again when its data changed or when any file its template used changed.
class TemplateDependencies {
 public:
  // Reads the record kept in `cache_dir` (missing or damaged: nothing recorded).
  static TemplateDependencies load(const std::filesystem::path& cache_dir);

  // The page templates whose recorded files are all as they were (same name resolution, same
  // bytes); a template without a record is never unchanged.
  std::set<std::string> unchanged(const templating::TemplateLoader& loader) const;

  // How many page templates are recorded.
  size_t size() const { return records_.size(); }

  // Adds the templates one page template used in this build.
  void add(const std::string& page_template, const std::set<std::string>& used);

  // Saves the record, with the hash of every template's files as they are now.
  Status save(const std::filesystem::path& cache_dir,
              const templating::TemplateLoader& loader) const;

 private:
  struct Record {
    std::set<std::string> used;
    std::uint64_t hash = 0;
  };
  static std::uint64_t hash_files(const templating::TemplateLoader& loader,
                                  const std::set<std::string>& names);
  std::map<std::string, Record> records_;
};

// The fingerprint of each page of a site.
class Fingerprints {
 public:
  // `global` covers what every page depends on (settings, UI strings, gazette's version).
  // Templates are checked apart (TemplateDependencies). Made on `jobs` threads (0: all).
  Fingerprints(const model::Site& site, const config::SiteConfig& config, std::uint64_t global,
               int jobs = 1);

  std::uint64_t of(const Page& page) const;

  // Of what depends on every article of a year (its segment of the search index).
  std::uint64_t of_year(int year) const;

 private:
  std::uint64_t issue_hash(int issue) const { return issue_hashes_[static_cast<size_t>(issue)]; }
  std::uint64_t article_hash(int article) const {
    return article_hashes_[static_cast<size_t>(article)];
  }

  const model::Site& site_;
  const config::SiteConfig& config_;
  std::uint64_t global_;
  std::vector<std::uint64_t> issue_hashes_;
  std::vector<std::uint64_t> article_hashes_;       // as lists and feeds show an article
  std::vector<std::uint64_t> article_page_hashes_;  // as its own page shows it
  std::uint64_t years_hash_ = 0;
  std::uint64_t sitemap_hash_ = 0;
  std::uint64_t tags_hash_ = 0, authors_hash_ = 0;
};

}  // namespace gazette::site
