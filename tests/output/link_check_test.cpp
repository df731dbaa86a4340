#include "output/link_check.hpp"

#include <gtest/gtest.h>

#include "support/temp_dir.hpp"

#include <filesystem>
#include <fstream>

namespace gazette::output {
namespace {

namespace fs = std::filesystem;

class CheckLinks : public ::testing::Test {
 protected:
  void SetUp() override {
    out_ = gazette::testing::temp_dir("link-check");
    fs::remove_all(out_);
  }
  void TearDown() override { fs::remove_all(out_); }
  void write(const std::string& rel, const std::string& text) {
    fs::create_directories((out_ / rel).parent_path());
    std::ofstream(out_ / rel) << text;
  }
  std::vector<std::string> broken(const std::string& base_url) {
    LinkReport r = check_links(out_, base_url);
    std::vector<std::string> out;
    for (const auto& e : r.broken) {
      out.push_back(fs::path(e.path).lexically_relative(out_).generic_string() + ":" +
                    std::to_string(e.line) + ":" + std::to_string(e.column) + " " + e.message);
    }
    return out;
  }
  fs::path out_;
};

TEST_F(CheckLinks, ResolvesRootRelativeRelativeAndAbsoluteLinks) {
  write("index.html",
        "<a href=\"/archive/2022/11/08/\">期</a>\n"
        "<link rel=\"stylesheet\" href=\"/archive/css/a.css\">\n"
        "<a href=\"2022/11/08/x/#body\">文</a> <a "
        "href=\"https://epaper.example/archive/tags/\">tags</a>\n"
        "<a href=\"https://elsewhere.example/\">out</a> <a href=\"mailto:a@b.c\">m</a>\n"
        "<img src=\"/archive/img/%E6%A0%AA.png\" srcset=\"/archive/img/a.png 1x, "
        "/archive/img/b.png 2x\">");
  write("css/a.css", "");
  write("img/株.png", "");
  write("img/a.png", "");
  write("img/b.png", "");
  write("2022/11/08/index.html", "<a href=\"../../../index.html\">home</a>");
  write("2022/11/08/x/index.html", "<main id=\"body\"></main><a href=\"#body\">top</a>");
  write("tags/index.html", "");
  LinkReport r = check_links(out_, "https://epaper.example/archive/");
  EXPECT_TRUE(r.broken.empty()) << format_errors(r.broken);
  EXPECT_EQ(r.files, 4u);
  EXPECT_EQ(r.links, 9u);
}

TEST_F(CheckLinks, ReportsBrokenLinksAtTheirPosition) {
  write("index.html",
        "<p>\n  <a href=\"/2022/11/09/\">gone</a>\n"
        "<a href=\"/a/#nowhere\">x</a> <a href=\"../../etc/passwd\">escape</a></p>");
  write("a/index.html", "<h1 id=\"top\">a</h1>");
  write("sitemap.xml", "<urlset><url><loc>https://epaper.example/missing/</loc></url></urlset>");
  EXPECT_EQ(broken("https://epaper.example/"),
            (std::vector<std::string>{
                "index.html:2:12 broken link \"/2022/11/09/\": no such file in the output",
                "index.html:3:10 broken link \"/a/#nowhere\": no element with id \"nowhere\"",
                "index.html:3:38 broken link \"../../etc/passwd\": no such file in the output",
                "sitemap.xml:1:19 broken link \"https://epaper.example/missing/\": no such file in "
                "the output"}));
}

TEST_F(CheckLinks, LinksOutsideTheBasePathAreBroken) {
  write("index.html", "<a href=\"/2022/\">x</a>");
  write("2022/index.html", "");
  EXPECT_EQ(broken("https://example.org/archive/"),
            (std::vector<std::string>{
                "index.html:1:10 link \"/2022/\" is outside the site's base path /archive/"}));
}

TEST_F(CheckLinks, IgnoresScriptsAndExternalReferences) {
  write("index.html",
        "<script>var a = ' href=\"/nope/\"';</script><script type=\"application/ld+json\">"
        "{\"url\": \"/nope/\"}</script><a href=\"tel:123\">t</a><img "
        "src=\"data:image/png;base64,xx\">");
  EXPECT_TRUE(broken("https://example.org/").empty());
}

}  // namespace
}  // namespace gazette::output
