// Ingestion throughput: MB of raw issue text per second on one core.
//
// The corpus comes from ../shared/bench/gen_corpus.py (never committed): set
// GAZETTE_BENCH_CORPUS to its raw/ folder, e.g.
//   python3 ../shared/bench/gen_corpus.py --articles 3000 --out bench/corpus --forms raw
//   GAZETTE_BENCH_CORPUS=bench/corpus/raw build/bench/ingest_bench
// Without it, the three samples in ../shared/samples are used (GAZETTE_SAMPLES_DIR).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "base/file.hpp"
#include "ingest/ingest.hpp"

namespace {

struct Corpus {
  std::vector<std::pair<std::string, std::string>> files;  // path, bytes
  size_t bytes = 0;
};

const Corpus& corpus() {
  static const Corpus c = [] {
    Corpus c;
    const char* dir = std::getenv("GAZETTE_BENCH_CORPUS");
    std::filesystem::path root = dir ? dir : GAZETTE_SAMPLES_DIR;
    std::vector<std::filesystem::path> paths;
    for (const auto& e : std::filesystem::directory_iterator(root)) {
      if (e.path().extension() == ".txt") paths.push_back(e.path());
    }
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths) {
      auto bytes = gazette::read_file(p);
      if (!bytes) continue;
      c.bytes += bytes->size();
      c.files.emplace_back(p.string(), std::move(*bytes));
    }
    return c;
  }();
  return c;
}

// Every file of the corpus through one Ingester (as one build thread does).
void BM_IngestCorpus(benchmark::State& state) {
  const Corpus& c = corpus();
  if (c.files.empty()) {
    state.SkipWithError("no corpus: set GAZETTE_BENCH_CORPUS to a gen_corpus.py raw/ folder");
    return;
  }
  gazette::ingest::Ingester ingester{gazette::ingest::Options{}};
  size_t articles = 0;
  for (auto _ : state) {
    for (const auto& [path, bytes] : c.files) {
      auto issue = ingester.ingest(bytes, path);
      if (issue) articles += issue->articles.size();
      benchmark::DoNotOptimize(issue);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.counters["files"] = static_cast<double>(c.files.size());
  state.counters["MB"] = static_cast<double>(c.bytes) / 1e6;
  state.counters["articles/iter"] =
      static_cast<double>(articles) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_IngestCorpus)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// Creating an Ingester (ICU segmenter and formatter, the pattern table): once per thread.
void BM_IngesterSetup(benchmark::State& state) {
  for (auto _ : state) {
    gazette::ingest::Ingester ingester{gazette::ingest::Options{}};
    benchmark::DoNotOptimize(&ingester);
  }
}
BENCHMARK(BM_IngesterSetup)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
