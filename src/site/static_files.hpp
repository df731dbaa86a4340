// Static files (CSS, scripts, images, fonts a site may ship): everything under the site's
// `static/` and the theme's `static/`, the site's file winning when both have one, copied to
// the same relative path in the output.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "base/result.hpp"
#include "output/publisher.hpp"

namespace gazette::site {

struct StaticFile {
  std::string rel;  // output path, `/`-separated
  std::filesystem::path source;
  std::uint64_t fingerprint;  // of its path, size and modification time
};

// The static files of `dirs` (first folder wins per path), in path order. Hidden files are
// skipped. A file whose output path collides with a page (`index.html` at the root, say) is
// the caller's to report.
Result<std::vector<StaticFile>> find_static_files(const std::vector<std::filesystem::path>& dirs);

// Copies one static file into a batch, unless the previous build already copied this very
// version of it.
Status publish_static_file(const StaticFile& file, output::OutputBatch& batch);

}  // namespace gazette::site
