#include "markdown/folder_writer.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

#include "markdown/issue_reader.hpp"

namespace gazette::markdown {

namespace fs = std::filesystem;

namespace {

std::string errno_text() {
  return std::strerror(errno);
}

// Writes and flushes one new file (mode 0666 less the umask, like any file a tool creates).
Status write_new_file(const fs::path& path, std::string_view bytes) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) return file_error(path.string(), "cannot create: " + errno_text());
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      std::string why = errno_text();
      ::close(fd);
      return file_error(path.string(), "cannot write: " + why);
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    return file_error(path.string(), "cannot write: " + errno_text());
  }
  return {};
}

// A new, empty, hidden folder beside `dir` (mode 0777 less the umask).
Result<fs::path> make_temp_folder(const fs::path& dir) {
  static std::atomic<unsigned> counter{0};
  fs::path parent = dir.parent_path().empty() ? fs::path(".") : dir.parent_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    fs::path tmp = parent / fmt::format(".{}.gazette-{}-{}", dir.filename().string(), ::getpid(),
                                        counter.fetch_add(1));
    if (::mkdir(tmp.c_str(), 0777) == 0) return tmp;
    if (errno != EEXIST) {
      return file_error(tmp.string(), "cannot create a temporary folder: " + errno_text());
    }
  }
  return file_error(dir.string(), "cannot create a temporary folder beside it");
}

bool is_empty_folder(const fs::path& dir) {
  std::error_code ec;
  return fs::is_empty(dir, ec) && !ec;
}

// Exchanges two paths atomically (Linux renameat2); false when the file system cannot.
bool exchange(const fs::path& a, const fs::path& b) {
  return ::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0;
}

}  // namespace

std::string issue_folder_name(std::string_view source_path) {
  std::string stem = fs::path(source_path).stem().string();
  return stem.empty() || stem == "." || stem == ".." ? std::string("issue") : stem;
}

Status write_issue_folder(const std::vector<IssueFile>& files, const fs::path& dir, bool replace) {
  std::error_code ec;
  bool exists = fs::symlink_status(dir, ec).type() != fs::file_type::not_found;
  if (exists) {
    if (!replace) {
      return file_error(dir.string(),
                        "already exists: not overwriting it (use --force to "
                        "replace an issue folder)");
    }
    if (fs::is_symlink(dir, ec)) {
      return file_error(dir.string(), "is a symbolic link: not replacing it, even with --force");
    }
    if (!fs::is_directory(dir, ec) || (!is_issue_folder(dir) && !is_empty_folder(dir))) {
      return file_error(dir.string(),
                        "exists and is not an issue folder (no issue.yaml): "
                        "not replacing it, even with --force");
    }
  }
  if (!dir.parent_path().empty()) {
    fs::create_directories(dir.parent_path(), ec);
    if (ec) return file_error(dir.parent_path().string(), "cannot create: " + ec.message());
  }

  auto tmp = make_temp_folder(dir);
  if (!tmp.ok()) return tmp.error();
  auto fail = [&](Error e) -> Status {
    std::error_code ignored;
    fs::remove_all(*tmp, ignored);
    return e;
  };
  for (const IssueFile& file : files) {
    if (Status s = write_new_file(*tmp / file.name, file.content); !s.ok()) return fail(s.error());
  }
  if (int fd = ::open(tmp->c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }

  if (exists) {
    // One step when the file system allows it; else the old folder is moved aside first.
    if (!exchange(*tmp, dir)) {
      fs::path aside = tmp->string() + ".old";
      if (::rename(dir.c_str(), aside.c_str()) != 0) {
        return fail(file_error(dir.string(), "cannot replace: " + errno_text()));
      }
      if (::rename(tmp->c_str(), dir.c_str()) != 0) {
        std::string why = errno_text();
        ::rename(aside.c_str(), dir.c_str());
        return fail(file_error(dir.string(), "cannot replace: " + why));
      }
      fs::remove_all(aside, ec);
      return {};
    }
    fs::remove_all(*tmp, ec);  // now the old folder
    return {};
  }
  // Never over something that appeared meanwhile (plain rename where the file system cannot).
  int moved = ::renameat2(AT_FDCWD, tmp->c_str(), AT_FDCWD, dir.c_str(), RENAME_NOREPLACE);
  if (moved != 0 && (errno == EINVAL || errno == ENOSYS))
    moved = ::rename(tmp->c_str(), dir.c_str());
  if (moved != 0) {
    std::string why = errno == EEXIST ? std::string("it appeared while writing") : errno_text();
    return fail(file_error(dir.string(), "cannot create: " + why));
  }
  return {};
}

}  // namespace gazette::markdown
