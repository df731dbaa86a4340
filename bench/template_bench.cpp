// The template engine against Jinja2: a realistic article page (a base layout with blocks and
// super(), three includes, an imported macro called 50 times, loops over 50 items, more than
// 20 different filters) rendered 10,000 times by gazette and by Jinja2 (compiled once, in one
// Python process, see template_bench.py), on one core. Prints both figures and the ratio, and
// checks that both engines produce the same page.
//
// Usage: template_bench [RENDERS] [--gazette-only] [--templates DIR]
//   (default 10000 renders of bench/template_bench/article.html; run from anywhere; another
//   DIR needs an article.html and a context.json)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "base/error.hpp"
#include "templating/environment.hpp"
#include "templating/json.hpp"

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace gazette::templating;
  const int renders = argc > 1 ? std::atoi(argv[1]) : 10000;
  bool gazette_only = false;
  std::string dir = GAZETTE_BENCH_TEMPLATES;
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--gazette-only") {
      gazette_only = true;
    } else if (arg == "--templates" && i + 1 < argc) {
      dir = argv[++i];
    } else {
      std::fprintf(stderr, "usage: template_bench [RENDERS] [--gazette-only] [--templates DIR]\n");
      return 2;
    }
  }
  Environment env({dir});
  if (auto errors = env.load_all(); !errors.empty()) {
    std::fputs(gazette::format_errors(errors).c_str(), stderr);
    return 1;
  }
  Value context = from_json(nlohmann::ordered_json::parse(read(dir + "/context.json")));
  auto page = env.render("article.html", context);  // warm up
  if (!page.ok()) {
    std::fputs(gazette::format_error(page.error()).c_str(), stderr);
    return 1;
  }
  size_t bytes = 0;
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < renders; ++i) {
    auto out = env.render("article.html", context);
    bytes += out->size();
  }
  double gazette_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("page: %zu bytes\n", page->size());
  std::printf("gazette: %d renders in %.3f s — %.1f µs a page, %.0f pages/s\n", renders, gazette_s,
              gazette_s / renders * 1e6, renders / gazette_s);
  (void)bytes;
  if (gazette_only) return 0;

  // Jinja2, in its own process, on the same templates and context.
  std::string jinja_page = "/tmp/gazette-template-bench-jinja.html";
  std::string command = "/usr/bin/python3 " + std::string(GAZETTE_BENCH_SCRIPT) + " " + dir + " " +
                        std::to_string(renders) + " " + jinja_page;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) {
    std::fprintf(stderr, "cannot run %s\n", command.c_str());
    return 1;
  }
  char line[256] = {};
  double jinja_s = 0;
  int jinja_renders = 0;
  while (std::fgets(line, sizeof line, pipe)) {
    char version[32];
    if (std::sscanf(line, "jinja2 %31[^:]: %d renders in %lf s", version, &jinja_renders,
                    &jinja_s) == 3) {
      std::printf("jinja2 %s: %d renders in %.3f s — %.1f µs a page, %.0f pages/s\n", version,
                  jinja_renders, jinja_s, jinja_s / jinja_renders * 1e6, jinja_renders / jinja_s);
    }
  }
  if (pclose(pipe) != 0 || jinja_s <= 0) {
    std::fprintf(stderr, "Jinja2 did not run (is python3-jinja2 installed?)\n");
    return 1;
  }
  bool same = read(jinja_page) == *page;
  std::printf("same page from both engines: %s\n", same ? "yes" : "NO");
  std::printf("gazette is %.1f× as fast as Jinja2\n", jinja_s / gazette_s);
  return same ? 0 : 1;
}
