#include "templating/textwrap.hpp"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

#include "templating/call.hpp"
#include "templating/pystr.hpp"

namespace gazette::templating {

namespace {

// textwrap.TextWrapper.wordsep_re and wordsep_simple_re, in ICU's syntax (\w spelled out as
// Python's letters, numbers and underscore).
// textwrap.TextWrapper.wordsep_re and wordsep_simple_re in ICU's syntax (Python's \w spelled
// out as letters, numbers and the underscore; its [^\d\W] as letters and non-decimal numbers):
// white space | an em-dash between words | a word, possibly hyphenated.
constexpr const char* kWordSep =
    R"RE(([\t\n\x0b\x0c\r\x20]+|(?<=[\p{L}\p{N}_!"\x27&.,?])-{2,}(?=[\p{L}\p{N}_])|[^\t\n\x0b\x0c\r\x20]+?(?:-(?:(?<=[\p{L}\p{Nl}\p{No}_]{2}-)|(?<=[\p{L}\p{Nl}\p{No}_]-[\p{L}\p{Nl}\p{No}_]-))(?=[\p{L}\p{Nl}\p{No}_]-?[\p{L}\p{Nl}\p{No}_])|(?=[\t\n\x0b\x0c\r\x20]|\z)|(?<=[\p{L}\p{N}_!"\x27&.,?])(?=-{2,}[\p{L}\p{N}_]))))RE";
constexpr const char* kWordSepSimple = R"RE(([\t\n\x0b\x0c\r\x20]+))RE";

const icu::RegexPattern* compile(const char* pattern) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error;
  icu::RegexPattern* p =
      icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(pattern), 0, parse_error, status);
  if (U_FAILURE(status)) return nullptr;
  return p;
}

const icu::RegexPattern* word_sep(bool hyphens) {
  static const std::unique_ptr<const icu::RegexPattern> with(compile(kWordSep));
  static const std::unique_ptr<const icu::RegexPattern> simple(compile(kWordSepSimple));
  return hyphens ? with.get() : simple.get();
}

bool blank(const std::u32string& s) {
  return std::all_of(s.begin(), s.end(), [](char32_t c) { return pystr::is_space(c); });
}

std::vector<std::u32string> split_chunks(std::string_view text, bool hyphens) {
  std::vector<std::u32string> chunks;
  const icu::RegexPattern* pattern = word_sep(hyphens);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(pattern ? pattern->matcher(u, status) : nullptr);
  auto add = [&](int32_t start, int32_t end) {
    if (end <= start) return;
    std::string piece;
    u.tempSubStringBetween(start, end).toUTF8String(piece);
    chunks.push_back(pystr::decode(piece));
  };
  int32_t pos = 0;
  if (m && U_SUCCESS(status)) {
    while (m->find(status) && U_SUCCESS(status)) {
      int32_t start = m->start(status);
      int32_t end = m->end(status);
      add(pos, start);
      add(start, end);
      pos = end;
      if (end == start) {
        // An empty match cannot happen with these patterns; guard against looping.
        break;
      }
    }
  }
  add(pos, u.length());
  return chunks;
}

}  // namespace

Result<std::vector<std::string>> wrap_text(std::string_view text, const WrapOptions& options) {
  if (options.width <= 0) {
    return failure("invalid width " + std::to_string(options.width) + " (must be > 0)");
  }
  std::vector<std::u32string> chunks = split_chunks(text, options.break_on_hyphens);
  std::reverse(chunks.begin(), chunks.end());
  std::vector<std::string> lines;
  const int64_t width = options.width;
  while (!chunks.empty()) {
    std::vector<std::u32string> line;
    int64_t len = 0;
    if (blank(chunks.back()) && !lines.empty()) chunks.pop_back();
    while (!chunks.empty()) {
      int64_t l = static_cast<int64_t>(chunks.back().size());
      if (len + l <= width) {
        line.push_back(std::move(chunks.back()));
        chunks.pop_back();
        len += l;
      } else {
        break;
      }
    }
    if (!chunks.empty() && static_cast<int64_t>(chunks.back().size()) > width) {
      // _handle_long_word
      int64_t space_left = width < 1 ? 1 : width - len;
      if (options.break_long_words) {
        int64_t end = space_left;
        std::u32string& chunk = chunks.back();
        if (options.break_on_hyphens && static_cast<int64_t>(chunk.size()) > space_left) {
          size_t limit = static_cast<size_t>(std::max<int64_t>(space_left, 0));
          size_t hyphen = std::u32string_view(chunk).substr(0, limit).rfind(U'-');
          if (hyphen != std::u32string::npos && hyphen > 0) {
            bool non_hyphen = false;
            for (size_t k = 0; k < hyphen; ++k) non_hyphen = non_hyphen || chunk[k] != U'-';
            if (non_hyphen) end = static_cast<int64_t>(hyphen) + 1;
          }
        }
        size_t cut = static_cast<size_t>(
            std::min<int64_t>(std::max<int64_t>(end, 0), static_cast<int64_t>(chunk.size())));
        line.push_back(chunk.substr(0, cut));
        chunk = chunk.substr(cut);
      } else if (line.empty()) {
        line.push_back(std::move(chunks.back()));
        chunks.pop_back();
      }
      len = 0;
      for (const auto& c : line) len += static_cast<int64_t>(c.size());
    }
    if (!line.empty() && blank(line.back())) {
      len -= static_cast<int64_t>(line.back().size());
      line.pop_back();
    }
    if (!line.empty()) {
      std::u32string joined;
      for (const auto& c : line) joined += c;
      lines.push_back(pystr::encode(joined));
    }
  }
  return lines;
}

}  // namespace gazette::templating
