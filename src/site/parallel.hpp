// Spreading independent work over threads: every item is handed to exactly one worker, and
// each worker knows its own number so it can use its own ICU objects, batches and buffers.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace gazette::site {

// The number of workers to use for `requested` (0: one per hardware thread) and `items`.
inline int worker_count(int requested, size_t items) {
  int hw = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  int n = requested > 0 ? requested : hw;
  return static_cast<int>(std::max<size_t>(1, std::min<size_t>(static_cast<size_t>(n), items)));
}

// Calls `work(item, worker)` for every item in [0, items) on `workers` threads (the calling
// thread is worker 0). Items are taken in small chunks from a shared counter, so uneven items
// balance out; the first `long_items` (the longest tasks, put first so that they do not end
// the run alone) are taken one at a time. An exception in any worker is rethrown here after
// all have stopped.
template <class Work>
void parallel_for(size_t items, int workers, Work&& work, size_t long_items = 0) {
  if (items == 0) return;
  if (workers <= 1) {
    for (size_t i = 0; i < items; ++i) work(i, 0);
    return;
  }
  const size_t chunk =
      std::max<size_t>(1, std::min<size_t>(64, items / (static_cast<size_t>(workers) * 8)));
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::vector<std::exception_ptr> errors(static_cast<size_t>(workers));
  auto run = [&](int worker) {
    try {
      while (!failed.load(std::memory_order_relaxed)) {
        size_t start = next.load(std::memory_order_relaxed), take = 0;
        do {
          take = start < long_items ? 1 : chunk;
        } while (!next.compare_exchange_weak(start, start + take, std::memory_order_relaxed));
        if (start >= items) break;
        size_t end = std::min(items, start + take);
        for (size_t i = start; i < end; ++i) work(i, worker);
      }
    } catch (...) {
      errors[static_cast<size_t>(worker)] = std::current_exception();
      failed = true;
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(static_cast<size_t>(workers - 1));
  for (int w = 1; w < workers; ++w) threads.emplace_back(run, w);
  run(0);
  for (auto& t : threads) t.join();
  for (auto& e : errors) {
    if (e) std::rethrow_exception(e);
  }
}

}  // namespace gazette::site
