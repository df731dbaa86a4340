// The I/O floor of a build: how long this machine takes just to write the files a build wrote
// (same paths, same sizes), with the same number of threads and nothing else to do.
//   io_floor SITE_OUTPUT_DIR SCRATCH_DIR [THREADS] [keep]
// (with `keep`, the files written are left in SCRATCH_DIR for the caller to delete)
// Prints: files, bytes, seconds.
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: io_floor SITE_OUTPUT_DIR SCRATCH_DIR [THREADS]\n");
    return 2;
  }
  const fs::path from = argv[1], to = argv[2];
  const int threads = argc > 3 ? std::max(1, std::atoi(argv[3]))
                               : static_cast<int>(std::thread::hardware_concurrency());
  std::vector<std::pair<std::string, size_t>> files;
  size_t total = 0;
  for (const auto& e : fs::recursive_directory_iterator(from)) {
    if (!e.is_regular_file()) continue;
    files.emplace_back(e.path().lexically_relative(from).string(), e.file_size());
    total += files.back().second;
  }
  fs::remove_all(to);
  std::string zeros(1 << 20, 'x');
  auto start = std::chrono::steady_clock::now();
  std::atomic<size_t> next{0};
  auto work = [&] {
    std::unordered_set<std::string> dirs;
    for (size_t i; (i = next++) < files.size();) {
      fs::path target = to / files[i].first;
      if (dirs.insert(target.parent_path().string()).second)
        fs::create_directories(target.parent_path());
      int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
      if (fd < 0) continue;
      for (size_t left = files[i].second; left > 0;) {
        ssize_t n = ::write(fd, zeros.data(), std::min(left, zeros.size()));
        if (n <= 0) break;
        left -= static_cast<size_t>(n);
      }
      ::close(fd);
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%zu files, %zu bytes, %.3f s\n", files.size(), total, seconds);
  if (argc <= 4 || std::string(argv[4]) != "keep") fs::remove_all(to);
  return 0;
}
