#include "server/file_server.hpp"

#include <sys/stat.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <system_error>

#include "base/file.hpp"
#include "output/files.hpp"
#include "server/live_reload.hpp"
#include "server/mime.hpp"

namespace gazette::server {

namespace fs = std::filesystem;

bool decode_request_path(std::string_view raw, std::string& out) {
  out.clear();
  if (size_t q = raw.find_first_of("?#"); q != std::string_view::npos) raw = raw.substr(0, q);
  if (raw.empty() || raw.front() != '/') return false;
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '%') {
      if (i + 2 >= raw.size() || hex(raw[i + 1]) < 0 || hex(raw[i + 2]) < 0) return false;
      c = static_cast<char>(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
      i += 2;
    }
    if (c == '\0' || c == '\\') return false;
    out += c;
  }
  // No segment may be "..", and "." segments are refused too: a site never links that way.
  size_t start = 1;
  while (start <= out.size()) {
    size_t end = out.find('/', start);
    if (end == std::string::npos) end = out.size();
    std::string_view seg(out.data() + start, end - start);
    if (seg == ".." || seg == ".") return false;
    start = end + 1;
  }
  return true;
}

FileServer::FileServer(fs::path root, bool live_reload)
    : root_(std::move(root)), live_reload_(live_reload) {
  std::error_code ec;
  real_root_ = fs::weakly_canonical(root_, ec);
  if (ec) real_root_ = root_;
}

FileResponse FileServer::forbidden() const {
  return FileResponse{403, "text/plain; charset=utf-8", "403 Forbidden\n", {}};
}

FileResponse FileServer::not_found() const {
  FileResponse r{404, "text/html; charset=utf-8", {}, {{"Cache-Control", "no-cache"}}};
  auto page = read_file(root_ / "404.html");
  r.body = page.ok() ? *page : "<!doctype html><title>404</title><h1>404 Not Found</h1>\n";
  if (live_reload_) r.body = inject_live_reload(r.body);
  return r;
}

FileResponse FileServer::get(std::string_view raw_path, std::string_view if_none_match) const {
  std::string path;
  if (!decode_request_path(raw_path, path)) return forbidden();
  // Empty segments ("//") are harmless; keep them out of the file name.
  std::string rel;
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '/' && (rel.empty() || rel.back() == '/')) continue;
    rel += path[i];
  }
  if (!rel.empty() && rel.rfind("__gazette", 0) == 0) return not_found();
  fs::path file = rel.empty() ? root_ : root_ / rel;
  std::error_code ec;
  fs::file_status st = fs::status(file, ec);
  if (fs::is_directory(st)) {
    if (!path.empty() && path.back() != '/') {
      // /2022 → /2022/ so relative links in the index page resolve.
      std::string location(raw_path.substr(0, raw_path.find_first_of("?#")));
      location += '/';
      if (size_t q = raw_path.find('?'); q != std::string_view::npos)
        location += raw_path.substr(q);
      return FileResponse{301, "text/plain; charset=utf-8", {}, {{"Location", location}}};
    }
    file /= "index.html";
    st = fs::status(file, ec);
  }
  if (!fs::is_regular_file(st)) return not_found();
  // A symbolic link may point anywhere: the real file must be inside the real root.
  fs::path real = fs::canonical(file, ec);
  if (ec) return not_found();
  auto [root_end, real_it] =
      std::mismatch(real_root_.begin(), real_root_.end(), real.begin(), real.end());
  if (root_end != real_root_.end()) return forbidden();

  auto bytes = read_file(real);
  if (!bytes.ok()) return not_found();
  FileResponse r;
  r.content_type = content_type_for(file.filename().string());
  bool html = r.content_type.rfind("text/html", 0) == 0;
  r.body = html && live_reload_ ? inject_live_reload(*bytes) : std::move(*bytes);
  std::string etag = fmt::format("\"{:016x}\"", output::content_hash(r.body));
  r.headers.emplace_back("ETag", etag);
  r.headers.emplace_back("Cache-Control", "no-cache");
  if (!if_none_match.empty() && (if_none_match == etag || if_none_match == "*" ||
                                 if_none_match.find(etag) != std::string_view::npos)) {
    r.status = 304;
    r.body.clear();
  }
  return r;
}

}  // namespace gazette::server
