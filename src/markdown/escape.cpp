#include "markdown/escape.hpp"

#include <fmt/format.h>

#include <array>
#include <string_view>

namespace gazette::markdown {

namespace {

// White space that Markdown strips at the start and end of a paragraph or heading.
bool is_markdown_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Whether `&` at `i` starts something cmark-gfm would decode as an entity (`&amp;`, `&#35;`,
// `&#x23;`): `&`, then letters, digits or `#`, then `;`.
bool starts_entity(std::string_view text, size_t i) {
  size_t j = i + 1;
  while (j < text.size() && (is_ascii_alnum(text[j]) || text[j] == '#')) ++j;
  return j > i + 1 && j < text.size() && text[j] == ';';
}

// Length of an ordered-list marker (`1.`, `23)`) at the start of `text`, without its
// punctuation; 0 when there is none. CommonMark allows 1-9 digits followed by `.` or `)` and
// then white space or the end of the line.
size_t list_number_length(std::string_view text) {
  size_t n = 0;
  while (n < text.size() && is_digit(text[n])) ++n;
  if (n == 0 || n > 9 || n >= text.size() || (text[n] != '.' && text[n] != ')')) return 0;
  if (n + 1 < text.size() && text[n + 1] != ' ' && text[n + 1] != '\t') return 0;
  return n;
}

enum class Context { kParagraph, kHeading };

// Bytes the loop below may change or look around; every other byte (all of UTF-8's multi-byte
// sequences among them) is copied as it is.
constexpr std::array<bool, 256> kSpecial = [] {
  std::array<bool, 256> special{};
  for (unsigned char c : std::string_view("\\`*_[]<|~#&:w\n\r")) special[c] = true;
  return special;
}();

std::string escape(std::string_view text, Context context) {
  // Leading and trailing white space runs become entities, so Markdown cannot strip them.
  size_t lead = 0;
  while (lead < text.size() && is_markdown_space(text[lead])) ++lead;
  size_t trail = text.size();
  while (trail > lead && is_markdown_space(text[trail - 1])) --trail;

  std::string out;
  out.reserve(text.size() + text.size() / 8 + 8);
  for (size_t i = 0; i < text.size(); ++i) {
    if (i >= lead && i < trail && !out.empty()) {
      // A run of ordinary bytes, copied at once.
      size_t end = i;
      while (end < trail && !kSpecial[static_cast<unsigned char>(text[end])]) ++end;
      if (end > i) {
        out.append(text.substr(i, end - i));
        i = end - 1;
        continue;
      }
    }
    char c = text[i];
    bool at_start = out.empty();
    if (i < lead || i >= trail || c == '\n' || c == '\r') {
      out += fmt::format("&#{};", static_cast<int>(static_cast<unsigned char>(c)));
      continue;
    }
    if (at_start && context == Context::kParagraph) {
      if (size_t n = list_number_length(text.substr(i))) {
        out.append(text.substr(i, n));
        out += '\\';
        out += text[i + n];
        i += n;
        continue;
      }
      if (c == '#' || c == '>' || c == '-' || c == '+' || c == '=') {
        out += '\\';
        out += c;
        continue;
      }
    }
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '|':
      case '~':
        out += '\\';
        out += c;
        break;
      case '#':
        if (context == Context::kHeading) out += '\\';
        out += c;
        break;
      case '&':
        if (starts_entity(text, i)) out += '\\';
        out += c;
        break;
      case ':':
        if (text.substr(i + 1, 2) == "//") out += '\\';
        out += c;
        break;
      case 'w':
        if (text.substr(i, 4) == "www.") {
          out += "www\\.";
          i += 3;
        } else {
          out += c;
        }
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::string paragraph_markdown(std::string_view text) {
  return escape(text, Context::kParagraph);
}

std::string heading_markdown(std::string_view text) {
  std::string escaped = escape(text, Context::kHeading);
  return escaped.empty() ? std::string("###") : "### " + escaped;
}

}  // namespace gazette::markdown
