// Writing an issue folder so that nobody ever sees half of one: the files go into a hidden
// temporary folder beside the target, which is then renamed into place (swapped atomically
// with the old folder when one is replaced).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "markdown/issue_writer.hpp"

namespace gazette::markdown {

// The folder name for an issue read from `source_path`: the file name without its extension
// (`samples/000_67e3.txt` → `000_67e3`); `issue` when that leaves nothing.
std::string issue_folder_name(std::string_view source_path);

// Writes `files` as the folder `dir`, creating its parent folders. An existing `dir` is an
// error, unless `replace` is set and `dir` is an issue folder (it holds issue.yaml) or an empty
// folder: then the new folder takes its place in one step. Anything else at `dir` (a file, a
// folder of other things) is never replaced. On failure nothing is left behind.
Status write_issue_folder(const std::vector<IssueFile>& files, const std::filesystem::path& dir,
                          bool replace);

}  // namespace gazette::markdown
