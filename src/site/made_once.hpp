// Values made on first use by whichever rendering thread asks first, then shared by all: a
// lighter std::call_once (glibc's wakes possible waiters with a system call every time a value
// is made, even when nobody waits — once per article summary of an archive).
#pragma once

#include <atomic>
#include <cstdint>
#include <thread>

namespace gazette::site {

// Whether one lazily made value has been made.
class MadeOnce {
 public:
  // Runs `make` the first time; a thread that asks while another one makes the value waits
  // until it is made. If `make` throws, the value counts as not made.
  template <class Make>
  void operator()(Make&& make) {
    while (true) {
      std::uint8_t state = state_.load(std::memory_order_acquire);
      if (state == kMade) return;
      if (state == kEmpty &&
          state_.compare_exchange_weak(state, kMaking, std::memory_order_acquire)) {
        try {
          make();
        } catch (...) {
          state_.store(kEmpty, std::memory_order_release);
          throw;
        }
        state_.store(kMade, std::memory_order_release);
        return;
      }
      std::this_thread::yield();  // made by another thread, in microseconds
    }
  }

 private:
  static constexpr std::uint8_t kEmpty = 0, kMaking = 1, kMade = 2;
  std::atomic<std::uint8_t> state_{kEmpty};
};

}  // namespace gazette::site
