// Answering a request for a path of the built site: the file, `index.html` for a folder, the
// site's 404 page, never anything outside the output folder — whatever the path's tricks
// (`..`, percent-encoded dots and slashes, symbolic links pointing out).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gazette::server {

// What to send back.
struct FileResponse {
  int status = 200;
  std::string content_type;
  std::string body;                                          // empty for 304 and redirects
  std::vector<std::pair<std::string, std::string>> headers;  // ETag, Location, Cache-Control…
};

class FileServer {
 public:
  // Serves the files under `root`; with `live_reload`, HTML pages get the live-reload script.
  FileServer(std::filesystem::path root, bool live_reload);

  // The response for a request path as sent by the client (percent-encoded, query allowed),
  // with the client's If-None-Match header (may be empty).
  FileResponse get(std::string_view raw_path, std::string_view if_none_match) const;

 private:
  FileResponse not_found() const;
  FileResponse forbidden() const;
  std::filesystem::path root_;
  std::filesystem::path real_root_;
  bool live_reload_;
};

// The decoded path of a request target, or nothing when it is malformed (bad percent escape,
// NUL byte) or tries to leave the root (a `..` segment, before or after decoding).
bool decode_request_path(std::string_view raw_path, std::string& decoded);

}  // namespace gazette::server
