#include "server/watcher.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <system_error>

namespace gazette::server {

namespace fs = std::filesystem;

namespace {
constexpr uint32_t kMask = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO |
                           IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB | IN_MODIFY;
}

Result<Watcher> Watcher::open(const std::vector<fs::path>& dirs, const std::vector<fs::path>& files,
                              const std::vector<fs::path>& ignored) {
  Watcher w;
  w.fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (w.fd_ < 0) return file_error("inotify", std::strerror(errno));
  std::error_code ec;
  for (const auto& p : ignored) w.ignored_.push_back(fs::weakly_canonical(p, ec));
  std::vector<fs::path> flat = files;
  for (const auto& d : dirs) {
    if (fs::is_directory(d, ec)) {
      w.add_tree(fs::weakly_canonical(d, ec));
    } else {
      flat.push_back(d);  // not there yet: its creation is watched for, then its tree
    }
  }
  for (const auto& f : flat) {
    fs::path file = fs::weakly_canonical(f, ec);
    w.files_.insert(file);
    fs::path dir = file.parent_path();
    if (w.file_dirs_.insert(dir).second) {
      int wd = ::inotify_add_watch(w.fd_, dir.c_str(), kMask);
      if (wd >= 0 && !w.dirs_.count(wd)) w.dirs_.emplace(wd, dir);
    }
  }
  return w;
}

Watcher::Watcher(Watcher&& other) noexcept
    : fd_(other.fd_),
      dirs_(std::move(other.dirs_)),
      files_(std::move(other.files_)),
      file_dirs_(std::move(other.file_dirs_)),
      tree_dirs_(std::move(other.tree_dirs_)),
      ignored_(std::move(other.ignored_)) {
  other.fd_ = -1;
}

Watcher::~Watcher() {
  if (fd_ >= 0) ::close(fd_);
}

bool Watcher::is_ignored(const fs::path& p) const {
  for (const auto& ig : ignored_) {
    auto [a, b] = std::mismatch(ig.begin(), ig.end(), p.begin(), p.end());
    if (a == ig.end()) return true;
  }
  std::string name = p.filename().string();
  // Editors' swap and backup files.
  return name.empty() || name.back() == '~' || name.rfind(".#", 0) == 0 ||
         (name.front() == '.' && (name.ends_with(".swp") || name.ends_with(".swx")));
}

void Watcher::add_tree(const fs::path& dir) {
  if (is_ignored(dir)) return;
  int wd = ::inotify_add_watch(fd_, dir.c_str(), kMask);
  if (wd < 0) return;
  dirs_[wd] = dir;
  tree_dirs_.insert(dir);
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_directory(ec) && !it->is_symlink(ec)) add_tree(it->path());
  }
}

bool Watcher::poll(std::chrono::milliseconds timeout, std::set<fs::path>& changed) {
  struct pollfd pfd {
    fd_, POLLIN, 0
  };
  int ready = ::poll(&pfd, 1, static_cast<int>(timeout.count()));
  if (ready <= 0) return false;
  alignas(struct inotify_event) char buf[65536];
  bool any = false;
  while (true) {
    ssize_t n = ::read(fd_, buf, sizeof buf);
    if (n <= 0) break;
    for (char* p = buf; p < buf + n;) {
      auto* ev = reinterpret_cast<struct inotify_event*>(p);
      p += sizeof(struct inotify_event) + ev->len;
      auto it = dirs_.find(ev->wd);
      if (it == dirs_.end()) continue;
      fs::path path = ev->len ? it->second / ev->name : it->second;
      if (ev->mask & IN_IGNORED) {
        dirs_.erase(it);
        continue;
      }
      if (is_ignored(path)) continue;
      // A folder watched only for some of its files (the site folder, for site.yaml) reports
      // only those.
      if (!tree_dirs_.count(it->second) && !files_.count(path)) continue;
      if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO))) add_tree(path);
      changed.insert(path);
      any = true;
    }
  }
  return any;
}

}  // namespace gazette::server
