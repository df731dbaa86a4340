#include "server/file_server.hpp"

#include <gtest/gtest.h>

#include "support/temp_dir.hpp"

#include <filesystem>
#include <fstream>

namespace gazette::server {
namespace {

namespace fs = std::filesystem;

class FileServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = gazette::testing::temp_dir("file-server");
    fs::remove_all(dir_);
    out_ = dir_ / "public";
    write("public/index.html", "<html><body>首页</body></html>");
    write("public/2022/11/08/index.html", "<html><body>期</body></html>");
    write("public/404.html", "<html><body>找不到</body></html>");
    write("public/css/a.css", "body{}");
    write("public/株洲.txt", "株洲");
    write("secret.txt", "outside");
    fs::create_symlink(dir_ / "secret.txt", out_ / "leak.txt");
    fs::create_directory_symlink(dir_, out_ / "up");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string& rel, const std::string& text) {
    fs::create_directories((dir_ / rel).parent_path());
    std::ofstream(dir_ / rel) << text;
  }
  fs::path dir_, out_;
};

TEST_F(FileServerTest, ServesFilesAndIndexPages) {
  FileServer s(out_, false);
  FileResponse r = s.get("/", "");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(r.body, "<html><body>首页</body></html>");
  r = s.get("/2022/11/08/?utm=x", "");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "<html><body>期</body></html>");
  r = s.get("/css/a.css", "");
  EXPECT_EQ(r.content_type, "text/css; charset=utf-8");
  r = s.get("/%E6%A0%AA%E6%B4%B2.txt", "");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "株洲");
}

TEST_F(FileServerTest, FolderWithoutSlashRedirects) {
  FileServer s(out_, false);
  FileResponse r = s.get("/2022/11/08?x=1", "");
  EXPECT_EQ(r.status, 301);
  ASSERT_FALSE(r.headers.empty());
  EXPECT_EQ(r.headers[0], (std::pair<std::string, std::string>{"Location", "/2022/11/08/?x=1"}));
}

TEST_F(FileServerTest, MissingGivesTheSites404Page) {
  FileServer s(out_, false);
  FileResponse r = s.get("/2099/01/01/", "");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body, "<html><body>找不到</body></html>");
  EXPECT_EQ(s.get("/__gazette_x", "").status, 404);
}

TEST_F(FileServerTest, ETagAndConditionalRequests) {
  FileServer s(out_, false);
  FileResponse r = s.get("/css/a.css", "");
  std::string etag;
  for (const auto& [k, v] : r.headers) {
    if (k == "ETag") etag = v;
  }
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(etag.front(), '"');
  FileResponse again = s.get("/css/a.css", etag);
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(s.get("/css/a.css", "\"other\"").status, 200);
}

TEST_F(FileServerTest, TraversalTricksNeverLeaveTheOutput) {
  FileServer s(out_, false);
  for (const char* path :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/css/..%2f..%2fsecret.txt",
        "/./index.html", "/..", "/%00", "/a%5c..%5csecret.txt", "/%zz", "relative", ""}) {
    FileResponse r = s.get(path, "");
    EXPECT_EQ(r.status, 403) << path;
    EXPECT_EQ(r.body.find("outside"), std::string::npos) << path;
  }
  // Symbolic links pointing outside the output are refused.
  EXPECT_EQ(s.get("/leak.txt", "").status, 403);
  EXPECT_EQ(s.get("/up/secret.txt", "").status, 403);
}

TEST_F(FileServerTest, LiveReloadScriptOnlyInHtml) {
  FileServer s(out_, true);
  FileResponse html = s.get("/", "");
  EXPECT_EQ(html.body,
            "<html><body>首页<script src=\"/__gazette/live.js\"></script></body></html>");
  EXPECT_EQ(s.get("/css/a.css", "").body, "body{}");
  EXPECT_NE(s.get("/nope", "").body.find("/__gazette/live.js"), std::string::npos);
}

TEST(DecodeRequestPath, DecodesAndRefusesEscapes) {
  std::string out;
  EXPECT_TRUE(decode_request_path("/tags/zhu-zhou/?page=2", out));
  EXPECT_EQ(out, "/tags/zhu-zhou/");
  EXPECT_TRUE(decode_request_path("/a%20b", out));
  EXPECT_EQ(out, "/a b");
  EXPECT_FALSE(decode_request_path("/a/%2e%2E/b", out));
  EXPECT_FALSE(decode_request_path("/a/%", out));
  EXPECT_TRUE(decode_request_path("/a..b/", out));  // dots inside a name are fine
}

}  // namespace
}  // namespace gazette::server
