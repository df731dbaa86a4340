// The build stamp: what the last build that published its output was made from (one hash
// over every input: settings, theme strings and templates, static files, each content file's
// version, the output folder) and what it published. A build whose inputs hash to the
// stamp's, into an output folder that is still there, has nothing to do: the site model and
// the render plan of a large archive are skipped, which makes a no-op rebuild of 100,000
// articles cost little more than looking at its files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "base/result.hpp"

namespace gazette::site {

struct BuildStamp {
  std::uint64_t inputs = 0;  // hash of every input of the build
  std::uint64_t issues = 0;  // what the build published, for its summary
  std::uint64_t articles = 0;
  std::uint64_t files = 0;
};

// Which gazette made a cache: its version and the size and time of its executable, so that
// another build of gazette (an upgrade, or a developer's rebuild) never trusts what an older
// one cached or rendered.
std::string program_identity();

// The stamp kept in `cache_dir`; none when missing or damaged.
std::optional<BuildStamp> load_build_stamp(const std::filesystem::path& cache_dir);

// Records the stamp of a build that just published its output.
Status save_build_stamp(const std::filesystem::path& cache_dir, const BuildStamp& stamp);

// Forgets the stamp: called before a build starts changing the output, so that a build
// interrupted halfway is never taken for a finished one.
void forget_build_stamp(const std::filesystem::path& cache_dir);

}  // namespace gazette::site
