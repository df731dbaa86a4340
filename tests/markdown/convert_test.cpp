// `gazette convert` end to end: the built binary converts a sample into a temporary folder,
// and the folder reads back as the issue ingestion makes of the sample.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "base/file.hpp"
#include "ingest/ingest.hpp"
#include "markdown/issue_reader.hpp"
#include "markdown/issue_stream.hpp"
#include "model/issue_json.hpp"
#include "support.hpp"

namespace gazette::markdown {
namespace {

namespace fs = std::filesystem;

const fs::path kSample = fs::path(GAZETTE_SAMPLES_DIR) / "001_ec8a289be981ebcb.txt";

struct Outcome {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs `gazette ARGS` in folder `cwd`.
Outcome gazette(const fs::path& cwd, const std::string& args) {
  fs::path out = cwd / ".stdout", err = cwd / ".stderr";
  std::string command = "cd '" + cwd.string() + "' && '" + std::string(GAZETTE_BINARY) + "' " +
                        args + " >'" + out.string() + "' 2>'" + err.string() + "'";
  int raw = std::system(command.c_str());
  Outcome run;
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  run.out = read_file(out).ok() ? *read_file(out) : "";
  run.err = read_file(err).ok() ? *read_file(err) : "";
  fs::remove(out);
  fs::remove(err);
  return run;
}

model::Issue ingest_sample(const fs::path& file, const std::string& path_as_given,
                           const ingest::Options& options = {}) {
  ingest::Ingester ingester{options};
  auto issue = ingester.ingest(*read_file(file), path_as_given);
  EXPECT_TRUE(issue.ok());
  return *issue;
}

std::vector<std::string> listing(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST(Convert, WritesAFolderThatReadsBackAsTheIngestedIssue) {
  testing::TempDir tmp;
  Outcome run = gazette(tmp.path(), "convert '" + kSample.string() + "' --to out");
  ASSERT_EQ(run.status, 0) << run.err;
  fs::path dir = tmp.path() / "out" / "001_ec8a289be981ebcb";
  EXPECT_EQ(run.out, kSample.string() + " → out/001_ec8a289be981ebcb/ (" +
                         std::to_string(ingest_sample(kSample, kSample.string()).articles.size()) +
                         " articles, " +
                         std::to_string(ingest_sample(kSample, kSample.string()).warnings.size()) +
                         " warnings)\n");
  auto back = read_issue_folder(dir);
  ASSERT_TRUE(back.ok()) << format_error(back.error());
  EXPECT_EQ(*back, ingest_sample(kSample, kSample.string()));
  // Only the folder: no temporary folder is left.
  EXPECT_EQ(listing(tmp.path() / "out"), (std::vector<std::string>{"001_ec8a289be981ebcb"}));
}

TEST(Convert, BesideTheFileByDefault) {
  testing::TempDir tmp;
  fs::create_directory(tmp.path() / "content");
  fs::copy_file(kSample, tmp.path() / "content" / "2022-11-08.txt");
  Outcome run = gazette(tmp.path(), "convert content/2022-11-08.txt");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(listing(tmp.path() / "content"),
            (std::vector<std::string>{"2022-11-08", "2022-11-08.txt"}));
  auto back = read_issue_folder(tmp.path() / "content" / "2022-11-08");
  ASSERT_TRUE(back.ok()) << format_error(back.error());
  EXPECT_EQ(*back, ingest_sample(kSample, "content/2022-11-08.txt"));
}

TEST(Convert, RefusesToOverwriteUnlessForced) {
  testing::TempDir tmp;
  ASSERT_EQ(gazette(tmp.path(), "convert '" + kSample.string() + "' --to .").status, 0);
  fs::path dir = tmp.path() / "001_ec8a289be981ebcb";
  // A hand edit, to see whether the folder is touched.
  std::ofstream(dir / "issue.yaml", std::ios::app) << "# edited\n";
  std::string edited = *read_file(dir / "issue.yaml");

  Outcome again = gazette(tmp.path(), "convert '" + kSample.string() + "' --to .");
  EXPECT_EQ(again.status, 1);
  EXPECT_EQ(again.err,
            "./001_ec8a289be981ebcb: error: already exists: not overwriting it (use --force to "
            "replace an issue folder)\n");
  EXPECT_EQ(*read_file(dir / "issue.yaml"), edited);

  Outcome forced = gazette(tmp.path(), "convert '" + kSample.string() + "' --to . --force");
  EXPECT_EQ(forced.status, 0) << forced.err;
  EXPECT_NE(*read_file(dir / "issue.yaml"), edited);
  EXPECT_EQ(listing(tmp.path()), (std::vector<std::string>{"001_ec8a289be981ebcb"}));
}

TEST(Convert, BadFilesAreReportedAndTheOthersConverted) {
  testing::TempDir tmp;
  std::ofstream(tmp.path() / "bad.txt", std::ios::binary) << "株洲日报\n第二行\xff\n";
  Outcome run =
      gazette(tmp.path(), "convert missing.txt bad.txt '" + kSample.string() + "' --to out");
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find("missing.txt: error: "), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("bad.txt:2:4: error: invalid UTF-8"), std::string::npos) << run.err;
  EXPECT_EQ(listing(tmp.path() / "out"), (std::vector<std::string>{"001_ec8a289be981ebcb"}));
}

TEST(Convert, TwoFilesForOneFolderWriteNothing) {
  testing::TempDir tmp;
  fs::create_directories(tmp.path() / "a");
  fs::create_directories(tmp.path() / "b");
  fs::copy_file(kSample, tmp.path() / "a" / "x.txt");
  fs::copy_file(kSample, tmp.path() / "b" / "x.txt");
  Outcome run = gazette(tmp.path(), "convert a/x.txt b/x.txt --to out");
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err,
            "b/x.txt: error: would be written to out/x, like a/x.txt: convert them to different "
            "folders (--to)\n");
  EXPECT_FALSE(fs::exists(tmp.path() / "out"));
}

TEST(ParseMarkdown, PrintsTheFilesConvertWrites) {
  testing::TempDir tmp;
  fs::path other = fs::path(GAZETTE_SAMPLES_DIR) / "002_11b79ce3a1869f5d.txt";
  std::string files = "'" + kSample.string() + "' '" + other.string() + "'";
  Outcome parse = gazette(tmp.path(), "parse " + files + " --markdown");
  ASSERT_EQ(parse.status, 0) << parse.err;
  ASSERT_EQ(gazette(tmp.path(), "convert " + files + " --to out").status, 0);

  // Split, the stream holds exactly the folders' files…
  auto folders = split_issue_stream(parse.out, "stdout");
  ASSERT_TRUE(folders.ok()) << format_error(folders.error());
  ASSERT_EQ(folders->size(), 2u);
  for (const StreamFolder& folder : *folders) {
    fs::path dir = tmp.path() / "out" / folder.folder;
    std::vector<std::string> names;
    for (const IssueSource& file : folder.files) {
      names.push_back(file.name);
      EXPECT_EQ(file.text, *read_file(dir / file.name)) << file.name;
    }
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, listing(dir));
  }
  // …and reads back as the ingested issues.
  auto issues = read_issue_stream(parse.out, "stdout");
  ASSERT_TRUE(issues.ok()) << format_error(issues.error());
  ASSERT_EQ(issues->size(), 2u);
  EXPECT_EQ((*issues)[0], ingest_sample(kSample, kSample.string()));
  EXPECT_EQ((*issues)[1], ingest_sample(other, other.string()));

