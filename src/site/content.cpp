#include "site/content.hpp"

#include <algorithm>
#include <set>
#include <system_error>

namespace gazette::site {

namespace fs = std::filesystem;

namespace {

std::string relative_to(const fs::path& path, const fs::path& base) {
  return path.lexically_relative(base).generic_string();
}

// Walks one folder level by level, in name order, so the result is deterministic. `rel` is
// the folder's path relative to the site ("content/2022"); its entries' paths are `rel/name`.
Status walk(const fs::path& dir, const std::string& rel, std::vector<ContentSource>& out) {
  std::error_code ec;
  struct Entry {
    std::string name;
    fs::directory_entry entry;
  };
  std::vector<Entry> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    entries.push_back({std::move(name), *it});
  }
  if (ec) return file_error(dir.string(), ec.message());
  // An archive's folder holds thousands of issues: sorted by their names as strings, not by
  // paths made again for every comparison.
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.name < b.name; });
  auto rel_of = [&](const std::string& name) { return rel == "." ? name : rel + '/' + name; };

  std::set<std::string> folders;  // Markdown issue folders of this level, by name
  for (const auto& [name, e] : entries) {
    if (e.is_directory(ec) && !e.is_symlink(ec) && fs::exists(e.path() / "issue.yaml", ec)) {
      folders.insert(name);
    }
  }
  for (const auto& [name, e] : entries) {
    if (e.is_symlink(ec) && e.is_directory(ec)) continue;
    if (e.is_directory(ec)) {
      if (folders.count(name)) {
        out.push_back({ContentSource::Form::kMarkdownFolder, e.path(), rel_of(name)});
      } else if (Status s = walk(e.path(), rel_of(name), out); !s.ok()) {
        return s;
      }
      continue;
    }
    if (name.size() > 4 && name.compare(name.size() - 4, 4, ".txt") == 0 && e.is_regular_file(ec)) {
      if (folders.count(name.substr(0, name.size() - 4))) continue;  // converted: the folder wins
      out.push_back({ContentSource::Form::kRawText, e.path(), rel_of(name)});
    }
  }
  return {};
}

}  // namespace

Result<std::vector<ContentSource>> find_content(const fs::path& site_dir,
                                                const fs::path& content_dir) {
  std::error_code ec;
  if (!fs::is_directory(content_dir, ec)) {
    return file_error(content_dir.string(), "no content folder: put the issues in content/");
  }
  std::vector<ContentSource> out;
  if (Status s = walk(content_dir, relative_to(content_dir, site_dir), out); !s.ok())
    return s.error();
  return out;
}

}  // namespace gazette::site
