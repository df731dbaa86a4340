#include "cli/progress.hpp"

#include <fmt/format.h>

namespace gazette::cli {

using Clock = std::chrono::steady_clock;

Progress::Progress(bool enabled) : enabled_(enabled), start_(Clock::now()), stage_start_(start_) {}

void Progress::update(std::string_view stage, size_t done, size_t total) {
  if (!enabled_) return;
  std::lock_guard lock(mutex_);
  auto now = Clock::now();
  if (stage != stage_) {
    if (printed_) fmt::print(stderr, "\n");
    printed_ = false;
    stage_ = std::string(stage);
    stage_start_ = now;
  }
  // Quiet for the first second; then at most ten updates a second, and the last one.
  if (now - start_ < std::chrono::seconds(1)) return;
  if (done != total && now - last_print_ < std::chrono::milliseconds(100)) return;
  last_print_ = now;
  double elapsed = std::chrono::duration<double>(now - stage_start_).count();
  double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
  fmt::print(stderr, "\r{:<7} {:>8}/{:<8} {:>9.0f}/s", stage_, done, total, rate);
  printed_ = true;
}

void Progress::finish() {
  if (!enabled_) return;
  std::lock_guard lock(mutex_);
  if (printed_) fmt::print(stderr, "\n");
  printed_ = false;
}

void print_summary(const site::BuildResult& r, const std::filesystem::path& out_dir) {
  const auto& t = r.times;
  double total = t.load + t.model + t.render + t.write;
  fmt::print(stderr,
             "Built {} issue{}, {} article{} into {}: {} page{} rendered, {} file{} written, {} "
             "unchanged, {} deleted in {:.2f} s (load {:.2f}, model {:.2f}, render {:.2f}, write "
             "{:.2f})\n",
             r.issues, r.issues == 1 ? "" : "s", r.articles, r.articles == 1 ? "" : "s",
             out_dir.string(), r.rendered, r.rendered == 1 ? "" : "s", r.published.written,
             r.published.written == 1 ? "" : "s", r.published.unchanged, r.published.deleted, total,
             t.load, t.model, t.render, t.write);
  if (r.warnings > 0) {
    fmt::print(stderr,
               "{} ingestion warning{}: see `gazette parse FILE` or each issue's issue.json\n",
               r.warnings, r.warnings == 1 ? "" : "s");
  }
}

}  // namespace gazette::cli
