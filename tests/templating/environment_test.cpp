// The Environment as the site build uses it: search paths, loading every template up front,
// errors with positions, autoescaping by file name, dependencies of a render, registration of
// filters, tests and globals, options.
#include "templating/environment.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "base/error.hpp"

namespace gazette::templating {
namespace {

namespace fs = std::filesystem;

class EnvironmentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("gazette-env-" +
             std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "site");
    fs::create_directories(root_ / "theme");
  }
  void TearDown() override { fs::remove_all(root_); }

  void write(const fs::path& relative, const std::string& text) {
    fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
  }

  std::vector<fs::path> search_path() const { return {root_ / "site", root_ / "theme"}; }

  fs::path root_;
};

TEST_F(EnvironmentTest, SiteTemplatesOverrideThemeTemplates) {
  write("theme/base.html", "theme base [{% block body %}{% endblock %}]");
  write("theme/article.html",
        "{% extends 'base.html' %}{% block body %}theme article{% endblock %}");
  write("site/base.html", "site base [{% block body %}{% endblock %}]");
  Environment env(search_path());
  auto out = env.render("article.html", Value::dict({}));
  ASSERT_TRUE(out.ok()) << format_error(out.error());
  EXPECT_EQ(*out, "site base [theme article]");
}

TEST_F(EnvironmentTest, LoadAllReportsEveryBrokenTemplate) {
  write("theme/good.html", "{{ fine }}");
  write("theme/a.html", "line 1\n{% if x %}\nno endif");
  write("site/b.html", "{{ 1 + }}");
  write("theme/partials/c.html", "{% for %}");
  Environment env(search_path());
  std::vector<Error> errors = env.load_all();
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].path, (root_ / "theme/a.html").string());
  EXPECT_EQ(errors[0].line, 2);  // where the last token started, as Jinja2 reports it
  EXPECT_NE(errors[0].message.find("endif"), std::string::npos) << errors[0].message;
  EXPECT_EQ(errors[1].path, (root_ / "site/b.html").string());
  EXPECT_EQ(errors[1].line, 1);
  EXPECT_EQ(errors[1].column, 8);
  EXPECT_EQ(errors[1].source_line, "{{ 1 + }}");
  EXPECT_EQ(errors[2].path, (root_ / "theme/partials/c.html").string());
  // Templates that compiled render; broken ones keep failing with their error.
  EXPECT_TRUE(env.render("good.html", Value::dict({{"fine", 1}})).ok());
  auto broken = env.render("b.html", Value::dict({}));
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().line, 1);
}

TEST_F(EnvironmentTest, ErrorsFormatWithFileLineColumnAndCaret) {
  write("theme/page.html", "<p>\n  {{ user.name|nosuchfilter }}\n</p>");
  Environment env(search_path());
  auto out = env.render("page.html", Value::dict({}));
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(format_error(out.error()), (root_ / "theme/page.html").string() +
                                           ":2:16: error: No filter named 'nosuchfilter'.\n"
                                           "    {{ user.name|nosuchfilter }}\n"
                                           "  " +
                                           std::string(15, ' ') + "^\n");
}

TEST_F(EnvironmentTest, RuntimeErrorsNameTheIncludedFile) {
  write("theme/page.html", "a\n{% include 'part.html' %}");
  write("theme/part.html", "x\ny {{ 1 // zero }}");
  Environment env(search_path());
  auto out = env.render("page.html", Value::dict({{"zero", 0}}));
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().path, (root_ / "theme/part.html").string());
  EXPECT_EQ(out.error().line, 2);
  EXPECT_EQ(out.error().column, 6);
}

TEST_F(EnvironmentTest, NamesCannotLeaveTheTemplateFolders) {
  write("secret.txt", "secret");
  write("theme/page.html", "{% include '../secret.txt' %}");
  Environment env(search_path());
  for (const char* name : {"../secret.txt", "/etc/passwd", "a/../../secret.txt", "", "a\\b"}) {
    auto t = env.get_template(name);
    EXPECT_FALSE(t.ok()) << name;
  }
  auto out = env.render("page.html", Value::dict({}));
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.error().message.find(".."), std::string::npos) << out.error().message;
}

TEST_F(EnvironmentTest, SymlinksOutOfTheFoldersAreErrors) {
  write("outside/secret.html", "secret");
  write("theme/inside.html", "inside");
  fs::create_symlink(root_ / "outside/secret.html", root_ / "theme/leak.html");
  fs::create_symlink(root_ / "outside", root_ / "theme/dir");
  fs::create_symlink(root_ / "theme/inside.html", root_ / "theme/alias.html");
  Environment env(search_path());
  EXPECT_FALSE(env.get_template("leak.html").ok());
  EXPECT_FALSE(env.get_template("dir/secret.html").ok());
  auto alias = env.render("alias.html", Value::dict({}));
  ASSERT_TRUE(alias.ok());
  EXPECT_EQ(*alias, "inside");
  std::vector<Error> errors = env.load_all();
  EXPECT_EQ(errors.size(), 1u);  // leak.html (the linked folder is not descended into)
}

