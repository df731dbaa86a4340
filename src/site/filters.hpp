// gazette's own template filters for newspaper sites, registered on a template Environment by
// the site build (and `gazette render`): dates in the site's locale and the lunar calendar,
// pinyin slugs, Markdown, excerpts and reading times that count Chinese characters, and
// numbers with the locale's digit grouping. See docs/templates.md for theme authors.
//
//   {{ issue.date|date }}              2022年11月8日 (zh-CN) · November 8, 2022 (en)
//   {{ issue.date|date('y年M月d日 EEEE') }}  2022年11月8日 星期二 (an ICU date pattern)
//   {{ issue.date|lunar }}             壬寅年十月十五
//   {{ article.title|slugify }}        jia-kuai-gou-jian-wang-luo-kong-jian
//   {{ page.body|markdown }}           HTML (cmark-gfm), marked safe
//   {{ article.body_html|excerpt(80) }}  the first 80 words (a Chinese character is a word) …
//   {{ article.body_html|reading_time }} minutes: CJK characters at 400, other words at 200 a
//   minute
//   {{ site.article_count|number }}    12,345 (zh-CN, en) · 12.345 (de)
//
// The filters keep ICU objects per thread (ICU formatters and transliterators are not
// thread-safe), so renders on many threads may use them at once. `markdown` needs
// markdown::register_extensions() to have run (once, in main).
#pragma once

#include <string>

#include "templating/environment.hpp"

namespace gazette::site {

struct FilterOptions {
  std::string locale = "zh-CN";    // the site's language (BCP 47): dates, numbers
  bool markdown_raw_html = false;  // `markdown` passes raw HTML through (else drops it)
  int cjk_per_minute = 400;        // reading_time: CJK characters read a minute
  int words_per_minute = 200;      // reading_time: other words read a minute
};

// Registers date, lunar, slugify, markdown, excerpt, reading_time and number on `env`.
void add_gazette_filters(templating::Environment& env, const FilterOptions& options);

}  // namespace gazette::site
