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

// Walks one folder level by level, in name order, so the result is deterministic.
Status walk(const fs::path& dir, const fs::path& site_dir, std::vector<ContentSource>& out) {
  std::error_code ec;
  std::vector<fs::directory_entry> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    entries.push_back(*it);
  }
  if (ec) return file_error(dir.string(), ec.message());
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });

  std::set<std::string> folders;  // Markdown issue folders of this level, by name
  for (const auto& e : entries) {
    std::string name = e.path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    if (e.is_directory(ec) && !e.is_symlink(ec) && fs::exists(e.path() / "issue.yaml", ec)) {
      folders.insert(name);
    }
  }
  for (const auto& e : entries) {
    std::string name = e.path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    if (e.is_symlink(ec) && e.is_directory(ec)) continue;
    if (e.is_directory(ec)) {
      if (folders.count(name)) {
        out.push_back(
            {ContentSource::Form::kMarkdownFolder, e.path(), relative_to(e.path(), site_dir)});
      } else if (Status s = walk(e.path(), site_dir, out); !s.ok()) {
        return s;
      }
      continue;
    }
    if (e.path().extension() == ".txt" && e.is_regular_file(ec)) {
      if (folders.count(e.path().stem().string())) continue;  // converted: the folder wins
      out.push_back({ContentSource::Form::kRawText, e.path(), relative_to(e.path(), site_dir)});
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
  if (Status s = walk(content_dir, site_dir, out); !s.ok()) return s.error();
  return out;
}

}  // namespace gazette::site
