#include "site/site_model.hpp"

#include <gtest/gtest.h>

namespace gazette::site {
namespace {

model::Article article(std::string title, std::vector<std::string> authors,
                       std::vector<std::string> body, std::vector<std::string> tags = {}) {
  model::Article a;
  a.title = std::move(title);
  a.authors = std::move(authors);
  for (auto& p : body) a.body.push_back({model::Block::Type::kParagraph, std::move(p), {}});
  a.tags = std::move(tags);
  return a;
}

LoadedIssue issue(std::string rel, std::optional<text::Date> date,
                  std::vector<model::Article> articles) {
  LoadedIssue li;
  li.source_rel = std::move(rel);
  li.issue.source = li.source_rel;
  li.issue.masthead.date = date;
  li.issue.articles = std::move(articles);
  return li;
}

// Finds the articles' facts, as the build does when it reads issues, then builds the model.
model::Site build(std::vector<LoadedIssue> issues, const config::SiteConfig& config,
                  std::vector<Error>& errors) {
  VocabularyMatcher vocabulary(config.vocabulary);
  FactFinder finder(config, vocabulary);
  for (auto& li : issues) {
    EXPECT_TRUE(find_facts(li, finder).ok());
    strip_bodies(li.issue);  // the model must not need the bodies
  }
  return build_site_model(std::move(issues), config, errors);
}

config::SiteConfig sample_config() {
  config::SiteConfig c;
  c.paper = "株洲日报";
  c.language = "zh-CN";
  c.vocabulary = {{"株洲", {}, "place"}, {"曹慧泉", {"曹书记"}, "person"}};
  return c;
}

TEST(BuildSiteModel, OrdersIssuesAssignsUrlsAndTaxonomies) {
  std::vector<LoadedIssue> issues;
  issues.push_back(
      issue("content/b.txt", text::Date{2022, 11, 8},
            {article("市纪委监委通报2起疫情防控失职失责问题", {"陈正明", "纪宣"},
                     {"株洲日报讯 11月7日，株洲市纪委监委通报……"}),
             article("以“硬作风”扛起“硬责任”", {"朱理平"}, {"疫情防控是……"}, {"评论"})}));
  issues.push_back(
      issue("content/a.txt", text::Date{2020, 2, 4},
            {article("疫情当前当好实干派", {"朱理平"}, {"曹书记强调……", "曹慧泉要求……"})}));
  std::vector<Error> errors;
  model::Site site = build(std::move(issues), sample_config(), errors);
  ASSERT_TRUE(errors.empty()) << format_errors(errors);
  ASSERT_EQ(site.issues.size(), 2u);
  EXPECT_EQ(site.issues[0].url, "2020/02/04/");
  EXPECT_EQ(site.issues[1].url, "2022/11/08/");
  ASSERT_EQ(site.articles.size(), 3u);
  EXPECT_EQ(site.articles[0].url, "2020/02/04/yi-qing-dang-qian-dang-hao-shi-gan-pai/");
  EXPECT_EQ(site.articles[2].url, "2022/11/08/yi-ying-zuo-feng-kang-qi-ying-ze-ren/");
  EXPECT_EQ(site.issues[1].articles, (std::vector<int>{1, 2}));
  EXPECT_EQ(site.calendar.days.at(2022).at(11).at(8), 1);

  // Authors in pinyin order; 朱理平 wrote two articles, newest first.
  std::vector<std::string> authors;
  for (const auto& t : site.authors.terms) authors.push_back(t.name);
  EXPECT_EQ(authors, (std::vector<std::string>{"陈正明", "纪宣", "朱理平"}));
  const model::Term& zhu = site.authors.terms[2];
  EXPECT_EQ(zhu.url, "authors/zhu-li-ping/");
  EXPECT_EQ(zhu.articles, (std::vector<int>{2, 0}));
  // Byline order is kept on the article.
  EXPECT_EQ(site.articles[1].authors, (std::vector<int>{0, 1}));

  // Tags: front matter and vocabulary terms mentioned twice (曹慧泉 and its alias 曹书记;
  // 株洲 in 株洲日报讯 and 株洲市).
  std::vector<std::string> tags;
  for (const auto& t : site.tags.terms) tags.push_back(t.name + ":" + t.kind);
  EXPECT_EQ(tags, (std::vector<std::string>{"曹慧泉:person", "评论:keyword", "株洲:place"}));
}

TEST(BuildSiteModel, AVocabularyTermTagsWhatItsHeadlineNamesOrItsBodyMentionsTwice) {
  std::vector<LoadedIssue> issues;
  issues.push_back(issue("content/a.txt", text::Date{2022, 11, 8},
                         {article("株洲全力打赢疫情防控歼灭战", {}, {"连日来，全市上下……"}),
                          article("一则消息", {}, {"株洲日报讯 11月7日，市纪委监委通报……"}),
                          article("又一则消息", {}, {"株洲日报讯 11月7日，株洲市……"})}));
  std::vector<Error> errors;
  model::Site site = build(std::move(issues), sample_config(), errors);
  ASSERT_TRUE(errors.empty()) << format_errors(errors);
  ASSERT_EQ(site.tags.terms.size(), 1u);
  EXPECT_EQ(site.tags.terms[0].name, "株洲");
  EXPECT_EQ(site.tags.terms[0].articles, (std::vector<int>{0, 2}));  // one issue: in its order
  auto one = sample_config();
  one.tag_mentions = 1;
  issues.clear();
  issues.push_back(issue("content/a.txt", text::Date{2022, 11, 8},
                         {article("一则消息", {}, {"株洲日报讯 11月7日，市纪委监委通报……"})}));
  site = build(std::move(issues), one, errors);
  ASSERT_EQ(site.tags.terms.size(), 1u);
}

TEST(BuildSiteModel, ReportsUndatedAndDuplicateIssues) {
  std::vector<LoadedIssue> issues;
  issues.push_back(issue("content/x.txt", std::nullopt, {article("甲", {}, {"x"})}));
  issues.push_back(issue("content/one.txt", text::Date{2022, 11, 8}, {article("乙", {}, {"y"})}));
  issues.push_back(issue("content/two.txt", text::Date{2022, 11, 8}, {article("丙", {}, {"z"})}));
  std::vector<Error> errors;
  model::Site site = build(std::move(issues), sample_config(), errors);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(format_error_line(errors[0]).rfind(
                "content/x.txt: error: the date of this issue is unknown", 0),
            0u);
  EXPECT_EQ(format_error_line(errors[1]),
            "content/two.txt: error: two issues of 株洲日报 dated 2022-11-08: this one and "
            "content/one.txt");
  EXPECT_EQ(site.issues.size(), 1u);
}

TEST(BuildSiteModel, AutomaticKeywords) {
  config::SiteConfig c = sample_config();
  c.vocabulary.clear();
  c.keywords.enabled = true;
  c.keywords.min_document_frequency = 2;
  c.keywords.max_document_share = 0.7;
  std::vector<LoadedIssue> issues;
  issues.push_back(issue("content/a.txt", text::Date{2022, 11, 1},
                         {article("骑手送菜上门", {}, {"骑手穿行在小区之间，骑手说配送很忙。"}),
                          article("志愿者在行动", {}, {"志愿者为居民送菜。"}),
                          article("核酸检测有序", {}, {"核酸检测点秩序井然。"})}));
  issues.push_back(issue("content/b.txt", text::Date{2022, 11, 2},
                         {article("骑手的一天", {}, {"骑手早出晚归。"}),
                          article("志愿者招募", {}, {"志愿者踊跃报名。"})}));
  std::vector<Error> errors;
  model::Site site = build(std::move(issues), c, errors);
  ASSERT_TRUE(errors.empty());
  ASSERT_TRUE(site.tags.by_name.count("骑手"));
  ASSERT_TRUE(site.tags.by_name.count("志愿者"));
  EXPECT_EQ(site.tags.terms[static_cast<size_t>(site.tags.by_name.at("骑手"))].articles,
            (std::vector<int>{3, 0}));
  EXPECT_FALSE(site.tags.by_name.count("核酸"));  // in one article only
}

TEST(BuildSiteModel, AKeywordChosenForOneArticleOnlyIsNoTag) {
  config::SiteConfig c = sample_config();
  c.vocabulary.clear();
  c.keywords.enabled = true;
  c.keywords.per_article = 1;
  c.keywords.min_document_frequency = 2;
  c.keywords.max_document_share = 0.9;
  std::vector<LoadedIssue> issues;
  // 骑手 is in two articles but the best keyword of one only; 志愿者 is the best of two.
  issues.push_back(
      issue("content/a.txt", text::Date{2022, 11, 1},
            {article("骑手送菜", {}, {"骑手穿行在小区之间，骑手说骑手很忙。"}),
             article("志愿者在行动", {}, {"志愿者为居民送菜，志愿者说志愿者很忙，骑手也忙。"}),
             article("志愿者招募", {}, {"志愿者踊跃报名，志愿者很多。"})}));
  std::vector<Error> errors;
  model::Site site = build(std::move(issues), c, errors);
  ASSERT_TRUE(errors.empty());
  EXPECT_FALSE(site.tags.by_name.count("骑手"));
  ASSERT_TRUE(site.tags.by_name.count("志愿者"));
  EXPECT_EQ(site.tags.terms[static_cast<size_t>(site.tags.by_name.at("志愿者"))].articles,
            (std::vector<int>{1, 2}));
}

TEST(BuildSiteModel, KeywordsDeferToTheVocabulary) {
  config::SiteConfig c = sample_config();
  c.vocabulary = {{"外卖骑手", {}, "topic"}, {"志愿服务队", {"志愿者"}, "organisation"}};
  c.keywords.enabled = true;
  c.keywords.min_document_frequency = 2;
  c.keywords.max_document_share = 0.7;
  std::vector<LoadedIssue> issues;
  issues.push_back(issue("content/a.txt", text::Date{2022, 11, 1},
                         {article("骑手送菜上门", {}, {"骑手穿行在小区之间。"}),
                          article("志愿者在行动", {}, {"志愿者为居民送菜。"}),
                          article("核酸检测有序", {}, {"检测点秩序井然。"})}));
  issues.push_back(issue("content/b.txt", text::Date{2022, 11, 2},
                         {article("骑手的一天", {}, {"骑手早出晚归。"}),
                          article("志愿者招募", {}, {"志愿者踊跃报名。"})}));
  std::vector<Error> errors;
  model::Site site = build(std::move(issues), c, errors);
  ASSERT_TRUE(errors.empty());
  EXPECT_FALSE(site.tags.by_name.count("骑手"));    // a piece of the term 外卖骑手
  EXPECT_FALSE(site.tags.by_name.count("志愿者"));  // an alias: the term's name instead
  ASSERT_TRUE(site.tags.by_name.count("志愿服务队"));
  EXPECT_EQ(site.tags.terms[static_cast<size_t>(site.tags.by_name.at("志愿服务队"))].articles,
            (std::vector<int>{4, 1}));
}

}  // namespace
}  // namespace gazette::site
