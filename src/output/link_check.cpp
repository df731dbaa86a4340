#include "output/link_check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <system_error>

#include "base/file.hpp"

namespace gazette::output {

namespace fs = std::filesystem;

namespace {

// The path part of a base URL: https://example.org/archive/ → /archive/
std::string base_path_of(const std::string& base_url) {
  size_t scheme = base_url.find("://");
  if (scheme == std::string::npos) return base_url.empty() ? "/" : base_url;
  size_t slash = base_url.find('/', scheme + 3);
  return slash == std::string::npos ? "/" : base_url.substr(slash);
}

std::string decode_entities(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      static const std::pair<std::string_view, char> kEntities[] = {
          {"&amp;", '&'},  {"&lt;", '<'},   {"&gt;", '>'},
          {"&quot;", '"'}, {"&#39;", '\''}, {"&#x27;", '\''}};
      bool done = false;
      for (const auto& [name, c] : kEntities) {
        if (s.substr(i, name.size()) == name) {
          out += c;
          i += name.size() - 1;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out += s[i];
  }
  return out;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    auto hex = [](char c) {
      return c >= '0' && c <= '9'   ? c - '0'
             : c >= 'a' && c <= 'f' ? c - 'a' + 10
             : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                    : -1;
    };
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// One reference found in a file: its value and where it is.
struct Reference {
  std::string value;
  int line;
  int column;
};

// Finds href/src/srcset attribute values and <loc> elements. Not a full HTML parser: enough
// for well-formed output, which is what gazette writes.
std::vector<Reference> find_references(std::string_view text, std::set<std::string>* ids) {
  std::vector<Reference> refs;
  int line = 1;
  size_t line_start = 0;
  auto position = [&](size_t pos) {
    for (size_t i = line_start; i < pos; ++i) {
      if (text[i] == '\n') {
        ++line;
        line_start = i + 1;
      }
    }
    return std::pair<int, int>(line, static_cast<int>(pos - line_start) + 1);
  };
  bool in_script = false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '<' && text[i] != ' ' && text[i] != '\n' && text[i] != '\t') continue;
    if (text[i] == '<') {
      if (text.compare(i, 7, "<script") == 0) in_script = true;
      if (text.compare(i, 9, "</script>") == 0) in_script = false;
      if (text.compare(i, 5, "<loc>") == 0) {
        size_t end = text.find("</loc>", i);
        if (end != std::string_view::npos) {
          auto [l, c] = position(i + 5);
          refs.push_back({decode_entities(text.substr(i + 5, end - i - 5)), l, c});
        }
      }
      continue;
    }
    if (in_script) continue;
    // An attribute: ` name="value"`.
    size_t name_start = i + 1;
    size_t eq = text.find_first_of("=> \n", name_start);
    if (eq == std::string_view::npos || text[eq] != '=' || eq + 1 >= text.size()) continue;
    char quote = text[eq + 1];
    if (quote != '"' && quote != '\'') continue;
    std::string_view name = text.substr(name_start, eq - name_start);
    size_t value_start = eq + 2;
    size_t value_end = text.find(quote, value_start);
    if (value_end == std::string_view::npos) break;
    std::string value = decode_entities(text.substr(value_start, value_end - value_start));
    if (name == "href" || name == "src") {
      auto [l, c] = position(value_start);
      refs.push_back({value, l, c});
    } else if (name == "srcset") {
      auto [l, c] = position(value_start);
      size_t p = 0;
      while (p < value.size()) {
        size_t comma = value.find(',', p);
        std::string item =
            value.substr(p, comma == std::string::npos ? std::string::npos : comma - p);
        item.erase(0, item.find_first_not_of(' '));
        refs.push_back({item.substr(0, item.find(' ')), l, c});
        if (comma == std::string::npos) break;
        p = comma + 1;
      }
    } else if (name == "id" && ids) {
      ids->insert(value);
    }
    i = value_end;
  }
  return refs;
}

bool is_checked_file(const fs::path& p) {
  std::string ext = p.extension().string();
  return ext == ".html" || ext == ".htm" || ext == ".xml";
}

}  // namespace

LinkReport check_links(const fs::path& out_dir, const std::string& base_url) {
  LinkReport report;
  const std::string base_path = base_path_of(base_url);
  std::map<fs::path, std::set<std::string>> ids;  // per HTML file, its element ids
  struct Pending {
    fs::path from;
    Reference ref;
    fs::path target;
    std::string fragment;
  };
  std::vector<Pending> pending;
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(out_dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && is_checked_file(it->path())) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    auto bytes = read_file(file);
    if (!bytes.ok()) {
      report.broken.push_back(bytes.error());
      continue;
    }
    ++report.files;
    std::set<std::string>& file_ids = ids[file];
    for (Reference& ref : find_references(*bytes, &file_ids)) {
      std::string url = ref.value;
      if (url.rfind(base_url, 0) == 0 && base_url.find("://") != std::string::npos) {
        url = base_path + url.substr(base_url.size());
      }
      if (url.empty() || url.find("://") != std::string::npos || url.rfind("//", 0) == 0 ||
          url.rfind("mailto:", 0) == 0 || url.rfind("tel:", 0) == 0 || url.rfind("data:", 0) == 0 ||
          url.rfind("javascript:", 0) == 0) {
        continue;  // external, or not a file reference
      }
      std::string fragment;
      if (size_t hash = url.find('#'); hash != std::string::npos) {
        fragment = url.substr(hash + 1);
        url.resize(hash);
      }
      if (size_t q = url.find('?'); q != std::string::npos) url.resize(q);
      url = percent_decode(url);
      fs::path target;
      if (url.empty()) {
        target = file;  // "#top" or "?page": this very file
      } else if (url.front() == '/') {
        if (url.rfind(base_path, 0) != 0) {
          report.broken.push_back(Error{
              file.string(),
              ref.line,
              ref.column,
              fmt::format("link \"{}\" is outside the site's base path {}", ref.value, base_path),
              {}});
          continue;
        }
        target = out_dir / url.substr(base_path.size());
      } else {
        target = file.parent_path() / url;
      }
      target = target.lexically_normal();
      if (fs::is_directory(target, ec)) target /= "index.html";
      ++report.links;
      pending.push_back({file, std::move(ref), target, fragment});
    }
  }
  const std::string out_prefix = out_dir.lexically_normal().string();
  for (auto& p : pending) {
    bool inside = p.target.string().rfind(out_prefix, 0) == 0;
    if (!inside || !fs::is_regular_file(p.target, ec)) {
      report.broken.push_back(
          Error{p.from.string(),
                p.ref.line,
                p.ref.column,
                fmt::format("broken link \"{}\": no such file in the output", p.ref.value),
                {}});
      continue;
    }
    if (p.fragment.empty()) continue;
    auto it = ids.find(p.target);
    if (it == ids.end()) {
      // A target not among the scanned files (an image with a fragment, say): nothing to check.
      continue;
    }
    if (!it->second.count(percent_decode(p.fragment))) {
      report.broken.push_back(Error{
          p.from.string(),
          p.ref.line,
          p.ref.column,
          fmt::format("broken link \"{}\": no element with id \"{}\"", p.ref.value, p.fragment),
          {}});
    }
  }
  return report;
}

}  // namespace gazette::output
