// Where a command's site, output and installed themes are.
#pragma once

#include <filesystem>
#include <string>

#include "base/result.hpp"
#include "ingest/ingest.hpp"

namespace gazette::cli {

// The themes installed with gazette: `<bin>/../share/gazette/themes` beside an installed
// binary, else the source tree's themes/ (for a binary run from its build folder).
std::filesystem::path builtin_themes_dir();

// The output folder for a site: `--out` when given (relative to the working folder), else
// `<site>/public`.
std::filesystem::path output_dir(const std::filesystem::path& site, const std::string& out);

// Ingestion settings for `parse` and `convert`: those of the site in `site` when given, else of
// the site in the working folder when there is one (so that they show what `gazette build`
// makes of a .txt), else the defaults.
Result<ingest::Options> site_ingest_options(const std::string& site);

}  // namespace gazette::cli
