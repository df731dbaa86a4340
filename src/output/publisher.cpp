#include "output/publisher.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <set>
#include <system_error>
#include <unordered_set>

#include "output/files.hpp"

namespace gazette::output {

namespace fs = std::filesystem;

namespace {

// The size of the regular file at `rel` in the folder open as `dir_fd`, or -1 when it is
// missing or not a regular file.
long long regular_file_size(int dir_fd, std::string_view rel) {
  if (dir_fd < 0) return -1;
  char path[PATH_MAX];
  if (rel.empty() || rel.size() >= sizeof path) return -1;
  std::memcpy(path, rel.data(), rel.size());
  path[rel.size()] = '\0';
  struct stat st {};
  if (::fstatat(dir_fd, path, &st, 0) != 0 || !S_ISREG(st.st_mode)) return -1;
  return static_cast<long long>(st.st_size);
}

// In the cache folder while a commit changes the output folder: left there, it says the output
// may hold files its manifest does not describe (the commit failed or was cut short).
constexpr const char* kCommitMarker = "publishing";

// Removes now-empty folders from `dir` up to (not including) `root`.
void prune_empty_dirs(fs::path dir, const fs::path& root) {
  while (!dir.empty() && dir != root && dir.string().size() > root.string().size()) {
    if (::rmdir(dir.c_str()) != 0) return;  // not empty, or gone
    dir = dir.parent_path();
  }
}

}  // namespace

PreviousOutput read_previous_output(const fs::path& out_dir, const fs::path& cache_dir, bool clean,
                                    std::stop_token stop) {
  OutputCheck check(out_dir, cache_dir, clean);
  check.run(std::move(stop));
  return check.take();
}

OutputCheck::OutputCheck(fs::path out_dir, fs::path cache_dir, bool clean)
    : out_dir_(std::move(out_dir)), cache_dir_(std::move(cache_dir)), clean_(clean) {}

OutputCheck::~OutputCheck() {
  if (out_fd_ >= 0) ::close(out_fd_);
}

void OutputCheck::run(std::stop_token stop) {
  previous_.manifest = load_manifest(cache_dir_ / "manifest");
  previous_.intact.assign(previous_.manifest.size(), 0);
  std::error_code ec;
  if (clean_ || fs::exists(cache_dir_ / kCommitMarker, ec)) {
    previous_.manifest.forget_records();
  } else if (!previous_.manifest.empty()) {
    // Looked up from the output folder, not from the root.
    out_fd_ = ::open(out_dir_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
  }
  ready_.store(true, std::memory_order_release);
  ready_.notify_all();
  look(&stop);
}

void OutputCheck::help() {
  ready_.wait(false, std::memory_order_acquire);
  look(nullptr);
}

void OutputCheck::look(const std::stop_token* stop) {
  // Chunks in path order (neighbours share their folders), a chunk per thread at a time.
  constexpr size_t kChunk = 1024;
  const size_t n = previous_.manifest.size();
  if (out_fd_ < 0) return;
  for (size_t first; (first = next_.fetch_add(kChunk, std::memory_order_relaxed)) < n;) {
    if (stop && stop->stop_requested()) return;
    for (size_t i = first; i < std::min(n, first + kChunk); ++i) {
      const ManifestEntry& e = previous_.manifest[i];
      previous_.intact[i] =
          regular_file_size(out_fd_, e.rel) == static_cast<long long>(e.record.size);
    }
  }
}

bool OutputBatch::current_at(size_t i, std::uint64_t fingerprint) const {
  const PreviousOutput& previous = publisher_->previous_;
  return fingerprint != 0 && i != Manifest::npos &&
         previous.manifest[i].record.fingerprint == fingerprint && previous.intact[i];
}

bool OutputBatch::is_current(std::string_view rel, std::uint64_t fingerprint) const {
  return fingerprint != 0 && current_at(publisher_->previous_.manifest.find(rel), fingerprint);
}

void OutputBatch::keep(std::string_view rel) {
  const size_t i = publisher_->previous_.manifest.find(rel);
  if (i != Manifest::npos) kept_.push_back(static_cast<std::uint32_t>(i));
}

bool OutputBatch::keep_if_current(std::string_view rel, std::uint64_t fingerprint) {
  if (fingerprint == 0) return false;
  const size_t i = publisher_->previous_.manifest.find(rel);
  if (!current_at(i, fingerprint)) return false;
  kept_.push_back(static_cast<std::uint32_t>(i));
  return true;
}

bool OutputBatch::keep_all_if_current(std::span<const std::string> rels,
                                      std::uint64_t fingerprint) {
  for (const std::string& rel : rels) {
    if (!is_current(rel, fingerprint)) return false;
  }
  for (const std::string& rel : rels) keep(rel);
  return true;
}

void OutputBatch::finish() {
  if (!std::is_sorted(entries_.begin(), entries_.end(), by_path))
    std::sort(entries_.begin(), entries_.end(), by_path);
}

Status OutputBatch::put(std::string_view rel, std::string_view bytes, std::uint64_t fingerprint) {
  if (!is_safe_relative_path(rel)) {
    return file_error(std::string(rel), "internal error: unsafe output path");
  }
  OutputRecord record{content_hash(bytes), bytes.size(), fingerprint};
  const PreviousOutput& previous = publisher_->previous_;
  if (const size_t i = previous.manifest.find(rel); i != Manifest::npos) {
    seen_.push_back(static_cast<std::uint32_t>(i));
    const OutputRecord& before = previous.manifest[i].record;
    if (before.hash == record.hash && before.size == record.size && previous.intact[i]) {
      entries_.push_back(Entry{std::string(rel), record, false});  // same bytes: leave it
      if (before.fingerprint != fingerprint) records_changed_ = true;
      return {};
    }
  }
  records_changed_ = true;
  // Folders are made once per batch, not tried for every file.
  const fs::path staged = publisher_->staging_dir_ / rel;
  std::string parent = staged.parent_path().string();
  if (made_dirs_.insert(parent).second) {
    if (Status made = make_folders(parent); !made.ok()) return made;
  }
  if (Status s = write_file(staged, bytes); !s.ok()) return s;
  bytes_staged_ += bytes.size();
  entries_.push_back(Entry{std::string(rel), record, true});
  return {};
}

Publisher::Publisher(fs::path out_dir, fs::path cache_dir, bool clean)
    : Publisher(out_dir, cache_dir,
                [&] { return read_previous_output(out_dir, cache_dir, clean); }) {}

Publisher::Publisher(fs::path out_dir, fs::path cache_dir,
                     const std::function<PreviousOutput()>& previous)
    : out_dir_(std::move(out_dir)), cache_dir_(std::move(cache_dir)) {
  std::error_code ec;
  // A first build (no output folder yet, or an empty one) stages the whole site beside it and
  // renames the folder into place; later builds stage only what changed, file by file.
  fresh_ = !fs::exists(out_dir_, ec) || fs::is_empty(out_dir_, ec);
  fs::path out_name =
      out_dir_.filename().empty() ? out_dir_.parent_path().filename() : out_dir_.filename();
  staging_dir_ = fresh_ ? out_dir_.parent_path() / ("." + out_name.string() + ".gazette-new")
                        : cache_dir_ / "staging";
  // The staging folders of later builds are kept from build to build (making thousands of
  // folders again each time is what slows small rebuilds down); a marker tells whether files
  // were left in them by an interrupted build.
  const fs::path marker = staging_dir_ / ".in-progress";
  if (fresh_ || fs::exists(marker, ec)) fs::remove_all(staging_dir_, ec);
  if (!fresh_) {
    fs::create_directories(staging_dir_, ec);
    (void)write_file(marker, "");
  }
  PreviousOutput before = previous();
  if (!fresh_) previous_ = std::move(before);
  seen_.assign(previous_.manifest.size(), 0);
}

Publisher::~Publisher() {
  if (!finished_) abort();
}

void Publisher::add(OutputBatch&& batch) {
  batch.finish();  // at once when the worker did it
  run_starts_.push_back(entries_.size());
  entries_.insert(entries_.end(), std::make_move_iterator(batch.entries_.begin()),
                  std::make_move_iterator(batch.entries_.end()));
  records_changed_ = records_changed_ || batch.records_changed_;
  auto mark = [&](std::uint32_t i, char how) {
    if (seen_[i] != 0) {
      if (twice_.empty()) twice_ = previous_.manifest[i].rel;
      return;
    }
    seen_[i] = how;
    ++seen_count_;
  };
  for (std::uint32_t i : batch.kept_) mark(i, 2);
  for (std::uint32_t i : batch.seen_) mark(i, 1);
  batch.entries_.clear();
  batch.kept_.clear();
  batch.seen_.clear();
}

void Publisher::abort() {
  std::error_code ec;
  fs::remove_all(staging_dir_, ec);
  entries_.clear();
  finished_ = true;
}

Result<PublishSummary> Publisher::commit() {
  // The batches' sorted runs, merged into one.
  for (size_t r = 1; r < run_starts_.size(); ++r) {
    const auto end = r + 1 < run_starts_.size()
                         ? entries_.begin() + static_cast<std::ptrdiff_t>(run_starts_[r + 1])
                         : entries_.end();
    std::inplace_merge(entries_.begin(),
                       entries_.begin() + static_cast<std::ptrdiff_t>(run_starts_[r]), end,
                       OutputBatch::by_path);
  }
  run_starts_.clear();
  for (size_t i = 1; i < entries_.size() && twice_.empty(); ++i) {
    if (entries_[i].rel == entries_[i - 1].rel) twice_ = entries_[i].rel;
  }
  if (!twice_.empty()) {
    std::string path = (out_dir_ / twice_).string();
    abort();
    return file_error(path, "two pages of this build have the same output path");
  }
  const Manifest& before = previous_.manifest;
  PublishSummary summary;
  std::error_code ec;
  if (!fresh_ && !records_changed_ && seen_count_ == before.size()) {
    // Nothing new, nothing gone (every previous file was given once, as it was): the output
    // and the manifest stay as they are.
    summary.unchanged = before.size();
    fs::remove(staging_dir_ / ".in-progress", ec);
    finished_ = true;
    entries_.clear();
    return summary;
  }
  // The next manifest: the previous files kept as they were and the files given by `put`,
  // both sorted by path.
  std::vector<ManifestEntry> next;
  next.reserve(entries_.size() + seen_count_);
  size_t e = 0;
  for (size_t i = 0; i < before.size(); ++i) {
    if (seen_[i] != 2) continue;
    while (e < entries_.size() && entries_[e].rel < before[i].rel) {
      next.push_back({entries_[e].rel, entries_[e].record});
      ++e;
    }
    next.push_back(before[i]);
    ++summary.unchanged;
  }
  for (; e < entries_.size(); ++e) next.push_back({entries_[e].rel, entries_[e].record});
  // Until the new manifest is saved, the output folder and the records disagree.
  const fs::path marker = cache_dir_ / kCommitMarker;
  fs::create_directories(cache_dir_, ec);
  if (Status marked = write_file(marker, ""); !marked.ok()) {
    abort();
    return marked.error();
  }
  if (fresh_) {
    // Everything is staged (there was nothing before): one rename publishes the site.
    for (const auto& f : entries_) {
      ++summary.written;
      summary.bytes_written += f.record.size;
    }
    fs::create_directories(staging_dir_, ec);
    fs::remove(out_dir_, ec);  // empty, or absent
    ec.clear();
    fs::create_directories(out_dir_.parent_path(), ec);
    if (::rename(staging_dir_.c_str(), out_dir_.c_str()) != 0) {
      int err = errno;
      abort();
      return file_error(out_dir_.string(), std::strerror(err));
    }
    finished_ = true;
    Status saved = save_manifest(cache_dir_ / "manifest", next);
    entries_.clear();
    if (!saved.ok()) return saved.error();
    fs::remove(marker, ec);
    return summary;
  }
  fs::create_directories(out_dir_, ec);
  if (ec) {
    abort();
    return file_error(out_dir_.string(), ec.message());
  }
  // The folders of the staged files, made once each, parents first.
  std::set<std::string> dirs;
  for (const auto& f : entries_) {
    if (f.staged) dirs.insert((out_dir_ / f.rel).parent_path().string());
  }
  for (const auto& d : dirs) {
    if (Status made = make_folders(d); !made.ok()) {
      abort();
      return made.error();
    }
  }
  for (const auto& f : entries_) {
    if (!f.staged) {
      ++summary.unchanged;
      continue;
    }
    fs::path target = out_dir_ / f.rel;
    fs::path staged = staging_dir_ / f.rel;
    if (::rename(staged.c_str(), target.c_str()) != 0) {
      // The usual failure is a folder that does not exist yet in the output.
      int err = errno;
      if (err == ENOENT) {
        fs::create_directories(target.parent_path(), ec);
        err = ec ? ec.value() : ::rename(staged.c_str(), target.c_str()) == 0 ? 0 : errno;
      }
      if (err != 0) {
        abort();
        return file_error(target.string(), std::strerror(err));
      }
    }
    ++summary.written;
    summary.bytes_written += f.record.size;
  }
  // The previous build's files that this one did not give: vanished.
  for (size_t i = 0; i < before.size() && seen_count_ < before.size(); ++i) {
    if (seen_[i] != 0) continue;
    fs::path gone = out_dir_ / before[i].rel;
    if (::unlink(gone.c_str()) == 0) {
      ++summary.deleted;
      prune_empty_dirs(gone.parent_path(), out_dir_);
    }
  }
  fs::remove(staging_dir_ / ".in-progress", ec);  // every staged file has moved into place
  finished_ = true;
  Status saved = save_manifest(cache_dir_ / "manifest", next);
  entries_.clear();
  if (!saved.ok()) return saved.error();
  fs::remove(marker, ec);
  return summary;
}

}  // namespace gazette::output
