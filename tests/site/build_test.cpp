// The whole build on the sample edition: what it writes, that it is deterministic, that
// incremental rebuilds after every kind of edit equal a clean build byte for byte, and that
// bad input stops it before the output is touched.
#include "site/build.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "base/file.hpp"
#include "markdown/html.hpp"
#include "support/temp_dir.hpp"

namespace gazette::site {
namespace {

namespace fs = std::filesystem;

// Every file of a folder: path → bytes.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file())
      files[e.path().lexically_relative(dir).generic_string()] = *read_file(e.path());
  }
  return files;
}

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

void append(const fs::path& file, const std::string& text) {
  std::ofstream(file, std::ios::binary | std::ios::app) << text;
}

void replace_in(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = *read_file(file);
  size_t at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from;
  text.replace(at, from.size(), to);
  write(file, text);
}

class BuildTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { markdown::register_extensions(); }

  void SetUp() override {
    root_ = gazette::testing::temp_dir("build");
    site_ = root_ / "site";
    const fs::path source(GAZETTE_SOURCE_DIR);
    fs::create_directories(site_);
    fs::copy(source / "content", site_ / "content", fs::copy_options::recursive);
    fs::copy(source / "themes", site_ / "themes", fs::copy_options::recursive);
    fs::copy_file(source / "site.yaml", site_ / "site.yaml");
  }
  void TearDown() override { fs::remove_all(root_); }

  BuildResult build(const fs::path& out, bool clean = false, int jobs = 2) {
    BuildOptions options;
    options.site_dir = site_;
    options.out_dir = out;
    options.jobs = jobs;
    options.clean = clean;
    SiteBuilder builder(options);
    BuildResult r = builder.build();
    EXPECT_TRUE(r.ok()) << format_errors(r.errors);
    return r;
  }

  // Builds incrementally into public/ (with a builder kept alive across steps, as `gazette
  // serve` does, or a new one each time, as `gazette build` does) and from scratch into a
  // fresh folder; both must agree.
  void expect_incremental_equals_clean(const std::string& step) {
    if (keep_builder_) {
      if (!builder_) {
        BuildOptions options;
        options.site_dir = site_;
        options.out_dir = site_ / "public";
        options.keep_state = true;
        builder_ = std::make_unique<SiteBuilder>(options);
      }
      BuildResult r = builder_->build();
      EXPECT_TRUE(r.ok()) << format_errors(r.errors);
    } else {
      build(site_ / "public");
    }
    fs::path fresh = root_ / ("clean-" + std::to_string(step_++));
    build(fresh, /*clean=*/true, /*jobs=*/1);
    auto incremental = snapshot(site_ / "public");
    auto clean = snapshot(fresh);
    EXPECT_EQ(incremental.size(), clean.size()) << step;
    for (const auto& [path, bytes] : clean) {
      auto it = incremental.find(path);
      if (it == incremental.end()) {
        ADD_FAILURE() << step << ": missing " << path;
      } else if (it->second != bytes) {
        ADD_FAILURE() << step << ": differs " << path;
      }
    }
    for (const auto& [path, bytes] : incremental) {
      if (!clean.count(path)) ADD_FAILURE() << step << ": left over " << path;
    }
  }

  // Every kind of edit, each followed by the comparison.
  void edit_everything() {
    expect_incremental_equals_clean("first build");
    expect_incremental_equals_clean("nothing changed");
    fs::remove_all(site_ / "public");
    expect_incremental_equals_clean("the output folder removed");
    // Change an issue.
    append(site_ / "content/001_ec8a289be981ebcb.txt", "\n\n株洲日报讯 11月7日，又一则消息。\n");
    expect_incremental_equals_clean("change an issue");
    // Edit one article inside an issue: the issue's lead, then one in the middle (the lists
    // and feeds of the others stay as they are).
    replace_in(site_ / "content/001_ec8a289be981ebcb.txt", "关于继续延长静默管理时间的通告",
               "关于再次延长静默管理时间的通告");
    expect_incremental_equals_clean("retitle an issue's lead article");
    replace_in(site_ / "content/001_ec8a289be981ebcb.txt", "检测现场有我", "核酸检测现场有我");
    expect_incremental_equals_clean("retitle an article in the middle of an issue");
    // Add an issue (a new latest issue: the home page, feeds, neighbours change).
    write(
        site_ / "content/2022-11-11.txt",
        "株洲日报\n\n2022年11月11日 星期五\n第23127期 今日4版\n\n新的一期\n\n株洲日报记者 王娜\n\n"
        "株洲日报讯 11月10日，株洲疫情防控工作有序推进。\n");
    expect_incremental_equals_clean("add an issue");
    // Rename an issue file.
    fs::rename(site_ / "content/2022-11-11.txt", site_ / "content/newest.txt");
    expect_incremental_equals_clean("rename an issue");
    // Delete an issue.
    fs::remove(site_ / "content/newest.txt");
    expect_incremental_equals_clean("delete an issue");
    // A partial used by many pages, then a page template.
    append(site_ / "themes/default/templates/partials/count.html", "{# edited #}");
    expect_incremental_equals_clean("change a partial");
    write(site_ / "templates/article.html",
          "{% extends \"base.html\" %}{% block main %}<h1>{{ article.title }}</h1>{% endblock %}");
    expect_incremental_equals_clean("override a template");
    fs::remove(site_ / "templates/article.html");
    expect_incremental_equals_clean("remove the override");
    // site.yaml: page size, then tags (the vocabulary changes what is found in articles),
    // then ingestion settings (every issue is read again).
    append(site_ / "site.yaml", "paginate: 1\n");  // every term of several pages
    expect_incremental_equals_clean("change site.yaml");
    // Terms of several pages: a new latest issue fills their front pages, then goes.
    write(site_ / "content/2022-11-12.txt",
          "株洲日报\n\n2022年11月12日 星期六\n第23128期 今日4版\n\n又一期\n\n株洲日报记者 罗欣\n\n"
          "株洲日报讯 11月11日，株洲核酸检测工作有序推进。\n");
    expect_incremental_equals_clean("add an issue to terms of several pages");
    fs::remove(site_ / "content/2022-11-12.txt");
    expect_incremental_equals_clean("remove it again");
    append(site_ / "site.yaml", "slug_length: 12\n");
    expect_incremental_equals_clean("shorter slugs");
    std::string yaml = *read_file(site_ / "site.yaml");
    size_t vocab = yaml.find("vocabulary:");
    ASSERT_NE(vocab, std::string::npos);
    yaml.insert(vocab + std::string("vocabulary:").size(), "\n  - {name: 核酸检测点, kind: topic}");
    write(site_ / "site.yaml", yaml);
    expect_incremental_equals_clean("change the vocabulary");
    append(site_ / "site.yaml", "ingest:\n  normalize: false\n");
    expect_incremental_equals_clean("change the ingest settings");
    // A theme file and a UI string.
    append(site_ / "themes/default/static/css/gazette.css", "\n/* edited */\n");
    expect_incremental_equals_clean("change a theme file");
    write(site_ / "static/files/notice.txt", "本报启事\n");
    expect_incremental_equals_clean("add a static file of the site");
    append(site_ / "themes/default/i18n/zh-CN.yaml", "\nhome: 主页\n");
    expect_incremental_equals_clean("change a UI string");
    // Convert an issue to a Markdown folder, then edit it by hand.
    fs::path folder = site_ / "content" / "002_11b79ce3a1869f5d";
    fs::create_directories(folder);
    write(folder / "issue.yaml", "date: 2020-02-04\npaper: 株洲日报\n");
    write(
        folder / "01-yi-ze.md",
        "---\ntitle: 一则消息\nkind: news\nauthors: [罗欣]\n---\n\n株洲日报讯 一则手写的消息。\n");
    expect_incremental_equals_clean("a Markdown folder replaces its text");
    append(folder / "01-yi-ze.md", "\n又补充了一段。\n");
    expect_incremental_equals_clean("edit the Markdown");
  }

  // The cache folder of the builds into public/.
  fs::path cache_dir() const { return site_ / ".gazette-cache" / "public"; }

  fs::path root_, site_;
  int step_ = 0;
  bool keep_builder_ = false;
  std::unique_ptr<SiteBuilder> builder_;
};

