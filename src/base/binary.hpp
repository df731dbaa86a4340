// A compact binary encoding for gazette's caches: unsigned varints and length-prefixed byte
// strings. Reading checks every length against what is left, so a damaged or truncated cache
// file is detected (and the cache ignored), never read out of bounds.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gazette {

class BinaryWriter {
 public:
  void u64(std::uint64_t n) {
    while (n >= 0x80) {
      bytes_ += static_cast<char>((n & 0x7F) | 0x80);
      n >>= 7;
    }
    bytes_ += static_cast<char>(n);
  }
  void i64(std::int64_t n) { u64((static_cast<std::uint64_t>(n) << 1) ^ static_cast<std::uint64_t>(n >> 63)); }
  void str(std::string_view s) {
    u64(s.size());
    bytes_.append(s);
  }
  std::string& bytes() { return bytes_; }

 private:
  std::string bytes_;
};

class BinaryReader {
 public:
  explicit BinaryReader(std::string_view bytes) : rest_(bytes) {}

  bool u64(std::uint64_t& n) {
    n = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (rest_.empty()) return fail();
      auto b = static_cast<unsigned char>(rest_.front());
      rest_.remove_prefix(1);
      n |= static_cast<std::uint64_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return true;
    }
    return fail();
  }
  bool i64(std::int64_t& n) {
    std::uint64_t z = 0;
    if (!u64(z)) return false;
    n = static_cast<std::int64_t>((z >> 1) ^ (~(z & 1) + 1));
    return true;
  }
  bool str(std::string& s) {
    std::uint64_t size = 0;
    if (!u64(size) || size > rest_.size()) return fail();
    s.assign(rest_.data(), static_cast<size_t>(size));
    rest_.remove_prefix(static_cast<size_t>(size));
    return true;
  }
  // Whether everything read so far was well formed.
  bool ok() const { return ok_; }
  bool at_end() const { return rest_.empty(); }

 private:
  bool fail() {
    ok_ = false;
    rest_ = {};
    return false;
  }
  std::string_view rest_;
  bool ok_ = true;
};

}  // namespace gazette
