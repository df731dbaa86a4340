#include "site/theme.hpp"

#include <gtest/gtest.h>

#include "support/temp_dir.hpp"

#include <fstream>

namespace gazette::site {
namespace {

namespace fs = std::filesystem;

class LoadTheme : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = gazette::testing::temp_dir("theme");
    fs::remove_all(root_);
    write("site/themes/paper/templates/base.html", "x");
    write("site/themes/paper/static/css/a.css", "x");
    write("site/themes/paper/i18n/en.yaml",
          "next_issue: Next issue\nprev_issue: Previous issue\nsearch: Search\n");
    write("site/themes/paper/i18n/zh.yaml", "next_issue: 下一期\nsearch: 搜索\n");
    write("site/themes/paper/i18n/zh-CN.yaml", "next_issue: 下一期（简）\n");
    write("site/i18n/zh.yaml", "search: 检索\n");
    config_.root = root_ / "site";
    config_.file = "site.yaml";
    config_.theme = "paper";
    config_.theme_line = 4;
    config_.theme_column = 8;
  }
  void TearDown() override { fs::remove_all(root_); }
  void write(const std::string& rel, const std::string& text) {
    fs::create_directories((root_ / rel).parent_path());
    std::ofstream(root_ / rel) << text;
  }
  fs::path root_;
  config::SiteConfig config_;
};

TEST_F(LoadTheme, StringsFallBackFromRegionToLanguageToEnglish) {
  auto t = load_theme(config_, {});
  ASSERT_TRUE(t.ok()) << format_error(t.error());
  EXPECT_EQ(t->strings.at("next_issue"), "下一期（简）");
  EXPECT_EQ(t->strings.at("search"), "检索");  // the site's own string wins
  EXPECT_EQ(t->strings.at("prev_issue"), "Previous issue");
  EXPECT_EQ(t->template_dirs.size(), 1u);
  EXPECT_EQ(t->static_dirs.size(), 1u);
  config_.language = "en";
  t = load_theme(config_, {});
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->strings.at("next_issue"), "Next issue");
}

TEST_F(LoadTheme, SiteFoldersComeFirst) {
  write("site/templates/article.html", "x");
  write("site/static/logo.svg", "x");
  auto t = load_theme(config_, {});
  ASSERT_TRUE(t.ok());
  ASSERT_EQ(t->template_dirs.size(), 2u);
  EXPECT_EQ(t->template_dirs[0], root_ / "site" / "templates");
  EXPECT_EQ(t->static_dirs[0], root_ / "site" / "static");
}

TEST_F(LoadTheme, UnknownThemeIsAnErrorAtItsSetting) {
  config_.theme = "broadsheet";
  auto t = load_theme(config_, {});
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(
      format_error_line(t.error()),
      "site.yaml:4:8: error: unknown theme \"broadsheet\": there is no folder themes/broadsheet/");
}

TEST_F(LoadTheme, BuiltinThemesAreTheFallback) {
  config_.theme = "default";
  auto t = load_theme(config_, fs::path(GAZETTE_SOURCE_DIR) / "themes");
  ASSERT_TRUE(t.ok()) << format_error(t.error());
  EXPECT_EQ(t->dir, fs::path(GAZETTE_SOURCE_DIR) / "themes" / "default");
}

TEST_F(LoadTheme, BrokenI18nFileIsAnError) {
  write("site/themes/paper/i18n/zh.yaml", "next_issue: [unclosed\n");
  auto t = load_theme(config_, {});
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.error().path.find("zh.yaml"), std::string::npos);
  write("site/themes/paper/i18n/zh.yaml", "next_issue:\n  nested: map\n");
  t = load_theme(config_, {});
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.error().message.find("plain string"), std::string::npos);
}

}  // namespace
}  // namespace gazette::site
