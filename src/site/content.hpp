// Finding a site's issues under content/: raw `.txt` issues and Markdown issue folders
// (a folder with an `issue.yaml`). When one issue exists in both forms (`x.txt` beside the
// folder `x/` that `gazette convert` made of it), the Markdown folder wins.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "base/result.hpp"

namespace gazette::site {

// One issue's source.
struct ContentSource {
  enum class Form { kRawText, kMarkdownFolder };
  Form form = Form::kRawText;
  std::filesystem::path path;  // the .txt file or the folder
  std::string rel;             // its path relative to the site folder, `/`-separated
};

// Every issue under `content_dir`, in path order. Hidden files and folders (`.*`) are
// skipped, symbolic links to folders are not followed, other files are ignored. A missing
// content folder is an error; an empty one is not.
Result<std::vector<ContentSource>> find_content(const std::filesystem::path& site_dir,
                                                const std::filesystem::path& content_dir);

}  // namespace gazette::site
