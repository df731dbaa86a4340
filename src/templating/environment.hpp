// The template engine's front door, Jinja2's Environment: where templates come from, the
// options they are compiled with, the filters, tests and global functions they may use, and
// rendering.
//
// Typical use (the site build):
//
//   Environment env({site / "templates", theme / "templates"}, options);
//   site::add_gazette_filters(env, locale);          // before loading templates
//   env.add_global("site", site_value);
//   for (const Error& e : env.load_all()) report(e);  // every syntax error of every file
//   // then, from any number of threads:
//   RenderInfo info;
//   Result<std::string> html = env.render("article.html", page_vars, &info);
//
// Thread-safety: configure (add_*) first, on one thread. After that, `render`,
// `get_template` and `load_all` may be called from any thread; once `load_all` has run,
// template lookups take no lock at all. Values passed in are only read.
#pragma once

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/result.hpp"
#include "templating/call.hpp"
#include "templating/loader.hpp"
#include "templating/resolver.hpp"
#include "templating/template.hpp"
#include "templating/value.hpp"

namespace gazette::templating {

// How templates are compiled and rendered. The defaults are Jinja2's.
struct Options {
  bool trim_blocks = false;            // drop the first newline after a block tag
  bool lstrip_blocks = false;          // strip spaces and tabs before a block tag on its line
  bool keep_trailing_newline = false;  // keep a template's final newline
  bool strict_undefined = false;       // any use of an undefined value is an error
  // File extensions whose templates escape `{{ }}` output as HTML (Jinja2's
  // select_autoescape); decided per template by its own name.
  std::vector<std::string> autoescape_extensions{"html", "htm", "xml"};
  // Nested macro calls, includes, imports, blocks and recursive loops allowed at once.
  int max_depth = 100;
  // The most items range() and sequence repetition may produce.
  size_t max_items = 1'000'000;
  // The most bytes one render may produce (0: no limit).
  size_t max_output = 0;
  // The most loop iterations one render may run (0: no limit).
  uint64_t max_iterations = 0;
};

// What a render used, for incremental builds: every template file it read (through extends,
// include, import), the rendered one included.
struct RenderInfo {
  std::vector<std::string> templates;        // template names, in first-use order
  std::vector<std::filesystem::path> files;  // their files
};

class Environment {
 public:
  // Templates are looked up in `search_path`, in order. Options apply to every template.
  explicit Environment(std::vector<std::filesystem::path> search_path = {}, Options options = {});
  ~Environment();
  Environment(const Environment&) = delete;
  Environment& operator=(const Environment&) = delete;

  const Options& options() const { return options_; }

  // Registers a filter (`x|name(args)`). `accepts_undefined`: in strict mode the filter is
  // still called with undefined input (like `default`); otherwise that is an error.
  void add_filter(std::string name, Filter filter, bool accepts_undefined = false);
  // Registers a test (`x is name(args)`).
  void add_test(std::string name, Test test, bool accepts_undefined = false);
  // A variable every template sees (after the render's own variables).
  void add_global(std::string name, Value value);
  // A function every template can call.
  void add_function(std::string name, Function function);

  // Parses every template of the search path and returns every error (all files, not just
  // the first failure). Afterwards template lookups are lock-free; templates that fail to
  // compile keep failing with their error when rendered.
  std::vector<Error> load_all();

  // The template `name`, compiled on first use and cached. Errors: not found, invalid name,
  // syntax error.
  Result<const Template*> get_template(std::string_view name) const;
  // Like get_template; `found` is false (and no error) when it simply does not exist.
  Result<const Template*> find_template(std::string_view name, bool& found) const;

  // A template from a string, compiled but not cached (the caller owns it); `name` decides
  // autoescaping and appears in errors.
  Result<std::unique_ptr<Template>> from_string(std::string_view source,
                                                std::string name = "<template>") const;

  // Renders template `name` with `vars` (a dict, or none). `info`, when given, receives the
  // templates the render used.
  Result<std::string> render(std::string_view name, const Value& vars,
                             RenderInfo* info = nullptr) const;
  Result<std::string> render(const Template& tmpl, const Value& vars,
                             RenderInfo* info = nullptr) const;

  // Whether a template of this name autoescapes.
  bool autoescapes(std::string_view name) const;

  // Internal: lookups for the renderer.
  const FilterEntry* filter(std::string_view name) const;
  const TestEntry* test(std::string_view name) const;
  const Value* global(std::string_view name) const;
  const TemplateLoader& loader() const { return loader_; }

 private:
  struct Entry {
    std::unique_ptr<Template> tmpl;
    Error error;
  };
  Result<const Template*> compile_entry(const std::string& name, Entry& entry) const;

  Options options_;
  TemplateLoader loader_;
  Registry registry_;
  std::unordered_map<std::string, std::unique_ptr<FilterEntry>> filters_;
  std::unordered_map<std::string, std::unique_ptr<TestEntry>> tests_;
  std::unordered_map<std::string, Value> globals_;

  mutable std::mutex mutex_;
  mutable std::unordered_map<std::string, std::unique_ptr<Entry>> cache_;
  std::atomic<bool> frozen_{false};  // set by load_all: the cache is complete and read-only
};

}  // namespace gazette::templating
