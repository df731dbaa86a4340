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

// Removes now-empty folders from `dir` up to (not including) `root`.
void prune_empty_dirs(fs::path dir, const fs::path& root) {
  while (!dir.empty() && dir != root && dir.string().size() > root.string().size()) {
    if (::rmdir(dir.c_str()) != 0) return;  // not empty, or gone
    dir = dir.parent_path();
  }
}

}  // namespace

bool OutputBatch::is_current(std::string_view rel, std::uint64_t fingerprint) const {
  if (fingerprint == 0) return false;
  auto it = publisher_->previous_.find(rel);
  if (it == publisher_->previous_.end() || it->second.fingerprint != fingerprint) return false;
  return regular_file_size(publisher_->out_fd_, rel) == static_cast<long long>(it->second.size);
}

void OutputBatch::keep(std::string_view rel) {
  auto it = publisher_->previous_.find(rel);
  if (it == publisher_->previous_.end()) return;
  entries_.push_back(Entry{std::string(rel), it->second, false});
  ++previous_seen_;
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
  auto it = publisher_->previous_.find(rel);
  if (it != publisher_->previous_.end()) ++previous_seen_;
  if (it != publisher_->previous_.end() && it->second.hash == record.hash &&
      it->second.size == record.size &&
      regular_file_size(publisher_->out_fd_, rel) == static_cast<long long>(record.size)) {
    entries_.push_back(Entry{std::string(rel), record, false});  // same bytes: leave it
    if (it->second.fingerprint != fingerprint) records_changed_ = true;
    return {};
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
    : Publisher(std::move(out_dir), cache_dir, clean,
                [&cache_dir] { return load_manifest(cache_dir / "manifest"); }) {}

Publisher::Publisher(fs::path out_dir, fs::path cache_dir, bool clean,
                     const std::function<Manifest()>& previous_manifest)
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
  Manifest previous = fresh_ ? Manifest() : previous_manifest();
  if (clean) {
    // Forget hashes and fingerprints, but remember which files are ours so that the ones this
    // build does not produce are still deleted.
    for (auto& [rel, record] : previous) record = OutputRecord{0, ~0ull, 0};
  }
  previous_ = std::move(previous);
  if (!previous_.empty()) out_fd_ = ::open(out_dir_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
}

Publisher::~Publisher() {
  if (!finished_) abort();
  if (out_fd_ >= 0) ::close(out_fd_);
}

void Publisher::add(OutputBatch&& batch) {
  batch.finish();  // at once when the worker did it
  run_starts_.push_back(entries_.size());
  entries_.insert(entries_.end(), std::make_move_iterator(batch.entries_.begin()),
                  std::make_move_iterator(batch.entries_.end()));
  records_changed_ = records_changed_ || batch.records_changed_;
  previous_seen_ += batch.previous_seen_;
  batch.entries_.clear();
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
  for (size_t i = 1; i < entries_.size(); ++i) {
    if (entries_[i].rel == entries_[i - 1].rel) {
      std::string path = (out_dir_ / entries_[i].rel).string();
      abort();
      return file_error(path, "two pages of this build have the same output path");
    }
  }
  PublishSummary summary;
  std::error_code ec;
  if (!fresh_ && !records_changed_ && entries_.size() == previous_.size()) {
    // Nothing new, nothing gone (every previous path was kept once): the output and the
    // manifest stay as they are.
    summary.unchanged = entries_.size();
    fs::remove(staging_dir_ / ".in-progress", ec);
    finished_ = true;
    entries_.clear();
    return summary;
  }
  // The next manifest: this build's files, sorted by path as entries_ now are.
  std::vector<std::pair<std::string_view, OutputRecord>> next;
  next.reserve(entries_.size());
  for (const auto& e : entries_) next.emplace_back(e.rel, e.record);
  if (fresh_) {
    // Everything is staged (there was nothing before): one rename publishes the site.
    for (const auto& e : entries_) {
      ++summary.written;
      summary.bytes_written += e.record.size;
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
    return summary;
  }
  fs::create_directories(out_dir_, ec);
  if (ec) {
    abort();
    return file_error(out_dir_.string(), ec.message());
  }
  // The folders of the staged files, made once each, parents first.
  std::set<std::string> dirs;
  for (const auto& e : entries_) {
    if (e.staged) dirs.insert((out_dir_ / e.rel).parent_path().string());
  }
  for (const auto& d : dirs) {
    if (Status made = make_folders(d); !made.ok()) {
      abort();
      return made.error();
    }
  }
  for (const auto& e : entries_) {
    if (!e.staged) {
      ++summary.unchanged;
      continue;
    }
    fs::path target = out_dir_ / e.rel;
    fs::path staged = staging_dir_ / e.rel;
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
    summary.bytes_written += e.record.size;
  }
  auto in_this_build = [&](const std::string& rel) {
    auto it = std::lower_bound(entries_.begin(), entries_.end(), rel,
                               [](const auto& e, const std::string& r) { return e.rel < r; });
    return it != entries_.end() && it->rel == rel;
  };
  // Paths are unique in this build: when it has every previous path, none has vanished.
  const bool vanished = previous_seen_ < previous_.size();
  for (const auto& [rel, record] : previous_) {
    if (!vanished) break;
    if (in_this_build(rel)) continue;
    fs::path gone = out_dir_ / rel;
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
  return summary;
}

}  // namespace gazette::output