TEST_F(EnvironmentTest, AutoescapeIsDecidedByEachTemplatesOwnName) {
  write("theme/page.html", "{{ v }}|{% include 'part.txt' %}|{% include 'feed.xml' %}");
  write("theme/part.txt", "{{ v }}");
  write("theme/feed.xml", "{{ v }}");
  Environment env(search_path());
  auto out = env.render("page.html", Value::dict({{"v", "<&>"}}));
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, "&lt;&amp;&gt;|<&>|&lt;&amp;&gt;");
  EXPECT_TRUE(env.autoescapes("a/b.HTML"));
  EXPECT_FALSE(env.autoescapes("robots.txt"));
}

TEST_F(EnvironmentTest, RenderInfoListsEveryTemplateTheRenderUsed) {
  write("theme/base.html", "{% block b %}{% endblock %}{% include 'footer.html' %}");
  write("theme/page.html",
        "{% extends 'base.html' %}{% import 'macros.html' as m %}{% block b %}{{ m.x() }}"
        "{% include 'missing.html' ignore missing %}{% endblock %}");
  write("theme/macros.html", "{% macro x() %}x{% endmacro %}");
  write("theme/footer.html", "footer");
  write("theme/unused.html", "unused");
  Environment env(search_path());
  RenderInfo info;
  auto out = env.render("page.html", Value::dict({}), &info);
  ASSERT_TRUE(out.ok()) << format_error(out.error());
  EXPECT_EQ(*out, "xfooter");
  std::vector<std::string> expected{"page.html", "base.html", "macros.html", "footer.html"};
  EXPECT_EQ(info.templates, expected);
  ASSERT_EQ(info.files.size(), 4u);
  EXPECT_EQ(info.files[0], root_ / "theme/page.html");
}

TEST_F(EnvironmentTest, FiltersTestsAndGlobalsRegisteredByTheSite) {
  Environment env;
  env.add_filter("shout", [](CallContext&, const Value& in, const Args& args) -> Result<Value> {
    const Value* times = nullptr;
    if (Status s = Params("shout", {"times"}).bind(args, std::span(&times, 1)); !s)
      return s.error();
    std::string out(in.as_string());
    for (int64_t i = 0; i < (times ? times->as_int() : 1); ++i) out += "!";
    return Value(out);
  });
  env.add_test("short", [](CallContext&, const Value& in, const Args&) -> Result<bool> {
    return in.is_string() && in.as_string().size() < 4;
  });
  env.add_global("site", Value::dict({{"title", "株洲日报"}}));
  env.add_function("twice", [](CallContext&, const Args& args) -> Result<Value> {
    if (args.positional.size() != 1) return failure("twice() takes one argument");
    return Value(args.positional[0].as_int() * 2);
  });
  auto t = env.from_string(
      "{{ 'hi'|shout(times=3) }} {{ 'abc' is short }} {{ site.title }} {{ twice(21) }}",
      "page.txt");
  ASSERT_TRUE(t.ok()) << format_error(t.error());
  auto out = env.render(**t, Value::dict({}));
  ASSERT_TRUE(out.ok()) << format_error(out.error());
  EXPECT_EQ(*out, "hi!!! True 株洲日报 42");
  // Render variables come before globals.
  auto shadowed = env.render(**t, Value::dict({{"site", Value::dict({{"title", "other"}})}}));
  ASSERT_TRUE(shadowed.ok());
  EXPECT_EQ(*shadowed, "hi!!! True other 42");
  // A filter's error is reported at the filter in the template.
  auto bad = env.from_string("\n  {{ twice() }}", "x.txt");
  ASSERT_TRUE(bad.ok());
  auto failed = env.render(**bad, Value::dict({}));
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().message, "twice() takes one argument");
  EXPECT_EQ(failed.error().line, 2);
}

TEST_F(EnvironmentTest, StrictUndefinedOption) {
  Options options;
  options.strict_undefined = true;
  Environment env({}, options);
  auto t = env.from_string("{{ title }}", "page.txt");
  ASSERT_TRUE(t.ok());
  auto out = env.render(**t, Value::dict({}));
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.error().message, "'title' is undefined");
  auto ok = env.from_string("{{ title|default('untitled') }} {{ title is defined }}", "page.txt");
  ASSERT_TRUE(ok.ok());
  auto rendered = env.render(**ok, Value::dict({}));
  ASSERT_TRUE(rendered.ok());
  EXPECT_EQ(*rendered, "untitled False");
}

TEST_F(EnvironmentTest, TrimAndLstripOptions) {
  Options options;
  options.trim_blocks = true;
  options.lstrip_blocks = true;
  Environment env({}, options);
  auto t = env.from_string(
      "<ul>\n  {% for x in [1, 2] %}\n  <li>{{ x }}</li>\n  {% endfor %}\n</ul>", "list.html");
  ASSERT_TRUE(t.ok());
  auto out = env.render(**t, Value::dict({}));
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, "<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>");
}

TEST_F(EnvironmentTest, RenderVariablesMustBeADict) {
  Environment env;
  auto t = env.from_string("x", "page.txt");
  ASSERT_TRUE(t.ok());
  EXPECT_FALSE(env.render(**t, Value(1)).ok());
  EXPECT_TRUE(env.render(**t, Value::none()).ok());
}

TEST_F(EnvironmentTest, InvalidUtf8IsAnErrorAtItsPosition) {
  write("theme/bad.html", "ok\nbad \xff byte");
  Environment env(search_path());
  auto t = env.get_template("bad.html");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().line, 2);
  EXPECT_EQ(t.error().column, 5);
}

}  // namespace
}  // namespace gazette::templating
