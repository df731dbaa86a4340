#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "cli/commands.hpp"
#include "cli/site_paths.hpp"
#include "server/live_reload.hpp"
#include "server/preview_server.hpp"
#include "server/watcher.hpp"
#include "site/build.hpp"

namespace gazette::cli {

namespace fs = std::filesystem;

namespace {

bool is_loopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

// SIGINT and SIGTERM as a file descriptor to poll (blocked for every thread, so Ctrl-C ends
// the watch loop instead of killing the process mid-write).
class Signals {
 public:
  Signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    fd_ = ::signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
  }
  ~Signals() {
    if (fd_ >= 0) ::close(fd_);
  }
  bool received() const {
    struct pollfd p {
      fd_, POLLIN, 0
    };
    return fd_ >= 0 && ::poll(&p, 1, 0) > 0;
  }

 private:
  int fd_ = -1;
};

// A folder under the system's temporary folder, removed with everything in it at the end.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "gazette-serve-XXXXXX").string();
    if (::mkdtemp(pattern.data())) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

void report(const site::BuildResult& r, std::string_view why) {
  if (r.ok()) {
    const auto& t = r.times;
    fmt::print(stderr,
               "{}: {} pages, {} rendered, {} written in {:.0f} ms (load {:.0f}, model {:.0f}, "
               "render {:.0f}, write {:.0f})\n",
               why, r.pages, r.rendered, r.published.written,
               1000 * (t.load + t.model + t.render + t.write), 1000 * t.load, 1000 * t.model,
               1000 * t.render, 1000 * t.write);
  } else {
    for (const Error& e : r.errors) fmt::print(stderr, "{}", format_error(e));
    fmt::print(stderr, "{}: build failed ({} error{}); still serving the last good site\n", why,
               r.errors.size(), r.errors.size() == 1 ? "" : "s");
  }
}

}  // namespace

void add_serve_command(CLI::App& app, int& exit_status) {
  auto* cmd = app.add_subcommand(
      "serve", "Build the site and preview it, rebuilding and reloading on every change");
  struct Args {
    std::string site = ".";
    int port = 8000;
    std::string bind = "127.0.0.1";
    int jobs = 0;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--site", args->site, "The site folder (with site.yaml)")->capture_default_str();
  cmd->add_option("--port", args->port, "The port to listen on (0: any free port)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--bind", args->bind, "The address to listen on")->capture_default_str();
  cmd->add_option("-j,--jobs", args->jobs, "Threads to use (default: all cores)")
      ->check(CLI::Range(0, 1024));
  cmd->callback([args, &exit_status] {
    Signals signals;  // before any thread starts
    if (!is_loopback(args->bind)) {
      fmt::print(stderr,
                 "warning: listening on {}: every machine that can reach it can read the preview\n",
                 args->bind);
    }
    TempDir scratch;
    if (scratch.path().empty()) {
      fmt::print(stderr, "error: cannot create a temporary folder for the preview\n");
      exit_status = 1;
      return;
    }
    server::LiveReload live;
    fs::path out = scratch.path() / "public";
    fs::create_directories(out);
    server::PreviewServer http(out, live);
    if (Status s = http.start(args->bind, args->port); !s.ok()) {
      fmt::print(stderr, "{}", format_error(s.error()));
      exit_status = 1;
      return;
    }
    std::string host = args->bind == "0.0.0.0" || args->bind == "::" ? "127.0.0.1" : args->bind;
    std::string url =
        fmt::format("http://{}:{}/", host.find(':') != std::string::npos ? "[" + host + "]" : host,
                    http.port());

    site::BuildOptions options;
    options.site_dir = args->site;
    options.out_dir = out;
    options.cache_dir = scratch.path() / "cache";
    options.base_url = url;
    options.jobs = args->jobs;
    options.builtin_themes = builtin_themes_dir();
    options.keep_state = true;
    site::SiteBuilder builder(options);
    site::BuildResult first = builder.build();
    report(first, "built");
    live.publish(first.errors);

    fs::path site(args->site);
    auto watcher = server::Watcher::open(
        {site / "content", site / "templates", site / "themes", site / "static", site / "i18n"},
        {site / "site.yaml"}, {site / "public", site / ".gazette-cache", scratch.path()});
    if (!watcher.ok()) {
      fmt::print(stderr, "{}", format_error(watcher.error()));
      exit_status = 1;
      return;
    }
    fmt::print("Serving {} at {} (Ctrl-C to stop)\n",
               fs::absolute(site).lexically_normal().string(), url);
    std::fflush(stdout);
    while (!signals.received()) {
      auto changed =
          watcher->wait_for_changes(std::chrono::milliseconds(250), std::chrono::milliseconds(40),
                                    [&] { return signals.received(); });
      if (changed.empty()) continue;
      site::BuildResult r = builder.build();
      report(r, fmt::format("{} change{}", changed.size(), changed.size() == 1 ? "" : "s"));
      live.publish(r.errors);
    }
    fmt::print(stderr, "stopping\n");
    http.stop();
    exit_status = 0;
  });
}

}  // namespace gazette::cli
