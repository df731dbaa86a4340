#include "site/build.hpp"

#include <sys/stat.h>

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

#include "base/file.hpp"
#include "config/site_config.hpp"
#include "ingest/ingest.hpp"
#include "markdown/folder_writer.hpp"
#include "markdown/issue_reader.hpp"
#include "markdown/issue_stream.hpp"
#include "model/issue_json.hpp"
#include "output/files.hpp"
#include "site/content.hpp"
#include "site/context.hpp"
#include "site/fingerprint.hpp"
#include "site/pages.hpp"
#include "site/parallel.hpp"
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

// What identifies the version of a file or folder cheaply: sizes and modification times.
std::string stat_signature(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {};
  return fmt::format("{}:{}.{}", st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
}

std::string folder_signature(const fs::path& dir) {
  std::vector<std::string> parts;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    parts.push_back(it->path().filename().string() + "=" + stat_signature(it->path()));
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

}  // namespace

// What a builder remembers between builds.
struct SiteBuilder::State {
  struct CachedIssue {
    std::string signature;  // of the file or folder when it was read
    LoadedIssue issue;
    bool has_source_text = false;  // a .txt to publish as issue.txt
    fs::path source_text;
  };
  std::unordered_map<std::string, CachedIssue> issues;  // by source path relative to the site
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

  // 3. Issues: raw text through ingestion, Markdown folders as they are.
  auto sources = find_content(options_.site_dir, options_.site_dir / "content");
  if (!sources.ok()) {
    errors.push_back(sources.error());
    return result;
  }
  const size_t n_sources = sources->size();
  std::vector<State::CachedIssue> loaded(n_sources);
  std::vector<std::vector<Error>> load_errors(n_sources);
  std::vector<char> reused(n_sources, 0);
  {
    const int workers = worker_count(options_.jobs, n_sources);
    std::vector<std::unique_ptr<ingest::Ingester>> ingesters(static_cast<size_t>(workers));
    std::atomic<size_t> done{0};
    parallel_for(n_sources, workers, [&](size_t i, int worker) {
      const ContentSource& src = (*sources)[i];
      bool folder = src.form == ContentSource::Form::kMarkdownFolder;
      std::string signature = folder ? folder_signature(src.path) : stat_signature(src.path);
      auto cached = state_->issues.find(src.rel);
      if (!options_.clean && cached != state_->issues.end() &&
          cached->second.signature == signature && !signature.empty()) {
        loaded[i] = cached->second;
        reused[i] = 1;
      } else if (folder) {
        auto issue = markdown::read_issue_folder(src.path);
        if (!issue.ok()) {
          load_errors[i].push_back(issue.error());
        } else {
          State::CachedIssue& c = loaded[i];
          c.signature = signature;
          c.issue.issue = std::move(*issue);
          c.issue.source_rel = src.rel;
          c.issue.from_markdown = true;
          c.issue.content_hash = output::content_hash(signature);
          fs::path txt = src.path;
          txt += ".txt";
          std::error_code ec;
          if (fs::is_regular_file(txt, ec)) {
            c.has_source_text = true;
            c.source_text = txt;
          }
        }
      } else {
        auto bytes = read_file(src.path);
        if (!bytes.ok()) {
          load_errors[i].push_back(bytes.error());
        } else {
          auto& ingester = ingesters[static_cast<size_t>(worker)];
          if (!ingester) ingester = std::make_unique<ingest::Ingester>(*ingest_options);
          auto issue = ingester->ingest(*bytes, src.rel);
          if (!issue.ok()) {
            load_errors[i].push_back(issue.error());
          } else {
            State::CachedIssue& c = loaded[i];
            c.signature = signature;
            c.issue.issue = std::move(*issue);
            c.issue.source_rel = src.rel;
            c.issue.content_hash = output::content_hash(*bytes);
            c.has_source_text = true;
            c.source_text = src.path;
          }
        }
      }
      progress("ingest", ++done, n_sources);
    });
  }
  std::vector<LoadedIssue> issues;
  std::map<std::string, fs::path> source_texts;  // by source rel path
  std::unordered_map<std::string, State::CachedIssue> next_cache;
  for (size_t i = 0; i < n_sources; ++i) {
    for (Error& e : load_errors[i]) errors.push_back(std::move(e));
    if (!load_errors[i].empty()) continue;
    result.ingested += !reused[i] && !loaded[i].issue.from_markdown;
    result.warnings += loaded[i].issue.issue.warnings.size();
    if (loaded[i].has_source_text) source_texts[loaded[i].issue.source_rel] = loaded[i].source_text;
    issues.push_back(loaded[i].issue);
    next_cache.emplace(loaded[i].issue.source_rel, std::move(loaded[i]));
  }
  state_->issues = std::move(next_cache);
  result.times.load = seconds_since(start);

  // 4. The site model.
  auto model_start = Clock::now();
  model::Site site = build_site_model(std::move(issues), config, options_.jobs, errors);
  if (!errors.empty()) return result;
  result.issues = site.issues.size();
  result.articles = site.articles.size();
  ContextBuilder contexts(site, config, theme);
  auto static_files = find_static_files(theme.static_dirs);
  if (!static_files.ok()) {
    errors.push_back(static_files.error());
    return result;
  }
  std::vector<Page> pages = plan_pages(site, config);
  const auto sitemap = sitemap_urls(site, config);
  {
    std::set<std::string> page_paths;
    for (const Page& p : pages) page_paths.insert(p.rel);
    for (const StaticFile& f : *static_files) {
      if (page_paths.count(f.rel)) {
        errors.push_back(file_error(
            f.source.string(), fmt::format("this static file would replace the page {}", f.rel)));
      }
    }
    if (!errors.empty()) return result;
  }
  // What every page depends on, and what each page template used last time.
  Hasher global;
  global.add(GAZETTE_VERSION).add(config.base_url).add(config.language);
  if (auto yaml = read_file(options_.site_dir / "site.yaml"); yaml.ok()) global.add(*yaml);
  for (const auto& [key, text] : theme.strings) global.add(key).add(text);
  TemplateDependencies deps =
      options_.clean ? TemplateDependencies() : TemplateDependencies::load(cache_dir());
  const std::set<std::string> templates_unchanged = deps.unchanged(env->loader());
  Fingerprints fingerprints(site, config, global.hash());
  result.times.model = seconds_since(model_start);

  // 5. Rendering, on every core, each worker staging its files in its own batch.
  auto render_start = Clock::now();
  output::Publisher publisher(out_abs, cache_dir(), options_.clean);
  const size_t n_issues = site.issues.size();
  const size_t n_static = static_files->size();
  const size_t total = pages.size() + n_issues + n_static + 2;
  const int workers = worker_count(options_.jobs, total);
  std::vector<output::OutputBatch> batches;
  for (int w = 0; w < workers; ++w) batches.push_back(publisher.batch());
  std::vector<std::vector<Error>> render_errors(static_cast<size_t>(workers));
  std::vector<std::unique_ptr<text::Slugger>> sluggers(static_cast<size_t>(workers));
  std::vector<std::map<std::string, std::set<std::string>>> used(static_cast<size_t>(workers));
  std::atomic<size_t> rendered{0}, done{0};
  parallel_for(total, workers, [&](size_t i, int worker) {
    output::OutputBatch& batch = batches[static_cast<size_t>(worker)];
    std::vector<Error>& errs = render_errors[static_cast<size_t>(worker)];
    auto put = [&](const std::string& rel, std::string_view bytes) {
      if (Status s = batch.put(rel, bytes); !s.ok()) add_unique_error(errs, s.error());
    };
    if (i < pages.size()) {
      const Page& page = pages[i];
      const std::uint64_t fingerprint = fingerprints.of(page);
      if (templates_unchanged.count(page.template_name) &&
          batch.is_current(page.rel, fingerprint)) {
        batch.keep(page.rel);
      } else {
        Value vars = page_context(page, site, config, contexts, sitemap);
        templating::RenderInfo info;
        auto html = env->render(page.template_name, vars, &info);
        if (!html.ok()) {
          add_unique_error(errs, html.error());
        } else {
          if (Status s = batch.put(page.rel, *html, fingerprint); !s.ok())
            add_unique_error(errs, s.error());
          used[static_cast<size_t>(worker)][page.template_name].insert(info.templates.begin(),
                                                                       info.templates.end());
          ++rendered;
        }
      }
    } else if (i < pages.size() + n_issues) {
      // The issue's own files: its parse result, its Markdown, its source text.
      const model::IssueEntry& issue = site.issues[i - pages.size()];
      put(issue.url + "issue.json", model::to_json(issue.issue).dump(2) + "\n");
      auto& slugger = sluggers[static_cast<size_t>(worker)];
      if (!slugger) slugger = std::make_unique<text::Slugger>();
      put(issue.url + "issue.md",
          markdown::issue_stream(issue.issue, markdown::issue_folder_name(issue.source_path),
                                 *slugger));
      if (auto it = source_texts.find(issue.source_path); it != source_texts.end()) {
        auto bytes = read_file(it->second);
        if (bytes.ok()) {
          put(issue.url + "issue.txt", *bytes);
        } else {
          add_unique_error(errs, bytes.error());
        }
      }
    } else if (i < pages.size() + n_issues + n_static) {
      const StaticFile& f = (*static_files)[i - pages.size() - n_issues];
      if (Status s = publish_static_file(f, batch); !s.ok()) add_unique_error(errs, s.error());
    } else if (i == total - 2) {
      put("robots.txt", robots_txt(links));
    } else if (sitemap.size() > kSitemapLimit) {
      size_t parts = (sitemap.size() + kSitemapLimit - 1) / kSitemapLimit;
      put("sitemap.xml",
          sitemap_index(links, parts,
                        site.issues.empty() ? "" : text::iso(site.issues.back().date)));
    }
    progress("render", ++done, total);
  });
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
  for (auto& b : batches) publisher.add(std::move(b));
  auto summary = publisher.commit();
  if (!summary.ok()) {
    errors.push_back(summary.error());
    return result;
  }
  result.published = *summary;
  for (const auto& per_worker : used) {
    for (const auto& [page_template, names] : per_worker) deps.add(page_template, names);
  }
  // The record only saves work next time: without it the next build renders everything.
  (void)deps.save(cache_dir(), env->loader());
  result.pages = summary->written + summary->unchanged;
  result.times.write = seconds_since(write_start);
  return result;
}

}  // namespace gazette::site
