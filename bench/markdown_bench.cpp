// Micro-benchmarks of the Markdown issue form on Chinese newspaper text:
//   build/bench/markdown_bench [--benchmark_filter=...]
// Bytes are those of the Markdown written or read.
#include <benchmark/benchmark.h>

#include "markdown/blocks.hpp"
#include "markdown/body_html.hpp"
#include "markdown/escape.hpp"
#include "markdown/html.hpp"
#include "markdown/issue_reader.hpp"
#include "markdown/issue_writer.hpp"

namespace {

using gazette::model::Block;

const std::string kParagraph =
    "株洲日报讯（全媒体记者/邓伟勇）11月8日晚，在株洲疫情处置工作会商会结束后，市委新冠肺炎疫情"
    "防控工作领导小组随即召开调度会，贯彻落实会商会精神，安排部署下一步工作。市委书记曹慧泉强调，"
    "要发扬连续作战和敢打敢拼的作风，抓紧解决一线矛盾问题，严格落实“四应四尽”要求，加快实现社会"
    "面动态清零。1.要严格执行标准规范 *重点* 见 www.zznews.gov.cn。";

// An issue like a day of a city daily: 12 articles of 10 paragraphs and a sub-heading.
gazette::model::Issue day_issue() {
  gazette::model::Issue issue;
  issue.source = "2022-11-08.txt";
  issue.masthead.paper = "株洲日报";
  issue.masthead.date = gazette::text::Date{2022, 11, 8};
  issue.masthead.number = 23124;
  for (int a = 0; a < 12; ++a) {
    gazette::model::Article article;
    article.title = "牢固树立全省“一盘棋”思想 齐心协力打赢疫情防控歼灭战" + std::to_string(a);
    article.kicker = "张庆伟视频连线听取我市疫情防控情况汇报并强调";
    article.byline = "株洲日报讯（全媒体记者/邓伟勇）";
    article.authors = {"邓伟勇"};
    article.first_line = 10 * a + 1;
    article.last_line = 10 * a + 9;
    for (int p = 0; p < 10; ++p) {
      if (p == 5) article.body.push_back({Block::Type::kHeading, "坚决扭住防扩散与抓救治", ""});
      article.body.push_back({Block::Type::kParagraph, kParagraph, ""});
    }
    issue.articles.push_back(std::move(article));
  }
  return issue;
}

size_t total_size(const std::vector<gazette::markdown::IssueFile>& files) {
  size_t n = 0;
  for (const auto& f : files) n += f.content.size();
  return n;
}

void BM_EscapeParagraph(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(gazette::markdown::paragraph_markdown(kParagraph));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * kParagraph.size()));
}
BENCHMARK(BM_EscapeParagraph);

void BM_WriteIssue(benchmark::State& state) {
  gazette::model::Issue issue = day_issue();
  gazette::text::Slugger slugger;
  size_t bytes = 0;
  for (auto _ : state) {
    auto files = gazette::markdown::issue_files(issue, slugger);
    bytes += total_size(files);
    benchmark::DoNotOptimize(files.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_WriteIssue)->Unit(benchmark::kMicrosecond);

void BM_ReadIssue(benchmark::State& state) {
  gazette::text::Slugger slugger;
  auto files = gazette::markdown::issue_files(day_issue(), slugger);
  std::vector<gazette::markdown::IssueSource> sources;
  for (const auto& f : files) sources.push_back({f.name, f.content, f.name, 1});
  for (auto _ : state) {
    auto issue = gazette::markdown::read_issue_sources(sources, "issue");
    benchmark::DoNotOptimize(issue.ok());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_size(files)));
}
BENCHMARK(BM_ReadIssue)->Unit(benchmark::kMicrosecond);

void BM_BodyHtml(benchmark::State& state) {
  gazette::model::Issue issue = day_issue();
  const auto& body = issue.articles[0].body;
  size_t bytes = gazette::markdown::body_markdown(body).size();
  for (auto _ : state) benchmark::DoNotOptimize(gazette::markdown::body_html(body));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_BodyHtml)->Unit(benchmark::kMicrosecond);

}  // namespace

int main(int argc, char** argv) {
  gazette::markdown::register_extensions();
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
