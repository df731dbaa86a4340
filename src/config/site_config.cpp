#include "config/site_config.hpp"

#include <unicode/locid.h>

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <map>

#include "base/file.hpp"
#include "config/front_matter.hpp"
#include "text/utf8.hpp"

namespace gazette::config {

namespace {

// Reads one site.yaml: each `read_*` checks a value's type and range and stores it.
class Reader {
 public:
  Reader(std::string_view file, SiteConfig& out) : file_(file), out_(out) {}

  Status run(const YAML::Node& root) {
    if (root.IsNull()) return {};  // an empty site.yaml: all defaults
    if (!root.IsMap())
      return node_error(root, file_, "site.yaml must be a map of `key: value` lines");
    using Handler = std::function<Status(const YAML::Node&)>;
    const std::map<std::string, Handler> handlers = {
        {"title", [&](const YAML::Node& n) { return string(n, "title", out_.title); }},
        {"paper", [&](const YAML::Node& n) { return string(n, "paper", out_.paper); }},
        {"description",
         [&](const YAML::Node& n) { return string(n, "description", out_.description); }},
        {"copyright", [&](const YAML::Node& n) { return string(n, "copyright", out_.copyright); }},
        {"language", [&](const YAML::Node& n) { return language(n); }},
        {"base_url", [&](const YAML::Node& n) { return base_url(n); }},
        {"theme", [&](const YAML::Node& n) { return theme(n); }},
        {"paginate",
         [&](const YAML::Node& n) { return integer(n, "paginate", 1, 10000, out_.paginate); }},
        {"feed_limit",
         [&](const YAML::Node& n) { return integer(n, "feed_limit", 1, 100000, out_.feed_limit); }},
        {"tag_mentions",
         [&](const YAML::Node& n) {
           return integer(n, "tag_mentions", 1, 100, out_.tag_mentions);
         }},
        {"slug_length",
         [&](const YAML::Node& n) { return integer(n, "slug_length", 8, 200, out_.slug_length); }},
        {"slugs", [&](const YAML::Node& n) { return slugs(n); }},
        {"strict_templates",
         [&](const YAML::Node& n) {
           return boolean(n, "strict_templates", out_.strict_templates);
         }},
        {"allow_raw_html",
         [&](const YAML::Node& n) { return boolean(n, "allow_raw_html", out_.allow_raw_html); }},
        {"vocabulary", [&](const YAML::Node& n) { return vocabulary(n); }},
        {"keywords", [&](const YAML::Node& n) { return keywords(n); }},
        {"search", [&](const YAML::Node& n) { return search(n); }},
        {"ingest",
         [&](const YAML::Node& n) {
           if (!n.IsNull() && !n.IsMap())
             return Status(node_error(n, file_, "`ingest` must be a map"));
           out_.ingest = n;
           return Status();
         }},
        {"params",
         [&](const YAML::Node& n) {
           out_.params = n;
           return Status();
         }},
    };
    for (const auto& entry : root) {
      std::string key = entry.first.Scalar();
      auto it = handlers.find(key);
      if (it == handlers.end()) {
        std::string known;
        for (const auto& [name, handler] : handlers) known += (known.empty() ? "" : ", ") + name;
        return node_error(entry.first, file_,
                          fmt::format("unknown setting `{}` (known settings: {})", key, known));
      }
      if (Status s = it->second(entry.second); !s.ok()) return s;
    }
    return {};
  }

 private:
  Status string(const YAML::Node& n, std::string_view key, std::string& out) {
    if (!n.IsScalar()) return node_error(n, file_, fmt::format("`{}` must be text", key));
    out = n.Scalar();
    return {};
  }

  Status boolean(const YAML::Node& n, std::string_view key, bool& out) {
    bool value = false;
    if (!n.IsScalar() || !YAML::convert<bool>::decode(n, value)) {
      return node_error(n, file_, fmt::format("`{}` must be true or false", key));
    }
    out = value;
    return {};
  }