TEST_F(BuildTest, SampleEditionHasEveryKindOfPage) {
  BuildResult r = build(site_ / "public");
  EXPECT_EQ(r.issues, 3u);
  EXPECT_GT(r.articles, 20u);
  const fs::path out = site_ / "public";
  for (const char* page :
       {"index.html", "404.html", "feed.xml", "sitemap.xml", "robots.txt", "search/index.html",
        "tags/index.html", "authors/index.html", "2022/index.html", "2022/11/index.html",
        "2022/11/08/index.html", "2022/11/08/issue.json", "2022/11/08/issue.md",
        "2022/11/08/issue.txt", "2020/02/04/index.html", "authors/zhu-li-ping/index.html",
        "authors/zhu-li-ping/feed.xml", "css/gazette.css"}) {
    EXPECT_TRUE(fs::is_regular_file(out / page)) << page;
  }
  // The issue's own files: the source text as given, its parse result.
  EXPECT_EQ(*read_file(out / "2022/11/08/issue.txt"),
            *read_file(fs::path(GAZETTE_SOURCE_DIR) / "content/001_ec8a289be981ebcb.txt"));
  std::string json = *read_file(out / "2022/11/08/issue.json");
  EXPECT_NE(json.find("\"date\": \"2022-11-08\""), std::string::npos);
  EXPECT_NE(json.find("\"number\": 23124"), std::string::npos);
  // The issue page shows its masthead.
  std::string issue = *read_file(out / "2022/11/08/index.html");
  EXPECT_NE(issue.find("2022年11月8日 星期二"), std::string::npos);
  EXPECT_NE(issue.find("壬寅年十月十五"), std::string::npos);
  EXPECT_NE(issue.find("23124"), std::string::npos);
  // An article page is linked from its issue's table of contents.
  EXPECT_TRUE(
      fs::is_regular_file(out / "2022/11/08/yi-ying-zuo-feng-kang-qi-ying-ze-ren/index.html"));
  std::string robots = *read_file(out / "robots.txt");
  EXPECT_NE(robots.find("Sitemap: https://epaper.zhuzhou.example/sitemap.xml"), std::string::npos);
}

