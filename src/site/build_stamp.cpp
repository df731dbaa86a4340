#include "site/build_stamp.hpp"

#include <system_error>

#include "base/binary.hpp"
#include "base/file.hpp"
#include "output/files.hpp"

namespace gazette::site {

namespace fs = std::filesystem;

namespace {
constexpr const char* kFile = "build-stamp";
constexpr std::string_view kMagic = "gazette-build-stamp 2";
}  // namespace

std::string program_identity() {
  return std::string(GAZETTE_VERSION) + ":" + file_version("/proc/self/exe");
}

std::optional<BuildStamp> load_build_stamp(const fs::path& cache_dir) {
  auto bytes = read_file(cache_dir / kFile);
  if (!bytes.ok()) return std::nullopt;
  BinaryReader in(*bytes);
  std::string magic;
  BuildStamp s;
  if (!in.str(magic) || magic != kMagic || !in.u64(s.inputs) || !in.u64(s.issues) ||
      !in.u64(s.articles) || !in.u64(s.files) || !in.at_end()) {
    return std::nullopt;
  }
  return s;
}

Status save_build_stamp(const fs::path& cache_dir, const BuildStamp& stamp) {
  BinaryWriter out;
  out.str(kMagic);
  for (std::uint64_t n : {stamp.inputs, stamp.issues, stamp.articles, stamp.files}) out.u64(n);
  return output::write_file_atomic(cache_dir / kFile, out.bytes());
}

void forget_build_stamp(const fs::path& cache_dir) {
  std::error_code ec;
  fs::remove(cache_dir / kFile, ec);
}

}  // namespace gazette::site
