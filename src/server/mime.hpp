// Content types of the files a site serves, with `charset=utf-8` for text.
#pragma once

#include <string>
#include <string_view>

namespace gazette::server {

// The Content-Type for a file name (by its extension; application/octet-stream if unknown).
std::string content_type_for(std::string_view filename);

}  // namespace gazette::server
