// Bylines and credits: 株洲日报讯（全媒体记者/邓伟勇）, 株洲日报记者 胡文洁, 新华社北京11月9日电,
// 湖南日报11月7日讯(全媒体记者 邓晶琰), 株洲日报全媒体记者/杨凌凌 通讯员/段蓉 陈武 摄, 企业供图.
// Read with the pattern table (roles, agencies, paper names, photo marks), never fixed words.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/patterns.hpp"

namespace gazette::ingest {

// A byline as printed, and the people it names.
struct Byline {
  std::u32string text;                  // spaces normalised (one between names, none by digits)
  std::vector<std::u32string> authors;  // names only, role words removed
  bool photo = false;     // a photo credit (… 摄, 摄影 …): belongs to the picture above it
  bool source = false;    // names a paper or agency (株洲日报讯, 新华社…电)
  bool dateline = false;  // a dateline or bare source without names (新华社电, 株洲日报讯)
  bool open = false;      // ends inside an unclosed bracket: continues on the next line
};

// Reads bylines with a pattern table. Cheap to copy the table's reference; no state.
class BylineReader {
 public:
  explicit BylineReader(const Patterns& patterns) : p_(patterns) {}

  // The whole text is a byline (perhaps ending in an open bracket continued on the next line).
  std::optional<Byline> whole(std::u32string_view text) const;

  // A byline opening a paragraph (株洲日报讯（…） 11月8日晚…, 新华社电 …): the byline and the
  // offset where the paragraph's own text starts.
  std::optional<std::pair<Byline, size_t>> prefix(std::u32string_view text) const;

  // Where a credit without names ends a caption (…生产中。 企业供图): the offset of the credit,
  // 0 when the whole text is such a credit.
  std::optional<size_t> credit_tail(std::u32string_view text) const;

  // A person's name on its own (朱理平): two to four Han characters starting with a surname.
  bool is_name(std::u32string_view text) const;

  // The names of a line made only of names (朱理平, 张三 李四), or nothing.
  std::optional<std::vector<std::u32string>> name_line(std::u32string_view text) const;

 private:
  // Parses from the start of `s`. `whole_text`: the byline must take all of `s`.
  std::optional<std::pair<Byline, size_t>> parse(std::u32string_view s, bool whole_text) const;
  // Parses credits (roles and names) from `i`; stops at a closing bracket or the end.
  bool credits(std::u32string_view s, size_t& i, Byline& b, bool need_role) const;
  size_t role_at(std::u32string_view s, size_t i) const;
  bool is_source_name(std::u32string_view name) const;

  const Patterns& p_;
};

}  // namespace gazette::ingest
