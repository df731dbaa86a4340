#include "model/issue_binary.hpp"

#include <gtest/gtest.h>

namespace gazette::model {
namespace {

Issue full_issue() {
  Issue issue;
  issue.source = "content/001.txt";
  issue.masthead = Masthead{"株洲日报", text::Date{2022, 11, 8}, "星期二", "壬寅年十月十五", 23124, 4};
  Article a;
  a.title = "关于继续延长静默管理时间的通告";
  a.kicker = "株疫防指告(2022)21号";
  a.subtitle = "副题";
  a.kind = ArticleKind::kNotice;
  a.byline = "株洲市新冠肺炎疫情防控指挥部 2022年11月7日";
  a.authors = {"邓伟勇", "陈武"};
  a.dateline = "新华社北京11月9日电";
  a.page = "A1";
  a.continued_to = "A4";
  a.body = {{Block::Type::kParagraph, "前段，全市广大干部群众万众一心。", ""},
            {Block::Type::kHeading, "小标题", ""},
            {Block::Type::kParagraph, "加粗", "**加粗**"}};
  a.captions = {"图片说明"};
  a.tags = {"株洲", "疫情"};
  a.slug = "tong-gao";
  a.first_line = 10;
  a.last_line = 14;
  issue.articles = {a, Article{}};
  issue.warnings = {{12, "removed a repeated paragraph"}, {-1, ""}};
  return issue;
}

TEST(IssueBinary, RoundTripsEveryField) {
  for (const Issue& issue : {full_issue(), Issue{}}) {
    BinaryWriter w;
    write_issue(w, issue);
    w.u64(42);  // something after it
    BinaryReader r(w.bytes());
    Issue back;
    ASSERT_TRUE(read_issue(r, back));
    EXPECT_EQ(back, issue);
    std::uint64_t tail = 0;
    EXPECT_TRUE(r.u64(tail));
    EXPECT_EQ(tail, 42u);
    EXPECT_TRUE(r.at_end());
  }
}

TEST(IssueBinary, TruncatedBytesAreDetected) {
  BinaryWriter w;
  write_issue(w, full_issue());
  const std::string& bytes = w.bytes();
  for (size_t n = 0; n < bytes.size(); ++n) {
    BinaryReader r(std::string_view(bytes).substr(0, n));
    Issue back;
    EXPECT_FALSE(read_issue(r, back)) << "truncated to " << n << " bytes";
  }
}

TEST(IssueBinary, DamagedBytesNeverCrash) {
  BinaryWriter w;
  write_issue(w, full_issue());
  std::string bytes = w.bytes();
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::string damaged = bytes;
    damaged[i] = static_cast<char>(damaged[i] ^ 0xFF);
    BinaryReader r(damaged);
    Issue back;
    (void)read_issue(r, back);  // may succeed with other values; must not crash or overread
  }
}

}  // namespace
}  // namespace gazette::model
