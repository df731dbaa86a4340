// Positions of strings found by their text: an open-addressing hash table of string views, for
// the hundreds of thousands of paths and names of an archive without a node per entry. The
// strings live elsewhere and must outlive the index.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace gazette {

class StringIndex {
 public:
  static constexpr std::uint32_t npos = UINT32_MAX;

  StringIndex() = default;
  // An index made for about `expected` strings (it grows beyond).
  explicit StringIndex(size_t expected);

  // The position stored for `key`, or npos.
  std::uint32_t find(std::string_view key) const;

  // The position stored for `key` and false, or else `position`, stored now, and true.
  std::pair<std::uint32_t, bool> try_emplace(std::string_view key, std::uint32_t position);

  size_t size() const { return size_; }

 private:
  struct Slot {
    std::string_view key;
    std::uint32_t hash = 0;
    std::uint32_t position = npos;  // npos: empty
  };
  static std::uint32_t hash_of(std::string_view key);
  void grow();

  std::vector<Slot> slots_;  // a power of two, at most half full
  size_t size_ = 0;
};

}  // namespace gazette