TEST_F(BuildTest, OutputIsDeterministic) {
  build(root_ / "a", true, 1);
  build(root_ / "b", true, 2);
  EXPECT_EQ(snapshot(root_ / "a"), snapshot(root_ / "b"));
}

TEST_F(BuildTest, NoOpRebuildRendersAndWritesNothing) {
  BuildResult first = build(site_ / "public");
  BuildResult again = build(site_ / "public");
  EXPECT_EQ(again.issues, first.issues);
  EXPECT_EQ(again.articles, first.articles);
  EXPECT_EQ(again.pages, first.pages);
  EXPECT_EQ(again.rendered, 0u);
  EXPECT_EQ(again.published.written, 0u);
  EXPECT_EQ(again.published.deleted, 0u);
  EXPECT_GT(again.published.unchanged, 100u);
}

TEST_F(BuildTest, NoOpRebuildReadsNoIssueAtAll) {
  build(site_ / "public");
  // The issue index damaged: a build with nothing changed does not need it, and reads no
  // source again (it is decided from the sources' sizes and times alone).
  for (const auto& e : fs::directory_iterator(cache_dir() / "issues")) {
    if (e.path().filename().string().rfind("index-", 0) == 0) write(e.path(), "damaged");
  }
  BuildResult again = build(site_ / "public");
  EXPECT_EQ(again.ingested, 0u);
  EXPECT_EQ(again.rendered, 0u);
  EXPECT_EQ(again.published.written, 0u);
  // The next change reads every source again (the index is gone) and still builds right.
  append(site_ / "content/002_11b79ce3a1869f5d.txt",
         "\n\n补记\n\n株洲日报讯 2月3日，本报补记一则消息。\n");
  BuildResult changed = build(site_ / "public");
  EXPECT_GT(changed.ingested, 1u);
  EXPECT_GT(changed.rendered, 0u);
  build(root_ / "clean", /*clean=*/true);
  EXPECT_EQ(snapshot(site_ / "public"), snapshot(root_ / "clean"));
}

// The romanisations of Han characters are kept in the cache: a rebuild reads them instead of
// compiling ICU's rules, adds the characters an edit brings, and a damaged table is made again.
TEST_F(BuildTest, RomanisationsAreKeptAndADamagedTableIsMadeAgain) {
  build(site_ / "public");
  const fs::path table = cache_dir() / "han-readings";
  ASSERT_TRUE(fs::exists(table));
  const std::string first = *read_file(table);
  append(site_ / "content/002_11b79ce3a1869f5d.txt",
         "\n\n龘靐补记\n\n株洲日报讯 2月3日，本报补记一则消息。\n");
  ASSERT_TRUE(build(site_ / "public").ok());
  const std::string grown = *read_file(table);
  EXPECT_GT(grown.size(), first.size());
  EXPECT_NE(grown.find("\ns 9f98 "), std::string::npos);  // 龘 is U+9F98
  write(table, "damaged");
  append(site_ / "content/002_11b79ce3a1869f5d.txt", "\n株洲日报讯 又一则消息。\n");
  ASSERT_TRUE(build(site_ / "public").ok());
  EXPECT_NE(*read_file(table), "damaged");
  build(root_ / "clean", /*clean=*/true);
  EXPECT_EQ(snapshot(site_ / "public"), snapshot(root_ / "clean"));
}

