#include "server/live_reload.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <thread>

namespace gazette::server {
namespace {

TEST(LiveReload, WaitersWakeOnANewBuild) {
  LiveReload live;
  EXPECT_EQ(live.generation(), 0u);
  std::thread builder([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    live.publish({});
  });
  EXPECT_EQ(live.wait(0, std::chrono::seconds(10)), 1u);
  builder.join();
  // Nothing new: returns after the timeout with the same generation.
  EXPECT_EQ(live.wait(1, std::chrono::milliseconds(10)), 1u);
}

TEST(LiveReload, StatusCarriesTheErrors) {
  LiveReload live;
  live.publish({Error{"templates/base.html", 3, 7, "unexpected '}'", "{{ x }"}});
  auto status = nlohmann::json::parse(live.status_json());
  EXPECT_EQ(status["generation"], 1);
  ASSERT_EQ(status["errors"].size(), 1u);
  EXPECT_EQ(status["errors"][0]["path"], "templates/base.html");
  EXPECT_EQ(status["errors"][0]["line"], 3);
  EXPECT_EQ(status["errors"][0]["text"],
            "templates/base.html:3:7: error: unexpected '}'\n  {{ x }\n        ^\n");
  live.publish({});
  EXPECT_TRUE(nlohmann::json::parse(live.status_json())["errors"].empty());
}

TEST(LiveReload, StopWakesEveryone) {
  LiveReload live;
  std::thread stopper([&] { live.stop(); });
  live.wait(0, std::chrono::seconds(30));
  stopper.join();
  EXPECT_TRUE(live.stopped());
}

TEST(InjectLiveReload, BeforeTheClosingBodyTag) {
  EXPECT_EQ(inject_live_reload("<p>x</p></body></html>"),
            "<p>x</p><script src=\"/__gazette/live.js\"></script></body></html>");
  EXPECT_EQ(inject_live_reload("<p>x</p>"), "<p>x</p><script src=\"/__gazette/live.js\"></script>");
}

}  // namespace
}  // namespace gazette::server
