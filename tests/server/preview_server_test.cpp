// The preview server over real HTTP (cpp-httplib's client against a server on a free port).
#include "server/preview_server.hpp"

#include <gtest/gtest.h>

#include <httplib.h>
#include "support/temp_dir.hpp"

#include <filesystem>
#include <fstream>
#include <thread>

namespace gazette::server {
namespace {

namespace fs = std::filesystem;

class PreviewServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = gazette::testing::temp_dir("preview-server");
    fs::remove_all(dir_);
    write("public/index.html", "<html><body>" + std::string(5000, 'x') + "</body></html>");
    write("public/404.html", "<html><body>找不到</body></html>");
    write("public/big.txt", std::string(100000, 'a') + "END");
    server_ = std::make_unique<PreviewServer>(dir_ / "public", live_);
    ASSERT_TRUE(server_->start("127.0.0.1", 0).ok());
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_read_timeout(5, 0);
  }
  void TearDown() override {
    server_->stop();
    fs::remove_all(dir_);
  }
  void write(const std::string& rel, const std::string& text) {
    fs::create_directories((dir_ / rel).parent_path());
    std::ofstream(dir_ / rel) << text;
  }
  fs::path dir_;
  LiveReload live_;
  std::unique_ptr<PreviewServer> server_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(PreviewServerTest, GetHeadAnd404) {
  auto r = client_->Get("/");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(r->body.find("/__gazette/live.js"), std::string::npos);
  auto head = client_->Head("/");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_TRUE(head->body.empty());
  auto missing = client_->Get("/nope/");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_NE(missing->body.find("找不到"), std::string::npos);
  auto evil = client_->Get("/%2e%2e/%2e%2e/etc/passwd");
  ASSERT_TRUE(evil);
  EXPECT_EQ(evil->status, 403);
}

TEST_F(PreviewServerTest, ConditionalRangeAndGzip) {
  auto r = client_->Get("/big.txt");
  ASSERT_TRUE(r);
  std::string etag = r->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  auto again = client_->Get("/big.txt", {{"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  auto range = client_->Get("/big.txt", {{"Range", "bytes=100000-"}});
  ASSERT_TRUE(range);
  EXPECT_EQ(range->status, 206);
  EXPECT_EQ(range->body, "END");
  httplib::Client gz("127.0.0.1", server_->port());
  gz.set_decompress(false);
  auto zipped = gz.Get("/big.txt", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(zipped);
  EXPECT_EQ(zipped->get_header_value("Content-Encoding"), "gzip");
  EXPECT_LT(zipped->body.size(), 10000u);
}

TEST_F(PreviewServerTest, EventsAnnounceBuilds) {
  std::string received;
  std::thread reader([&] {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(10, 0);
    c.Get("/__gazette/events", [&](const char* data, size_t n) {
      received.append(data, n);
      return received.find("event: build") == std::string::npos;  // stop after the first event
    });
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  live_.publish({Error{"templates/x.html", 1, 2, "boom", {}}});
  reader.join();
  EXPECT_NE(received.find("event: build\ndata: {\"errors\":[{"), std::string::npos) << received;
  EXPECT_NE(received.find("\"message\":\"boom\""), std::string::npos);
  auto status = client_->Get("/__gazette/status");
  ASSERT_TRUE(status);
  EXPECT_NE(status->body.find("boom"), std::string::npos);
  auto script = client_->Get("/__gazette/live.js");
  ASSERT_TRUE(script);
  EXPECT_NE(script->body.find("EventSource"), std::string::npos);
}

}  // namespace
}  // namespace gazette::server
