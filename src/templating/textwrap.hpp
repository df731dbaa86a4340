// Python's textwrap.wrap() (as Jinja2's wordwrap filter calls it: tabs kept, white space not
// replaced), with its word-splitting rules for hyphenated words and em-dashes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"

namespace gazette::templating {

struct WrapOptions {
  int64_t width = 70;
  bool break_long_words = true;
  bool break_on_hyphens = true;
};

// The lines of `text` wrapped to `width` code points (without line endings).
Result<std::vector<std::string>> wrap_text(std::string_view text, const WrapOptions& options);

}  // namespace gazette::templating
