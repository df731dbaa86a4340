#include "site/issue_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <set>
#include <system_error>

#include "base/binary.hpp"
#include "base/file.hpp"
#include "model/issue_binary.hpp"
#include "output/files.hpp"
#include "site/build_stamp.hpp"
#include "site/parallel.hpp"

namespace gazette::site {

namespace fs = std::filesystem;

namespace {
constexpr std::string_view kIndexMagic = "gazette-issue-index 4";
constexpr std::string_view kIssueMagic = "gazette-issue 1";
}  // namespace

std::uint64_t ingest_key(const config::SiteConfig& config) {
  YAML::Emitter yaml;
  if (config.ingest) yaml << config.ingest;
  return output::content_hash(
      fmt::format("{}\n{}\n{}", program_identity(), config.paper, yaml.c_str()));
}

IssueStore::IssueStore(fs::path dir) : dir_(std::move(dir)) {}

fs::path IssueStore::file_of(const std::string& rel) const {
  return dir_ / fmt::format("{:016x}", output::content_hash(rel));
}

namespace {

// The index is split by source path into shards, so that a build that read a few sources
// again rewrites a few shards, not the summary of the whole archive.
constexpr std::uint64_t kShards = 64;

std::uint64_t shard_of(const std::string& rel) {
  return output::content_hash(rel) % kShards;
}

std::string shard_name(std::uint64_t shard) {
  return fmt::format("index-{:02}", shard);
}

// The head of the index: its keys and a hash of each shard's entries.
struct IndexHead {
  std::uint64_t ingest_key = 0, facts_key = 0;
  std::vector<std::uint64_t> shards;
};

std::optional<IndexHead> read_head(const fs::path& file) {
  auto bytes = read_file(file);
  if (!bytes.ok()) return std::nullopt;
  BinaryReader in(*bytes);
  std::string magic;
  IndexHead head;
  std::uint64_t n = 0;
  if (!in.str(magic) || magic != kIndexMagic || !in.u64(head.ingest_key) ||
      !in.u64(head.facts_key) || !in.u64(n) || n != kShards) {
    return std::nullopt;
  }
  head.shards.resize(kShards);
  for (auto& h : head.shards) {
    if (!in.u64(h)) return std::nullopt;
  }
  if (!in.ok() || !in.at_end()) return std::nullopt;
  return head;
}

}  // namespace

namespace {

// The entries of one index shard, or false when it is missing or damaged; `buffer` holds its
// bytes meanwhile (and is kept for the next shard).
bool read_shard(const fs::path& file, std::vector<StoredIssue>& out, std::string& buffer) {
  auto bytes = read_file_into(file, buffer);
  if (!bytes.ok()) return false;
  BinaryReader in(*bytes);
  std::uint64_t count = 0;
  if (!in.u64(count)) return false;
  out.reserve(static_cast<size_t>(std::min<std::uint64_t>(count, 1 << 24)));
  for (std::uint64_t i = 0; i < count; ++i) {
    StoredIssue& s = out.emplace_back();
    LoadedIssue& li = s.issue;
    std::uint64_t markdown = 0, facts = 0;
    if (!in.str(li.source_rel) || !in.str(s.signature) || !in.u64(li.content_hash) ||
        !in.u64(markdown) || !in.str(li.source_text) || !model::read_issue(in, li.issue) ||
        !in.u64(facts) || facts != li.issue.articles.size()) {
      return false;
    }
    li.from_markdown = markdown != 0;
    li.facts.resize(static_cast<size_t>(facts));
    for (auto& f : li.facts) {
      if (!read_facts(in, f)) return false;
    }
  }
  return in.ok() && in.at_end();
}

}  // namespace

std::unordered_map<std::string, StoredIssue> IssueStore::load_index(std::uint64_t ingest_key,
                                                                    std::uint64_t& facts_key,
                                                                    int workers) const {
  std::unordered_map<std::string, StoredIssue> index;
  auto head = read_head(dir_ / "index");
  if (!head || head->ingest_key != ingest_key) return index;
  // The shards are read and decoded on every worker, then gathered.
  std::vector<std::vector<StoredIssue>> shards(kShards);
  std::atomic<bool> damaged{false};
  const int n_workers = worker_count(workers, kShards);
  std::vector<std::string> buffers(static_cast<size_t>(n_workers));
  parallel_for(kShards, n_workers, [&](size_t k, int worker) {
    if (!damaged.load(std::memory_order_relaxed) &&
        !read_shard(dir_ / shard_name(k), shards[k], buffers[static_cast<size_t>(worker)]))
      damaged = true;
  });
  if (damaged) return index;
  size_t total = 0;
  for (const auto& shard : shards) total += shard.size();
  index.reserve(total);
  for (auto& shard : shards) {
    for (StoredIssue& s : shard) {
      std::string key = s.issue.source_rel;
      index.emplace(std::move(key), std::move(s));
    }
  }
  facts_key = head->facts_key;
  return index;
}

Status IssueStore::save_index(std::uint64_t ingest_key, std::uint64_t facts_key,
                              const std::unordered_map<std::string, StoredIssue>& index) const {
  // Per shard, sorted by path, so that a file does not depend on hash-table order.
  std::vector<std::vector<const StoredIssue*>> shards(kShards);
  for (const auto& [rel, s] : index) shards[shard_of(rel)].push_back(&s);
  IndexHead head{ingest_key, facts_key, std::vector<std::uint64_t>(kShards)};
  for (std::uint64_t k = 0; k < kShards; ++k) {
    auto& entries = shards[k];
    std::sort(entries.begin(), entries.end(), [](const StoredIssue* a, const StoredIssue* b) {
      return a->issue.source_rel < b->issue.source_rel;
    });
    BinaryWriter id;
    for (const StoredIssue* s : entries) {
      id.str(s->issue.source_rel);
      id.str(s->signature);
      id.u64(s->issue.content_hash);
    }
    head.shards[k] = output::content_hash(id.bytes());
  }
  auto previous = read_head(dir_ / "index");
  const bool same_keys =
      previous && previous->ingest_key == ingest_key && previous->facts_key == facts_key;
  std::error_code ec;
  std::vector<char> rewritten(kShards, 0);
  for (std::uint64_t k = 0; k < kShards; ++k) {
    if (same_keys && previous->shards[k] == head.shards[k] && fs::exists(dir_ / shard_name(k), ec))
      continue;
    rewritten[k] = 1;
    BinaryWriter out;
    out.u64(shards[k].size());
    for (const StoredIssue* s : shards[k]) {
      const LoadedIssue& li = s->issue;
      out.str(li.source_rel);
      out.str(s->signature);
      out.u64(li.content_hash);
      out.u64(li.from_markdown ? 1 : 0);
      out.str(li.source_text);
      model::write_issue(out, li.issue);
      out.u64(li.facts.size());
      for (const auto& f : li.facts) write_facts(out, f);
    }
    if (Status s = output::write_file_atomic(dir_ / shard_name(k), out.bytes()); !s.ok()) return s;
  }
  BinaryWriter out;
  out.str(kIndexMagic);
  out.u64(ingest_key);
  out.u64(facts_key);
  out.u64(kShards);
  for (std::uint64_t h : head.shards) out.u64(h);
  if (Status s = output::write_file_atomic(dir_ / "index", out.bytes()); !s.ok()) return s;
  // Issue files of sources no longer there go. A source that went changed its shard: only the
  // issue files of the shards rewritten are looked at (a file is named by its source's hash,
  // which tells its shard), and none when no shard was.
  if (std::find(rewritten.begin(), rewritten.end(), 1) == rewritten.end()) return {};
  std::set<std::string> keep;
  for (const auto& [rel, s] : index) {
    if (rewritten[shard_of(rel)]) keep.insert(file_of(rel).filename().string());
  }
  for (fs::directory_iterator it(dir_, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.rfind("index", 0) == 0 || keep.count(name)) continue;
    std::uint64_t hash = 0;
    auto [end_of_hash, status] = std::from_chars(name.data(), name.data() + name.size(), hash, 16);
    const bool issue_file =
        status == std::errc() && name.size() == 16 && end_of_hash == name.data() + name.size();
    if (!issue_file || rewritten[hash % kShards]) fs::remove(it->path(), ec);
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
