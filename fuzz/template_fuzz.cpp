// libFuzzer target for the template engine: the input is a template (its first byte chooses
// the options), lexed, parsed, resolved and rendered against a fixed context, with templates
// to extend, include and import on disk. Any input must give output or an error — never a
// crash, a leak, a hang or unbounded memory.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "templating/environment.hpp"

namespace {

using gazette::templating::Environment;
using gazette::templating::Options;
using gazette::templating::Value;

struct Fixture {
  std::filesystem::path dir;
  std::vector<std::unique_ptr<Environment>> environments;  // one per option combination
  Value vars;
};

Fixture* make_fixture() {
  auto* f = new Fixture();
  f->dir = std::filesystem::temp_directory_path() / "gazette-template-fuzz";
  std::filesystem::create_directories(f->dir / "partials");
  auto write = [&](const char* name, const char* text) {
    std::ofstream(f->dir / name, std::ios::binary) << text;
  };
  write("base.html",
        "<title>{% block title %}Base{% endblock %}</title>{% block body %}{% endblock %}"
        "{% include 'partials/footer.txt' %}");
  write("partials/footer.txt", "{{ site.title }} {{ loop is defined }}");
  write("macros.html",
        "{% macro card(a, b=2) %}<div>{{ a }}{{ b }}{{ varargs }}{{ caller() if caller }}</div>"
        "{% endmacro %}{% set version = 3 %}");
  write("self.html", "{% include 'self.html' %}");
  for (int bits = 0; bits < 8; ++bits) {
    Options options;
    options.trim_blocks = bits & 1;
    options.lstrip_blocks = bits & 2;
    options.strict_undefined = bits & 4;
    // Small limits keep each input fast.
    options.max_depth = 40;
    options.max_items = 2000;
    options.max_output = 1 << 20;
    options.max_iterations = 20000;
    f->environments.push_back(
        std::make_unique<Environment>(std::vector<std::filesystem::path>{f->dir}, options));
  }
  std::vector<Value> articles;
  for (int i = 0; i < 5; ++i) {
    articles.push_back(Value::dict({{"title", "标题 <" + std::to_string(i) + ">"},
                                    {"n", i},
                                    {"tags", Value::list({"a", "b"})},
                                    {"date", "2022-11-0" + std::to_string(i + 1)},
                                    {"ratio", i / 3.0},
                                    {"draft", i % 2 == 0}}));
  }
  f->vars = Value::dict({{"site", Value::dict({{"title", "株洲日报 & co"}, {"n", 42}})},
                         {"articles", Value::list(std::move(articles))},
                         {"s", "Hello <b>World</b> 株洲"},
                         {"html", Value::markup("<p>safe</p>")},
                         {"n", 7},
                         {"f", 2.5},
                         {"none", Value::none()},
                         {"empty", Value::list({})}});
  return f;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Fixture* fixture = make_fixture();
  if (size == 0) return 0;
  uint8_t flags = data[0];
  std::string_view source(reinterpret_cast<const char*>(data + 1), size - 1);
  const Environment& env = *fixture->environments[flags & 7];
  auto tmpl = env.from_string(source, (flags & 8) ? "page.html" : "page.txt");
  if (!tmpl.ok()) return 0;
  auto out = env.render(**tmpl, fixture->vars);
  (void)out;
  return 0;
}
