// The `ingest:` section of site.yaml.
#include <gtest/gtest.h>

#include "ingest/chars.hpp"
#include "ingest/ingest.hpp"

namespace gazette::ingest {
namespace {

TEST(Options, NullOrAbsentGivesDefaults) {
  auto o = options_from_yaml(YAML::Node(), "site.yaml");
  ASSERT_TRUE(o);
  EXPECT_TRUE(o->normalize);
  EXPECT_FALSE(o->infer_date);
  EXPECT_FALSE(o->patterns.roles.empty());
  EXPECT_FALSE(o->patterns.surnames.empty());
  o = options_from_yaml(YAML::Load("~"), "site.yaml");
  ASSERT_TRUE(o);
}

TEST(Options, SettingsAndAddedPatterns) {
  auto o = options_from_yaml(
      YAML::Load("normalize: false\ninfer_date: yes\npapers: [湘江日报]\nfurniture: [本版热线]\n"),
      "site.yaml");
  ASSERT_TRUE(o);
  EXPECT_FALSE(o->normalize);
  EXPECT_TRUE(o->infer_date);
  ASSERT_EQ(o->patterns.papers.size(), 1u);
  EXPECT_EQ(to_utf8(o->patterns.papers[0]), "湘江日报");
  bool found = false;
  for (const auto& f : o->patterns.furniture) found |= to_utf8(f) == "本版热线";
  EXPECT_TRUE(found);
}

TEST(Options, ErrorsPointIntoSiteYaml) {
  auto o = options_from_yaml(YAML::Load("normalize: maybe\n"), "site.yaml");
  ASSERT_FALSE(o);
  EXPECT_EQ(o.error().path, "site.yaml");
  EXPECT_EQ(o.error().line, 1);
  EXPECT_EQ(o.error().column, 12);
  o = options_from_yaml(YAML::Load("rolez: [记者]\n"), "site.yaml");
  ASSERT_FALSE(o);
  EXPECT_NE(o.error().message.find("unknown ingestion setting `rolez`"), std::string::npos);
  o = options_from_yaml(YAML::Load("roles: {a: b}\n"), "site.yaml");
  ASSERT_FALSE(o);
  o = options_from_yaml(YAML::Load("- a\n"), "site.yaml");
  ASSERT_FALSE(o);
}

TEST(Options, NormalizeOffKeepsTheExtractedText) {
  Options options;
  options.normalize = false;
  Ingester ingester(options);
  auto issue = ingester.ingest("标题\n\n前段,全市 广大干部群众万众一心。\n", "a.txt");
  ASSERT_TRUE(issue);
  ASSERT_EQ(issue->articles.size(), 1u);
  EXPECT_EQ(issue->articles[0].body[0].text, "前段,全市 广大干部群众万众一心。");
}

}  // namespace
}  // namespace gazette::ingest
