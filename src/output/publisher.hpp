// Publishing a build into the output folder (public/) so that it is never left partial or
// corrupted: pages are staged first and moved into place only once the whole build has
// succeeded; files whose bytes did not change are not touched; files the previous build
// wrote and this one did not are deleted. Files gazette never wrote are left alone.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <stop_token>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "base/result.hpp"
#include "output/manifest.hpp"

namespace gazette::output {

// What a commit did.
struct PublishSummary {
  size_t written = 0;    // new or changed files
  size_t unchanged = 0;  // same bytes as before: not touched
  size_t deleted = 0;    // written by the previous build, not by this one
  std::uint64_t bytes_written = 0;
};

// What the previous build left: its manifest, and which of its files are still in the output
// folder as it wrote them.
struct PreviousOutput {
  Manifest manifest;
  std::vector<char> intact;  // by manifest position: a regular file of the recorded size
};

// Reads the manifest in `cache_dir` and looks at each of its files in `out_dir`: one system
// call per file, a few hundred thousand for an archive. With `clean` nothing is looked at and
// every record is forgotten (every file is made again; the ones no longer made are still
// deleted); so it is when the last commit did not finish (it failed half-way or was cut
// short): the output may then hold files the manifest does not describe. Stopped through
// `stop`, the files not looked at yet count as not intact.
PreviousOutput read_previous_output(const std::filesystem::path& out_dir,
                                    const std::filesystem::path& cache_dir, bool clean,
                                    std::stop_token stop = {});

// The same look, shared between threads: a build runs it on a thread of its own while other
// work goes on, and the thread that needs the answer helps with what is left instead of
// waiting for it.
class OutputCheck {
 public:
  OutputCheck(std::filesystem::path out_dir, std::filesystem::path cache_dir, bool clean);
  ~OutputCheck();
  OutputCheck(const OutputCheck&) = delete;
  OutputCheck& operator=(const OutputCheck&) = delete;

  // Reads the manifest, then looks at files until none is left or `stop` is requested.
  void run(std::stop_token stop);
  // Once `run` has read the manifest, looks at files beside it until none is left. The answer
  // is complete when both have returned.
  void help();
  // The answer (once `run` and `help` have returned).
  PreviousOutput take() { return std::move(previous_); }

 private:
  void look(const std::stop_token* stop);  // takes chunks of files until none is left

  std::filesystem::path out_dir_, cache_dir_;
  bool clean_;
  PreviousOutput previous_;
  int out_fd_ = -1;
  std::atomic<bool> ready_{false};  // the manifest is read and `intact` sized
  std::atomic<size_t> next_{0};     // the next chunk of files to look at
};

class Publisher;

// A worker's share of the output: each rendering thread stages files through its own batch
// (no lock between threads), and the batches are handed back to the publisher at the end.
class OutputBatch {
 public:
  // Whether the file at `rel` can be kept as it is: the previous build wrote it from inputs
  // with this same fingerprint and it is still intact on disk. When true the caller may skip
  // rendering it and must call `keep`.
  bool is_current(std::string_view rel, std::uint64_t fingerprint) const;

  // Keeps the previous build's file at `rel` as this build's output.
  void keep(std::string_view rel);

  // `keep` if `is_current`; whether it was.
  bool keep_if_current(std::string_view rel, std::uint64_t fingerprint);

  // Keeps all of `rels` if every one is current, none otherwise (files made together, made
  // again together); whether they were.
  bool keep_all_if_current(std::span<const std::string> rels, std::uint64_t fingerprint);

  // This build's bytes for `rel` (a safe relative path), rendered from inputs with
  // `fingerprint` (0 when unknown). Staged if they differ from what is on disk.
  Status put(std::string_view rel, std::string_view bytes, std::uint64_t fingerprint = 0);
  // Orders the batch's files by path, on the calling thread (each worker its own batch, at
  // the same time), so that the publisher only merges them.
  void finish();

 private:
  friend class Publisher;
  explicit OutputBatch(const Publisher& publisher) : publisher_(&publisher) {}
  bool current_at(size_t previous, std::uint64_t fingerprint) const;

  // A file given by `put`.
  struct Entry {
    std::string rel;
    OutputRecord record;
    bool staged = false;
  };
  static bool by_path(const Entry& a, const Entry& b) { return a.rel < b.rel; }
  const Publisher* publisher_;
  std::vector<Entry> entries_;
  std::vector<std::uint32_t> kept_;  // previous files kept as they are (manifest positions)
  std::vector<std::uint32_t> seen_;  // previous files given again by `put`
  std::uint64_t bytes_staged_ = 0;
  std::unordered_set<std::string> made_dirs_;  // staging folders known to exist
  bool records_changed_ = false;  // a file is new, or its record differs from the previous build's
};

class Publisher {
 public:
  // Publishes into `out_dir`, keeping the manifest and the staging area in `cache_dir`.
  // With `clean`, the previous build is ignored: every file is written again.
  Publisher(std::filesystem::path out_dir, std::filesystem::path cache_dir, bool clean);
  // The same, with the previous build read already (by `previous`, called once: see
  // read_previous_output).
  Publisher(std::filesystem::path out_dir, std::filesystem::path cache_dir,
            const std::function<PreviousOutput()>& previous);
  ~Publisher();
  Publisher(const Publisher&) = delete;
  Publisher& operator=(const Publisher&) = delete;

  // A new batch for one worker.
  OutputBatch batch() const { return OutputBatch(*this); }

  // Takes a worker's finished batch.
  void add(OutputBatch&& batch);

  // Moves the staged files into the output folder, deletes the vanished ones, and saves the
  // manifest. Two outputs with the same path are an error (and nothing is published).
  Result<PublishSummary> commit();

  // Drops everything staged: the output folder stays as it was.
  void abort();

  const std::filesystem::path& out_dir() const { return out_dir_; }

 private:
  friend class OutputBatch;
  std::filesystem::path out_dir_;
  std::filesystem::path cache_dir_;
  std::filesystem::path staging_dir_;
  PreviousOutput previous_;
  std::vector<OutputBatch::Entry> entries_;  // the files given by `put`, sorted once committed
  std::vector<size_t> run_starts_;  // where each batch's (sorted) entries begin in entries_
  std::vector<char> seen_;          // by previous file: 1 given again (kept or put), 2 kept
  size_t seen_count_ = 0;           // previous files given again
  std::string twice_;               // a path given twice, if any
  bool fresh_ = false;              // nothing was published before: stage the whole site beside it
  bool records_changed_ = false;
  bool finished_ = false;
};

}  // namespace gazette::output
