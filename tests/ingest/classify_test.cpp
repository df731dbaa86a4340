// What each line is: document numbers, markers, signatures, furniture, headline-like text.
#include "ingest/classify.hpp"

#include <gtest/gtest.h>

#include "ingest/chars.hpp"
#include "test_util.hpp"

namespace gazette::ingest {
namespace {

using testing::paragraphs;
using testing::parse;
using testing::warned;

TEST(Classify, DocumentNumbers) {
  EXPECT_TRUE(is_doc_number(to_u32("株疫防指告〔2022〕27号")));
  EXPECT_TRUE(is_doc_number(to_u32("株疫防指告（2022）21号")));
  EXPECT_FALSE(is_doc_number(to_u32("第23124期")));
  EXPECT_FALSE(is_doc_number(to_u32("关于不按规定参加核酸检测赋红黄码的通告")));
}

TEST(Classify, HeadlineLikeText) {
  EXPECT_TRUE(headline_like(to_u32("加快构建网络空间命运共同体"), 13));
  EXPECT_TRUE(headline_like(to_u32("一线对抗疫情、筑好基层防线……"), 16));
  EXPECT_FALSE(headline_like(to_u32("会议以视频形式开到各县市区。"), 14));
  EXPECT_FALSE(headline_like(to_u32("疫情发生后，因物资缺乏，不少医"), 15));
  EXPECT_FALSE(headline_like(to_u32("市领导胡长春、聂方红、"), 11));
}

TEST(Classify, ContinuationMarkersAreStrippedAndRecorded) {
  auto issue = parse(
      "标题一\n\n新华社电 会议听取了汇报。疫情防控形势不断变化，>>> 下转 A4版\n\n"
      "标题二\n\n株洲日报记者 胡文洁\n\n正文。\n");
  ASSERT_EQ(issue.articles.size(), 2u);
  EXPECT_EQ(issue.articles[0].continued_to, "A4");
  EXPECT_EQ(paragraphs(issue.articles[0]).back(), "会议听取了汇报。疫情防控形势不断变化，");
  EXPECT_EQ(issue.articles[0].dateline, "新华社电");
}

TEST(Classify, PromotionsAreDroppedWithAWarning) {
  auto issue = parse("标题\n\n正文一段。\n\n扫一扫关注株洲日报社新媒体\n");
  ASSERT_EQ(issue.articles.size(), 1u);
  EXPECT_EQ(paragraphs(issue.articles[0]).size(), 1u);
  EXPECT_TRUE(warned(issue, "扫一扫关注株洲日报社新媒体"));
}

TEST(Classify, SignatureDocNumberAndTitleOfANotice) {
  auto issue = parse(
      "株疫防指告(2022)21号\n\n关于继续延长静默管理时间的通告\n\n"
      "前段,全市广大干部群众万众一心,众志成城。请广大市民积极配合!\n\n"
      "株洲市新冠肺炎疫情防控指挥部\n2022年11月7日\n");
  ASSERT_EQ(issue.articles.size(), 1u);
  const auto& a = issue.articles[0];
  EXPECT_EQ(a.kicker, "株疫防指告（2022）21号");
  EXPECT_EQ(a.title, "关于继续延长静默管理时间的通告");
  EXPECT_EQ(a.kind, model::ArticleKind::kNotice);
  EXPECT_EQ(a.byline, "株洲市新冠肺炎疫情防控指挥部 2022年11月7日");
  EXPECT_EQ(
      paragraphs(a),
      (std::vector<std::string>{"前段，全市广大干部群众万众一心，众志成城。请广大市民积极配合！"}));
  EXPECT_TRUE(a.authors.empty());
}

}  // namespace
}  // namespace gazette::ingest

namespace gazette::ingest {
namespace {

TEST(Classify, FormFeedsNumberThePages) {
  auto issue = testing::parse("标题一\n\n正文第一篇。\n\f标题二\n\n正文第二篇。\n");
  ASSERT_EQ(issue.articles.size(), 2u);
  EXPECT_EQ(issue.articles[0].page, "1");
  EXPECT_EQ(issue.articles[1].page, "2");
  EXPECT_EQ(issue.articles[1].first_line, 4);
  auto unpaged = testing::parse("标题一\n\n正文第一篇。\n");
  ASSERT_EQ(unpaged.articles.size(), 1u);
  EXPECT_FALSE(unpaged.articles[0].page);
}

}  // namespace
}  // namespace gazette::ingest
