#include "server/mime.hpp"

#include <gtest/gtest.h>

namespace gazette::server {
namespace {

TEST(ContentType, TextGetsUtf8Charset) {
  EXPECT_EQ(content_type_for("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(content_type_for("css/gazette.css"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type_for("feed.xml"), "application/xml; charset=utf-8");
  EXPECT_EQ(content_type_for("issue.json"), "application/json; charset=utf-8");
  EXPECT_EQ(content_type_for("issue.txt"), "text/plain; charset=utf-8");
  EXPECT_EQ(content_type_for("issue.md"), "text/markdown; charset=utf-8");
  EXPECT_EQ(content_type_for("app.JS"), "text/javascript; charset=utf-8");
}

TEST(ContentType, BinaryAndUnknown) {
  EXPECT_EQ(content_type_for("photo.JPG"), "image/jpeg");
  EXPECT_EQ(content_type_for("font.woff2"), "font/woff2");
  EXPECT_EQ(content_type_for("README"), "application/octet-stream");
  EXPECT_EQ(content_type_for("dir.d/file"), "application/octet-stream");
}

}  // namespace
}  // namespace gazette::server
