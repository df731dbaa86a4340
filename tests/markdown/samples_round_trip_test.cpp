// The three sample issues, ingested, written as Markdown folders and read back: the same Issue
// for every field, the same HTML for every body, and for every paragraph of every article the
// words a reader sees in the rendered HTML are exactly the paragraph's text.
#include <gtest/gtest.h>

#include <filesystem>

#include "base/file.hpp"
#include "ingest/ingest.hpp"
#include "markdown/blocks.hpp"
#include "markdown/body_html.hpp"
#include "markdown/escape.hpp"
#include "markdown/folder_writer.hpp"
#include "markdown/html.hpp"
#include "markdown/issue_reader.hpp"
#include "markdown/issue_stream.hpp"
#include "markdown/issue_writer.hpp"
#include "support.hpp"

namespace gazette::markdown {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> samples() {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(GAZETTE_SAMPLES_DIR)) {
    if (e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class Samples : public ::testing::TestWithParam<fs::path> {
 protected:
  static void SetUpTestSuite() {
    ingester = new ingest::Ingester(ingest::Options{});
    slugger = new text::Slugger;
  }
  static void TearDownTestSuite() {
    delete ingester;
    delete slugger;
  }
  model::Issue ingested() {
    auto bytes = read_file(GetParam());
    EXPECT_TRUE(bytes.ok());
    auto issue = ingester->ingest(*bytes, GetParam().string());
    EXPECT_TRUE(issue.ok()) << format_error(issue.error());
    return *issue;
  }
  static ingest::Ingester* ingester;
  static text::Slugger* slugger;
};
ingest::Ingester* Samples::ingester = nullptr;
text::Slugger* Samples::slugger = nullptr;

TEST_P(Samples, EveryParagraphShowsExactlyItsText) {
  model::Issue issue = ingested();
  ASSERT_FALSE(issue.articles.empty());
  size_t paragraphs = 0;
  for (const model::Article& a : issue.articles) {
    // The body rendered as one document is its blocks rendered one by one, in order.
    std::string one_by_one;
    for (const model::Block& b : a.body) one_by_one += render_html(block_markdown(b));
    EXPECT_EQ(body_html(a.body), one_by_one);
    for (const model::Block& b : a.body) {
      ASSERT_TRUE(b.markdown.empty()) << "ingestion makes plain blocks";
      if (b.type == model::Block::Type::kHeading) {
        EXPECT_EQ(testing::single_element_text(render_html(heading_markdown(b.text)), "h3"),
                  b.text);
        continue;
      }
      ++paragraphs;
      EXPECT_EQ(testing::single_element_text(render_html(paragraph_markdown(b.text)), "p"), b.text)
          << "in " << a.title;
    }
  }
  EXPECT_GT(paragraphs, 10u);
}

TEST_P(Samples, FolderReadsBackAsTheSameIssue) {
  model::Issue issue = ingested();
  testing::TempDir tmp;
  fs::path dir = tmp.path() / issue_folder_name(GetParam().string());
  ASSERT_TRUE(write_issue_folder(issue_files(issue, *slugger), dir, false).ok());
  auto back = read_issue_folder(dir);
  ASSERT_TRUE(back.ok()) << format_error(back.error());
  EXPECT_EQ(*back, issue);
  ASSERT_EQ(back->articles.size(), issue.articles.size());
  for (size_t i = 0; i < issue.articles.size(); ++i) {
    EXPECT_EQ(body_html(back->articles[i].body), body_html(issue.articles[i].body));
  }
}

TEST_P(Samples, StreamReadsBackAsTheSameIssue) {
  model::Issue issue = ingested();
  std::string stream = issue_stream(issue, issue_folder_name(GetParam().string()), *slugger);
  auto back = read_issue_stream(stream, "stream");
  ASSERT_TRUE(back.ok()) << format_error(back.error());
  ASSERT_EQ(back->size(), 1u);
  EXPECT_EQ((*back)[0], issue);
}

INSTANTIATE_TEST_SUITE_P(AllSamples, Samples, ::testing::ValuesIn(samples()),
                         [](const ::testing::TestParamInfo<fs::path>& info) {
                           return "sample_" + info.param.stem().string().substr(0, 3);
                         });

}  // namespace
}  // namespace gazette::markdown
