// The romanisation table of Han characters (text::HanReadings) kept in the build's cache
// folder, so that a rebuild whose issues bring no new character never compiles ICU's
// transliteration rules.
#pragma once

#include <filesystem>
#include <memory>

#include "base/result.hpp"
#include "text/slug.hpp"

namespace gazette::site {

// The table a build of this same gazette kept in `cache_dir`; none when there is none, it is
// damaged, or another gazette or ICU wrote it.
std::unique_ptr<text::HanReadings> load_han_readings(const std::filesystem::path& cache_dir);

// Keeps `readings` in `cache_dir` for the next build.
Status save_han_readings(const std::filesystem::path& cache_dir, const text::HanReadings& readings);

}  // namespace gazette::site
