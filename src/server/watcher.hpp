// Watching a site's sources for changes (Linux inotify): the folders given, recursively,
// including folders created later. Edits arrive in bursts (an editor writes a temporary file
// and renames it; a `git checkout` touches hundreds of files): `wait_for_changes` returns
// once the burst is over, so a burst causes one rebuild.
#pragma once

#include <chrono>
#include <filesystem>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/result.hpp"

namespace gazette::server {

class Watcher {
 public:
  // Watches each folder of `dirs` recursively (a folder created later is watched from its
  // creation on) and each file of `files` (by watching its folder). Paths under `ignored`
  // (the output folder, the cache) are never reported.
  static Result<Watcher> open(const std::vector<std::filesystem::path>& dirs,
                              const std::vector<std::filesystem::path>& files,
                              const std::vector<std::filesystem::path>& ignored);
  Watcher(Watcher&& other) noexcept;
  Watcher& operator=(Watcher&&) = delete;
  ~Watcher();

  // Waits up to `timeout` for a change; then keeps collecting until nothing has changed for
  // `quiet`. Returns the changed paths (empty on timeout or when `cancelled()` returns true).
  template <class Cancelled>
  std::set<std::filesystem::path> wait_for_changes(std::chrono::milliseconds timeout,
                                                   std::chrono::milliseconds quiet,
                                                   Cancelled cancelled) {
    std::set<std::filesystem::path> changed;
    if (!poll(timeout, changed) || cancelled()) return {};
    while (poll(quiet, changed)) {
      if (cancelled()) return {};
    }
    return changed;
  }

 private:
  Watcher() = default;
  // Reads the events available within `timeout` into `changed`; false when none came.
  bool poll(std::chrono::milliseconds timeout, std::set<std::filesystem::path>& changed);
  void add_tree(const std::filesystem::path& dir);
  bool is_ignored(const std::filesystem::path& p) const;

  int fd_ = -1;
  std::unordered_map<int, std::filesystem::path> dirs_;  // watch descriptor → folder
  std::set<std::filesystem::path> files_;                // single files watched
  std::set<std::filesystem::path> file_dirs_;            // their folders (watched flat)
  std::set<std::filesystem::path> tree_dirs_;            // folders watched as part of a tree
  std::vector<std::filesystem::path> ignored_;
};

}  // namespace gazette::server