  EXPECT_EQ(gazette(tmp.path(), "parse x.txt --json --markdown").status, 2);
}

// A site in `dir` whose site.yaml turns normalisation off, with sample 000 as content/x.txt;
// returns that issue as the site ingests it.
model::Issue site_without_normalisation(const fs::path& dir) {
  fs::path sample = fs::path(GAZETTE_SAMPLES_DIR) / "000_67e3da6dc0608386.txt";
  fs::create_directory(dir / "content");
  fs::copy_file(sample, dir / "content" / "x.txt");
  std::ofstream(dir / "site.yaml") << "ingest:\n  normalize: false\n";
  ingest::Options raw;
  raw.normalize = false;
  model::Issue issue = ingest_sample(sample, "content/x.txt", raw);
  EXPECT_NE(issue, ingest_sample(sample, "content/x.txt")) << "the setting must matter here";
  return issue;
}

TEST(Convert, IngestsWithTheSiteSettings) {
  testing::TempDir tmp;
  model::Issue expected = site_without_normalisation(tmp.path());

  // The site in the working folder…
  Outcome run = gazette(tmp.path(), "convert content/x.txt");
  ASSERT_EQ(run.status, 0) << run.err;
  auto back = read_issue_folder(tmp.path() / "content" / "x");
  ASSERT_TRUE(back.ok()) << format_error(back.error());
  EXPECT_EQ(*back, expected);
  // …or the one named by --site.
  fs::create_directory(tmp.path() / "elsewhere");
  run = gazette(tmp.path() / "elsewhere", "convert ../content/x.txt --to . --site ..");
  ASSERT_EQ(run.status, 0) << run.err;
  back = read_issue_folder(tmp.path() / "elsewhere" / "x");
  ASSERT_TRUE(back.ok()) << format_error(back.error());
  expected.source = "../content/x.txt";
  EXPECT_EQ(*back, expected);
  // A mistake in site.yaml is reported, and nothing is written.
  std::ofstream(tmp.path() / "site.yaml") << "ingest:\n  normalise: false\n";
  run = gazette(tmp.path(), "convert content/x.txt --to out");
  EXPECT_EQ(run.status, 1);
  EXPECT_TRUE(run.err.starts_with("./site.yaml:2:3: error: ")) << run.err;
  EXPECT_FALSE(fs::exists(tmp.path() / "out"));
}

TEST(Parse, IngestsWithTheSiteSettings) {
  testing::TempDir tmp;
  const auto expected = model::to_json(site_without_normalisation(tmp.path()));

  Outcome run = gazette(tmp.path(), "parse content/x.txt --json");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(nlohmann::ordered_json::parse(run.out), expected);
  fs::create_directory(tmp.path() / "elsewhere");
  run = gazette(tmp.path() / "elsewhere", "parse ../content/x.txt --site ..");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(nlohmann::ordered_json::parse(run.out), expected);
  // A mistake in site.yaml is reported, and nothing is printed.
  std::ofstream(tmp.path() / "site.yaml") << "ingest:\n  normalise: false\n";
  run = gazette(tmp.path(), "parse content/x.txt");
  EXPECT_EQ(run.status, 1);
  EXPECT_TRUE(run.err.starts_with("./site.yaml:2:3: error: ")) << run.err;
  EXPECT_EQ(run.out, "");
}

TEST(Convert, UsageErrors) {
  testing::TempDir tmp;
  EXPECT_EQ(gazette(tmp.path(), "convert").status, 2);
  EXPECT_EQ(gazette(tmp.path(), "convert x.txt --bogus").status, 2);
  Outcome no_site = gazette(tmp.path(), "convert x.txt --site nowhere");
  EXPECT_EQ(no_site.status, 1);
  EXPECT_NE(no_site.err.find("site.yaml"), std::string::npos) << no_site.err;
}

}  // namespace
}  // namespace gazette::markdown
