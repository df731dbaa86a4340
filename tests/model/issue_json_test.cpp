// An Issue as the JSON object of DESIGN.md.
#include "model/issue_json.hpp"

#include <gtest/gtest.h>

namespace gazette::model {
namespace {

TEST(IssueJson, TheDesignObject) {
  Issue issue;
  issue.source = "content/2022/001.txt";
  issue.masthead.paper = "株洲日报";
  issue.masthead.date = text::Date{2022, 11, 8};
  issue.masthead.number = 23124;
  issue.masthead.weekday = "星期二";
  issue.warnings.push_back({12, "removed a repeat"});
  Article a;
  a.title = "标题";
  a.kind = ArticleKind::kCommentary;
  a.byline = "朱理平";
  a.authors = {"朱理平"};
  a.body = {{Block::Type::kParagraph, "第一段。", {}},
            {Block::Type::kHeading, "小标题", {}},
            {Block::Type::kParagraph, "第二段。", {}}};
  a.captions = {"图片说明"};
  a.first_line = 3;
  a.last_line = 9;
  issue.articles.push_back(a);

  auto j = to_json(issue);
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"source", "paper", "date", "number", "pages", "weekday",
                                            "lunar", "warnings", "articles"}));
  EXPECT_EQ(j["source"], "001.txt");
  EXPECT_EQ(j["date"], "2022-11-08");
  EXPECT_EQ(j["number"], 23124);
  EXPECT_TRUE(j["pages"].is_null());
  EXPECT_TRUE(j["lunar"].is_null());
  EXPECT_EQ(j["warnings"][0]["line"], 12);
  const auto& art = j["articles"][0];
  std::vector<std::string> akeys;
  for (auto it = art.begin(); it != art.end(); ++it) akeys.push_back(it.key());
  EXPECT_EQ(akeys, (std::vector<std::string>{"title", "kicker", "subtitle", "kind", "byline",
                                             "authors", "dateline", "page", "continued_to",
                                             "paragraphs", "captions", "tags", "source_lines"}));
  EXPECT_EQ(art["kind"], "commentary");
  EXPECT_TRUE(art["kicker"].is_null());
  // Sub-headings are not paragraphs.
  EXPECT_EQ(art["paragraphs"], (nlohmann::ordered_json{"第一段。", "第二段。"}));
  EXPECT_EQ(art["source_lines"], (nlohmann::ordered_json{3, 9}));
  EXPECT_EQ(art["tags"], nlohmann::ordered_json::array());
}

TEST(IssueJson, UnknownDateIsNull) {
  Issue issue;
  auto j = to_json(issue);
  EXPECT_TRUE(j["date"].is_null());
  EXPECT_TRUE(j["articles"].is_array());
}

TEST(JsonText, WritesWhatNlohmannWrites) {
  // Every byte below 0x80 in a string and in a key, quotes and backslashes, DEL, CJK, an emoji,
  // nesting with empty arrays and objects, every kind of number, booleans and null.
  std::string every_ascii;
  for (int c = 1; c < 0x80; ++c) every_ascii += static_cast<char>(c);
  nlohmann::ordered_json j = {
      {"text", every_ascii + "株洲日报 😀 \"quoted\" back\\slash"},
      {every_ascii, "key with every byte"},
      {"nested",
       {{"empty_array", nlohmann::ordered_json::array()},
        {"empty_object", nlohmann::ordered_json::object()},
        {"list", {1, -2, 3.5, 1e300, 18446744073709551615ull, true, false, nullptr}},
        {"deeper", {{"a", {{"b", {"c"}}}}}}}},
      {"", ""}};
  for (int indent : {0, 1, 2, 4}) EXPECT_EQ(json_text(j, indent), j.dump(indent)) << indent;
  EXPECT_EQ(json_text(nlohmann::ordered_json("solo")), nlohmann::ordered_json("solo").dump(2));
  EXPECT_EQ(json_text(nlohmann::ordered_json::array()), "[]");
}

TEST(JsonText, ReplacesInvalidUtf8AsNlohmannsReplaceHandlerDoes) {
  nlohmann::ordered_json j = {{"bad", std::string("ok\xFF\xC0ok")}, {"good", "株"}};
  EXPECT_EQ(json_text(j), j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

TEST(JsonText, AnIssueIsWrittenAsDumpWritesIt) {
  Issue issue;
  issue.source = "content/2022/001.txt";
  issue.masthead.paper = "株洲日报";
  issue.masthead.date = text::Date{2022, 11, 8};
  issue.warnings.push_back({12, "removed a \"repeat\"\tof line 3"});
  Article a;
  a.title = "标题\n第二行";
  a.authors = {"朱理平", "邓伟勇"};
  a.body = {{Block::Type::kParagraph, "第一段。", {}}};
  issue.articles.push_back(a);
  issue.articles.push_back(Article{});
  auto j = to_json(issue);
  EXPECT_EQ(json_text(j), j.dump(2));
}

}  // namespace
}  // namespace gazette::model
