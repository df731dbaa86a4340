#include "site/build.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>

#include "base/file.hpp"
#include "config/site_config.hpp"
#include "ingest/ingest.hpp"
#include "markdown/folder_writer.hpp"
#include "markdown/issue_reader.hpp"
#include "markdown/issue_stream.hpp"
#include "model/issue_json.hpp"
#include "output/files.hpp"
#include "output/manifest.hpp"
#include "output/publisher.hpp"
#include "site/build_stamp.hpp"
#include "site/content.hpp"
#include "site/context.hpp"
#include "site/fingerprint.hpp"
#include "site/han_readings_cache.hpp"
#include "site/issue_store.hpp"
#include "site/pages.hpp"
#include "site/parallel.hpp"
#include "site/search_index.hpp"
#include "site/site_model.hpp"
#include "site/static_files.hpp"
#include "site/template_setup.hpp"
#include "site/theme.hpp"
#include "templating/environment.hpp"
#include "text/slug.hpp"

namespace gazette::site {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Whole issues read in this build stay in memory for rendering up to this many bytes of
// source text; beyond it they are read back from the issue store when their pages render.
constexpr std::uint64_t kKeepInMemory = 16u << 20;

// What identifies the version of a folder cheaply: its files' sizes and modification times.
std::string folder_signature(const fs::path& dir) {
  std::vector<std::string> parts;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    parts.push_back(it->path().filename().string() + "=" + file_version(it->path()));
  }
  std::sort(parts.begin(), parts.end());
  std::string sig;
  for (const auto& p : parts) (sig += p) += ';';
  return sig;
}

bool is_within(const fs::path& inner, const fs::path& outer) {
  auto [a, b] = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
  return a == outer.end();
}

// Errors of many pages often repeat (one template bug, ten thousand pages): keep each once.
void add_unique_error(std::vector<Error>& errors, Error e) {
  for (const auto& x : errors) {
    if (x.path == e.path && x.line == e.line && x.column == e.column && x.message == e.message)
      return;
  }
  errors.push_back(std::move(e));
}

// The paths of an issue's own files.
std::string issue_file(const model::IssueEntry& issue, const char* name) {
  return issue.url + name;
}

}  // namespace

// What a builder remembers between builds (`gazette serve` keeps one builder alive).
struct SiteBuilder::State {
  std::unordered_map<std::string, StoredIssue> index;  // by source path
  std::uint64_t ingest_key = 0;
  std::uint64_t facts_key = 0;
  bool loaded = false;  // `index` holds what the cache folder had (or what the last build read)
};

SiteBuilder::SiteBuilder(BuildOptions options)
    : options_(std::move(options)), state_(std::make_unique<State>()) {}
SiteBuilder::~SiteBuilder() = default;

fs::path SiteBuilder::out_dir() const {
  return options_.out_dir.empty() ? options_.site_dir / "public" : options_.out_dir;
}

fs::path SiteBuilder::cache_dir() const {
  if (!options_.cache_dir.empty()) return options_.cache_dir;
  fs::path out = fs::absolute(out_dir()).lexically_normal();
  if (out.filename().empty()) out = out.parent_path();
  return out.parent_path() / ".gazette-cache" / out.filename();
}

