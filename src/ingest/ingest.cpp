#include "ingest/ingest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "config/front_matter.hpp"
#include "ingest/assemble.hpp"
#include "ingest/associate.hpp"
#include "ingest/byline.hpp"
#include "ingest/captions.hpp"
#include "ingest/chars.hpp"
#include "ingest/classify.hpp"
#include "ingest/dedup.hpp"
#include "ingest/headlines.hpp"
#include "ingest/issue_date.hpp"
#include "ingest/layout.hpp"
#include "ingest/lines.hpp"
#include "ingest/masthead.hpp"
#include "ingest/paragraphs.hpp"
#include "text/calendar.hpp"
#include "text/segment.hpp"
#include "text/utf8.hpp"

namespace gazette::ingest {

namespace {

Result<bool> bool_setting(const YAML::Node& node, std::string_view path) {
  try {
    return node.as<bool>();
  } catch (const YAML::Exception&) {
    return config::node_error(node, path, "expected true or false");
  }
}

// A file that is not text: NUL bytes, or many control characters.
std::optional<Error> binary_file(std::string_view bytes, std::string_view path) {
  size_t controls = 0;
  int line = 1, column = 1;
  for (size_t i = 0; i < bytes.size(); ++i) {
    auto c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) {
      return Error{std::string(path),
                   line,
                   column,
                   "this is a binary file, not text (a NUL byte); raw issues are UTF-8 text",
                   {}};
    }
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++column;
    }
  }
  if (controls > 16 && controls * 50 > bytes.size()) {
    return Error{
        std::string(path), 0, 0, "this is a binary file, not text (many control characters)", {}};
  }
  return std::nullopt;
}

}  // namespace

Result<Options> options_from_yaml(const YAML::Node& section, std::string_view path) {
  Options options;
  if (!section || section.IsNull()) return options;
  if (!section.IsMap()) {
    return config::node_error(section, path, "`ingest` must be a map of settings");
  }
  for (const auto& kv : section) {
    std::string key = kv.first.as<std::string>("");
    if (key == "normalize" || key == "infer_date") {
      auto v = bool_setting(kv.second, path);
      if (!v) return v.error();
      (key == "normalize" ? options.normalize : options.infer_date) = *v;
    }
  }
  if (auto st = add_patterns(options.patterns, section, path, {"normalize", "infer_date"}); !st) {
    return st.error();
  }
  finish_patterns(options.patterns);
  return options;
}

Ingester::Ingester(const Options& options)
    : options_(options),
      words_(std::make_unique<text::WordSegmenter>("zh")),
      dates_(std::make_unique<text::DateFormatter>("zh-CN")) {
  finish_patterns(options_.patterns);
}

Ingester::~Ingester() = default;

Result<model::Issue> Ingester::ingest(std::string_view bytes, std::string_view path) const {
  if (auto bin = binary_file(bytes, path)) return *bin;
  auto decoded = text::decode_text(bytes, path);
  if (!decoded) return decoded.error();
  const std::string& text = *decoded;
  auto fm = config::split_front_matter(text, path);
  if (!fm) return fm.error();

  model::Issue issue;
  issue.source = std::string(path);
  const Patterns& patterns = options_.patterns;
  BylineReader bylines(patterns);

  size_t controls = 0;
  std::vector<Line> lines = split_lines(fm->body, fm->body_line, options_.normalize, controls);
  if (controls > 0) {
    issue.warnings.push_back({fm->body_line, fmt::format("dropped {} control character{}", controls,
                                                         controls == 1 ? "" : "s")});
  }
  MastheadScan masthead = read_masthead(lines, patterns);
  std::vector<LineInfo> info = classify_lines(lines, masthead, patterns, bylines);
  Layout layout = estimate_layout(lines, info);
  if (std::getenv("GAZETTE_INGEST_DEBUG")) {
    for (size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].blank) continue;
      fmt::print(stderr, "{:5} k{:<2} w{:5.1f} col{:5.1f} {} {}\n", lines[i].number,
                 static_cast<int>(info[i].kind), lines[i].width, layout.column[i],
                 info[i].headline_like ? "H" : " ", to_utf8(lines[i].text));
    }
  }
  std::vector<Unit> units = build_units(lines, info, layout, patterns, bylines, *words_,
                                        options_.normalize, issue.warnings);
  remove_repeats(units, issue.warnings);
  promote_kickers(units);
  place_captions(units, patterns);
  std::vector<bool> sub = find_subheadings(units, patterns);
  std::vector<Stack> stacks = build_stacks(units, sub, patterns);
  if (std::getenv("GAZETTE_INGEST_DEBUG")) {
    for (size_t i = 0; i < units.size(); ++i) {
      fmt::print(stderr, "unit {:3} kind{} {}-{} sub{} tight{} {}\n", i,
                 static_cast<int>(units[i].kind), units[i].first_line, units[i].last_line,
                 sub[i] ? 1 : 0, units[i].tight_next ? 1 : 0, to_utf8(units[i].text.substr(0, 30)));
    }
    for (const Stack& s : stacks) {
      fmt::print(stderr, "stack {}-{} k[{}] t[{}] s[{}]\n", s.first_line, s.last_line,
                 to_utf8(s.kicker), to_utf8(s.title), to_utf8(s.subtitle));
    }
  }
  std::vector<Body> bodies = associate(units, stacks, sub, issue.warnings);
  issue.articles = assemble_articles(units, stacks, bodies, patterns, issue.warnings);

  bool any_text = std::any_of(lines.begin(), lines.end(), [](const Line& l) { return !l.blank; });
  if (!any_text) {
    issue.warnings.push_back({fm->body_line, "the file has no text"});
  } else if (issue.articles.empty()) {
    issue.warnings.push_back({fm->body_line, "no article found in the text"});
  }
  if (auto st =
          resolve_masthead(issue, fm->data, masthead, units, path, options_.infer_date, *dates_);
      !st) {
    return st.error();
  }
  std::stable_sort(
      issue.warnings.begin(), issue.warnings.end(),
      [](const model::Warning& a, const model::Warning& b) { return a.line < b.line; });
  return issue;
}

}  // namespace gazette::ingest
