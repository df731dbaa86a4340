#include "site/issue_store.hpp"

#include <fmt/format.h>

#include <set>
#include <system_error>

#include "base/binary.hpp"
#include "base/file.hpp"
#include "model/issue_binary.hpp"
#include "output/files.hpp"

namespace gazette::site {

namespace fs = std::filesystem;

namespace {
constexpr std::string_view kIndexMagic = "gazette-issue-index 1";
constexpr std::string_view kIssueMagic = "gazette-issue 1";
}  // namespace

std::uint64_t ingest_key(const config::SiteConfig& config) {
  YAML::Emitter yaml;
  if (config.ingest) yaml << config.ingest;
  return output::content_hash(
      fmt::format("{}\n{}\n{}", GAZETTE_VERSION, config.paper, yaml.c_str()));
}

IssueStore::IssueStore(fs::path dir) : dir_(std::move(dir)) {}

fs::path IssueStore::file_of(const std::string& rel) const {
  return dir_ / fmt::format("{:016x}", output::content_hash(rel));
}

std::unordered_map<std::string, StoredIssue> IssueStore::load_index(
    std::uint64_t ingest_key, std::uint64_t& facts_key) const {
  std::unordered_map<std::string, StoredIssue> index;
  auto bytes = read_file(dir_ / "index");
  if (!bytes.ok()) return index;
  BinaryReader in(*bytes);
  std::string magic;
  std::uint64_t ikey = 0, fkey = 0, count = 0;
  if (!in.str(magic) || magic != kIndexMagic || !in.u64(ikey) || !in.u64(fkey) ||
      ikey != ingest_key || !in.u64(count)) {
    return index;
  }
  facts_key = fkey;
  index.reserve(static_cast<size_t>(std::min<std::uint64_t>(count, 1 << 24)));
  for (std::uint64_t i = 0; i < count; ++i) {
    StoredIssue s;
    LoadedIssue& li = s.issue;
    std::uint64_t markdown = 0, facts = 0;
    if (!in.str(li.source_rel) || !in.str(s.signature) || !in.u64(li.content_hash) ||
        !in.u64(markdown) || !in.str(li.source_text) || !model::read_issue(in, li.issue) ||
        !in.u64(facts) || facts != li.issue.articles.size()) {
      return {};
    }
    li.from_markdown = markdown != 0;
    li.facts.resize(static_cast<size_t>(facts));
    for (auto& f : li.facts) {
      if (!read_facts(in, f)) return {};
    }
    index.emplace(li.source_rel, std::move(s));
  }
  if (!in.ok() || !in.at_end()) return {};
  return index;
}

Status IssueStore::save_index(std::uint64_t ingest_key, std::uint64_t facts_key,
                              const std::unordered_map<std::string, StoredIssue>& index) const {
  // Sorted by path, so the file does not depend on hash-table order.
  std::vector<const StoredIssue*> entries;
  entries.reserve(index.size());
  for (const auto& [rel, s] : index) entries.push_back(&s);
  std::sort(entries.begin(), entries.end(), [](const StoredIssue* a, const StoredIssue* b) {
    return a->issue.source_rel < b->issue.source_rel;
  });
  BinaryWriter out;
  out.str(kIndexMagic);
  out.u64(ingest_key);
  out.u64(facts_key);
  out.u64(entries.size());
  std::set<std::string> keep;
  for (const StoredIssue* s : entries) {
    const LoadedIssue& li = s->issue;
    out.str(li.source_rel);
    out.str(s->signature);
    out.u64(li.content_hash);
    out.u64(li.from_markdown ? 1 : 0);
    out.str(li.source_text);
    model::write_issue(out, li.issue);
    out.u64(li.facts.size());
    for (const auto& f : li.facts) write_facts(out, f);
    keep.insert(file_of(li.source_rel).filename().string());
  }
  if (Status s = output::write_file_atomic(dir_ / "index", out.bytes()); !s.ok()) return s;
  std::error_code ec;
  for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name != "index" && !keep.count(name)) fs::remove(it->path(), ec);
  }
  return {};
}

Status IssueStore::save_issue(const std::string& rel, std::uint64_t content_hash,
                              const model::Issue& issue) const {
  BinaryWriter out;
  out.str(kIssueMagic);
  out.str(rel);
  out.u64(content_hash);
  model::write_issue(out, issue);
  return output::write_file_atomic(file_of(rel), out.bytes());
}

std::optional<model::Issue> IssueStore::load_issue(const std::string& rel,
                                                   std::uint64_t content_hash) const {
  auto bytes = read_file(file_of(rel));
  if (!bytes.ok()) return std::nullopt;
  BinaryReader in(*bytes);
  std::string magic, stored_rel;
  std::uint64_t hash = 0;
  model::Issue issue;
  if (!in.str(magic) || magic != kIssueMagic || !in.str(stored_rel) || stored_rel != rel ||
      !in.u64(hash) || hash != content_hash || !model::read_issue(in, issue) || !in.at_end()) {
    return std::nullopt;
  }
  return issue;
}

}  // namespace gazette::site
