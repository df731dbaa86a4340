#include "site/static_files.hpp"

#include <algorithm>
#include <map>
#include <system_error>

#include "base/file.hpp"
#include "output/files.hpp"

namespace gazette::site {

namespace fs = std::filesystem;

Result<std::vector<StaticFile>> find_static_files(const std::vector<fs::path>& dirs) {
  std::map<std::string, StaticFile> files;
  for (const fs::path& dir : dirs) {
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec), end;
    if (ec) return file_error(dir.string(), ec.message());
    for (; it != end; it.increment(ec)) {
      if (ec) return file_error(dir.string(), ec.message());
      const fs::path& p = it->path();
      if (p.filename().string().front() == '.') {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file(ec)) continue;
      std::string rel = p.lexically_relative(dir).generic_string();
      if (!output::is_safe_relative_path(rel) || files.count(rel)) continue;
      std::string version = file_version(p);
      if (version.empty()) return file_error(p.string(), "cannot read");
      files.emplace(rel, StaticFile{rel, p, output::content_hash(p.string() + '\n' + version) | 1});
    }
  }
  std::vector<StaticFile> out;
  out.reserve(files.size());
  for (auto& [rel, f] : files) out.push_back(std::move(f));
  return out;
}

Status publish_static_file(const StaticFile& file, output::OutputBatch& batch) {
  if (batch.keep_if_current(file.rel, file.fingerprint)) return {};
  auto bytes = read_file(file.source);
  if (!bytes.ok()) return bytes.error();
  return batch.put(file.rel, *bytes, file.fingerprint);
}

}  // namespace gazette::site
