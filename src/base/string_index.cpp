#include "base/string_index.hpp"

#include <xxhash.h>

namespace gazette {

StringIndex::StringIndex(size_t expected) {
  size_t n = 16;
  while (n < expected * 2) n *= 2;
  slots_.resize(n);
}

std::uint32_t StringIndex::hash_of(std::string_view key) {
  return static_cast<std::uint32_t>(XXH3_64bits(key.data(), key.size()));
}

std::uint32_t StringIndex::find(std::string_view key) const {
  if (slots_.empty()) return npos;
  const std::uint32_t h = hash_of(key);
  const size_t mask = slots_.size() - 1;
  for (size_t s = h & mask; slots_[s].position != npos; s = (s + 1) & mask) {
    if (slots_[s].hash == h && slots_[s].key == key) return slots_[s].position;
  }
  return npos;
}

std::pair<std::uint32_t, bool> StringIndex::try_emplace(std::string_view key,
                                                        std::uint32_t position) {
  if ((size_ + 1) * 2 > slots_.size()) grow();
  const std::uint32_t h = hash_of(key);
  const size_t mask = slots_.size() - 1;
  size_t s = h & mask;
  for (; slots_[s].position != npos; s = (s + 1) & mask) {
    if (slots_[s].hash == h && slots_[s].key == key) return {slots_[s].position, false};
  }
  slots_[s] = Slot{key, h, position};
  ++size_;
  return {position, true};
}

void StringIndex::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
  const size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.position == npos) continue;
    size_t s = slot.hash & mask;
    while (slots_[s].position != npos) s = (s + 1) & mask;
    slots_[s] = slot;
  }
}

}  // namespace gazette
