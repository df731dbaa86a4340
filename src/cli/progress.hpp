// What a long build shows on a terminal: one progress line per stage (done/total and rate),
// appearing only once the build has taken more than a second, and a final summary.
#pragma once

#include <chrono>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>

#include "site/build.hpp"

namespace gazette::cli {

class Progress {
 public:
  // `enabled`: print at all (a terminal, not --quiet).
  explicit Progress(bool enabled);

  // Work advanced (from any thread).
  void update(std::string_view stage, size_t done, size_t total);

  // Ends the current line.
  void finish();

 private:
  bool enabled_;
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_, stage_start_, last_print_;
  std::string stage_;
  bool printed_ = false;
};

// `Built 3 issues, 36 articles: 120 files written, 5 unchanged, 0 deleted in 0.42 s (…)`.
void print_summary(const site::BuildResult& result, const std::filesystem::path& out_dir);

}  // namespace gazette::cli