BuildResult SiteBuilder::build() {
  BuildResult result;
  auto& errors = result.errors;
  auto start = Clock::now();
  // Han characters are romanised (for slugs) with the table the last build kept, and ICU is
  // asked only for characters it lacks. Without one, ICU compiles its transliteration rules
  // (~0.1 s) on the side while settings, templates and the cache load, so that a rebuild's
  // first slug does not wait for it; every Slugger is made once that is done (~3 ms then):
  // threads that compiled the rules at the same time would each pay for it, and more.
  const std::unique_ptr<text::HanReadings> kept_readings =
      options_.clean ? nullptr : load_han_readings(cache_dir());
  std::shared_future<std::unique_ptr<text::HanReadings>> warm_up;
  if (!kept_readings) warm_up = std::async(std::launch::async, text::HanReadings::from_icu).share();
  auto readings = [&]() -> const text::HanReadings& {
    return kept_readings ? *kept_readings : *warm_up.get();
  };
  auto readings_ready = [&] {
    return kept_readings || warm_up.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
  };
  auto progress = [&](std::string_view stage, size_t done, size_t total) {
    if (options_.progress) options_.progress(stage, done, total);
  };

  // 1. Settings.
  auto config_result = config::load_site_config(options_.site_dir);
  if (!config_result.ok()) {
    errors.push_back(config_result.error());
    return result;
  }
  config::SiteConfig config = std::move(*config_result);
  if (!options_.base_url.empty()) {
    auto checked = config::parse_site_config(fmt::format("base_url: \"{}\"\n", options_.base_url),
                                             "--base-url", config.root);
    if (!checked.ok()) {
      errors.push_back(file_error(
          "--base-url", "must be an absolute http(s) URL such as https://example.org/archive/"));
      return result;
    }
    config.base_url = checked->base_url;
  }
  auto ingest_options = ingest::options_from_yaml(config.ingest, config.file);
  if (!ingest_options.ok()) {
    errors.push_back(ingest_options.error());
    return result;
  }

  // The output folder must be a folder of its own: never the site, its content or a parent.
  const fs::path site_abs = fs::absolute(options_.site_dir).lexically_normal();
  const fs::path out_abs = fs::absolute(out_dir()).lexically_normal();
  if (is_within(site_abs, out_abs) || is_within(out_abs, site_abs / "content") ||
      is_within(out_abs, site_abs / "templates") || is_within(out_abs, site_abs / "themes") ||
      is_within(out_abs, site_abs / "static")) {
    errors.push_back(
        file_error(out_dir().string(),
                   "the output folder must not contain the site or be inside its content, "
                   "templates, themes or static folders"));
    return result;
  }

  // 2. Theme and templates.
  auto theme_result = load_theme(config, options_.builtin_themes);
  if (!theme_result.ok()) {
    errors.push_back(theme_result.error());
    return result;
  }
  const Theme theme = std::move(*theme_result);
  Links links(config.base_url);
  auto env = make_environment(theme, config, links);
  for (Error& e : check_templates(*env)) errors.push_back(std::move(e));
  if (!errors.empty()) return result;

  // 3. Issues: raw text through ingestion, Markdown folders as they are; unchanged ones from
  // the issue store, which keeps what every previous build read.
  auto sources = find_content(options_.site_dir, options_.site_dir / "content");
  if (!sources.ok()) {
    errors.push_back(sources.error());
    return result;
  }
  const size_t n_sources = sources->size();
  auto static_files = find_static_files(theme.static_dirs);
  if (!static_files.ok()) {
    errors.push_back(static_files.error());
    return result;
  }
  // Which version of each source there is (sizes and times, not contents): what tells a
  // source read by a previous build from a new one.
  std::vector<std::string> signatures(n_sources);
  parallel_for(n_sources, worker_count(options_.jobs, n_sources), [&](size_t i, int) {
    const ContentSource& src = (*sources)[i];
    signatures[i] = src.form == ContentSource::Form::kMarkdownFolder ? folder_signature(src.path)
                                                                     : file_version(src.path);
  });
  const std::uint64_t ikey = ingest_key(config), fkey = facts_key(config);
  // What every page depends on, and what each page template used last time.
  Hasher global;
  global.add(program_identity()).add(ikey).add(config.base_url).add(config.language);
  if (auto yaml = read_file(options_.site_dir / "site.yaml"); yaml.ok()) global.add(*yaml);
  for (const auto& [key, text] : theme.strings) global.add(key).add(text);
  TemplateDependencies deps =
      options_.clean ? TemplateDependencies() : TemplateDependencies::load(cache_dir());
  const std::set<std::string> templates_unchanged = deps.unchanged(env->loader());
  // Every input as the last published build had it: its output stands as it is, and nothing
  // needs to be read.
  Hasher inputs;
  {
    Hasher sources_version;
    for (size_t i = 0; i < n_sources; ++i)
      sources_version.add((*sources)[i].rel).add(signatures[i]);
    inputs.add(global.hash()).add(fkey).add(out_abs.string()).add(sources_version.hash());
  }
  for (const StaticFile& f : *static_files) inputs.add(f.rel).add(f.fingerprint);
  const std::uint64_t inputs_hash = inputs.hash();
  if (!options_.clean && deps.size() > 0 && templates_unchanged.size() == deps.size()) {
    std::error_code ec;
    auto stamp = load_build_stamp(cache_dir());
    if (stamp && stamp->inputs == inputs_hash && fs::is_directory(out_abs, ec)) {
      result.issues = stamp->issues;
      result.articles = stamp->articles;
      result.pages = result.published.unchanged = stamp->files;
      result.times.load = seconds_since(start);
      if (options_.published) options_.published(result);
      return result;
    }
  }
  // Whether the previous build's files are still in the output folder is looked at on the
  // side, while the issues are read and the model is made.
  output::OutputCheck previous_output(out_abs, cache_dir(), options_.clean);
  std::jthread output_check([&](std::stop_token stop) { previous_output.run(std::move(stop)); });

  IssueStore store(cache_dir() / "issues");
  if (options_.clean || !state_->loaded || state_->ingest_key != ikey) {
    state_->index.clear();
    if (!options_.clean) state_->index = store.load_index(ikey, state_->facts_key, options_.jobs);
    state_->ingest_key = ikey;
    state_->loaded = true;
  }
  // Facts found with another vocabulary or keyword settings are found again.
  const bool facts_stale = state_->facts_key != fkey;
  state_->facts_key = fkey;
  VocabularyMatcher vocabulary(config.vocabulary);

  std::vector<StoredIssue> loaded(n_sources);
  std::vector<std::optional<model::Issue>> fresh(n_sources);  // whole issues read this build
  std::vector<std::vector<Error>> load_errors(n_sources);
  std::vector<char> reused(n_sources, 0);  // taken from the index, not read again
  std::atomic<std::uint64_t> kept_bytes{0};
  std::atomic<size_t> ingested{0}, done{0};
  {
    const int workers = worker_count(options_.jobs, n_sources);
    std::vector<std::unique_ptr<ingest::Ingester>> ingesters(static_cast<size_t>(workers));
    std::vector<std::unique_ptr<FactFinder>> finders(static_cast<size_t>(workers));
    std::vector<std::uint64_t> sizes(n_sources, 0);  // of the raw text read, by source
    std::vector<char> facts_later(n_sources, 0);     // read before the rules were compiled
    // A finder (with its transliterators) only for a worker that reads a source again.
    auto finder_of = [&](int worker) -> FactFinder& {
      auto& f = finders[static_cast<size_t>(worker)];
      if (!f) {
        f = std::make_unique<FactFinder>(config, vocabulary, &readings());
      }
      return *f;
    };
    // What an issue read again needs once read: its facts, a place in the issue store.
    auto finish = [&](size_t i, int worker) {
      LoadedIssue& li = loaded[i].issue;
      if (Status s = find_facts(li, finder_of(worker)); !s.ok()) {
        load_errors[i].push_back(s.error());
        progress("ingest", ++done, n_sources);
        return;
      }
      (void)store.save_issue(li.source_rel, li.content_hash, li.issue);  // a cache: may fail
      if (kept_bytes.fetch_add(sizes[i]) + sizes[i] <= kKeepInMemory) fresh[i] = li.issue;
      strip_bodies(li.issue);
      progress("ingest", ++done, n_sources);
    };
    auto read = [&](size_t i, int worker) {
      const ContentSource& src = (*sources)[i];
      const bool folder = src.form == ContentSource::Form::kMarkdownFolder;
      const std::string& signature = signatures[i];
      auto cached = state_->index.find(src.rel);
      if (cached != state_->index.end() && cached->second.signature == signature &&
          !signature.empty()) {
        loaded[i] = std::move(cached->second);  // other threads touch other entries only
        reused[i] = 1;
        if (facts_stale) {
          // New vocabulary or keyword settings: find the facts again from the stored issue.
          auto whole = store.load_issue(src.rel, loaded[i].issue.content_hash);
          if (whole) {
            LoadedIssue li = loaded[i].issue;
            li.issue = std::move(*whole);
            if (Status s = find_facts(li, finder_of(worker)); !s.ok())
              load_errors[i].push_back(s.error());
            loaded[i].issue.facts = std::move(li.facts);
            progress("ingest", ++done, n_sources);
            return;
          }
        } else {
          progress("ingest", ++done, n_sources);
          return;
        }
      }
      // Read the source.
      StoredIssue& s = loaded[i];
      s = StoredIssue{};
      s.signature = signature;
      LoadedIssue& li = s.issue;
      li.source_rel = src.rel;
      std::uint64_t size = 0;
      if (folder) {
        auto issue = markdown::read_issue_folder(src.path);
        if (!issue.ok()) {
          load_errors[i].push_back(issue.error());
          progress("ingest", ++done, n_sources);
          return;
        }
        li.issue = std::move(*issue);
        li.from_markdown = true;
        li.content_hash = output::content_hash(signature);
        fs::path txt = src.path;
        txt += ".txt";
        std::error_code ec;
        if (fs::is_regular_file(txt, ec)) li.source_text = txt.string();
      } else {
        auto bytes = read_file(src.path);
        if (!bytes.ok()) {
          load_errors[i].push_back(bytes.error());
          progress("ingest", ++done, n_sources);
          return;
        }
        auto& ingester = ingesters[static_cast<size_t>(worker)];
        if (!ingester) ingester = std::make_unique<ingest::Ingester>(*ingest_options);
        auto issue = ingester->ingest(*bytes, src.rel);
        if (!issue.ok()) {
          load_errors[i].push_back(issue.error());
          progress("ingest", ++done, n_sources);
          return;
        }
        li.issue = std::move(*issue);
        li.content_hash = output::content_hash(*bytes);
        li.source_text = src.path.string();
        size = bytes->size();
        ++ingested;
      }
      sizes[i] = size;
      if (!finders[static_cast<size_t>(worker)] && !readings_ready()) {
        // The rules are still being compiled: the facts later, more sources now.
        facts_later[i] = 1;
        return;
      }
      finish(i, worker);
    };
    parallel_for(n_sources, workers, read);
    std::vector<size_t> later;
    for (size_t i = 0; i < n_sources; ++i) {
      if (facts_later[i]) later.push_back(i);
    }
    parallel_for(later.size(), worker_count(options_.jobs, later.size()),
                 [&](size_t k, int worker) { finish(later[k], worker); });
  }
  std::unordered_map<std::string, StoredIssue> next_index;
  std::unordered_map<std::string, model::Issue> fresh_by_source;
  std::vector<std::string> order;  // source paths, in content order
  bool index_changed = state_->index.size() != n_sources || facts_stale;
  for (size_t i = 0; i < n_sources; ++i) {
    for (Error& e : load_errors[i]) errors.push_back(std::move(e));
    if (!load_errors[i].empty()) continue;
    result.warnings += loaded[i].issue.issue.warnings.size();
    index_changed = index_changed || !reused[i];
    if (fresh[i]) fresh_by_source.emplace(loaded[i].issue.source_rel, std::move(*fresh[i]));
    order.push_back(loaded[i].issue.source_rel);
    next_index.emplace(loaded[i].issue.source_rel, std::move(loaded[i]));
  }
  loaded.clear();
  // The index only caches what reading the sources gave: it is saved whatever becomes of the
  // rest of the build.
  if (errors.empty() && (index_changed || !fs::exists(cache_dir() / "issues" / "index"))) {
    (void)store.save_index(ikey, fkey, next_index);
  }
  // The model takes the issues; a builder kept for more builds keeps a copy of them.
  std::vector<LoadedIssue> issues;
  issues.reserve(order.size());
  for (const auto& rel : order) {
    StoredIssue& s = next_index.at(rel);
    issues.push_back(options_.keep_state ? s.issue : std::move(s.issue));
  }
  if (options_.keep_state) {
    state_->index = std::move(next_index);
  } else {
    state_->index.clear();
    state_->loaded = false;
  }
  result.ingested = ingested;
  if (!errors.empty()) return result;
  result.times.load = seconds_since(start);

  // 4. The site model.
  auto model_start = Clock::now();
  model::Site site =
      build_site_model(std::move(issues), config, errors, options_.jobs, &readings());
  if (!errors.empty()) return result;
  result.issues = site.issues.size();
  result.articles = site.articles.size();
  ContextBuilder contexts(site, config, theme);
  std::vector<Page> pages = plan_pages(site, config);
  // The sitemap's URLs, listed only when a sitemap is rendered.
  std::once_flag sitemap_once;
  std::vector<std::pair<std::string, std::string>> sitemap;
  const std::vector<std::pair<std::string, std::string>> no_urls;
  auto sitemap_of =
      [&](const Page& page) -> const std::vector<std::pair<std::string, std::string>>& {
    if (page.kind != PageKind::kSitemap) return no_urls;
    std::call_once(sitemap_once, [&] { sitemap = sitemap_urls(site, config); });
    return sitemap;
  };
  const size_t sitemap_size = sitemap_url_count(site, config);
  {
    // A theme has a few static files, an archive many pages: look the pages up in those.
    std::unordered_map<std::string_view, const StaticFile*> static_paths;
    for (const StaticFile& f : *static_files) static_paths.emplace(f.rel, &f);
    for (const Page& p : pages) {
      if (auto it = static_paths.find(p.rel); it != static_paths.end()) {
        errors.push_back(
            file_error(it->second->source.string(),
                       fmt::format("this static file would replace the page {}", p.rel)));
      }
    }
    if (!errors.empty()) return result;
  }
  Fingerprints fingerprints(site, config, global.hash(), options_.jobs);
  // The pages of each issue are rendered together, with the whole issue loaded once.
  std::vector<std::vector<size_t>> pages_of_issue(site.issues.size());
  std::vector<size_t> other_pages;
  for (size_t p = 0; p < pages.size(); ++p) {
    const Page& page = pages[p];
    if (page.kind == PageKind::kArticle) {
      pages_of_issue[static_cast<size_t>(site.articles[static_cast<size_t>(page.index)].issue)]
          .push_back(p);
    } else if (page.kind == PageKind::kIssue) {
      pages_of_issue[static_cast<size_t>(page.index)].push_back(p);
    } else {
      other_pages.push_back(p);
    }
  }
  result.times.model = seconds_since(model_start);

  // 5. Rendering, on every core, each worker staging its files in its own batch.
  auto render_start = Clock::now();
  forget_build_stamp(cache_dir());
  output::Publisher publisher(out_abs, cache_dir(), [&] {
    previous_output.help();  // what the check has not looked at yet, on this thread too
    output_check.join();
    return previous_output.take();
  });
  const size_t n_issues = site.issues.size();
  const size_t n_static = static_files->size();
  // The search index's segments (years, newest first) and their articles (a range: articles
  // are in date order).
  std::vector<SearchSegment> segments;
  std::vector<std::pair<size_t, size_t>> segment_articles;
  if (config.search) {
    for (size_t a = 0; a < site.articles.size();) {
      const int year = site.issues[static_cast<size_t>(site.articles[a].issue)].date.year;
      size_t b = a;
      while (b < site.articles.size() &&
             site.issues[static_cast<size_t>(site.articles[b].issue)].date.year == year)
        ++b;
      segments.push_back({std::to_string(year), b - a});
      segment_articles.emplace_back(a, b);
      a = b;
    }
    std::reverse(segments.begin(), segments.end());
    std::reverse(segment_articles.begin(), segment_articles.end());
  }
  const size_t total = n_issues + other_pages.size() + n_static + segments.size() + 3;
  const int workers = worker_count(options_.jobs, total);
  std::vector<output::OutputBatch> batches;
  for (int w = 0; w < workers; ++w) batches.push_back(publisher.batch());
  std::vector<std::vector<Error>> render_errors(static_cast<size_t>(workers));
  std::vector<std::unique_ptr<text::Slugger>> sluggers(static_cast<size_t>(workers));
  std::vector<std::map<std::string, std::set<std::string>>> used(static_cast<size_t>(workers));
  std::atomic<size_t> rendered{0};
  done = 0;

  // The whole issue `i`: read in this build, or from the store, or ingested again.
  auto whole_issue = [&](size_t i, int worker) -> std::optional<model::Issue> {
    const model::IssueEntry& entry = site.issues[i];
    if (auto it = fresh_by_source.find(entry.source_path); it != fresh_by_source.end())
      return it->second;
    if (auto stored = store.load_issue(entry.source_path, entry.content_hash)) return stored;
    fs::path source = options_.site_dir / entry.source_path;
    if (entry.from_markdown) {
      auto issue = markdown::read_issue_folder(source);
      if (issue.ok()) return std::move(*issue);
      add_unique_error(render_errors[static_cast<size_t>(worker)], issue.error());
      return std::nullopt;
    }
    auto bytes = read_file(source);
    if (!bytes.ok()) {
      add_unique_error(render_errors[static_cast<size_t>(worker)], bytes.error());
      return std::nullopt;
    }
    auto issue = ingest::Ingester(*ingest_options).ingest(*bytes, entry.source_path);
    if (issue.ok()) return std::move(*issue);
    add_unique_error(render_errors[static_cast<size_t>(worker)], issue.error());
    return std::nullopt;
  };

  // Work items: the issues, the other pages, the static files, the search index's segments and
  // three small files. The longest tasks are handed out first and one at a time, so that none
  // ends the run alone: the segments, then the sitemap parts (tens of thousands of URLs each)
  // and the site's feed (whole issues read back); the rest in order, in chunks.
  const size_t before_segments = n_issues + other_pages.size() + n_static;
  std::vector<size_t> item_order;
  item_order.reserve(total);
  for (size_t k = 0; k < segments.size(); ++k) item_order.push_back(before_segments + k);
  auto is_long = [&](size_t item) {
    if (item < n_issues || item >= n_issues + other_pages.size()) return false;
    const PageKind kind = pages[other_pages[item - n_issues]].kind;
    return kind == PageKind::kSitemap || kind == PageKind::kFeed;
  };
  for (size_t item = n_issues; item < n_issues + other_pages.size(); ++item) {
    if (is_long(item)) item_order.push_back(item);
  }
  const size_t long_items = item_order.size();
  for (size_t item = 0; item < total; ++item) {
    if (!is_long(item) && (item < before_segments || item >= before_segments + segments.size()))
      item_order.push_back(item);
  }
  parallel_for(
      total, workers,
      [&](size_t slot, int worker) {
        const size_t item = item_order[slot];
        output::OutputBatch& batch = batches[static_cast<size_t>(worker)];
        std::vector<Error>& errs = render_errors[static_cast<size_t>(worker)];
        auto put = [&](const std::string& rel, std::string_view bytes,
                       std::uint64_t fingerprint = 0) {
          if (Status s = batch.put(rel, bytes, fingerprint); !s.ok())
            add_unique_error(errs, s.error());
        };
        // Renders one page unless it is current; `full` gives articles with their bodies.
        auto render_page = [&](const Page& page, const FullArticle& full) {
          Value vars = page_context(page, site, config, contexts, sitemap_of(page), full);
          templating::RenderInfo info;
          auto html = env->render(page.template_name, vars, &info);
          if (!html.ok()) {
            add_unique_error(errs, html.error());
            return;
          }
          put(page.rel, *html, fingerprints.of(page));
          used[static_cast<size_t>(worker)][page.template_name].insert(info.templates.begin(),
                                                                       info.templates.end());
          ++rendered;
        };
        // Keeps the previous build's file of `page` when it is current; whether it did.
        auto kept = [&](const Page& page) {
          return templates_unchanged.count(page.template_name) &&
                 batch.keep_if_current(page.rel, fingerprints.of(page));
        };

        if (item < n_issues) {
          // An issue: its page, its articles' pages and its own files.
          const model::IssueEntry& entry = site.issues[item];
          const std::uint64_t files_fingerprint = Hasher()
                                                      .add(ikey)
                                                      .add(entry.content_hash)
                                                      .add(entry.source_path)
                                                      .add(entry.url)
                                                      .hash();
          std::vector<const Page*> stale;
          for (size_t p : pages_of_issue[item]) {
            if (!kept(pages[p])) stale.push_back(&pages[p]);
          }
          std::vector<std::string> files = {issue_file(entry, "issue.json"),
                                            issue_file(entry, "issue.md")};
          if (!entry.source_text.empty()) files.push_back(issue_file(entry, "issue.txt"));
          const bool files_current = batch.keep_all_if_current(files, files_fingerprint);
          bool needs_whole =
              !files_current || std::any_of(stale.begin(), stale.end(), [](const Page* p) {
                return p->kind == PageKind::kArticle;
              });
          std::optional<model::Issue> whole;
          if (needs_whole) {
            whole = whole_issue(item, worker);
            if (!whole) return;
          }
          FullArticle full = [&](int article) -> const model::Article& {
            return whole
                ->articles[static_cast<size_t>(site.articles[static_cast<size_t>(article)].index)];
          };
          for (const Page* page : stale) render_page(*page, full);
          if (!files_current) {
            // The issue's own files: its parse result, its Markdown, its source text.
            put(files[0], model::json_text(model::to_json(*whole)) + "\n", files_fingerprint);
            auto& slugger = sluggers[static_cast<size_t>(worker)];
            if (!slugger) {
              slugger = std::make_unique<text::Slugger>(&readings());
            }
            put(files[1],
                markdown::issue_stream(*whole, markdown::issue_folder_name(entry.source_path),
                                       *slugger),
                files_fingerprint);
            if (files.size() > 2) {
              auto bytes = read_file(entry.source_text);
              if (bytes.ok()) {
                put(files[2], *bytes, files_fingerprint);
              } else {
                add_unique_error(errs, bytes.error());
              }
            }
          }
        } else if (item < n_issues + other_pages.size()) {
          const Page& page = pages[other_pages[item - n_issues]];
          if (!kept(page)) {
            // Only the site's feed needs whole articles: load their issues once each.
            std::map<int, model::Issue> loaded_issues;
            FullArticle full = [&](int article) -> const model::Article& {
              const model::ArticleEntry& a = site.articles[static_cast<size_t>(article)];
              auto it = loaded_issues.find(a.issue);
              if (it == loaded_issues.end()) {
                auto whole = whole_issue(static_cast<size_t>(a.issue), worker);
                it = loaded_issues
                         .emplace(a.issue, whole ? std::move(*whole)
                                                 : site.issues[static_cast<size_t>(a.issue)].issue)
                         .first;
              }
              return it->second.articles[static_cast<size_t>(a.index)];
            };
            render_page(page, full);
          }
        } else if (item < n_issues + other_pages.size() + n_static) {
          const StaticFile& f = (*static_files)[item - n_issues - other_pages.size()];
          if (Status s = publish_static_file(f, batch); !s.ok()) add_unique_error(errs, s.error());
        } else if (item < n_issues + other_pages.size() + n_static + segments.size()) {
          // A year of the search index: rebuilt when an article of that year changed.
          const size_t k = item - n_issues - other_pages.size() - n_static;
          const SearchSegment& segment = segments[k];
          const auto [first, last] = segment_articles[k];
          const std::uint64_t fingerprint = fingerprints.of_year(std::stoi(segment.key));
          std::vector<std::string> names =
              SearchIndexBuilder::file_names(segment.key, segment.documents);
          if (!batch.keep_all_if_current(names, fingerprint)) {
            SearchIndexBuilder index(segment.key);
            // Articles of issues read from the cache come without the start of their body:
            // taken from their whole issues (one at a time: articles are in issue order).
            std::optional<model::Issue> whole;
            int whole_of = -1;
            std::string body_start;
            for (size_t a = first; a < last; ++a) {
              const model::ArticleEntry& entry = site.articles[a];
              const model::Article& art = site.article(static_cast<int>(a));
              std::string_view body;
              if (entry.search_text) {
                body = *entry.search_text;
              } else if (config.search_body_chars > 0) {
                if (whole_of != entry.issue) {
                  whole = whole_issue(static_cast<size_t>(entry.issue), worker);
                  whole_of = entry.issue;
                }
                if (!whole) return;
                body_start = search_text_of(whole->articles[static_cast<size_t>(entry.index)],
                                            config.search_body_chars);
                body = body_start;
              }
              std::string text = art.title;
              for (const auto* part : {&art.kicker, &art.subtitle, &art.byline}) {
                if (*part) (text += '\n') += **part;
              }
              for (int t : entry.tags)
                (text += '\n') += site.tags.terms[static_cast<size_t>(t)].name;
              (text += '\n') += entry.summary;
              (text += '\n') += body;
              index.add({art.title, links.url(entry.url), contexts.date_long(entry.issue),
                         entry.summary, text});
            }
            for (const auto& [rel, bytes] : index.files()) put(rel, bytes, fingerprint);
          }
        } else if (item == total - 3) {
          if (config.search) put("search/index.json", search_manifest(segments));
        } else if (item == total - 2) {
          put("robots.txt", robots_txt(links));
        } else if (sitemap_size > kSitemapLimit) {
          size_t parts = (sitemap_size + kSitemapLimit - 1) / kSitemapLimit;
          put("sitemap.xml",
              sitemap_index(links, parts,
                            site.issues.empty() ? "" : text::iso(site.issues.back().date)));
        }
        progress("render", ++done, total);
      },
      long_items);
  for (auto& errs : render_errors) {
    for (Error& e : errs) add_unique_error(errors, std::move(e));
  }
  result.rendered = rendered;
  result.times.render = seconds_since(render_start);
  if (!errors.empty()) {
    publisher.abort();
    return result;
  }

  // 6. Publishing: staged files move into place, vanished ones go.
  auto write_start = Clock::now();
  parallel_for(batches.size(), workers, [&](size_t b, int) { batches[b].finish(); });
  for (auto& b : batches) publisher.add(std::move(b));
  auto summary = publisher.commit();
  if (!summary.ok()) {
    errors.push_back(summary.error());
    return result;
  }
  result.published = *summary;
  result.pages = summary->written + summary->unchanged;
  for (const auto& per_worker : used) {
    for (const auto& [page_template, names] : per_worker) deps.add(page_template, names);
  }
  // The records only save work next time: without them the next build does more, not wrong.
  (void)deps.save(cache_dir(), env->loader());
  if (!kept_readings || readings().grew()) (void)save_han_readings(cache_dir(), readings());
  (void)save_build_stamp(cache_dir(), {inputs_hash, result.issues, result.articles, result.pages});

  result.times.write = seconds_since(write_start);
  if (options_.published) options_.published(result);
  return result;
}

}  // namespace gazette::site
