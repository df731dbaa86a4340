// A fresh temporary folder per test: named after the test, this process and a counter, so
// tests of several build trees (build/, build-asan/) can run at the same time.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace gazette::testing {

inline std::filesystem::path temp_dir(const std::string& name) {
  static int counter = 0;
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string test = info ? std::string(info->test_suite_name()) + "." + info->name() : "global";
  auto dir = std::filesystem::temp_directory_path() /
             ("gazette-" + name + "-" + test + "-" + std::to_string(::getpid()) + "-" +
              std::to_string(counter++));
  std::filesystem::remove_all(dir);
  return dir;
}

}  // namespace gazette::testing
