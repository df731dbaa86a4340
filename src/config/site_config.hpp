// site.yaml: a site's settings, read with yaml-cpp and checked, every problem reported at its
// line and column.
#pragma once

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <string>
#include <vector>

#include "base/result.hpp"

namespace gazette::config {

// A term of the site's tag vocabulary: a person, place, organisation or topic, matched in
// titles and bodies by its name or any of its aliases.
struct VocabularyTerm {
  std::string name;
  std::vector<std::string> aliases;
  std::string kind;  // person, place, organisation, topic, … (free text, for themes)
};

// Automatic keywords: ICU word segmentation + TF-IDF across the whole corpus.
struct KeywordSettings {
  bool enabled = false;
  int per_article = 3;                  // at most this many keywords per article
  int min_document_frequency = 2;       // a word must occur in at least this many articles …
  double max_document_share = 0.2;      // … and in at most this share of all articles
  int min_length = 2;                   // in characters
  std::vector<std::string> stop_words;  // added to the built-in list
};

// How article slugs are made.
enum class SlugStyle {
  kPinyin,  // from the title: jia-kuai-gou-jian-wang-luo-kong-jian
  kIndex,   // the article's number in its issue: 1, 2, 3 …
};

// Everything site.yaml says. Defaults are those of a new site.
struct SiteConfig {
  std::filesystem::path root;  // the site folder (where site.yaml is)
  std::string file;            // site.yaml's path as given, for messages

  std::string title;
  std::string paper;  // the newspaper's name when the masthead does not print it
  std::string description;
  std::string language = "zh-CN";  // BCP 47
  std::string base_url;            // absolute, ends with '/'; may have a path (sub-path hosting)
  std::string theme = "default";
  int theme_line = 0;  // where `theme:` is, for the "unknown theme" error
  int theme_column = 0;
  std::string copyright;

  int paginate = 20;  // items per page of a term's list
  int feed_limit = 50;
  int slug_length = 60;
  SlugStyle slugs = SlugStyle::kPinyin;
  bool strict_templates = false;
  bool allow_raw_html = false;  // raw HTML in Markdown articles

  bool search = true;           // write the client-side search index
  int search_body_chars = 300;  // how much of each body the search index holds

  std::vector<VocabularyTerm> vocabulary;
  // A vocabulary term tags an article whose headline names it, or whose body mentions it
  // this many times: a place named once in passing is not what the article is about.
  int tag_mentions = 2;
  KeywordSettings keywords;

  YAML::Node ingest;  // the `ingest:` section, read by ingestion (null when absent)
  YAML::Node params;  // free-form `params:` for themes (site.params in templates)
};

// Reads and checks `<site_dir>/site.yaml`. Unknown keys, wrong types and bad values are
// errors at their position; a missing file is an error naming it.
Result<SiteConfig> load_site_config(const std::filesystem::path& site_dir);

// Reads and checks site.yaml from its text (`file` names it in errors; `root` is the site folder).
Result<SiteConfig> parse_site_config(std::string_view yaml, const std::string& file,
                                     const std::filesystem::path& root);

}  // namespace gazette::config
