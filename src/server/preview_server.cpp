#include "server/preview_server.hpp"

#include <httplib.h>

#include <fmt/format.h>

namespace gazette::server {

PreviewServer::PreviewServer(std::filesystem::path root, LiveReload& live)
    : files_(std::move(root), true), live_(live), http_(std::make_unique<httplib::Server>()) {
  auto& http = *http_;
  http.set_keep_alive_timeout(5);
  http.set_payload_max_length(1 << 20);

  http.Get("/__gazette/live.js", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(LiveReload::client_script()), "text/javascript; charset=utf-8");
    res.set_header("Cache-Control", "no-cache");
  });
  http.Get("/__gazette/status", [this](const httplib::Request&, httplib::Response& res) {
    res.set_content(live_.status_json(), "application/json; charset=utf-8");
    res.set_header("Cache-Control", "no-store");
  });
  http.Get("/__gazette/events", [this](const httplib::Request&, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    auto seen = std::make_shared<std::uint64_t>(live_.generation());
    res.set_chunked_content_provider(
        "text/event-stream", [this, seen](size_t, httplib::DataSink& sink) {
          // Each wait is short so a closed browser tab frees its thread soon.
          std::uint64_t now = live_.wait(*seen, std::chrono::milliseconds(1000));
          if (live_.stopped() || !sink.is_writable()) {
            sink.done();
            return false;
          }
          std::string message;
          if (now > *seen) {
            *seen = now;
            message = fmt::format("event: build\ndata: {}\n\n", live_.status_json());
          } else {
            message = ": keep-alive\n\n";
          }
          return sink.write(message.data(), message.size());
        });
  });
  auto serve_file = [this](const httplib::Request& req, httplib::Response& res) {
    std::string raw = req.target.empty() ? req.path : req.target;
    FileResponse r = files_.get(raw, req.get_header_value("If-None-Match"));
    // Leave 200 unset: httplib then answers Range requests with 206 and the parts asked for.
    if (r.status != 200) res.status = r.status;
    for (const auto& [k, v] : r.headers) res.set_header(k, v);
    if (r.status == 200 || r.status == 404 || r.status == 403) {
      res.set_content(std::move(r.body), r.content_type);
    }
  };
  http.Get(".*", serve_file);
  // HEAD requests are answered from the GET handler by httplib, without the body.
}

PreviewServer::~PreviewServer() {
  stop();
}

Status PreviewServer::start(const std::string& host, int port) {
  if (port == 0) {
    port_ = http_->bind_to_any_port(host);
    if (port_ <= 0) return file_error(host, "cannot bind a port");
  } else {
    if (!http_->bind_to_port(host, port)) {
      return file_error(fmt::format("{}:{}", host, port),
                        "cannot listen here: the port is in use or the address is not local");
    }
    port_ = port;
  }
  thread_ = std::thread([this] { http_->listen_after_bind(); });
  return {};
}

void PreviewServer::stop() {
  live_.stop();
  if (http_) http_->stop();
  if (thread_.joinable()) thread_.join();
}

}  // namespace gazette::server