  Status integer(const YAML::Node& n, std::string_view key, int min, int max, int& out) {
    int value = 0;
    if (!n.IsScalar() || !YAML::convert<int>::decode(n, value) || value < min || value > max) {
      return node_error(n, file_,
                        fmt::format("`{}` must be a whole number from {} to {}", key, min, max));
    }
    out = value;
    return {};
  }

  Status number(const YAML::Node& n, std::string_view key, double min, double max, double& out) {
    double value = 0;
    if (!n.IsScalar() || !YAML::convert<double>::decode(n, value) || value < min || value > max) {
      return node_error(n, file_,
                        fmt::format("`{}` must be a number from {} to {}", key, min, max));
    }
    out = value;
    return {};
  }

  Status string_list(const YAML::Node& n, std::string_view key, std::vector<std::string>& out) {
    if (n.IsNull()) return {};
    if (!n.IsSequence()) return node_error(n, file_, fmt::format("`{}` must be a list", key));
    for (const auto& item : n) {
      if (!item.IsScalar() || item.Scalar().empty()) {
        return node_error(item, file_,
                          fmt::format("each item of `{}` must be non-empty text", key));
      }
      out.push_back(item.Scalar());
    }
    return {};
  }

  Status language(const YAML::Node& n) {
    if (Status s = string(n, "language", out_.language); !s.ok()) return s;
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(out_.language, status);
    if (U_FAILURE(status) || locale.isBogus() || std::string(locale.getLanguage()).empty()) {
      return node_error(n, file_,
                        fmt::format("`language` must be a BCP 47 language tag such as zh-CN or en, "
                                    "not \"{}\"",
                                    out_.language));
    }
    return {};
  }

  Status base_url(const YAML::Node& n) {
    std::string url;
    if (Status s = string(n, "base_url", url); !s.ok()) return s;
    bool scheme = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
    size_t host_start = url.find("://") + 3;
    if (!scheme || url.size() <= host_start || url[host_start] == '/' ||
        url.find_first_of(" \t\"<>\\?#", 0) != std::string::npos) {
      return node_error(n, file_,
                        "`base_url` must be an absolute http(s) URL such as "
                        "https://example.org/ or https://example.org/archive/");
    }
    if (url.find('/', host_start) == std::string::npos || url.back() != '/') url += '/';
    out_.base_url = url;
    return {};
  }

  Status theme(const YAML::Node& n) {
    if (Status s = string(n, "theme", out_.theme); !s.ok()) return s;
    const std::string& t = out_.theme;
    if (t.empty() || t == "." || t == ".." || t.find_first_of("/\\") != std::string::npos) {
      return node_error(n, file_, "`theme` must be the name of a folder under themes/");
    }
    out_.theme_line = n.Mark().line + 1;
    out_.theme_column = n.Mark().column + 1;
    return {};
  }

  Status slugs(const YAML::Node& n) {
    std::string style;
    if (Status s = string(n, "slugs", style); !s.ok()) return s;
    if (style == "pinyin") {
      out_.slugs = SlugStyle::kPinyin;
    } else if (style == "index") {
      out_.slugs = SlugStyle::kIndex;
    } else {
      return node_error(n, file_, "`slugs` must be `pinyin` or `index`");
    }
    return {};
  }

