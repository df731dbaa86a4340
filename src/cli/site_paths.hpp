// Where a command's site, output and installed themes are.
#pragma once

#include <filesystem>
#include <string>

namespace gazette::cli {

// The themes installed with gazette: `<bin>/../share/gazette/themes` beside an installed
// binary, else the source tree's themes/ (for a binary run from its build folder).
std::filesystem::path builtin_themes_dir();

// The output folder for a site: `--out` when given (relative to the working folder), else
// `<site>/public`.
std::filesystem::path output_dir(const std::filesystem::path& site, const std::string& out);

}  // namespace gazette::cli
