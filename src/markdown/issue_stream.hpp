// The single-stream form of Markdown issue folders, printed by `gazette parse --markdown`: the
// files `gazette convert` would write, one after the other, each introduced by a header line
// naming it, the way `head` prints several files:
//
//     ==> 000_67e3da6dc0608386/issue.yaml <==
//     source: "000_67e3da6dc0608386.txt"
//     …
//
//     ==> 000_67e3da6dc0608386/01-jia-kuai-gou-jian.md <==
//     ---
//     title: "加快构建网络空间命运共同体"
//     …
//
// A header is a whole line `==> FOLDER/FILE <==`, FILE being `issue.yaml` or an article's
// `NN-slug.md`; each issue starts with its issue.yaml. Files are separated by one blank line
// (not part of either file). No line of a file can look like a header: YAML lines start with a
// key, a space or `-`, and escaped Markdown never starts a line with `=`; a hand-written
// Markdown line that would is written with a leading backslash (`\==> …`, which Markdown shows
// as `==> …`). So the stream splits back into exactly the files it was made from.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "markdown/issue_reader.hpp"
#include "markdown/issue_writer.hpp"
#include "model/issue.hpp"
#include "text/slug.hpp"

namespace gazette::markdown {

// The stream of one issue's folder, named `folder` (see `issue_folder_name`).
std::string issue_stream(const model::Issue& issue, std::string_view folder,
                         const text::Slugger& slugger);

// One issue folder found in a stream.
struct StreamFolder {
  std::string folder;
  std::vector<IssueSource> files;  // paths are the stream's, first_line where each file starts
};

// Splits a stream (decoded text) into its folders and their files. Text before the first
// header, a malformed header name or a folder without its issue.yaml first is an error at
// `path:line`.
Result<std::vector<StreamFolder>> split_issue_stream(std::string_view text, std::string_view path);

// The issues of a stream, in order.
Result<std::vector<model::Issue>> read_issue_stream(std::string_view text, std::string_view path);

}  // namespace gazette::markdown