  Status vocabulary(const YAML::Node& n) {
    if (n.IsNull()) return {};
    if (!n.IsSequence()) {
      return node_error(n, file_, "`vocabulary` must be a list of terms (`- name: …`)");
    }
    for (const auto& item : n) {
      VocabularyTerm term;
      if (item.IsScalar()) {
        term.name = item.Scalar();
      } else if (item.IsMap()) {
        for (const auto& field : item) {
          std::string key = field.first.Scalar();
          Status s;
          if (key == "name") {
            s = string(field.second, "name", term.name);
          } else if (key == "aliases") {
            s = string_list(field.second, "aliases", term.aliases);
          } else if (key == "kind") {
            s = string(field.second, "kind", term.kind);
          } else {
            s = node_error(field.first, file_,
                           fmt::format("unknown field `{}` of a vocabulary term (known: name, "
                                       "aliases, kind)",
                                       key));
          }
          if (!s.ok()) return s;
        }
      } else {
        return node_error(item, file_, "a vocabulary term is a name or a map with `name:`");
      }
      if (term.name.empty()) return node_error(item, file_, "a vocabulary term needs a `name`");
      out_.vocabulary.push_back(std::move(term));
    }
    return {};
  }

  Status search(const YAML::Node& n) {
    if (n.IsScalar()) return boolean(n, "search", out_.search);
    if (!n.IsMap()) return node_error(n, file_, "`search` must be true, false or a map");
    for (const auto& field : n) {
      std::string key = field.first.Scalar();
      Status s;
      if (key == "enabled") {
        s = boolean(field.second, "search.enabled", out_.search);
      } else if (key == "body_chars") {
        s = integer(field.second, "search.body_chars", 0, 1000000, out_.search_body_chars);
      } else {
        s = node_error(
            field.first, file_,
            fmt::format("unknown field `{}` of `search` (known: enabled, body_chars)", key));
      }
      if (!s.ok()) return s;
    }
    return {};
  }

  Status keywords(const YAML::Node& n) {
    KeywordSettings& k = out_.keywords;
    if (n.IsScalar()) return boolean(n, "keywords", k.enabled);
    if (!n.IsMap()) return node_error(n, file_, "`keywords` must be true, false or a map");
    k.enabled = true;
    for (const auto& field : n) {
      std::string key = field.first.Scalar();
      const YAML::Node& v = field.second;
      Status s;
      if (key == "enabled") {
        s = boolean(v, "keywords.enabled", k.enabled);
      } else if (key == "per_article") {
        s = integer(v, "keywords.per_article", 0, 50, k.per_article);
      } else if (key == "min_document_frequency") {
        s = integer(v, "keywords.min_document_frequency", 1, 1000000, k.min_document_frequency);
      } else if (key == "max_document_share") {
        s = number(v, "keywords.max_document_share", 0.0, 1.0, k.max_document_share);
      } else if (key == "min_length") {
        s = integer(v, "keywords.min_length", 1, 20, k.min_length);
      } else if (key == "stop_words") {
        s = string_list(v, "keywords.stop_words", k.stop_words);
      } else {
        s = node_error(field.first, file_,
                       fmt::format("unknown field `{}` of `keywords` (known: enabled, per_article, "
                                   "min_document_frequency, max_document_share, min_length, "
                                   "stop_words)",
                                   key));
      }
      if (!s.ok()) return s;
    }
    return {};
  }

  std::string file_;
  SiteConfig& out_;
};

}  // namespace

Result<SiteConfig> parse_site_config(std::string_view yaml, const std::string& file,
                                     const std::filesystem::path& root) {
  auto text = text::decode_text(yaml, file);
  if (!text.ok()) return text.error();
  auto node = parse_yaml(*text, file);
  if (!node.ok()) return node.error();
  SiteConfig config;
  config.root = root;
  config.file = file;
  if (Status s = Reader(file, config).run(*node); !s.ok()) return s.error();
  if (config.base_url.empty()) config.base_url = "/";
  return config;
}

Result<SiteConfig> load_site_config(const std::filesystem::path& site_dir) {
  std::filesystem::path path = site_dir / "site.yaml";
  auto bytes = read_file(path);
  if (!bytes.ok()) {
    return file_error(path.string(), bytes.error().message == "No such file or directory"
                                         ? "no site.yaml here: is this a gazette site folder?"
                                         : bytes.error().message);
  }
  return parse_site_config(*bytes, path.string(), site_dir);
}

}  // namespace gazette::config
