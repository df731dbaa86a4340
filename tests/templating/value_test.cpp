// Values: sharing without copying, dicts, JSON in and out, Python's printing rules.
#include "templating/value.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "templating/json.hpp"
#include "templating/ops.hpp"
#include "templating/pyformat.hpp"

namespace gazette::templating {
namespace {

TEST(ValueTest, CopiesShareTheirData) {
  std::vector<Value> articles;
  for (int i = 0; i < 1000; ++i) articles.push_back(Value::dict({{"title", "标题"}, {"n", i}}));
  Value site = Value::dict({{"articles", Value::list(std::move(articles))}});
  Value copy = site;
  const Value* list = copy.find("articles");
  ASSERT_NE(list, nullptr);
  EXPECT_EQ(&list->items(), &site.find("articles")->items());  // same block, not a copy
  EXPECT_EQ(sizeof(Value), 16u);
}

TEST(ValueTest, StringsKeepTheirTextWhileBlocksAreReused) {
  // Strings of every size up to past the largest reused block, made, grown and dropped in
  // an interleaved order: each live one must keep its own text.
  auto text = [](size_t n, char c) { return std::string(n, c); };
  std::vector<Value> live;
  for (size_t n = 0; n < 1500; n += 7) {
    StringBuilder b(n / 3);
    for (size_t i = 0; i < n; ++i) b.push_back(static_cast<char>('a' + n % 26));
    live.push_back(b.build());
    live.push_back(Value(text(n, static_cast<char>('A' + n % 26))));
    if (n % 3 == 0) live.erase(live.begin() + static_cast<std::ptrdiff_t>(live.size() / 2));
  }
  for (const Value& v : live) {
    std::string_view s = v.as_string();
    ASSERT_EQ(s.find_first_not_of(s.empty() ? 'a' : s[0]), std::string_view::npos) << s.size();
    if (!s.empty()) {
      ASSERT_TRUE(s[0] == static_cast<char>('a' + s.size() % 26) ||
                  s[0] == static_cast<char>('A' + s.size() % 26));
    }
  }
}

TEST(ValueTest, StringsKnowWhetherEscapingChangesThem) {
  EXPECT_TRUE(Value("株洲日报 2022").escapes_to_itself());
  EXPECT_FALSE(Value("a < b").escapes_to_itself());
  EXPECT_FALSE(Value("Tom & Jerry").escapes_to_itself());
  EXPECT_FALSE(Value(42).escapes_to_itself());
  StringBuilder b;
  b.append("built");
  EXPECT_FALSE(b.build().escapes_to_itself());  // unknown: checked when printed
}

TEST(ValueTest, DictsKeepInsertionOrderAndLaterKeysWin) {
  Value d = Value::dict({{"b", 1}, {"a", 2}, {"b", 3}});
  ASSERT_EQ(d.dict_size(), 2u);
  EXPECT_EQ(d.entries()[0].first.as_string(), "b");
  EXPECT_EQ(d.entries()[0].second.as_int(), 3);
  EXPECT_EQ(to_python_str(d), "{'b': 3, 'a': 2}");
}

TEST(ValueTest, LargeDictsFindKeysThroughTheirIndex) {
  DictBuilder b;
  for (int i = 0; i < 500; ++i) b.append(Value("k" + std::to_string(i)), Value(i));
  Value d = b.build();
  for (int i = 0; i < 500; i += 37) {
    const Value* v = d.find("k" + std::to_string(i));
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(v->as_int(), i);
  }
  EXPECT_EQ(d.find("missing"), nullptr);
  // Python equality for non-string keys: 1 == 1.0 == True.
  Value nums = Value::dict(std::vector<std::pair<Value, Value>>{{Value(1), Value("one")}});
  EXPECT_NE(nums.find_key(Value(1.0)), nullptr);
  EXPECT_NE(nums.find_key(Value(true)), nullptr);
}

TEST(ValueTest, FromJsonKeepsKeyOrderAndTypes) {
  auto json = nlohmann::ordered_json::parse(
      R"({"z": 1, "a": [1.5, "x", null, true], "big": 18446744073709551615, "o": {}})");
  Value v = from_json(json);
  EXPECT_EQ(to_python_str(v),
            "{'z': 1, 'a': [1.5, 'x', None, True], 'big': 1.8446744073709552e+19, 'o': {}}");
}

TEST(ValueTest, ToJsonIsPythonsJsonDumps) {
  Value v = Value::dict(
      {{"b", Value::list({Value(1), Value(2.5), Value::none(), Value(true)})}, {"a", "株<&>'"}});
  auto json = to_json(v);
  ASSERT_TRUE(json.ok());
  EXPECT_EQ(*json, R"({"a": "\u682a<&>'", "b": [1, 2.5, null, true]})");
  auto safe = to_html_safe_json(v, std::string("  "));
  ASSERT_TRUE(safe.ok());
  EXPECT_EQ(*safe,
            "{\n  \"a\": \"\\u682a\\u003c\\u0026\\u003e\\u0027\",\n  \"b\": [\n    1,\n    2.5,\n"
            "    null,\n    true\n  ]\n}");
  EXPECT_FALSE(to_json(Value()).ok());
}

TEST(ValueTest, FloatsPrintAsPythonRepr) {
  auto repr = [](double d) {
    std::string s;
    python_float(d, s);
    return s;
  };
  EXPECT_EQ(repr(0.1), "0.1");
  EXPECT_EQ(repr(1.0), "1.0");
  EXPECT_EQ(repr(1e16), "1e+16");
  EXPECT_EQ(repr(1e15), "1000000000000000.0");
  EXPECT_EQ(repr(1.5e-5), "1.5e-05");
  EXPECT_EQ(repr(0.0001), "0.0001");
  EXPECT_EQ(repr(-0.0), "-0.0");
  EXPECT_EQ(repr(1.0 / 3), "0.3333333333333333");
  EXPECT_EQ(repr(5e-324), "5e-324");
  EXPECT_EQ(repr(1.7976931348623157e308), "1.7976931348623157e+308");
}

TEST(ValueTest, StringsPrintAsPythonRepr) {
  std::string s;
  python_repr(Value::list({"it's", "say \"hi\"", "tab\t", "中文", "\x01", Value::markup("<b>")}),
              s);
  EXPECT_EQ(s, R"(["it's", 'say "hi"', 'tab\t', '中文', '\x01', Markup('<b>')])");
}

TEST(ValueTest, UndefinedValuesExplainThemselves) {
  EXPECT_EQ(Value::undefined_name("title").undefined_message(), "'title' is undefined");
  EXPECT_EQ(Value::undefined_attribute(Value::dict({}), "x").undefined_message(),
            "'dict object' has no attribute 'x'");
  EXPECT_EQ(Value::undefined_element(Value::list({}), Value(3)).undefined_message(),
            "list object has no element 3");
}

TEST(ValueTest, ArithmeticFollowsPython) {
  auto op = [](BinaryOp o, Value a, Value b) {
    auto r = binary_op(o, a, b, 1000);
    return r.ok() ? to_python_str(*r) : "error: " + r.error().message;
  };
  EXPECT_EQ(op(BinaryOp::kFloorDiv, -7, 2), "-4");
  EXPECT_EQ(op(BinaryOp::kMod, -7, 3), "2");
  EXPECT_EQ(op(BinaryOp::kMod, -7.5, 2), "0.5");
  EXPECT_EQ(op(BinaryOp::kDiv, 1, 4), "0.25");
  EXPECT_EQ(op(BinaryOp::kPow, 2, -1), "0.5");
  EXPECT_EQ(op(BinaryOp::kMul, "ab", 3), "ababab");
  EXPECT_EQ(op(BinaryOp::kAdd, Value::markup("<b>"), "<i>"), "<b>&lt;i&gt;");
  EXPECT_EQ(op(BinaryOp::kMul, "x", 1 << 30), "error: string repetition too large");
  EXPECT_EQ(op(BinaryOp::kMul, int64_t{1} << 62, 4),
            "error: integer overflow: the result does not fit in 64 bits");
  EXPECT_EQ(op(BinaryOp::kAdd, "a", 1), "error: can only concatenate str (not \"int\") to str");
}

}  // namespace
}  // namespace gazette::templating
