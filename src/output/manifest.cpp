#include "output/manifest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <vector>

#include "base/file.hpp"
#include "output/files.hpp"

namespace gazette::output {

namespace {

constexpr std::string_view kHeader = "gazette-manifest 1\n";

bool parse_hex(std::string_view s, std::uint64_t& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out, 16);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

Manifest load_manifest(const std::filesystem::path& file) {
  Manifest manifest;
  auto bytes = read_file(file);
  if (!bytes.ok() || bytes->compare(0, kHeader.size(), kHeader) != 0) return manifest;
  std::string_view text(*bytes);
  text.remove_prefix(kHeader.size());
  // Lines: <hash hex> <size hex> <fingerprint hex> <path>
  while (!text.empty()) {
    size_t nl = text.find('\n');
    if (nl == std::string_view::npos) return {};  // truncated: trust nothing
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl + 1);
    OutputRecord r;
    size_t a = line.find(' ');
    size_t b = a == std::string_view::npos ? a : line.find(' ', a + 1);
    size_t c = b == std::string_view::npos ? b : line.find(' ', b + 1);
    if (c == std::string_view::npos || !parse_hex(line.substr(0, a), r.hash) ||
        !parse_hex(line.substr(a + 1, b - a - 1), r.size) ||
        !parse_hex(line.substr(b + 1, c - b - 1), r.fingerprint) ||
        !is_safe_relative_path(line.substr(c + 1))) {
      return {};
    }
    manifest.emplace(std::string(line.substr(c + 1)), r);
  }
  return manifest;
}

Status save_manifest(const std::filesystem::path& file, const Manifest& manifest) {
  // Sorted, so the file itself is deterministic.
  std::vector<std::pair<std::string_view, OutputRecord>> sorted(manifest.begin(), manifest.end());
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& x, const auto& y) { return x.first < y.first; });
  return save_manifest(file, sorted);
}

Status save_manifest(const std::filesystem::path& file,
                     const std::vector<std::pair<std::string_view, OutputRecord>>& sorted) {
  std::string out(kHeader);
  out.reserve(sorted.size() * 80);
  for (const auto& [rel, record] : sorted) {
    fmt::format_to(std::back_inserter(out), "{:x} {:x} {:x} {}\n", record.hash, record.size,
                   record.fingerprint, rel);
  }
  return write_file_atomic(file, out);
}

}  // namespace gazette::output
