#include "templating/loader.hpp"

#include <algorithm>
#include <set>
#include <system_error>

#include "base/file.hpp"

namespace gazette::templating {

namespace fs = std::filesystem;

TemplateLoader::TemplateLoader(std::vector<fs::path> search_path)
    : search_path_(std::move(search_path)) {}

Result<std::string> TemplateLoader::normalize(std::string_view name) {
  auto invalid = [&](std::string_view why) {
    return file_error(name,
                      "invalid template name '" + std::string(name) + "': " + std::string(why));
  };
  if (name.empty()) return invalid("empty");
  if (name.front() == '/') return invalid("absolute paths are not allowed");
  if (name.find('\\') != std::string_view::npos) return invalid("use '/' to separate folders");
  if (name.find('\0') != std::string_view::npos) return invalid("contains a NUL character");
  std::string out;
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find('/', start);
    if (end == std::string_view::npos) end = name.size();
    std::string_view piece = name.substr(start, end - start);
    if (piece == "..") return invalid("'..' would leave the template folders");
    if (!piece.empty() && piece != ".") {
      if (!out.empty()) out += '/';
      out += piece;
    }
    start = end + 1;
  }
  if (out.empty()) return invalid("empty");
  return out;
}

TemplateLoader::Lookup TemplateLoader::load(std::string_view name) const {
  Lookup result;
  auto normalized = normalize(name);
  if (!normalized) {
    result.status = Lookup::Status::kInvalid;
    result.error = normalized.error();
    return result;
  }
  for (const fs::path& dir : search_path_) {
    fs::path candidate = dir / fs::path(*normalized);
    std::error_code ec;
    fs::file_status status = fs::status(candidate, ec);
    if (ec || !fs::is_regular_file(status)) continue;
    // The file (after following links) must still be inside its directory.
    fs::path real_dir = fs::canonical(dir, ec);
    if (ec) continue;
    fs::path real_file = fs::canonical(candidate, ec);
    if (ec) continue;
    auto mismatch =
        std::mismatch(real_dir.begin(), real_dir.end(), real_file.begin(), real_file.end());
    if (mismatch.first != real_dir.end()) {
      result.status = Lookup::Status::kInvalid;
      result.error = file_error(candidate.string(), "template '" + std::string(name) +
                                                        "' links outside its folder (to " +
                                                        real_file.string() + ")");
      return result;
    }
    auto bytes = read_file(candidate);
    result.status = Lookup::Status::kFound;
    result.file = candidate;
    if (!bytes) {
      result.error = bytes.error();
    } else {
      result.source = std::move(*bytes);
    }
    return result;
  }
  result.status = Lookup::Status::kNotFound;
  return result;
}

std::vector<std::string> TemplateLoader::list() const {
  std::set<std::string> names;
  for (const fs::path& dir : search_path_) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::string leaf = it->path().filename().string();
      if (!leaf.empty() && leaf[0] == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file(ec)) continue;
      names.insert(it->path().lexically_relative(dir).generic_string());
    }
  }
  return {names.begin(), names.end()};
}

}  // namespace gazette::templating
