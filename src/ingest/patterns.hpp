// The ingestion pattern table: the words by which bylines, credits, headlines, signatures and
// page furniture are recognised. Data, not code: the built-in table is patterns.yaml (compiled
// into the binary) and a site adds to every list from the `ingest:` section of site.yaml.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/result.hpp"

namespace gazette::ingest {

// Every list of the table, as UTF-32 strings (ingestion works on code points). Lists whose
// entries are matched at the start or end of text are kept longest first, so the longest
// entry wins (全媒体记者 before 记者).
struct Patterns {
  std::vector<std::u32string> roles;             // 记者, 通讯员, 实习生, …
  std::vector<std::u32string> not_names;         // 文章, 来稿 (words after a role, not names)
  std::vector<std::u32string> photo_marks;       // 摄, 供图 (end of a photo credit)
  std::vector<std::u32string> credits;           // 企业供图-style credits; "…" is a wildcard
  std::vector<std::u32string> caption_openings;  // 图为, 上图 (captions)
  std::vector<std::u32string> agencies;  // 新华社, 人民网 (sources of datelines, bylines)
  std::vector<std::u32string> dateline_marks;        // 电, 讯, 报道 (end of a dateline)
  std::vector<std::u32string> attributions;          // 据 (据新华社电)
  std::vector<std::u32string> posts;                 // 驻 (本报驻京记者)
  std::vector<std::u32string> dispatch_marks;        // 发自 (（记者 王浩 发自北京）)
  std::vector<std::u32string> source_suffixes;       // 日报, 晚报, 本报 (names of papers)
  std::vector<std::u32string> authority_suffixes;    // 指挥部, 办公室 (signatures of notices)
  std::vector<std::u32string> kicker_endings;        // 强调, 指出, …… (kicker lines)
  std::vector<std::u32string> subtitle_endings;      // 出席并讲话 (subtitle lines)
  std::vector<std::u32string> subtitle_openings;     // —— (series lines, subtitles)
  std::vector<std::u32string> commentary_marks;      // 评论, 时评 (commentaries)
  std::vector<std::u32string> notice_title_endings;  // 通告, 公告 (notices)
  std::vector<std::u32string> letter_marks;          // 一封信, 公开信 (letters)
  std::vector<std::u32string> furniture;             // 扫一扫, 责任编辑 (page furniture)
  std::vector<std::u32string> masthead_marks;        // 主管, 主办, CN (masthead lines)
  std::vector<std::u32string> papers;                // known paper names (株洲日报)
  std::unordered_set<char32_t> surnames;             // single-character surnames
  std::unordered_map<char32_t, int> surname_rank;    // their order in the table (0: most common)
  std::vector<std::u32string> compound_surnames;     // 欧阳, 司马, …
};

// The built-in table (patterns.yaml). Parsed once per call: callers keep the result.
Patterns builtin_patterns();

// Adds the lists found in `section` (a YAML map with the keys of patterns.yaml) to `patterns`.
// Unknown keys and values that are not lists of strings are errors at their position in
// `path` (`first_line` as for config::node_error). Keys listed in `ignore` are skipped (they
// belong to the caller, e.g. the options of ingestion).
Status add_patterns(Patterns& patterns, const YAML::Node& section, std::string_view path,
                    const std::vector<std::string>& ignore = {}, int first_line = 1);

// The keys a pattern section may have.
const std::vector<std::string>& pattern_keys();

// Sorts every list longest first and removes repeated entries (call after adding).
void finish_patterns(Patterns& patterns);

}  // namespace gazette::ingest
