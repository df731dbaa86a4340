#include "server/mime.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace gazette::server {

std::string content_type_for(std::string_view filename) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 30> kTypes = {{
      {"html", "text/html; charset=utf-8"},
      {"htm", "text/html; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"},
      {"mjs", "text/javascript; charset=utf-8"},
      {"json", "application/json; charset=utf-8"},
      {"xml", "application/xml; charset=utf-8"},
      {"atom", "application/atom+xml; charset=utf-8"},
      {"rss", "application/rss+xml; charset=utf-8"},
      {"txt", "text/plain; charset=utf-8"},
      {"md", "text/markdown; charset=utf-8"},
      {"csv", "text/csv; charset=utf-8"},
      {"svg", "image/svg+xml; charset=utf-8"},
      {"png", "image/png"},
      {"jpg", "image/jpeg"},
      {"jpeg", "image/jpeg"},
      {"gif", "image/gif"},
      {"webp", "image/webp"},
      {"avif", "image/avif"},
      {"ico", "image/vnd.microsoft.icon"},
      {"woff", "font/woff"},
      {"woff2", "font/woff2"},
      {"ttf", "font/ttf"},
      {"otf", "font/otf"},
      {"pdf", "application/pdf"},
      {"wasm", "application/wasm"},
      {"mp3", "audio/mpeg"},
      {"mp4", "video/mp4"},
      {"webm", "video/webm"},
      {"webmanifest", "application/manifest+json; charset=utf-8"},
  }};
  size_t dot = filename.rfind('.');
  size_t slash = filename.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) {
    return "application/octet-stream";
  }
  std::string ext(filename.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  for (const auto& [e, type] : kTypes) {
    if (e == ext) return std::string(type);
  }
  return "application/octet-stream";
}

}  // namespace gazette::server
