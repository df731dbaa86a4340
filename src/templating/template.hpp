// A compiled template: its name, the file it came from, whether it autoescapes, its source
// (for error messages) and its resolved syntax tree. Immutable once compiled, so one Template
// is rendered by any number of threads at once.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "base/result.hpp"
#include "templating/ast.hpp"
#include "templating/lexer.hpp"
#include "templating/resolver.hpp"

namespace gazette::templating {

class Template {
 public:
  // The name templates use for it ("partials/nav.html").
  const std::string& name() const { return name_; }
  // The file it was read from, or empty for a template made from a string.
  const std::filesystem::path& file() const { return file_; }
  // Whether `{{ }}` output is HTML-escaped (decided by the file's own extension).
  bool autoescape() const { return autoescape_; }
  // The source as the lexer saw it (newlines normalised).
  std::string_view source() const { return source_; }
  const TemplateAst& ast() const { return *ast_; }

  // How large its output tends to be (the largest render so far), to reserve that much.
  size_t output_size_hint() const { return output_hint_.load(std::memory_order_relaxed); }
  void note_output_size(size_t size) const {
    if (size > output_size_hint()) output_hint_.store(size, std::memory_order_relaxed);
  }

  // An error at a byte offset of the source: file (or name), line, column, the line's text.
  Error error_at(uint32_t offset, std::string_view message) const;

  // Compiles template source. `display_path` names the template in errors.
  static Result<std::unique_ptr<Template>> compile(std::string name, std::filesystem::path file,
                                                   std::string_view source, bool autoescape,
                                                   const LexerOptions& options,
                                                   const Registry& registry);

 private:
  Template() = default;
  std::string name_;
  std::filesystem::path file_;
  std::string display_;
  bool autoescape_ = false;
  std::string source_;
  std::deque<std::string> strings_;  // decoded string literals the tokens point into
  std::unique_ptr<TemplateAst> ast_;
  mutable std::atomic<size_t> output_hint_{0};
};

}  // namespace gazette::templating
