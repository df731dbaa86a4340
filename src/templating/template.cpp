#include "templating/template.hpp"

#include "templating/parser.hpp"
#include "templating/pystr.hpp"
#include "text/utf8.hpp"

namespace gazette::templating {

Error Template::error_at(uint32_t offset, std::string_view message) const {
  std::string_view src = source_;
  if (offset > src.size()) offset = static_cast<uint32_t>(src.size());
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (src[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  size_t line_end = src.find('\n', line_start);
  if (line_end == std::string_view::npos) line_end = src.size();
  int column = 1 + static_cast<int>(pystr::length(src.substr(line_start, offset - line_start)));
  Error e;
  e.path = display_;
  e.line = line;
  e.column = column;
  e.message = std::string(message);
  e.source_line = std::string(src.substr(line_start, line_end - line_start));
  return e;
}

Result<std::unique_ptr<Template>> Template::compile(std::string name, std::filesystem::path file,
                                                    std::string_view source, bool autoescape,
                                                    const LexerOptions& options,
                                                    const Registry& registry) {
  std::unique_ptr<Template> t(new Template());
  t->name_ = std::move(name);
  t->file_ = std::move(file);
  t->display_ = t->file_.empty() ? t->name_ : t->file_.string();
  t->autoescape_ = autoescape;
  if (auto bad = text::find_invalid_utf8(source)) {
    Error e;
    e.path = t->display_;
    e.line = bad->line;
    e.column = bad->column;
    e.message = bad->message;
    return e;
  }
  if (source.size() > 0x7fffffffu) return file_error(t->display_, "template too large");
  t->source_ = normalize_source(source, options.keep_trailing_newline);
  std::vector<Token> tokens;
  SyntaxError error;
  if (!tokenize(t->source_, options, t->strings_, tokens, error)) {
    return t->error_at(error.offset, error.message);
  }
  t->ast_ = std::make_unique<TemplateAst>();
  if (!parse(tokens, *t->ast_, error) || !resolve(*t->ast_, registry, error)) {
    return t->error_at(error.offset, error.message);
  }
  return t;
}

}  // namespace gazette::templating
