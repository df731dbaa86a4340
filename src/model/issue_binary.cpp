#include "model/issue_binary.hpp"

namespace gazette::model {

namespace {

void opt_str(BinaryWriter& out, const std::optional<std::string>& s) {
  out.u64(s ? 1 : 0);
  if (s) out.str(*s);
}

bool opt_str(BinaryReader& in, std::optional<std::string>& s) {
  std::uint64_t has = 0;
  if (!in.u64(has)) return false;
  if (!has) {
    s.reset();
    return true;
  }
  s.emplace();
  return in.str(*s);
}

void opt_int(BinaryWriter& out, const std::optional<int>& n) {
  out.u64(n ? 1 : 0);
  if (n) out.i64(*n);
}

bool opt_int(BinaryReader& in, std::optional<int>& n) {
  std::uint64_t has = 0;
  if (!in.u64(has)) return false;
  if (!has) {
    n.reset();
    return true;
  }
  std::int64_t v = 0;
  if (!in.i64(v)) return false;
  n = static_cast<int>(v);
  return true;
}

void strings(BinaryWriter& out, const std::vector<std::string>& v) {
  out.u64(v.size());
  for (const auto& s : v) out.str(s);
}

bool strings(BinaryReader& in, std::vector<std::string>& v) {
  std::uint64_t n = 0;
  if (!in.u64(n)) return false;
  v.assign(static_cast<size_t>(std::min<std::uint64_t>(n, 1 << 20)), {});
  for (auto& s : v) {
    if (!in.str(s)) return false;
  }
  return in.ok();
}

bool int_of(BinaryReader& in, int& n) {
  std::int64_t v = 0;
  if (!in.i64(v)) return false;
  n = static_cast<int>(v);
  return true;
}

}  // namespace

void write_article(BinaryWriter& out, const Article& a) {
  out.str(a.title);
  opt_str(out, a.kicker);
  opt_str(out, a.subtitle);
  out.u64(static_cast<std::uint64_t>(a.kind));
  opt_str(out, a.byline);
  strings(out, a.authors);
  opt_str(out, a.dateline);
  opt_str(out, a.page);
  opt_str(out, a.continued_to);
  out.u64(a.body.size());
  for (const Block& b : a.body) {
    out.u64(static_cast<std::uint64_t>(b.type));
    out.str(b.text);
    out.str(b.markdown);
  }
  strings(out, a.captions);
  strings(out, a.tags);
  opt_str(out, a.slug);
}

void write_issue(BinaryWriter& out, const Issue& issue) {
  out.str(issue.source);
  const Masthead& m = issue.masthead;
  opt_str(out, m.paper);
  out.u64(m.date ? 1 : 0);
  if (m.date) {
    out.i64(m.date->year);
    out.i64(m.date->month);
    out.i64(m.date->day);
  }
  opt_str(out, m.weekday);
  opt_str(out, m.lunar);
  opt_int(out, m.number);
  opt_int(out, m.pages);
  out.u64(issue.articles.size());
  for (const Article& a : issue.articles) {
    write_article(out, a);
    out.i64(a.first_line);
    out.i64(a.last_line);
  }
  out.u64(issue.warnings.size());
  for (const Warning& w : issue.warnings) {
    out.i64(w.line);
    out.str(w.message);
  }
}

bool read_issue(BinaryReader& in, Issue& issue) {
  issue = Issue{};
  std::uint64_t n = 0;
  if (!in.str(issue.source)) return false;
  Masthead& m = issue.masthead;
  if (!opt_str(in, m.paper) || !in.u64(n)) return false;
  if (n) {
    text::Date d;
    if (!int_of(in, d.year) || !int_of(in, d.month) || !int_of(in, d.day)) return false;
    m.date = d;
  }
  if (!opt_str(in, m.weekday) || !opt_str(in, m.lunar) || !opt_int(in, m.number) ||
      !opt_int(in, m.pages)) {
    return false;
  }
  if (!in.u64(n)) return false;
  issue.articles.resize(static_cast<size_t>(std::min<std::uint64_t>(n, 1 << 20)));
  for (Article& a : issue.articles) {
    std::uint64_t kind = 0, blocks = 0;
    if (!in.str(a.title) || !opt_str(in, a.kicker) || !opt_str(in, a.subtitle) || !in.u64(kind) ||
        kind > static_cast<std::uint64_t>(ArticleKind::kLetter) || !opt_str(in, a.byline) ||
        !strings(in, a.authors) || !opt_str(in, a.dateline) || !opt_str(in, a.page) ||
        !opt_str(in, a.continued_to) || !in.u64(blocks)) {
      return false;
    }
    a.kind = static_cast<ArticleKind>(kind);
    a.body.resize(static_cast<size_t>(std::min<std::uint64_t>(blocks, 1 << 20)));
    for (Block& b : a.body) {
      std::uint64_t type = 0;
      if (!in.u64(type) || type > 1 || !in.str(b.text) || !in.str(b.markdown)) return false;
      b.type = static_cast<Block::Type>(type);
    }
    if (!strings(in, a.captions) || !strings(in, a.tags) || !opt_str(in, a.slug) ||
        !int_of(in, a.first_line) || !int_of(in, a.last_line)) {
      return false;
    }
  }
  if (!in.u64(n)) return false;
  issue.warnings.resize(static_cast<size_t>(std::min<std::uint64_t>(n, 1 << 20)));
  for (Warning& w : issue.warnings) {
    if (!int_of(in, w.line) || !in.str(w.message)) return false;
  }
  return in.ok();
}

}  // namespace gazette::model
