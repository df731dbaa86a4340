// Bylines, datelines and credits, as Chinese papers print them:
//   datelines   新华社北京11月9日电, 本报北京3月5日电, 人民网北京3月5日电, 湖南日报11月7日讯,
//   本报讯,
//               参考消息网3月5日报道, 据新华社电, 【共同社3月5日电】 — with the credits after them
//               in brackets （记者 王浩 李心萍） or not (南都讯 记者 王浩 通讯员 李四 3月5日，…);
//   bylines     株洲日报记者 胡文洁, ■本报记者 王浩 李心萍, 本报驻京记者 王浩, 采写：南都记者 黄婷,
//               （记者 赵文君） closing a story, 文/王浩 图/李明;
//   credits     株洲日报全媒体记者/杨凌凌 通讯员/段蓉 陈武 摄, 张明 摄, 企业供图, 新华社发（王曦
//   摄）.
// Read with the pattern table (roles, agencies, paper names, dateline and photo marks), never
// fixed words. Bylines are read from the text as extracted, before spaces are collapsed: the
// spaces between names are what separates them. Names printed without any separator
// (王浩李心萍) are split at surnames.
#pragma once

#include <bitset>
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
  bool enclosed = false;  // printed in brackets as a whole (（记者 赵文君）, 【共同社3月5日电】)
};

// A credit ending a caption (…赏花。 新华社记者 李博 摄, …生产中。 企业供图): where it starts and
// what it says (a photo credit; names when it gives them).
struct CaptionCredit {
  size_t at = 0;  // offset of the credit in the text given (0: the whole text is a credit)
  Byline byline;  // photo == true; text: the credit as printed
};

// Reads bylines with a pattern table (which must outlive it). Cheap to make; no state.
class BylineReader {
 public:
  explicit BylineReader(const Patterns& patterns);

  // The whole text is a byline (perhaps ending in an open bracket continued on the next line).
  std::optional<Byline> whole(std::u32string_view text) const;

  // A byline opening a paragraph (株洲日报讯（…） 11月8日晚…, 新华社电 …, （记者 王浩）十四届…):
  // the byline and the offset where the paragraph's own text starts.
  std::optional<std::pair<Byline, size_t>> prefix(std::u32string_view text) const;

  // A byline in brackets closing a paragraph (…开幕。（记者 王浩 李心萍）, …（编译/王浩）): the
  // byline and the offset where it starts. Photo credits are left to caption_credit.
  std::optional<std::pair<Byline, size_t>> suffix(std::u32string_view text) const;

  // A credit closing a caption: a photo byline (新华社记者 张明 摄, （新华社记者 李博 摄）, 张明摄)
  // or a credit without names (企业供图, 新华社发, 新华社发（王曦 摄）) after the caption's last
  // sentence, after a space or in closing brackets — or the whole text (at == 0).
  std::optional<CaptionCredit> caption_credit(std::u32string_view text) const;

  // Where a credit closing a caption starts (caption_credit without the byline).
  std::optional<size_t> credit_tail(std::u32string_view text) const;

  // A person's name on its own (朱理平): two to four Han characters starting with a surname.
  bool is_name(std::u32string_view text) const;

  // The names of a line made only of names (朱理平, 张三 李四), or nothing.
  std::optional<std::vector<std::u32string>> name_line(std::u32string_view text) const;

  // Names printed without separators (王浩李心萍 → 王浩, 李心萍): cut so that every name has two
  // or three characters after a surname (compound surnames: two more), the most frequent
  // surnames winning a tie. Nothing when no cut works.
  std::optional<std::vector<std::u32string>> split_names(std::u32string_view run) const;

  // Whether a text ends inside an opened bracket of credits (…观赏。（通讯员 王五): the next
  // printed line goes on with the byline, to be joined with join_broken.
  bool ends_in_open_credits(std::u32string_view text) const;

  // Joins the next printed line to a byline broken across lines: with a space where the break
  // falls between two names (…记者 王浩 | 李心萍）), without one inside a name (…/邓伟 | 勇）).
  std::u32string join_broken(std::u32string_view a, std::u32string_view b) const;

 private:
  // Parses from the start of `s`. `whole_text`: the byline must take all of `s`.
  std::optional<std::pair<Byline, size_t>> parse(std::u32string_view s, bool whole_text,
                                                 bool nested = false) const;
  // A dateline at `i` ([据] source [place] [date] 电/讯/报道): the offset after it, 0 for none.
  size_t dateline_at(std::u32string_view s, size_t i) const;
  // Parses credits (roles and names) from `i`; stops at a closing bracket or the end.
  bool credits(std::u32string_view s, size_t& i, Byline& b, bool need_role) const;
  // Credits not in brackets after a dateline (记者 王浩 通讯员 李四 3月5日，…): space-separated
  // roles and names; stops before the first word that is neither. The offset after them, or 0.
  size_t open_credits(std::u32string_view s, size_t i, Byline& b, bool whole_text) const;
  // Names alone with a photo mark (张明 摄, 王浩 李明摄): a photo credit without a role.
  bool photo_names(std::u32string_view s, Byline& b) const;
  // A credit without names at the start of `t` (企业供图, 新华社发): its length, 0 for none.
  size_t credit_pattern(std::u32string_view t) const;
  std::optional<Byline> credit_of(std::u32string_view t) const;
  size_t role_at(std::u32string_view s, size_t i) const;
  // A source name (and a post: 本报驻京) followed by a role at `i`: the length before the role.
  size_t source_before_role(std::u32string_view s, size_t i) const;
  bool is_source_name(std::u32string_view name) const;
  // The length of the longest source name opening `name` with at most `max_rest` characters
  // after it (a dateline's place), 0 for none.
  size_t source_prefix(std::u32string_view name, size_t max_rest) const;
  bool is_surname_at(std::u32string_view s, size_t i) const;
  // A run of Han characters printed right after a role (记者王浩) that can be names: a full
  // name (a surname and one or two characters), or five or more characters (several names).
  bool run_on_name(std::u32string_view run) const;
  // Adds a run of Han characters as a name, or as names split at surnames.
  bool add_names(std::u32string_view run, Byline& b) const;

  const Patterns& p_;
  // Quick filters (by code point modulo their size; a hit is then checked in full): the first
  // characters of roles, and the characters a credit ends with (摄, 供图, 资料图片, 新华社发).
  std::bitset<2048> role_first_;
  std::bitset<2048> credit_char_;
};

}  // namespace gazette::ingest
