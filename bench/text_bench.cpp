// Micro-benchmarks of the Unicode layer on Chinese newspaper text:
//   build/bench/text_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include "text/segment.hpp"
#include "text/slug.hpp"
#include "text/utf8.hpp"
#include "text/width.hpp"

namespace {

std::string chinese_text(size_t bytes) {
  const std::string phrase =
      "株洲日报讯（全媒体记者/邓伟勇） 11月8日晚，在株洲疫情处置工作会商会结束后，市委新冠肺炎"
      "疫情防控工作领导小组随即召开调度会，贯彻落实会商会精神，安排部署下一步工作。";
  std::string s;
  while (s.size() < bytes) s += phrase;
  return s;
}

void BM_DecodeText(benchmark::State& state) {
  std::string s = chinese_text(static_cast<size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(gazette::text::decode_text(s, "x").ok());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * s.size()));
}
BENCHMARK(BM_DecodeText)->Arg(1 << 20)->Arg(10 << 20);

void BM_FoldFullwidth(benchmark::State& state) {
  std::string s = chinese_text(static_cast<size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(gazette::text::fold_fullwidth_alnum(s));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * s.size()));
}
BENCHMARK(BM_FoldFullwidth)->Arg(1 << 20);

void BM_Segment(benchmark::State& state) {
  std::string s = chinese_text(static_cast<size_t>(state.range(0)));
  gazette::text::WordSegmenter seg;
  for (auto _ : state) benchmark::DoNotOptimize(seg.words(s).size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * s.size()));
}
BENCHMARK(BM_Segment)->Arg(1 << 20)->Arg(10 << 20)->Unit(benchmark::kMillisecond);

void BM_SlugTitle(benchmark::State& state) {
  gazette::text::Slugger slugger;
  for (auto _ : state) benchmark::DoNotOptimize(slugger.slug("加快构建网络空间命运共同体"));
}
BENCHMARK(BM_SlugTitle);

void BM_SlugHugeLine(benchmark::State& state) {
  std::string s = chinese_text(10 << 20);
  gazette::text::Slugger slugger;
  for (auto _ : state) benchmark::DoNotOptimize(slugger.slug(s));
}
BENCHMARK(BM_SlugHugeLine);

}  // namespace

BENCHMARK_MAIN();
