// The record of what the last build wrote: every output file with the hash and size of its
// bytes and the fingerprint of the inputs it was rendered from. Kept in the cache folder
// beside the output; it lets a rebuild skip unchanged pages and delete vanished ones.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/result.hpp"
#include "base/string_hash.hpp"

namespace gazette::output {

// One output file as last written.
struct OutputRecord {
  std::uint64_t hash = 0;         // content_hash of its bytes
  std::uint64_t size = 0;         // its size in bytes
  std::uint64_t fingerprint = 0;  // of the inputs it was made from (0: always remake)
};

// Output path (relative to the output folder, `/`-separated) → its record.
using Manifest = std::unordered_map<std::string, OutputRecord, StringHash, std::equal_to<>>;

// Reads a manifest; an absent or unreadable one (an old or damaged cache) is an empty
// manifest, which makes the next build a full one — never a wrong one.
Manifest load_manifest(const std::filesystem::path& file);

// Writes a manifest atomically.
Status save_manifest(const std::filesystem::path& file, const Manifest& manifest);

// Writes a manifest given as (path, record) lines already sorted by path, atomically.
Status save_manifest(const std::filesystem::path& file,
                     const std::vector<std::pair<std::string_view, OutputRecord>>& sorted);

}  // namespace gazette::output
