// Finding template files: a search path of directories (a site's `templates/` first, then the
// theme's), the first one that has a name wins. Names are `/`-separated paths relative to
// those directories; names that would leave them — absolute paths, `..` segments, symbolic
// links pointing outside — are errors, never files read.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"

namespace gazette::templating {

class TemplateLoader {
 public:
  explicit TemplateLoader(std::vector<std::filesystem::path> search_path);

  // What looking a name up found.
  struct Lookup {
    enum class Status { kFound, kNotFound, kInvalid } status = Status::kNotFound;
    std::filesystem::path file;  // kFound
    std::string source;          // kFound: the file's bytes
    Error error;                 // kInvalid (and kFound when the file could not be read)
  };

  // Finds and reads the template `name`.
  Lookup load(std::string_view name) const;

  // The names of every template in the search path (files, recursively; hidden files and
  // folders skipped), each once (the first directory's file wins), sorted.
  std::vector<std::string> list() const;

  // `name` with empty and `.` segments removed ("a//./b.html" → "a/b.html"); an error for
  // names that are empty, absolute, contain `..`, backslashes or NUL.
  static Result<std::string> normalize(std::string_view name);

  const std::vector<std::filesystem::path>& search_path() const { return search_path_; }

 private:
  std::vector<std::filesystem::path> search_path_;
};

}  // namespace gazette::templating
