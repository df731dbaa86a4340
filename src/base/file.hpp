// Reading whole files, with errors as values.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "base/result.hpp"

namespace gazette {

// The bytes of a regular file. Fails with an error naming the path when the file is missing,
// is a directory, or cannot be read.
Result<std::string> read_file(const std::filesystem::path& path);

// The same, read into `buffer`, whose memory is kept from one file to the next (reading many
// files in turn touches no new memory): a view of the bytes, valid until `buffer` changes.
Result<std::string_view> read_file_into(const std::filesystem::path& path, std::string& buffer);

// What tells one version of a file from another without reading it: its size and modification
// time, as text; empty when the file cannot be looked at.
std::string file_version(const std::filesystem::path& path);

}  // namespace gazette
