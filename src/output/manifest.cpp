#include "output/manifest.hpp"

#include <charconv>
#include <map>

#include "base/file.hpp"
#include "output/files.hpp"

namespace gazette::output {

namespace {

constexpr std::string_view kHeader = "gazette-manifest 1\n";

bool parse_hex(std::string_view s, std::uint64_t& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out, 16);
  return ec == std::errc() && p == s.data() + s.size();
}

void append_hex(std::string& out, std::uint64_t v) {
  char buf[16];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, 16);
  out.append(buf, end);
}

}  // namespace

Manifest::Manifest(const std::vector<std::pair<std::string, OutputRecord>>& files) {
  std::map<std::string_view, OutputRecord> sorted;
  for (const auto& [rel, record] : files) sorted.emplace(rel, record);
  size_t bytes = 0;
  for (const auto& [rel, record] : sorted) bytes += rel.size();
  text_ = std::make_unique<std::string>();
  text_->reserve(bytes);
  for (const auto& [rel, record] : sorted) text_->append(rel);
  size_t at = 0;
  for (const auto& [rel, record] : sorted) {
    entries_.push_back({std::string_view(*text_).substr(at, rel.size()), record});
    at += rel.size();
  }
  index();
}

void Manifest::index() {
  paths_ = StringIndex(entries_.size());
  for (size_t i = 0; i < entries_.size(); ++i)
    paths_.try_emplace(entries_[i].rel, static_cast<std::uint32_t>(i));
}

size_t Manifest::find(std::string_view rel) const {
  const std::uint32_t i = paths_.find(rel);
  return i == StringIndex::npos ? npos : i;
}

void Manifest::forget_records() {
  for (auto& e : entries_) e.record = OutputRecord{0, ~0ull, 0};
}

Manifest load_manifest(const std::filesystem::path& file) {
  Manifest manifest;
  auto bytes = read_file(file);
  if (!bytes.ok() || bytes->compare(0, kHeader.size(), kHeader) != 0) return manifest;
  manifest.text_ = std::make_unique<std::string>(std::move(*bytes));
  std::string_view text(*manifest.text_);
  text.remove_prefix(kHeader.size());
  manifest.entries_.reserve(text.size() / 80);
  // Lines: <hash hex> <size hex> <fingerprint hex> <path>, sorted by path.
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
        !parse_hex(line.substr(b + 1, c - b - 1), r.fingerprint)) {
      return {};
    }
    std::string_view rel = line.substr(c + 1);
    if (!is_safe_relative_path(rel) ||
        (!manifest.entries_.empty() && !(manifest.entries_.back().rel < rel))) {
      return {};  // not one of ours, or out of order: damaged
    }
    manifest.entries_.push_back({rel, r});
  }
  manifest.index();
  return manifest;
}

Status save_manifest(const std::filesystem::path& file, std::span<const ManifestEntry> sorted) {
  std::string out(kHeader);
  size_t bytes = out.size();
  for (const auto& e : sorted) bytes += e.rel.size() + 52;
  out.reserve(bytes);
  for (const auto& [rel, record] : sorted) {
    append_hex(out, record.hash);
    out += ' ';
    append_hex(out, record.size);
    out += ' ';
    append_hex(out, record.fingerprint);
    out += ' ';
    out += rel;
    out += '\n';
  }
  return write_file_atomic(file, out);
}

}  // namespace gazette::output
