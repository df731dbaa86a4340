// A vector that keeps its first N elements inline (internal to the engine): the arguments of a
// filter or macro call are usually few, and rendering should not allocate for them. Only the
// elements in use are constructed.
#pragma once

#include <cstddef>
#include <new>
#include <span>
#include <utility>
#include <vector>

namespace gazette::templating {

template <class T, size_t N>
class SmallVector {
 public:
  SmallVector() = default;
  SmallVector(const SmallVector&) = delete;
  SmallVector& operator=(const SmallVector&) = delete;
  SmallVector(SmallVector&& other) noexcept { take(other); }
  SmallVector& operator=(SmallVector&& other) noexcept {
    if (this != &other) {
      clear();
      take(other);
    }
    return *this;
  }
  ~SmallVector() { clear(); }

  void clear() {
    if (!heap_moved_) {
      for (size_t i = 0; i < size_; ++i) inline_at(i)->~T();
    }
    heap_.clear();
    heap_moved_ = false;
    size_ = 0;
  }

  [[gnu::always_inline]] void push_back(T value) {
    if (!heap_moved_ && size_ < N) [[likely]] {
      new (inline_at(size_)) T(std::move(value));
      ++size_;
      return;
    }
    push_to_heap(std::move(value));
  }
  // Room for `n` elements without moving any (pointers to elements stay valid up to `n`).
  void reserve(size_t n) {
    if (heap_moved_) {
      heap_.reserve(n);
    } else if (n > N) {
      move_to_heap(n);
    }
  }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T& operator[](size_t i) { return heap_moved_ ? heap_[i] : *inline_at(i); }
  const T& operator[](size_t i) const { return heap_moved_ ? heap_[i] : *inline_at(i); }
  T& back() { return (*this)[size_ - 1]; }
  std::span<const T> span() const {
    return heap_moved_ ? std::span<const T>(heap_) : std::span<const T>(inline_at(0), size_);
  }
  std::span<T> span() {
    return heap_moved_ ? std::span<T>(heap_) : std::span<T>(inline_at(0), size_);
  }

 private:
  T* inline_at(size_t i) { return std::launder(reinterpret_cast<T*>(storage_)) + i; }
  const T* inline_at(size_t i) const {
    return std::launder(reinterpret_cast<const T*>(storage_)) + i;
  }
  void take(SmallVector& other) {
    if (other.heap_moved_) {
      heap_ = std::move(other.heap_);
      heap_moved_ = true;
    } else {
      for (size_t i = 0; i < other.size_; ++i) {
        new (inline_at(i)) T(std::move(*other.inline_at(i)));
        other.inline_at(i)->~T();
      }
    }
    size_ = other.size_;
    other.size_ = 0;
    other.heap_moved_ = false;
    other.heap_.clear();
  }
  [[gnu::noinline]] void push_to_heap(T value) {
    if (!heap_moved_) move_to_heap(N * 2);
    heap_.push_back(std::move(value));
    size_ = heap_.size();
  }
  void move_to_heap(size_t capacity) {
    heap_.reserve(capacity);
    for (size_t i = 0; i < size_; ++i) {
      heap_.push_back(std::move(*inline_at(i)));
      inline_at(i)->~T();
    }
    heap_moved_ = true;
  }

  alignas(T) unsigned char storage_[sizeof(T) * N];
  std::vector<T> heap_;
  size_t size_ = 0;
  bool heap_moved_ = false;
};

}  // namespace gazette::templating