TEST_F(BuildTest, AnIssueFileDeletedByHandComesBackWithTheNextChange) {
  build(site_ / "public");
  std::vector<fs::path> markdown;
  for (const auto& e : fs::recursive_directory_iterator(site_ / "public")) {
    // Of another issue than the one edited below.
    if (e.path().filename() == "issue.md" &&
        read_file(e.path())->find("002_11b79ce3a1869f5d") == std::string::npos)
      markdown.push_back(e.path());
  }
  ASSERT_FALSE(markdown.empty());
  const std::string kept = *read_file(markdown[0]);
  fs::remove(markdown[0]);
  append(site_ / "content/002_11b79ce3a1869f5d.txt",
         "\n\n补记\n\n株洲日报讯 2月3日，本报补记一则消息。\n");
  BuildResult r = build(site_ / "public");  // its sibling issue.json stays current
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*read_file(markdown[0]), kept);
  build(root_ / "clean", /*clean=*/true);
  EXPECT_EQ(snapshot(site_ / "public"), snapshot(root_ / "clean"));
}

TEST_F(BuildTest, PublishedIsCalledOnceASiteIsPublishedAndNeverForAFailedBuild) {
  BuildOptions options;
  options.site_dir = site_;
  options.out_dir = site_ / "public";
  int calls = 0;
  size_t pages = 0;
  options.published = [&](const BuildResult& r) {
    ++calls;
    pages = r.pages;
    EXPECT_TRUE(r.ok());
  };
  BuildResult first = SiteBuilder(options).build();
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(pages, first.pages);
  BuildResult noop = SiteBuilder(options).build();  // nothing changed: published as it is
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(noop.published.unchanged, first.pages);
  write(site_ / "templates" / "article.html", "{% if %}");
  BuildResult failed = SiteBuilder(options).build();
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(calls, 2);
}

TEST_F(BuildTest, EditingOneIssueRendersOnlyWhatDependsOnIt) {
  BuildResult first = build(site_ / "public");
  append(site_ / "content/002_11b79ce3a1869f5d.txt",
         "\n\n补记\n\n株洲日报讯 2月3日，本报补记一则消息。\n");
  BuildResult r = build(site_ / "public");
  EXPECT_GT(r.rendered, 0u);
  EXPECT_LT(r.rendered, first.rendered / 2);
}

TEST_F(BuildTest, AddingAnIssueLeavesTheFullPagesOfItsTermsAlone) {
  append(site_ / "site.yaml", "paginate: 2\n");
  build(site_ / "public");
  // 罗欣 wrote three articles: page 1 holds the oldest two, the front page the newest two.
  const fs::path full = site_ / "public/authors/luo-xin/page/1/index.html";
  const fs::path front = site_ / "public/authors/luo-xin/index.html";
  ASSERT_TRUE(fs::is_regular_file(full));
  ASSERT_FALSE(fs::exists(site_ / "public/authors/luo-xin/page/2"));
  const std::string full_before = *read_file(full);
  struct stat before {};
  ASSERT_EQ(::stat(full.c_str(), &before), 0);
  write(site_ / "content/2022-11-11.txt",
        "株洲日报\n\n2022年11月11日 星期五\n第23127期 今日4版\n\n新的一期\n\n株洲日报记者 罗欣\n\n"
        "株洲日报讯 11月10日，株洲疫情防控工作有序推进。\n");
  BuildResult r = build(site_ / "public");
  // A fourth article: still two pages, the full one untouched (the same file, not rewritten).
  struct stat after {};
  ASSERT_EQ(::stat(full.c_str(), &after), 0);
  EXPECT_EQ(after.st_ino, before.st_ino);
  EXPECT_EQ(*read_file(full), full_before);
  EXPECT_FALSE(fs::exists(site_ / "public/authors/luo-xin/page/2"));
  EXPECT_NE(read_file(front)->find("新的一期"), std::string::npos);
  EXPECT_EQ(read_file(full)->find("新的一期"), std::string::npos);
  EXPECT_LT(r.rendered, 40u);
  // A fifth: a second full page appears, and the page count every page shows changes.
  write(site_ / "content/2022-11-12.txt",
        "株洲日报\n\n2022年11月12日 星期六\n第23128期 今日4版\n\n又一期\n\n株洲日报记者 罗欣\n\n"
        "株洲日报讯 11月11日，株洲核酸检测工作有序推进。\n");
  build(site_ / "public");
  ASSERT_TRUE(fs::is_regular_file(site_ / "public/authors/luo-xin/page/2/index.html"));
  EXPECT_NE(read_file(site_ / "public/authors/luo-xin/page/2/index.html")->find("新的一期"),
            std::string::npos);
}

