// Writing files so that a reader (a web server, a browser, another build) never sees half of
// one: write to a temporary file beside the target, then rename over it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>

#include "base/result.hpp"

namespace gazette::output {

// Writes `bytes` to `path` atomically, creating missing parent folders.
Status write_file_atomic(const std::filesystem::path& path, std::string_view bytes);

// Makes a folder and the parents it lacks (one that exists is fine): a single call when its
// parent exists, as it does for most of a site's folders.
Status make_folders(const std::filesystem::path& folder);

// Writes `bytes` to `path` (not atomically: for staging areas nobody reads from), creating
// missing parent folders.
Status write_file(const std::filesystem::path& path, std::string_view bytes);

// The 64-bit XXH3 hash of some bytes: how gazette tells whether an output changed.
std::uint64_t content_hash(std::string_view bytes);

// Whether `rel` is a safe relative output path: not empty, not absolute, no `.` or `..`
// components, no empty components, no backslashes or NUL bytes.
bool is_safe_relative_path(std::string_view rel);

}  // namespace gazette::output
