// What keeps renders safe on a site of 100,000 pages: many threads rendering the same
// templates with shared data, and limits that turn runaway templates into errors instead of
// stack overflows, hangs or exhausted memory.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "templating/environment.hpp"

namespace gazette::templating {
namespace {

std::unique_ptr<Template> compile(const Environment& env, std::string_view source,
                                  std::string name = "page.txt") {
  auto t = env.from_string(source, std::move(name));
  EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().message);
  return t.ok() ? std::move(*t) : nullptr;
}

TEST(SafetyTest, ManyThreadsRenderTheSameTemplateWithSharedData) {
  Environment env;
  std::vector<Value> articles;
  for (int i = 0; i < 200; ++i) {
    articles.push_back(Value::dict({{"title", "第" + std::to_string(i) + "篇"}, {"n", i}}));
  }
  env.add_global("site", Value::dict({{"articles", Value::list(std::move(articles))}}));
  auto t = compile(
      env,
      "{% set ns = namespace(sum=0) %}{% macro item(a) %}<li>{{ a.title }}</li>{% endmacro %}"
      "{% for a in site.articles if a.n % page == 0 %}{{ item(a) }}{% set ns.sum = ns.sum + a.n %}"
      "{% endfor %}{{ ns.sum }}",
      "list.html");
  ASSERT_TRUE(t);
  auto expected = [&](int page) {
    std::string out;
    int sum = 0;
    for (int i = 0; i < 200; ++i) {
      if (i % page == 0) {
        out += "<li>第" + std::to_string(i) + "篇</li>";
        sum += i;
      }
    }
    return out + std::to_string(sum);
  };
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < 8; ++w) {
    threads.emplace_back([&, w] {
      for (int round = 0; round < 50; ++round) {
        int page = 1 + (w + round) % 7;
        auto out = env.render(*t, Value::dict({{"page", page}}));
        if (!out.ok() || *out != expected(page)) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
}

TEST(SafetyTest, RecursionStopsWithAnError) {
  Environment env;
  auto macro = compile(env, "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}");
  ASSERT_TRUE(macro);
  auto out = env.render(*macro, Value::dict({}));
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.error().message.find("recursion too deep"), std::string::npos)
      << out.error().message;

  auto loop = compile(env, "{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}");
  ASSERT_TRUE(loop);
  auto loop_out = env.render(*loop, Value::dict({}));
  ASSERT_FALSE(loop_out.ok());
  EXPECT_NE(loop_out.error().message.find("recursion too deep"), std::string::npos);
}

TEST(SafetyTest, DeepNestingIsASyntaxError) {
  Environment env;
  std::string deep = "{{ " + std::string(500, '(') + "1" + std::string(500, ')') + " }}";
  auto t = env.from_string(deep, "deep.txt");
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.error().message.find("nested too deeply"), std::string::npos);
  std::string blocks;
  for (int i = 0; i < 300; ++i) blocks += "{% if true %}";
  EXPECT_FALSE(env.from_string(blocks, "deep.txt").ok());
}

TEST(SafetyTest, RangeIsBounded) {
  Environment env;
  auto t = compile(env, "{{ range(10000000000)|length }}");
  ASSERT_TRUE(t);
  auto out = env.render(*t, Value::dict({}));
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.error().message.find("range too big"), std::string::npos);
  auto fine = compile(env, "{{ range(0, 1000000, 7)|length }}");
  auto ok = env.render(*fine, Value::dict({}));
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, "142858");
}

TEST(SafetyTest, OutputAndIterationLimits) {
  Options options;
  options.max_output = 1000;
  options.max_iterations = 500;
  Environment env({}, options);
  auto big = compile(env, "{% for i in range(100) %}{{ 'x' * 100 }}{% endfor %}");
  auto out = env.render(*big, Value::dict({}));
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.error().message.find("output too large"), std::string::npos);
  auto loops =
      compile(env, "{% for a in range(100) %}{% for b in range(100) %}{% endfor %}{% endfor %}");
  auto looped = env.render(*loops, Value::dict({}));
  ASSERT_FALSE(looped.ok());
  EXPECT_NE(looped.error().message.find("too many loop iterations"), std::string::npos);
}

TEST(SafetyTest, SelfReferencingNamespacesDoNotLeak) {
  // Reference cycles through mutable objects are broken when the render ends (LeakSanitizer
  // checks this test in the sanitizer build).
  Environment env;
  auto t = compile(env,
                   "{% set ns = namespace() %}{% set ns.self = ns %}{% set c = cycler(ns) %}"
                   "{% set ns.c = c %}{% for x in [1] %}{% set ns.loop = loop %}{% endfor %}ok");
  ASSERT_TRUE(t);
  auto out = env.render(*t, Value::dict({}));
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, "ok");
}

TEST(SafetyTest, MacrosOutlivingTheirScopeStayValid) {
  Environment env;
  auto t = compile(env,
                   "{% set ns = namespace() %}{% macro outer() %}{% set v = 'kept' %}"
                   "{% macro inner() %}{{ v }}{% endmacro %}{% set ns.m = inner %}{% endmacro %}"
                   "{{ outer() }}{{ ns.m() }}");
  ASSERT_TRUE(t);
  auto out = env.render(*t, Value::dict({}));
  ASSERT_TRUE(out.ok()) << out.error().message;
  EXPECT_EQ(*out, "kept");
}

}  // namespace
}  // namespace gazette::templating
