#include "output/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>

namespace gazette::output {

namespace fs = std::filesystem;

namespace {

Status write_all(const fs::path& path, std::string_view bytes, int flags) {
  int fd = ::open(path.c_str(), flags | O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0) return file_error(path.string(), std::strerror(errno));
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      return file_error(path.string(), std::strerror(err));
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) return file_error(path.string(), std::strerror(errno));
  return {};
}

// Whether `folder` exists as a folder, after mkdir said that something by its name exists.
bool existing_folder(const std::string& folder) {
  struct stat st {};
  if (::stat(folder.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) return true;
  errno = ENOTDIR;
  return false;
}

// mkdir of `folder` and, where missing, its parents; false with errno set on failure.
bool make_folder_chain(const std::string& folder) {
  if (::mkdir(folder.c_str(), 0755) == 0) return true;
  if (errno == EEXIST) return existing_folder(folder);
  if (errno != ENOENT) return false;
  const size_t slash = folder.find_last_of('/');
  if (slash == std::string::npos || slash == 0) return false;
  if (!make_folder_chain(folder.substr(0, slash))) return false;
  if (::mkdir(folder.c_str(), 0755) == 0) return true;
  return errno == EEXIST && existing_folder(folder);
}

Status make_parent(const fs::path& path) {
  return make_folders(path.parent_path());
}

}  // namespace

Status make_folders(const fs::path& folder) {
  std::string f = folder.string();
  while (f.size() > 1 && f.back() == '/') f.pop_back();
  if (f.empty() || f == "." || make_folder_chain(f)) return {};
  return file_error(f, std::strerror(errno));
}

Status write_file(const fs::path& path, std::string_view bytes) {
  Status s = write_all(path, bytes, O_CREAT | O_TRUNC);
  if (s.ok() || errno != ENOENT) return s;
  if (Status made = make_parent(path); !made.ok()) return made;
  return write_all(path, bytes, O_CREAT | O_TRUNC);
}

Status write_file_atomic(const fs::path& path, std::string_view bytes) {
  if (Status s = make_parent(path); !s.ok()) return s;
  std::string tmp = path.string() + ".tmp-XXXXXX";
  int fd = ::mkstemp(tmp.data());
  if (fd < 0) return file_error(path.string(), std::strerror(errno));
  auto fail = [&](int err) {
    ::close(fd);
    ::unlink(tmp.c_str());
    return Status(file_error(path.string(), std::strerror(err)));
  };
  for (size_t done = 0; done < bytes.size();) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail(errno);
    done += static_cast<size_t>(n);
  }
  if (::fchmod(fd, 0644) != 0) return fail(errno);
  if (::close(fd) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    return file_error(path.string(), std::strerror(err));
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    return file_error(path.string(), std::strerror(err));
  }
  return {};
}

std::uint64_t content_hash(std::string_view bytes) {
  return XXH3_64bits(bytes.data(), bytes.size());
}

bool is_safe_relative_path(std::string_view rel) {
  if (rel.empty() || rel.front() == '/') return false;
  if (rel.find('\\') != std::string_view::npos || rel.find('\0') != std::string_view::npos) {
    return false;
  }
  size_t start = 0;
  while (start <= rel.size()) {
    size_t end = rel.find('/', start);
    if (end == std::string_view::npos) end = rel.size();
    std::string_view part = rel.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

}  // namespace gazette::output