TEST_F(BuildTest, IncrementalEqualsCleanAfterEveryKindOfEdit) {
  edit_everything();
}

TEST_F(BuildTest, IncrementalEqualsCleanWithOneBuilderAsServeKeepsIt) {
  keep_builder_ = true;
  edit_everything();
}

TEST_F(BuildTest, SubPathHostingGetsEveryLinkRight) {
  BuildOptions options;
  options.site_dir = site_;
  options.out_dir = site_ / "public";
  options.base_url = "https://example.org/archive/";
  BuildResult r = SiteBuilder(options).build();
  ASSERT_TRUE(r.ok()) << format_errors(r.errors);
  std::string home = *read_file(site_ / "public/index.html");
  EXPECT_NE(home.find("href=\"/archive/css/gazette.css\""), std::string::npos);
  EXPECT_NE(home.find("href=\"/archive/2022/11/10/\""), std::string::npos);
  EXPECT_EQ(home.find("href=\"/2022/"), std::string::npos);
}

// Each of these stops the build with an error at its position; the previous output stays.
class BrokenInputTest : public BuildTest {
 protected:
  void SetUp() override {
    BuildTest::SetUp();
    build(site_ / "public");
    before_ = snapshot(site_ / "public");
  }
  // The build fails with an error starting with `prefix` (relative to the site folder) and
  // leaves the output exactly as it was.
  void expect_failure(const std::string& prefix) {
    BuildOptions options;
    options.site_dir = site_;
    options.out_dir = site_ / "public";
    BuildResult r = SiteBuilder(options).build();
    ASSERT_FALSE(r.ok());
    bool found = false;
    for (const Error& e : r.errors) {
      std::string line = format_error_line(e);
      if (line.find(prefix) != std::string::npos) found = true;
    }
    EXPECT_TRUE(found) << "expected " << prefix << " in\n" << format_errors(r.errors);
    EXPECT_EQ(snapshot(site_ / "public"), before_);
  }
  std::map<std::string, std::string> before_;
};

TEST_F(BrokenInputTest, TwoIssuesOfOneDay) {
  fs::copy_file(site_ / "content/001_ec8a289be981ebcb.txt", site_ / "content/copy.txt");
  expect_failure("content/copy.txt: error: two issues of 株洲日报 dated 2022-11-08");
}

TEST_F(BrokenInputTest, MissingTemplate) {
  fs::remove(site_ / "themes/default/templates/term.html");
  expect_failure("themes/default/templates/term.html: error: this template is missing");
}

TEST_F(BrokenInputTest, TemplateSyntaxErrorsAreAllReported) {
  write(site_ / "templates/article.html",
        "{% extends \"base.html\" %}\n{% block main %}\n{{ article.title }\n{% endblock %}\n");
  write(site_ / "templates/partials/extra.html", "{% if x %}never closed\n");
  expect_failure("templates/article.html:3:");
  expect_failure("templates/partials/extra.html:");
}

TEST_F(BrokenInputTest, TemplateRuntimeError) {
  append(site_ / "site.yaml", "strict_templates: true\n");
  write(site_ / "templates/404.html",
        "{% extends \"base.html\" %}{% block main %}{{ no_such_variable }}{% endblock %}");
  expect_failure("templates/404.html:1:");
}

TEST_F(BrokenInputTest, SiteYamlError) {
  write(site_ / "site.yaml", "title: 株洲日报\npaginate: lots\n");
  expect_failure("site.yaml:2:11: error: `paginate` must be a whole number");
}

TEST_F(BrokenInputTest, UnknownTheme) {
  write(site_ / "site.yaml", "title: 株洲日报\ntheme: broadsheet\n");
  expect_failure("site.yaml:2:8: error: unknown theme \"broadsheet\"");
}

TEST_F(BrokenInputTest, InvalidUtf8InAnIssue) {
  write(site_ / "content/bad.txt", "株洲日报\n\xC0\xAF\n");
  expect_failure("content/bad.txt:2:1: error: invalid UTF-8");
}

TEST_F(BrokenInputTest, IssueWithoutADate) {
  write(site_ / "content/undated.txt", "一则没有日期的消息\n\n株洲日报讯 这里没有任何日期。\n");
  expect_failure("content/undated.txt: error: the date of this issue is unknown");
}

TEST_F(BrokenInputTest, StaticFileInThePlaceOfAPage) {
  write(site_ / "static/2022/11/08/index.html", "<p>not the issue</p>");
  expect_failure(
      "static/2022/11/08/index.html: error: this static file would replace the page "
      "2022/11/08/index.html");
}

}  // namespace
}  // namespace gazette::site
