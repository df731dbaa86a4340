#include "site/build_stamp.hpp"

#include <sys/stat.h>

#include <fmt/format.h>

#include <cstdio>
#include <system_error>

#include "base/file.hpp"
#include "output/files.hpp"

namespace gazette::site {

namespace fs = std::filesystem;

namespace {
constexpr const char* kFile = "build-stamp";
constexpr const char* kFormat = "gazette-build-stamp 1";
}  // namespace

std::string program_identity() {
  std::string id = GAZETTE_VERSION;
  struct stat st {};
  if (::stat("/proc/self/exe", &st) == 0) {
    id += fmt::format(":{}:{}.{}", st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
  }
  return id;
}

std::optional<BuildStamp> load_build_stamp(const fs::path& cache_dir) {
  auto bytes = read_file(cache_dir / kFile);
  if (!bytes.ok()) return std::nullopt;
  BuildStamp s;
  unsigned long long inputs = 0, issues = 0, articles = 0, files = 0;
  char end = 0;
  const std::string format = fmt::format("{}\n%llx %llu %llu %llu%c", kFormat);
  if (std::sscanf(bytes->c_str(), format.c_str(), &inputs, &issues, &articles, &files, &end) != 5 ||
      end != '\n') {
    return std::nullopt;
  }
  s.inputs = inputs;
  s.issues = issues;
  s.articles = articles;
  s.files = files;
  return s;
}

Status save_build_stamp(const fs::path& cache_dir, const BuildStamp& stamp) {
  return output::write_file_atomic(
      cache_dir / kFile, fmt::format("{}\n{:x} {} {} {}\n", kFormat, stamp.inputs, stamp.issues,
                                     stamp.articles, stamp.files));
}

void forget_build_stamp(const fs::path& cache_dir) {
  std::error_code ec;
  fs::remove(cache_dir / kFile, ec);
}

}  // namespace gazette::site
