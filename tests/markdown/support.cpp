#include "support.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "markdown/html.hpp"
#include "model/issue.hpp"
#include "text/utf8.hpp"

namespace gazette::markdown::testing {

namespace {

// cmark-gfm's extensions are registered once, before any test runs.
class RegisterExtensions : public ::testing::Environment {
 public:
  void SetUp() override { register_extensions(); }
};
[[maybe_unused]] ::testing::Environment* const kRegister =
    ::testing::AddGlobalTestEnvironment(new RegisterExtensions);

}  // namespace

std::string visible_text(std::string_view html) {
  std::string out;
  for (size_t i = 0; i < html.size();) {
    char c = html[i];
    if (c == '<') {
      size_t end = html.find('>', i);
      i = end == std::string_view::npos ? html.size() : end + 1;
      continue;
    }
    if (c == '&') {
      size_t semi = html.find(';', i);
      std::string_view ref = html.substr(i + 1, semi - i - 1);
      if (semi != std::string_view::npos) {
        if (ref == "amp")
          out += '&';
        else if (ref == "lt")
          out += '<';
        else if (ref == "gt")
          out += '>';
        else if (ref == "quot")
          out += '"';
        else if (ref == "#39" || ref == "apos")
          out += '\'';
        else if (ref.size() > 1 && ref[0] == '#') {
          bool hex = ref[1] == 'x' || ref[1] == 'X';
          long cp =
              std::strtol(std::string(ref.substr(hex ? 2 : 1)).c_str(), nullptr, hex ? 16 : 10);
          text::append_utf8(out, static_cast<char32_t>(cp));
        } else {
          out += "&" + std::string(ref) + ";";  // unknown: shown as is
        }
        i = semi + 1;
        continue;
      }
    }
    out += c;
    ++i;
  }
  return out;
}

std::string single_element_text(std::string_view html, std::string_view tag) {
  std::string open = "<" + std::string(tag) + ">";
  std::string close = "</" + std::string(tag) + ">\n";
  if (!html.starts_with(open) || !html.ends_with(close)) {
    return "<not a single " + std::string(tag) + ">: " + std::string(html);
  }
  std::string_view inner = html.substr(open.size(), html.size() - open.size() - close.size());
  // A second block would show up as a closing tag of the element inside.
  if (inner.find(close.substr(0, close.size() - 1)) != std::string_view::npos) {
    return "<not a single " + std::string(tag) + ">: " + std::string(html);
  }
  return visible_text(inner);
}

TempDir::TempDir() {
  std::string templ = (std::filesystem::temp_directory_path() / "gazette-md-test-XXXXXX").string();
  char* made = ::mkdtemp(templ.data());
  if (!made) std::abort();
  path_ = made;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace gazette::markdown::testing

namespace gazette::model {

namespace {

void print_text(const std::optional<std::string>& s, std::ostream* os) {
  if (s) {
    *os << '"' << *s << '"';
  } else {
    *os << "null";
  }
}

void print_list(const std::vector<std::string>& list, std::ostream* os) {
  *os << '[';
  for (size_t i = 0; i < list.size(); ++i) *os << (i ? ", \"" : "\"") << list[i] << '"';
  *os << ']';
}

}  // namespace

void PrintTo(const Block& block, std::ostream* os) {
  *os << (block.type == Block::Type::kHeading ? "heading" : "paragraph") << "{text: \""
      << block.text << "\", markdown: \"" << block.markdown << "\"}";
}

void PrintTo(const Article& a, std::ostream* os) {
  *os << "\n  article{title: \"" << a.title << "\", kicker: ";
  print_text(a.kicker, os);
  *os << ", subtitle: ";
  print_text(a.subtitle, os);
  *os << ", kind: " << kind_name(a.kind) << ", byline: ";
  print_text(a.byline, os);
  *os << ", authors: ";
  print_list(a.authors, os);
  *os << ", dateline: ";
  print_text(a.dateline, os);
  *os << ", page: ";
  print_text(a.page, os);
  *os << ", continued_to: ";
  print_text(a.continued_to, os);
  *os << ", captions: ";
  print_list(a.captions, os);
  *os << ", tags: ";
  print_list(a.tags, os);
  *os << ", slug: ";
  print_text(a.slug, os);
  *os << ", lines: " << a.first_line << "-" << a.last_line << ", body:";
  for (const Block& b : a.body) {
    *os << "\n    ";
    PrintTo(b, os);
  }
  *os << "}";
}

void PrintTo(const Issue& issue, std::ostream* os) {
  const Masthead& m = issue.masthead;
  *os << "issue{source: \"" << issue.source << "\", paper: ";
  print_text(m.paper, os);
  *os << ", date: " << (m.date ? text::iso(*m.date) : "null") << ", weekday: ";
  print_text(m.weekday, os);
  *os << ", lunar: ";
  print_text(m.lunar, os);
  *os << ", number: " << (m.number ? std::to_string(*m.number) : "null")
      << ", pages: " << (m.pages ? std::to_string(*m.pages) : "null") << ", warnings:";
  for (const Warning& w : issue.warnings) *os << " [" << w.line << ": " << w.message << "]";
  for (const Article& a : issue.articles) PrintTo(a, os);
  *os << "}";
}

}  // namespace gazette::model
