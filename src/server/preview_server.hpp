// The HTTP server of `gazette serve` (cpp-httplib): the built site with correct HTTP
// (content types, index.html, the site's 404 page, HEAD, ETag / If-None-Match, Range, gzip)
// and the live-reload endpoints under /__gazette/.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "base/result.hpp"
#include "server/file_server.hpp"
#include "server/live_reload.hpp"

namespace httplib {
class Server;
}

namespace gazette::server {

class PreviewServer {
 public:
  // Serves `root`; `live` drives the reload events (and must outlive the server).
  PreviewServer(std::filesystem::path root, LiveReload& live);
  ~PreviewServer();
  PreviewServer(const PreviewServer&) = delete;
  PreviewServer& operator=(const PreviewServer&) = delete;

  // Binds `host:port` (port 0: any free port) and serves on a background thread.
  Status start(const std::string& host, int port);

  // The port bound by `start`.
  int port() const { return port_; }

  // Stops serving and joins the thread (also wakes open event streams).
  void stop();

 private:
  FileServer files_;
  LiveReload& live_;
  std::unique_ptr<httplib::Server> http_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace gazette::server
