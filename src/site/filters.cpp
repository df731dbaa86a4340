#include "site/filters.hpp"

#include <unicode/locid.h>
#include <unicode/numberformatter.h>

#include <array>
#include <cmath>
#include <map>
#include <memory>

#include "markdown/html.hpp"
#include "templating/html.hpp"
#include "templating/pyformat.hpp"
#include "templating/pystr.hpp"
#include "text/calendar.hpp"
#include "text/cjk.hpp"
#include "text/slug.hpp"
#include "text/utf8.hpp"

namespace gazette::site {

namespace {

using templating::Args;
using templating::CallContext;
using templating::failure;
using templating::Params;
using templating::Value;

// The ICU objects of one locale on one thread.
struct ThreadTools {
  explicit ThreadTools(const std::string& locale) : dates(locale) {}
  text::DateFormatter dates;
  std::unique_ptr<text::Slugger> slugger;  // created on first use
};

ThreadTools& tools(const std::string& locale) {
  thread_local std::map<std::string, std::unique_ptr<ThreadTools>> by_locale;
  auto& slot = by_locale[locale];
  if (!slot) slot = std::make_unique<ThreadTools>(locale);
  return *slot;
}

// A date from `2022-11-08`, `2022-11-08T10:00:00+08:00` or `2022-11-08 10:00`.
Result<std::optional<text::Date>> date_of(const Value& v, std::string_view filter) {
  if (v.is_none() || v.is_undefined()) return std::optional<text::Date>();
  if (v.is_string()) {
    std::string_view s = v.as_string();
    if (s.size() > 10 && (s[10] == 'T' || s[10] == ' ')) s = s.substr(0, 10);
    if (auto d = text::parse_iso_date(s)) return std::optional<text::Date>(*d);
  }
  std::string shown;
  templating::python_repr(v, shown);
  return failure(std::string(filter) + ": " + shown + " is not a date (YYYY-MM-DD)");
}

// Plain text of a filter's input: Markup (HTML) loses its tags and entities.
std::string plain_text(const Value& v) {
  if (v.is_safe()) return templating::striptags(v.as_string());
  return templating::to_python_str(v);
}

bool is_latin_word_char(char32_t c) {
  return templating::pystr::is_word(c) && !text::is_cjk_letter(c);
}

// CJK letters and other words of a text (a run of letters and digits is one word).
std::pair<int64_t, int64_t> count_units(std::string_view text) {
  int64_t cjk = 0, words = 0;
  bool in_word = false;
  for (size_t i = 0; i < text.size();) {
    char32_t c = templating::pystr::next(text, i);
    if (text::is_cjk_letter(c)) {
      ++cjk;
      in_word = false;
    } else if (is_latin_word_char(c)) {
      if (!in_word) ++words;
      in_word = true;
    } else {
      in_word = false;
    }
  }
  return {cjk, words};
}

Result<Value> filter_date(const FilterOptions& options, const Value& input, const Args& args) {
  const Value* pattern = nullptr;
  static constexpr Params kParams("date", {"format"});
  if (auto s = kParams.bind(args, std::span(&pattern, 1)); !s) return s.error();
  auto date = date_of(input, "date");
  if (!date) return date.error();
  if (!*date) return Value("");
  text::DateFormatter& dates = tools(options.locale).dates;
  if (!pattern || pattern->is_none()) return Value(dates.format_skeleton(**date, "yMMMMd"));
  if (!pattern->is_string())
    return failure("date: the format must be an ICU date pattern such as 'y年M月d日'");
  return Value(dates.format(**date, pattern->as_string()));
}

Result<Value> filter_lunar(const FilterOptions& options, const Value& input, const Args& args) {
  static constexpr Params kParams("lunar", {});
  if (auto s = kParams.bind(args, {}); !s) return s.error();
  auto date = date_of(input, "lunar");
  if (!date) return date.error();
  if (!*date) return Value("");
  return Value(tools(options.locale).dates.lunar(**date));
}

Result<Value> filter_slugify(const FilterOptions& options, const Value& input, const Args& args) {
  const Value* max_length = nullptr;
  static constexpr Params kParams("slugify", {"max_length"});
  if (auto s = kParams.bind(args, std::span(&max_length, 1)); !s) return s.error();
  int64_t limit = 60;
  if (max_length && !max_length->is_none()) {
    if (!max_length->is_int() || max_length->as_int() < 1)
      return failure("slugify: max_length must be a positive integer");
    limit = max_length->as_int();
  }
  ThreadTools& t = tools(options.locale);
  if (!t.slugger) t.slugger = std::make_unique<text::Slugger>();
  return Value(t.slugger->slug(plain_text(input), static_cast<size_t>(limit)));
}

Result<Value> filter_markdown(const FilterOptions& options, const Value& input, const Args& args) {
  static constexpr Params kParams("markdown", {});
  if (auto s = kParams.bind(args, {}); !s) return s.error();
  if (input.is_none() || input.is_undefined()) return Value::markup("");
  markdown::HtmlOptions html;
  html.allow_raw_html = options.markdown_raw_html;
  return Value::markup(markdown::render_html(templating::to_python_str(input), html));
}

Result<Value> filter_excerpt(const Value& input, const Args& args) {
  const Value* limit_arg = nullptr;
  static constexpr Params kParams("excerpt", {"length"});
  if (auto s = kParams.bind(args, std::span(&limit_arg, 1)); !s) return s.error();
  int64_t limit = 120;
  if (limit_arg && !limit_arg->is_none()) {
    if (!limit_arg->is_int() || limit_arg->as_int() < 1)
      return failure("excerpt: the length must be a positive integer");
    limit = limit_arg->as_int();
  }
  if (input.is_none() || input.is_undefined()) return Value("");
  // White space collapsed to single spaces.
  std::string text;
  for (const std::string& word : templating::pystr::split(plain_text(input), std::nullopt)) {
    if (!text.empty()) text += ' ';
    text += word;
  }
  int64_t units = 0;
  bool in_word = false;
  size_t cut = std::string::npos;
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    char32_t c = templating::pystr::next(text, i);
    bool counts = text::is_cjk_letter(c) || (is_latin_word_char(c) && !in_word);
    in_word = is_latin_word_char(c);
    if (counts && ++units > limit) {
      cut = start;
      break;
    }
  }
  if (cut == std::string::npos) return Value(text);
  std::string_view head(text.data(), cut);
  // No dangling space or punctuation before the ellipsis.
  while (!head.empty()) {
    size_t end = head.size();
    char32_t c = text::previous_code_point(head, end);
    if (!(templating::pystr::is_space(c) || text::is_cjk_punctuation(c) || c == ',' || c == ';' ||
          c == ':' || c == '-' || c == '(' || c == '"' || c == '\'')) {
      break;
    }
    head = head.substr(0, end);
  }
  return Value(std::string(head) + "…");
}

Result<Value> filter_reading_time(const FilterOptions& options, const Value& input,
                                  const Args& args) {
  static constexpr Params kParams("reading_time", {});
  if (auto s = kParams.bind(args, {}); !s) return s.error();
  if (input.is_none() || input.is_undefined()) return Value(int64_t{0});
  auto [cjk, words] = count_units(plain_text(input));
  if (cjk == 0 && words == 0) return Value(int64_t{0});
  double minutes = static_cast<double>(cjk) / options.cjk_per_minute +
                   static_cast<double>(words) / options.words_per_minute;
  return Value(std::max<int64_t>(1, static_cast<int64_t>(std::ceil(minutes))));
}

Result<Value> filter_number(const FilterOptions& options, const Value& input, const Args& args) {
  const Value* decimals = nullptr;
  static constexpr Params kParams("number", {"decimals"});
  if (auto s = kParams.bind(args, std::span(&decimals, 1)); !s) return s.error();
  Value number = input;
  if (number.is_string()) {
    if (auto i = templating::parse_python_int(number.as_string())) {
      number = Value(*i);
    } else if (auto f = templating::parse_python_float(number.as_string())) {
      number = Value(*f);
    }
  }
  if (!number.is_number()) {
    if (number.is_none() || number.is_undefined()) return Value("");
    std::string shown;
    templating::python_repr(input, shown);
    return failure("number: " + shown + " is not a number");
  }
  UErrorCode status = U_ZERO_ERROR;
  auto formatter =
      icu::number::NumberFormatter::withLocale(icu::Locale::forLanguageTag(options.locale, status));
  if (U_FAILURE(status)) return failure("number: unknown locale '" + options.locale + "'");
  if (decimals && !decimals->is_none()) {
    if (!decimals->is_int() || decimals->as_int() < 0 || decimals->as_int() > 20)
      return failure("number: decimals must be an integer from 0 to 20");
    formatter = formatter.precision(
        icu::number::Precision::fixedFraction(static_cast<int32_t>(decimals->as_int())));
  }
  icu::UnicodeString out;
  if (number.is_int() || number.is_bool()) {
    out = formatter.formatInt(number.is_bool() ? number.as_bool() : number.as_int(), status)
              .toString(status);
  } else {
    out = formatter.formatDouble(number.as_float(), status).toString(status);
  }
  if (U_FAILURE(status)) return failure("number: ICU could not format the number");
  std::string utf8;
  out.toUTF8String(utf8);
  return Value(utf8);
}

}  // namespace

void add_gazette_filters(templating::Environment& env, const FilterOptions& options) {
  env.add_filter("date", [options](CallContext&, const Value& in, const Args& a) {
    return filter_date(options, in, a);
  });
  env.add_filter("lunar", [options](CallContext&, const Value& in, const Args& a) {
    return filter_lunar(options, in, a);
  });
  env.add_filter("slugify", [options](CallContext&, const Value& in, const Args& a) {
    return filter_slugify(options, in, a);
  });
  env.add_filter("markdown", [options](CallContext&, const Value& in, const Args& a) {
    return filter_markdown(options, in, a);
  });
  env.add_filter("excerpt", [](CallContext&, const Value& in, const Args& a) {
    return filter_excerpt(in, a);
  });
  env.add_filter("reading_time", [options](CallContext&, const Value& in, const Args& a) {
    return filter_reading_time(options, in, a);
  });
  env.add_filter("number", [options](CallContext&, const Value& in, const Args& a) {
    return filter_number(options, in, a);
  });
}

}  // namespace gazette::site
