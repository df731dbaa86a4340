// Work spread over threads: every item once, long items first one at a time, errors carried.
#include "site/parallel.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace gazette::site {
namespace {

TEST(ParallelFor, EveryItemOnceOnItsWorker) {
  for (size_t long_items : {size_t{0}, size_t{3}, size_t{5000}}) {
    std::vector<std::atomic<int>> seen(5000);
    std::atomic<int> bad_worker{0};
    parallel_for(
        seen.size(), 4,
        [&](size_t i, int worker) {
          ++seen[i];
          if (worker < 0 || worker >= 4) ++bad_worker;
        },
        long_items);
    for (const auto& n : seen) ASSERT_EQ(n.load(), 1) << long_items;
    EXPECT_EQ(bad_worker.load(), 0);
  }
}

TEST(ParallelFor, LongItemsGoToDifferentWorkers) {
  // Two long items and two workers: while one worker holds the first, the other takes the
  // second (in chunks it would have taken both).
  std::mutex m;
  std::vector<int> worker_of(2, -1);
  std::atomic<int> started{0};
  parallel_for(
      1000, 2,
      [&](size_t i, int worker) {
        if (i >= 2) return;
        {
          std::lock_guard lock(m);
          worker_of[i] = worker;
        }
        ++started;
        // Wait (bounded) for the other long item to start elsewhere.
        for (int spin = 0; spin < 2000000 && started.load() < 2; ++spin) std::this_thread::yield();
      },
      2);
  EXPECT_NE(worker_of[0], worker_of[1]);
}

TEST(ParallelFor, AnExceptionIsRethrown) {
  EXPECT_THROW(parallel_for(100, 3,
                            [](size_t i, int) {
                              if (i == 42) throw std::runtime_error("item 42");
                            }),
               std::runtime_error);
}

}  // namespace
}  // namespace gazette::site
