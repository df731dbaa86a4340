#include "model/issue_json.hpp"

#include <filesystem>
#include <string>

#include "text/utf8.hpp"

namespace gazette::model {

namespace {

template <class T>
nlohmann::ordered_json or_null(const std::optional<T>& v) {
  if (!v) return nullptr;
  return *v;
}

void append_json_string(std::string_view s, std::string& out) {
  if (text::find_invalid_utf8(s)) {
    // Rare: nlohmann's own replacement of the bad bytes.
    out += nlohmann::ordered_json(std::string(s))
               .dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    return;
  }
  out += '"';
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.substr(run, i - run));
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\r':
        out += "\\r";
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out.append(escaped, sizeof escaped);
      }
    }
  }
  out.append(s.substr(run));
  out += '"';
}

void append_json_text(const nlohmann::ordered_json& j, int indent, int depth, std::string& out) {
  if (!j.is_object() && !j.is_array()) {
    if (j.is_string()) {
      append_json_string(j.get_ref<const std::string&>(), out);
    } else {
      out += j.dump();  // numbers, booleans, null: short, and nlohmann formats them
    }
    return;
  }
  const bool object = j.is_object();
  if (j.empty()) {
    out += object ? "{}" : "[]";
    return;
  }
  out += object ? "{\n" : "[\n";
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it != j.begin()) out += ",\n";
    out.append(static_cast<size_t>(indent * (depth + 1)), ' ');
    if (object) {
      append_json_string(it.key(), out);
      out += ": ";
    }
    append_json_text(it.value(), indent, depth + 1, out);
  }
  out += '\n';
  out.append(static_cast<size_t>(indent * depth), ' ');
  out += object ? '}' : ']';
}

}  // namespace

std::string json_text(const nlohmann::ordered_json& json, int indent) {
  std::string out;
  append_json_text(json, indent, 0, out);
  return out;
}

nlohmann::ordered_json to_json(const Article& a) {
  nlohmann::ordered_json j;
  j["title"] = a.title;
  j["kicker"] = or_null(a.kicker);
  j["subtitle"] = or_null(a.subtitle);
  j["kind"] = kind_name(a.kind);
  j["byline"] = or_null(a.byline);
  j["authors"] = a.authors;
  j["dateline"] = or_null(a.dateline);
  j["page"] = or_null(a.page);
  j["continued_to"] = or_null(a.continued_to);
  auto paragraphs = nlohmann::ordered_json::array();
  for (const Block& b : a.body) {
    if (b.type == Block::Type::kParagraph) paragraphs.push_back(b.text);
  }
  j["paragraphs"] = std::move(paragraphs);
  j["captions"] = a.captions;
  j["tags"] = a.tags;
  j["source_lines"] = {a.first_line, a.last_line};
  return j;
}

nlohmann::ordered_json to_json(const Issue& issue) {
  nlohmann::ordered_json j;
  j["source"] = std::filesystem::path(issue.source).filename().string();
  const Masthead& m = issue.masthead;
  j["paper"] = or_null(m.paper);
  j["date"] = m.date ? nlohmann::ordered_json(text::iso(*m.date)) : nullptr;
  j["number"] = or_null(m.number);
  j["pages"] = or_null(m.pages);
  j["weekday"] = or_null(m.weekday);
  j["lunar"] = or_null(m.lunar);
  auto warnings = nlohmann::ordered_json::array();
  for (const Warning& w : issue.warnings) {
    warnings.push_back({{"line", w.line}, {"message", w.message}});
  }
  j["warnings"] = std::move(warnings);
  auto articles = nlohmann::ordered_json::array();
  for (const Article& a : issue.articles) articles.push_back(to_json(a));
  j["articles"] = std::move(articles);
  return j;
}

}  // namespace gazette::model
