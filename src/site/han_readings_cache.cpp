#include "site/han_readings_cache.hpp"

#include "base/file.hpp"
#include "output/files.hpp"
#include "site/build_stamp.hpp"

namespace gazette::site {

namespace {
constexpr const char* kFile = "han-readings";
}  // namespace

std::unique_ptr<text::HanReadings> load_han_readings(const std::filesystem::path& cache_dir) {
  auto bytes = read_file(cache_dir / kFile);
  if (!bytes.ok()) return nullptr;
  // First line: the gazette that wrote it (its rules for reading ICU's may change).
  const std::string first = program_identity() + "\n";
  if (bytes->compare(0, first.size(), first) != 0) return nullptr;
  return text::HanReadings::parse(std::string_view(*bytes).substr(first.size()));
}

Status save_han_readings(const std::filesystem::path& cache_dir,
                         const text::HanReadings& readings) {
  return output::write_file_atomic(cache_dir / kFile, program_identity() + "\n" + readings.text());
}

}  // namespace gazette::site
