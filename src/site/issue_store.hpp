// The ingestion cache in the build's cache folder: every issue read before, in two forms —
// its summary (masthead, headlines, bylines, article facts: what the site model needs) in one
// index file read at the start of a build, and the whole issue (bodies included) in a file of
// its own, read only when its pages are rendered again. An unchanged archive is then never
// ingested twice, and a build holds only summaries in memory.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/result.hpp"
#include "config/site_config.hpp"
#include "model/issue.hpp"
#include "site/site_model.hpp"

namespace gazette::site {

// One source as last read: its file signature (sizes and times) and what was read.
struct StoredIssue {
  std::string signature;
  LoadedIssue issue;  // without bodies, with facts
};

class IssueStore {
 public:
  // A store in `dir` (created on first save).
  explicit IssueStore(std::filesystem::path dir);

  // The index saved by a previous build with the same ingest key, by source path; empty when
  // there is none, it is damaged, or it was made with other ingest settings. `facts_key` is
  // set to the key its facts were found with. Read on `workers` threads (0: every core).
  std::unordered_map<std::string, StoredIssue> load_index(std::uint64_t ingest_key,
                                                          std::uint64_t& facts_key,
                                                          int workers = 0) const;

  // Saves the index of this build, and removes the issue files of sources no longer there.
  Status save_index(std::uint64_t ingest_key, std::uint64_t facts_key,
                    const std::unordered_map<std::string, StoredIssue>& index) const;

  // Saves a whole issue read from the source `rel` whose bytes hash to `content_hash`.
  Status save_issue(const std::string& rel, std::uint64_t content_hash,
                    const model::Issue& issue) const;

  // The whole issue saved for `rel` with this `content_hash`, if there is one intact.
  std::optional<model::Issue> load_issue(const std::string& rel, std::uint64_t content_hash) const;

 private:
  std::filesystem::path file_of(const std::string& rel) const;
  std::filesystem::path dir_;
};

// A hash of what ingestion results depend on: which gazette (program_identity) and site.yaml's
// `paper:` and `ingest:`.
std::uint64_t ingest_key(const config::SiteConfig& config);

}  // namespace gazette::site
