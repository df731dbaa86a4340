// The record of what the last build wrote: every output file with the hash and size of its
// bytes and the fingerprint of the inputs it was rendered from. Kept in the cache folder
// beside the output; it lets a rebuild skip unchanged pages and delete vanished ones.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "base/string_index.hpp"

namespace gazette::output {

// One output file as last written.
struct OutputRecord {
  std::uint64_t hash = 0;         // content_hash of its bytes
  std::uint64_t size = 0;         // its size in bytes
  std::uint64_t fingerprint = 0;  // of the inputs it was made from (0: always remake)

  friend bool operator==(const OutputRecord&, const OutputRecord&) = default;
};

// One file of a manifest: its path (relative to the output folder, `/`-separated) and record.
struct ManifestEntry {
  std::string_view rel;
  OutputRecord record;
};

// The files of a build, sorted by path, each once. An archive's manifest has a few hundred
// thousand files: they are held in one block of text, found by path through a hash table.
class Manifest {
 public:
  static constexpr size_t npos = static_cast<size_t>(-1);

  Manifest() = default;
  // A manifest of these files, in any order (a later duplicate path is dropped).
  explicit Manifest(const std::vector<std::pair<std::string, OutputRecord>>& files);

  size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }
  const ManifestEntry& operator[](size_t i) const { return entries_[i]; }
  std::vector<ManifestEntry>::const_iterator begin() const { return entries_.begin(); }
  std::vector<ManifestEntry>::const_iterator end() const { return entries_.end(); }

  // The position of the file `rel`, or npos.
  size_t find(std::string_view rel) const;

  // Forgets every file's hash, size and fingerprint (the paths stay): nothing is current.
  void forget_records();

 private:
  friend Manifest load_manifest(const std::filesystem::path& file);
  void index();  // makes paths_ for entries_

  std::unique_ptr<std::string> text_;  // what the paths point into (stays put when moved)
  std::vector<ManifestEntry> entries_;
  StringIndex paths_;  // path → position in entries_
};

// Reads a manifest; an absent or unreadable one (an old or damaged cache) is an empty
// manifest, which makes the next build a full one — never a wrong one.
Manifest load_manifest(const std::filesystem::path& file);

// Writes a manifest given as entries sorted by path (a Manifest's own, or a build's), atomically.
Status save_manifest(const std::filesystem::path& file, std::span<const ManifestEntry> sorted);
inline Status save_manifest(const std::filesystem::path& file, const Manifest& manifest) {
  return save_manifest(file, std::span<const ManifestEntry>(manifest.begin(), manifest.end()));
}

}  // namespace gazette::output
