// `gazette build`: a site folder becomes its website. `SiteBuilder::build` reads as the list
// of the pipeline's steps: settings, theme and templates, issues, the site model, the render
// plan, rendering, publishing. Nothing in the output folder is touched unless every step
// succeeded; a builder kept alive (by `gazette serve`) remembers what it read and rebuilds
// only what changed.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "output/publisher.hpp"

namespace gazette::site {

struct BuildResult;

struct BuildOptions {
  std::filesystem::path site_dir = ".";
  std::filesystem::path out_dir;         // default: <site>/public
  std::filesystem::path cache_dir;       // default: .gazette-cache/<out name> beside the output
  std::string base_url;                  // overrides site.yaml's when not empty
  int jobs = 0;                          // threads; 0: all cores
  bool clean = false;                    // ignore what the previous build left
  std::filesystem::path builtin_themes;  // themes installed with gazette (may be empty)
  // Keep what was read in memory for the next build of the same builder (`gazette serve`);
  // otherwise the next build reads it back from the cache folder.
  bool keep_state = false;
  // Called as work advances: a stage name ("ingest", "render", "write"), done and total.
  std::function<void(std::string_view stage, size_t done, size_t total)> progress;
  // Called once a build has published the site, before the memory it used is freed (a fifth
  // of a second for an archive): a process that ends with the build may end there.
  std::function<void(const BuildResult&)> published;
};

// Seconds spent per stage.
struct StageTimes {
  double load = 0;    // settings, theme, templates, reading and ingesting issues
  double model = 0;   // the site model
  double render = 0;  // rendering pages and staging files
  double write = 0;   // publishing into the output folder
};

struct BuildResult {
  std::vector<Error> errors;  // empty: the site was published
  size_t issues = 0;
  size_t articles = 0;
  size_t pages = 0;     // files the site consists of
  size_t rendered = 0;  // pages rendered by this build
  size_t ingested = 0;  // raw issues ingested (not taken from memory)
  size_t warnings = 0;  // ingestion warnings over all issues
  output::PublishSummary published;
  StageTimes times;
  bool ok() const { return errors.empty(); }
};

class SiteBuilder {
 public:
  explicit SiteBuilder(BuildOptions options);
  ~SiteBuilder();
  SiteBuilder(const SiteBuilder&) = delete;
  SiteBuilder& operator=(const SiteBuilder&) = delete;

  // Builds the site once more.
  BuildResult build();

  const BuildOptions& options() const { return options_; }
  std::filesystem::path out_dir() const;
  std::filesystem::path cache_dir() const;

 private:
  struct State;
  BuildOptions options_;
  std::unique_ptr<State> state_;
};

}  // namespace gazette::site
