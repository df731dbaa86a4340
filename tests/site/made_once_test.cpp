#include "site/made_once.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

namespace gazette::site {
namespace {

TEST(MadeOnce, MakesTheValueOnceWhateverTheNumberOfThreadsAsking) {
  constexpr int kValues = 200, kThreads = 8;
  std::vector<MadeOnce> once(kValues);
  std::vector<int> values(kValues, 0);
  std::vector<std::atomic<int>> runs(kValues);
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int k = 0; k < kValues; ++k) {
        const int v = (k + t) % kValues;  // threads start at different values, then meet
        once[static_cast<size_t>(v)]([&] {
          runs[static_cast<size_t>(v)].fetch_add(1);
          std::this_thread::yield();  // let others arrive while it is being made
          values[static_cast<size_t>(v)] = v * 10 + 1;
        });
        if (values[static_cast<size_t>(v)] != v * 10 + 1) wrong.fetch_add(1);
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(wrong.load(), 0);  // every caller sees the value made
  for (int k = 0; k < kValues; ++k) EXPECT_EQ(runs[static_cast<size_t>(k)].load(), 1) << k;
}

TEST(MadeOnce, AValueWhoseMakingThrewIsMadeAgainNextTime) {
  MadeOnce once;
  int runs = 0;
  EXPECT_THROW(once([&] {
                 ++runs;
                 throw std::runtime_error("no");
               }),
               std::runtime_error);
  once([&] { ++runs; });
  once([&] { ++runs; });
  EXPECT_EQ(runs, 2);
}

}  // namespace
}  // namespace gazette::site
