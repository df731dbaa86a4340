// Live reload for `gazette serve`: the state of the last build (its number and its errors),
// which open pages follow through Server-Sent Events to reload after a successful rebuild and
// to show an overlay listing the errors of a failed one.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "base/error.hpp"

namespace gazette::server {

// The path prefix of the preview server's own endpoints (never a site path: sites cannot
// have files whose names start with "__gazette").
inline constexpr std::string_view kEndpointPrefix = "/__gazette/";

class LiveReload {
 public:
  // A build finished: successfully (errors empty; pages reload) or not (the overlay shows
  // the errors, the last good site keeps being served).
  void publish(std::vector<Error> errors);

  // Waits until a build newer than `seen` has finished, or `timeout` passed, or `stop` was
  // called; returns the newest build number.
  std::uint64_t wait(std::uint64_t seen, std::chrono::milliseconds timeout);

  // Wakes every waiter for good (shutdown).
  void stop();
  bool stopped() const;

  // The newest build number (0 before the first build).
  std::uint64_t generation() const;

  // `{"generation": N, "errors": [{"path", "line", "column", "message", "source_line"}]}`.
  std::string status_json() const;

  // The script injected into every HTML page in serve mode.
  static std::string_view client_script();

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::uint64_t generation_ = 0;
  std::vector<Error> errors_;
  bool stopped_ = false;
};

// The HTML page with the live-reload script tag added before `</body>` (or at the end).
std::string inject_live_reload(std::string_view html);

}  // namespace gazette::server
