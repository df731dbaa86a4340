// Ingestion: the raw text of a printed issue (as extracted from its pages) becomes a clean
// model::Issue — masthead and date, normalised text, lines joined into paragraphs, repeats
// removed, each line's role recognised, headlines attached to their bodies, bylines read.
//
//   auto options = ingest::options_from_yaml(site["ingest"], "site.yaml");
//   ingest::Ingester ingester(*options);            // one per thread
//   Result<model::Issue> issue = ingester.ingest(bytes, "content/2022-11-08.txt");
//
// The stages live in their own files: lines, normalize, masthead, dates, byline, classify,
// layout, paragraphs, dedup, headlines, captions, similarity, associate, assemble, issue_date.
// With GAZETTE_INGEST_DEBUG set in the environment, the line classification, column estimate,
// units and headlines are printed on stderr (for tuning on a new paper's extractions).
#pragma once

#include <yaml-cpp/yaml.h>

#include <memory>
#include <string_view>

#include "base/result.hpp"
#include "ingest/patterns.hpp"
#include "model/issue.hpp"

namespace gazette::text {
class WordSegmenter;
class DateFormatter;
}  // namespace gazette::text

namespace gazette::ingest {

// How ingestion treats a site's issues. The defaults suit Chinese papers.
struct Options {
  // Half-width punctuation in Chinese sentences becomes full width, and spaces between CJK
  // characters (and between CJK and digits) go. `normalize: false` in site.yaml keeps the
  // text's punctuation and spacing as extracted.
  bool normalize = true;
  // Without a printed date, use the latest date found in signatures and datelines as the
  // issue's date (with a warning). Off by default: the date stays null, with a warning.
  bool infer_date = false;
  // The byline, headline and furniture patterns: the built-in table plus the site's additions.
  Patterns patterns = builtin_patterns();
};

// Reads the `ingest:` section of site.yaml: a map that may hold `normalize` and `infer_date`
// (booleans), `papers` (the paper's names, for its masthead) and any list of patterns.yaml,
// whose entries are added to the built-in ones. A null or absent section gives the defaults.
// Errors point into `site_yaml_path` (via config::node_error).
Result<Options> options_from_yaml(const YAML::Node& section, std::string_view site_yaml_path);

// Ingests raw issues. Holds ICU objects (word segmenter, date formatter): one per thread,
// reused for many files.
class Ingester {
 public:
  explicit Ingester(const Options& options);
  ~Ingester();
  Ingester(const Ingester&) = delete;
  Ingester& operator=(const Ingester&) = delete;

  // `bytes`: a raw issue's file contents; `path`: for errors, warnings and a date in the file
  // name. Invalid UTF-8, a binary file or invalid front matter is an error
  // (`path:line:col: error: …`); everything else gives an Issue, with what ingestion could not
  // do cleanly in `Issue::warnings` (line numbers of the file).
  Result<model::Issue> ingest(std::string_view bytes, std::string_view path) const;

 private:
  Options options_;
  std::unique_ptr<text::WordSegmenter> words_;
  std::unique_ptr<text::DateFormatter> dates_;
};

}  // namespace gazette::ingest
