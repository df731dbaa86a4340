#include "ingest/patterns.hpp"

#include <algorithm>

#include "config/front_matter.hpp"
#include "ingest/chars.hpp"

namespace gazette::ingest {

extern const std::string_view kBuiltinPatternsYaml;

namespace {

using List = std::vector<std::u32string> Patterns::*;

struct ListKey {
  const char* key;
  List list;
};

const std::vector<ListKey>& list_keys() {
  static const std::vector<ListKey> keys = {
      {"roles", &Patterns::roles},
      {"not_names", &Patterns::not_names},
      {"photo_marks", &Patterns::photo_marks},
      {"credits", &Patterns::credits},
      {"caption_openings", &Patterns::caption_openings},
      {"agencies", &Patterns::agencies},
      {"dateline_marks", &Patterns::dateline_marks},
      {"attributions", &Patterns::attributions},
      {"posts", &Patterns::posts},
      {"dispatch_marks", &Patterns::dispatch_marks},
      {"source_suffixes", &Patterns::source_suffixes},
      {"authority_suffixes", &Patterns::authority_suffixes},
      {"kicker_endings", &Patterns::kicker_endings},
      {"subtitle_endings", &Patterns::subtitle_endings},
      {"subtitle_openings", &Patterns::subtitle_openings},
      {"commentary_marks", &Patterns::commentary_marks},
      {"notice_title_endings", &Patterns::notice_title_endings},
      {"letter_marks", &Patterns::letter_marks},
      {"furniture", &Patterns::furniture},
      {"masthead_marks", &Patterns::masthead_marks},
      {"papers", &Patterns::papers},
      {"compound_surnames", &Patterns::compound_surnames},
  };
  return keys;
}

Result<std::vector<std::u32string>> string_list(const YAML::Node& node, std::string_view path,
                                                int first_line) {
  std::vector<std::u32string> out;
  if (node.IsNull()) return out;
  auto add = [&](const YAML::Node& item) -> Status {
    if (!item.IsScalar()) {
      return config::node_error(item, path, "expected a text, not a list or a map", first_line);
    }
    std::u32string s = to_u32(item.Scalar());
    if (s.empty()) return config::node_error(item, path, "empty entry", first_line);
    out.push_back(std::move(s));
    return {};
  };
  if (node.IsScalar()) {
    if (auto st = add(node); !st) return st.error();
    return out;
  }
  if (!node.IsSequence()) {
    return config::node_error(node, path, "expected a list of texts", first_line);
  }
  for (const auto& item : node) {
    if (auto st = add(item); !st) return st.error();
  }
  return out;
}

}  // namespace

const std::vector<std::string>& pattern_keys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> k;
    for (const auto& lk : list_keys()) k.emplace_back(lk.key);
    k.emplace_back("surnames");
    return k;
  }();
  return keys;
}

Status add_patterns(Patterns& patterns, const YAML::Node& section, std::string_view path,
                    const std::vector<std::string>& ignore, int first_line) {
  if (!section || section.IsNull()) return {};
  if (!section.IsMap()) {
    return config::node_error(section, path, "expected a map of pattern lists", first_line);
  }
  for (const auto& kv : section) {
    const std::string key = kv.first.as<std::string>("");
    if (std::find(ignore.begin(), ignore.end(), key) != ignore.end()) continue;
    if (key == "surnames") {
      auto list = string_list(kv.second, path, first_line);
      if (!list) return list.error();
      for (const auto& s : *list) {
        for (char32_t c : s) {
          if (is_space(c)) continue;
          patterns.surnames.insert(c);
          patterns.surname_rank.emplace(c, static_cast<int>(patterns.surname_rank.size()));
        }
      }
      continue;
    }
    auto it = std::find_if(list_keys().begin(), list_keys().end(),
                           [&](const ListKey& lk) { return key == lk.key; });
    if (it == list_keys().end()) {
      std::string known;
      for (const auto& k : pattern_keys()) known += (known.empty() ? "" : ", ") + k;
      return config::node_error(kv.first, path,
                                "unknown ingestion setting `" + key + "` (known: " + known + ")",
                                first_line);
    }
    auto list = string_list(kv.second, path, first_line);
    if (!list) return list.error();
    auto& target = patterns.*(it->list);
    target.insert(target.end(), list->begin(), list->end());
  }
  return {};
}

void finish_patterns(Patterns& patterns) {
  for (const auto& lk : list_keys()) {
    auto& v = patterns.*(lk.list);
    std::stable_sort(v.begin(), v.end(), [](const std::u32string& a, const std::u32string& b) {
      return a.size() > b.size();
    });
    v.erase(std::unique(v.begin(), v.end()), v.end());
  }
}

Patterns builtin_patterns() {
  Patterns p;
  YAML::Node root = YAML::Load(std::string(kBuiltinPatternsYaml));
  // The built-in table is part of the program: a mistake in it is a bug, caught by the tests.
  Status st = add_patterns(p, root, "patterns.yaml");
  (void)st;
  finish_patterns(p);
  return p;
}

}  // namespace gazette::ingest
