#include "model/issue_json.hpp"

#include <filesystem>

namespace gazette::model {

namespace {

template <class T>
nlohmann::ordered_json or_null(const std::optional<T>& v) {
  if (!v) return nullptr;
  return *v;
}

}  // namespace

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
