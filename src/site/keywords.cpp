#include "site/keywords.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "text/cjk.hpp"
#include "text/utf8.hpp"

namespace gazette::site {

namespace {

// Common words of Chinese news writing that say nothing about an article's subject.
constexpr std::string_view kStopWords[] = {
    "我们",   "他们", "你们",   "大家", "自己", "一个",   "一些",   "这个",   "那个", "这些",
    "那些",   "这样", "那样",   "什么", "没有", "不是",   "就是",   "还是",   "但是", "而且",
    "并且",   "因为", "所以",   "如果", "虽然", "然后",   "以及",   "或者",   "其中", "之一",
    "已经",   "正在", "可以",   "需要", "能够", "应该",   "必须",   "进行",   "开展", "加强",
    "推进",   "推动", "落实",   "坚持", "实现", "提高",   "提升",   "做好",   "确保", "保障",
    "积极",   "全面", "进一步", "有关", "相关", "方面",   "问题",   "情况",   "工作", "要求",
    "部门",   "单位", "负责",   "同志", "主要", "重要",   "重点",   "表示",   "强调", "指出",
    "认为",   "介绍", "通过",   "目前", "当前", "今年",   "去年",   "日前",   "近日", "以来",
    "同时",   "此外", "期间",   "时间", "记者", "通讯员", "全媒体", "实习生", "日报", "本报",
    "新华社", "讯",   "电",     "摄",   "供图", "一是",   "二是",   "三是",   "不断", "持续",
    "各级",   "各项", "广大",   "全市", "全省", "全国",   "我市",   "我省",   "我国", "市委",
    "市政府", "领导", "参加",   "出席", "召开", "会议",   "活动",   "发展",   "建设", "服务",
    "管理",   "社会", "群众",   "人员", "企业", "地方",   "作为",   "为了",   "对于", "关于",
    "根据",   "按照", "围绕",   "深入", "扎实", "切实",   "充分",   "更加",   "非常", "已",
    "将",     "也",   "都",
};

// Characters that are words of their own in running text (particles, prepositions, measure
// words, …): a run of unknown single characters is cut at them.
constexpr std::u32string_view kFunctionCharacters =
    U"的了在和与及或等也都就要把被对从向为以于将这那之其各每有个是不没并而但又还让使给由按到后前时"
    U"中上下里内外好得地着过来去说已将把再更很最所该此如可能会项名位次件条种场批张台辆座";

// Characters that make a word of the word before them: 志愿者, 天元区, 现代化.
constexpr std::u32string_view kSuffixes = U"者员家性化区县市镇村乡局委厅站部院所厂率费线队组";

bool is_number_like(std::string_view word) {
  for (size_t i = 0; i < word.size();) {
    char32_t c = text::next_code_point(word, i);
    bool digit = (c >= '0' && c <= '9') || c == '.' || c == ',' || c == '%';
    if (!digit) return false;
  }
  return true;
}

}  // namespace

WordCounter::WordCounter(const config::KeywordSettings& settings)
    : min_length_(static_cast<size_t>(settings.min_length)) {
  for (auto w : kStopWords) stop_words_.emplace(w);
  for (const auto& w : settings.stop_words) stop_words_.insert(w);
}

void WordCounter::add_words(std::string_view text, int weight,
                            std::vector<std::pair<std::string_view, int>>& out) const {
  std::vector<std::string_view> words = segmenter_.words(text);
  // ICU's dictionary leaves words it does not know (names, recent words such as 疫情, 骑手)
  // as runs of single characters. Such a run, cut at function characters (的, 在, 从 …), gives
  // its pieces of two to four characters as candidates; a dictionary word followed by a
  // suffix character (志愿 + 者, 天元 + 区) gives that word too. Document frequency then keeps
  // the candidates that recur across articles.
  auto single_han = [&](size_t k) {
    size_t p = 0;
    char32_t c = text::next_code_point(words[k], p);
    return p == words[k].size() && text::is_han(c) ? c : U'\0';
  };
  auto adjacent = [&](size_t k) {
    return k > 0 && words[k].data() == words[k - 1].data() + words[k - 1].size();
  };
  auto span = [&](size_t from, size_t to) {  // words [from, to) as one view
    return std::string_view(
        words[from].data(),
        static_cast<size_t>(words[to - 1].data() + words[to - 1].size() - words[from].data()));
  };
  std::vector<std::string_view> merged;
  merged.reserve(words.size() + words.size() / 4);
  for (size_t i = 0; i < words.size();) {
    char32_t c = single_han(i);
    if (!c) {
      merged.push_back(words[i]);
      // A dictionary word with a suffix character.
      char32_t next = i + 1 < words.size() && adjacent(i + 1) ? single_han(i + 1) : U'\0';
      if (next && kSuffixes.find(next) != std::u32string_view::npos &&
          text::code_point_count(words[i]) <= 3) {
        merged.push_back(span(i, i + 2));
      }
      ++i;
      continue;
    }
    // A run of single characters, cut at function characters.
    size_t j = i;
    while (j < words.size() && single_han(j) && (j == i || adjacent(j))) ++j;
    size_t start = i;
    for (size_t k = i; k <= j; ++k) {
      bool cut = k == j || kFunctionCharacters.find(single_han(k)) != std::u32string_view::npos;
      if (!cut) continue;
      if (k - start >= 2 && k - start <= 4) merged.push_back(span(start, k));
      start = k + 1;
    }
    i = j;
  }
  for (std::string_view w : merged) {
    if (text::code_point_count(w) < min_length_ || is_number_like(w)) continue;
    if (stop_words_.count(std::string(w))) continue;
    out.emplace_back(w, weight);
  }
}

WordCounts WordCounter::count(std::string_view title, std::string_view body, size_t limit) const {
  std::vector<std::pair<std::string_view, int>> words;
  add_words(title, 3, words);
  add_words(body, 1, words);
  std::unordered_map<std::string_view, int> counts;
  for (const auto& [w, n] : words) counts[w] += n;
  WordCounts out;
  out.reserve(counts.size());
  for (const auto& [w, n] : counts) out.emplace_back(std::string(w), n);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::vector<std::vector<std::string>> choose_keywords(const std::vector<WordCounts>& articles,
                                                      const config::KeywordSettings& settings) {
  std::unordered_map<std::string_view, int> df;
  for (const auto& counts : articles) {
    for (const auto& [word, n] : counts) ++df[word];
  }
  const double n_docs = static_cast<double>(articles.size());
  const int max_df = std::max(settings.min_document_frequency,
                              static_cast<int>(std::floor(settings.max_document_share * n_docs)));
  std::vector<std::vector<std::string>> out(articles.size());
  for (size_t a = 0; a < articles.size(); ++a) {
    std::vector<std::pair<double, const std::string*>> scored;
    for (const auto& [word, n] : articles[a]) {
      int d = df[word];
      if (d < settings.min_document_frequency || d > max_df) continue;
      double idf = std::log((n_docs + 1.0) / d);
      scored.emplace_back(n * idf, &word);
    }
    // Best first; on equal scores the longer word (曹慧泉 before its piece 曹慧).
    std::sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) {
      if (x.first != y.first) return x.first > y.first;
      if (x.second->size() != y.second->size()) return x.second->size() > y.second->size();
      return *x.second < *y.second;
    });
    // A word inside a chosen one, or containing one, says the same thing again.
    for (const auto& [score, word] : scored) {
      if (out[a].size() >= static_cast<size_t>(settings.per_article)) break;
      bool overlaps = std::any_of(out[a].begin(), out[a].end(), [&](const std::string& k) {
        return k.find(*word) != std::string::npos || word->find(k) != std::string::npos;
      });
      if (!overlaps) out[a].push_back(*word);
    }
  }
  return out;
}

}  // namespace gazette::site
