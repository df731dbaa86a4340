#include "templating/environment.hpp"

#include <algorithm>

#include "templating/builtins.hpp"
#include "templating/pystr.hpp"
#include "templating/renderer.hpp"

namespace gazette::templating {

Environment::Environment(std::vector<std::filesystem::path> search_path, Options options)
    : options_(std::move(options)), loader_(std::move(search_path)) {
  registry_.filter = [this](std::string_view name) { return filter(name); };
  registry_.test = [this](std::string_view name) { return test(name); };
  add_text_filters(*this);
  add_html_filters(*this);
  add_number_filters(*this);
  add_sequence_filters(*this);
  add_builtin_tests(*this);
  add_builtin_globals(*this);
}

Environment::~Environment() = default;

void Environment::add_filter(std::string name, Filter filter, bool accepts_undefined) {
  auto entry = std::make_unique<FilterEntry>();
  if (FilterFunction* plain = filter.target<FilterFunction>()) entry->plain = *plain;
  entry->fn = std::move(filter);
  entry->accepts_undefined = accepts_undefined;
  filters_[std::move(name)] = std::move(entry);
}

void Environment::add_test(std::string name, Test test, bool accepts_undefined) {
  auto entry = std::make_unique<TestEntry>();
  entry->fn = std::move(test);
  entry->accepts_undefined = accepts_undefined;
  tests_[std::move(name)] = std::move(entry);
}

void Environment::add_global(std::string name, Value value) {
  globals_[std::move(name)] = std::move(value);
}

void Environment::add_function(std::string name, Function function) {
  Value fn = Value::make_object<NativeFunction>(name, std::move(function));
  add_global(std::move(name), std::move(fn));
}

const FilterEntry* Environment::filter(std::string_view name) const {
  auto it = filters_.find(std::string(name));
  return it == filters_.end() ? nullptr : it->second.get();
}

const TestEntry* Environment::test(std::string_view name) const {
  auto it = tests_.find(std::string(name));
  return it == tests_.end() ? nullptr : it->second.get();
}

const Value* Environment::global(std::string_view name) const {
  auto it = globals_.find(std::string(name));
  return it == globals_.end() ? nullptr : &it->second;
}

bool Environment::autoescapes(std::string_view name) const {
  std::string lower = pystr::lower(name);
  for (const std::string& ext : options_.autoescape_extensions) {
    std::string suffix = "." + pystr::lower(ext);
    if (lower.size() >= suffix.size() &&
        lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) == 0)
      return true;
  }
  return false;
}

Result<const Template*> Environment::compile_entry(const std::string& name, Entry& entry) const {
  auto lookup = loader_.load(name);
  if (lookup.status != TemplateLoader::Lookup::Status::kFound || !lookup.error.message.empty()) {
    entry.error = lookup.error;
    return lookup.error;
  }
  LexerOptions lexer{options_.trim_blocks, options_.lstrip_blocks, options_.keep_trailing_newline};
  auto compiled =
      Template::compile(name, lookup.file, lookup.source, autoescapes(name), lexer, registry_);
  if (!compiled) {
    entry.error = compiled.error();
    return compiled.error();
  }
  entry.tmpl = std::move(*compiled);
  return static_cast<const Template*>(entry.tmpl.get());
}

Result<const Template*> Environment::find_template(std::string_view name, bool& found) const {
  found = false;
  auto normalized = TemplateLoader::normalize(name);
  if (!normalized) return normalized.error();
  auto result_of = [&](const Entry& e) -> Result<const Template*> {
    found = true;
    if (e.tmpl) return static_cast<const Template*>(e.tmpl.get());
    return e.error;
  };
  if (frozen_.load(std::memory_order_acquire)) {
    auto it = cache_.find(*normalized);
    if (it == cache_.end()) return static_cast<const Template*>(nullptr);
    return result_of(*it->second);
  }
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = cache_.find(*normalized);
  if (it != cache_.end()) return result_of(*it->second);
  auto lookup = loader_.load(*normalized);
  if (lookup.status == TemplateLoader::Lookup::Status::kNotFound) {
    return static_cast<const Template*>(nullptr);
  }
  if (lookup.status == TemplateLoader::Lookup::Status::kInvalid) return lookup.error;
  auto entry = std::make_unique<Entry>();
  Entry& e = *entry;
  cache_[*normalized] = std::move(entry);
  (void)compile_entry(*normalized, e);
  return result_of(e);
}

Result<const Template*> Environment::get_template(std::string_view name) const {
  bool found = false;
  auto t = find_template(name, found);
  if (!t) return t;
  if (!found) {
    std::string searched;
    for (const auto& dir : loader_.search_path()) {
      if (!searched.empty()) searched += ", ";
      searched += dir.string();
    }
    return file_error(name, "template '" + std::string(name) + "' not found (searched: " +
                                (searched.empty() ? "no folders" : searched) + ")");
  }
  return t;
}

std::vector<Error> Environment::load_all() {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const std::string& name : loader_.list()) {
    if (cache_.count(name)) continue;
    auto entry = std::make_unique<Entry>();
    Entry& e = *entry;
    cache_[name] = std::move(entry);
    (void)compile_entry(name, e);
  }
  std::vector<Error> errors;
  std::vector<std::string> names;
  for (const auto& [name, entry] : cache_) {
    if (!entry->tmpl) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) errors.push_back(cache_[name]->error);
  frozen_.store(true, std::memory_order_release);
  return errors;
}

Result<std::unique_ptr<Template>> Environment::from_string(std::string_view source,
                                                           std::string name) const {
  LexerOptions lexer{options_.trim_blocks, options_.lstrip_blocks, options_.keep_trailing_newline};
  bool escape = autoescapes(name);
  return Template::compile(std::move(name), {}, source, escape, lexer, registry_);
}

Result<std::string> Environment::render(std::string_view name, const Value& vars,
                                        RenderInfo* info) const {
  auto t = get_template(name);
  if (!t) return t.error();
  return render(**t, vars, info);
}

Result<std::string> Environment::render(const Template& tmpl, const Value& vars,
                                        RenderInfo* info) const {
  Renderer renderer(*this, info);
  return renderer.render(tmpl, vars);
}

}  // namespace gazette::templating
