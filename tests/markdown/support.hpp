// Helpers shared by the markdown tests.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>

namespace gazette::markdown::testing {

// What a reader sees of an HTML fragment: tags removed, character references decoded. Written
// independently of the module under test (no cmark), so it can judge it.
std::string visible_text(std::string_view html);

// The visible text inside the one element `<tag>…</tag>\n` that `html` must consist of; the
// empty optional-like marker "<not a single TAG>" when it is something else.
std::string single_element_text(std::string_view html, std::string_view tag);

// A fresh, empty temporary folder, removed when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace gazette::markdown::testing

namespace gazette::model {
struct Block;
struct Article;
struct Issue;
// Readable test failure messages.
void PrintTo(const Block& block, std::ostream* os);
void PrintTo(const Article& article, std::ostream* os);
void PrintTo(const Issue& issue, std::ostream* os);
}  // namespace gazette::model
