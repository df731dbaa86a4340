// Jinja2's urlize(): URLs (http, https, www., bare domains with common TLDs) and e-mail
// addresses in plain text turned into links, the text itself HTML-escaped.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::templating {

struct UrlizeOptions {
  std::optional<int64_t> trim_url_limit;   // shorten link texts longer than this
  std::string rel;                         // rel="…" on links (empty: none)
  std::string target;                      // target="…" on links (empty: none)
  std::vector<std::string> extra_schemes;  // other schemes to link (e.g. "ftp:")
};

// The HTML of `text` with its URLs and e-mail addresses linked.
std::string urlize(std::string_view text, const UrlizeOptions& options);

// Whether a scheme prefix for `extra_schemes` is valid ("ftp:", "tel:", "git+ssh://").
bool valid_uri_scheme(std::string_view scheme);

}  // namespace gazette::templating
