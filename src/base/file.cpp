#include "base/file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace gazette {

Result<std::string_view> read_file_into(const std::filesystem::path& path, std::string& buffer) {
  const std::string name = path.string();
  int fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return file_error(name, std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return file_error(name, S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file");
  }
  // The buffer only grows: its bytes beyond the file's are left as they are.
  if (buffer.size() < static_cast<size_t>(st.st_size))
    buffer.resize(static_cast<size_t>(st.st_size));
  size_t done = 0;
  while (true) {
    if (done == buffer.size()) buffer.resize(buffer.size() + 65536);  // the file grew meanwhile
    ssize_t n = ::read(fd, buffer.data() + done, buffer.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      return file_error(name, std::strerror(err));
    }
    if (n == 0) break;
    done += static_cast<size_t>(n);
  }
  ::close(fd);
  return std::string_view(buffer.data(), done);
}

Result<std::string> read_file(const std::filesystem::path& path) {
  std::string bytes;
  auto read = read_file_into(path, bytes);
  if (!read.ok()) return read.error();
  bytes.resize(read->size());
  return bytes;
}

std::string file_version(const std::filesystem::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {};
  return std::to_string(st.st_size) + ':' + std::to_string(st.st_mtim.tv_sec) + '.' +
         std::to_string(st.st_mtim.tv_nsec);
}

}  // namespace gazette
