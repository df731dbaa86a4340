#include "ingest/issue_date.hpp"

#include <fmt/format.h>

#include <cstdlib>

#include "config/front_matter.hpp"
#include "ingest/chars.hpp"
#include "ingest/dates.hpp"

namespace gazette::ingest {

std::optional<DateEvidence> date_evidence(const std::vector<Unit>& units) {
  struct Seen {
    DateMention m;
    int line;
    std::u32string text;
  };
  std::vector<Seen> seen;
  for (const Unit& u : units) {
    const std::u32string* text = nullptr;
    if (u.kind == UnitKind::kSignature) text = &u.text;
    if (u.byline && u.byline->source && u.byline->dateline) text = &u.byline->text;
    if (u.byline && u.byline->source && u.kind == UnitKind::kParagraph) text = &u.byline->text;
    if (!text) continue;
    for (const auto& m : find_dates(*text)) seen.push_back({m, u.first_line, *text});
  }
  const Seen* latest_full = nullptr;
  for (const auto& s : seen) {
    if (s.m.year == 0) continue;
    text::Date d{s.m.year, s.m.month, s.m.day};
    if (!latest_full ||
        d > text::Date{latest_full->m.year, latest_full->m.month, latest_full->m.day})
      latest_full = &s;
  }
  if (!latest_full) return std::nullopt;
  text::Date anchor{latest_full->m.year, latest_full->m.month, latest_full->m.day};
  DateEvidence ev{anchor, {}};
  // Carry the year to month-day datelines: the year that puts them nearest the full date.
  std::vector<std::pair<text::Date, const Seen*>> dated;
  for (const auto& s : seen) {
    text::Date d{s.m.year, s.m.month, s.m.day};
    if (s.m.year == 0) {
      long best = LONG_MAX;
      for (int y = anchor.year - 1; y <= anchor.year + 1; ++y) {
        text::Date c{y, s.m.month, s.m.day};
        if (!text::is_valid(c)) continue;
        long dist = std::labs(text::days_since_epoch(c) - text::days_since_epoch(anchor));
        if (dist < best) {
          best = dist;
          d = c;
        }
      }
      if (best == LONG_MAX) continue;
    }
    dated.emplace_back(d, &s);
  }
  for (const auto& [d, s] : dated) ev.date = std::max(ev.date, d);
  for (const auto& [d, s] : dated) {
    if (d == ev.date) ev.sources.emplace_back(s->line, to_utf8(s->text));
  }
  return ev;
}

namespace {

Result<std::optional<int>> int_field(const YAML::Node& fm, const char* key, std::string_view path) {
  YAML::Node n = fm[key];
  if (!n || n.IsNull()) return std::optional<int>();
  try {
    int v = n.as<int>();
    if (v < 0) throw YAML::Exception(n.Mark(), "negative");
    return std::optional<int>(v);
  } catch (const YAML::Exception&) {
    return config::node_error(n, path, fmt::format("`{}` must be a whole number", key), 2);
  }
}

Result<std::optional<std::string>> text_field(const YAML::Node& fm, const char* key,
                                              std::string_view path) {
  YAML::Node n = fm[key];
  if (!n || n.IsNull()) return std::optional<std::string>();
  if (!n.IsScalar()) {
    return config::node_error(n, path, fmt::format("`{}` must be a text", key), 2);
  }
  return std::optional<std::string>(n.Scalar());
}

}  // namespace

Status resolve_masthead(model::Issue& issue, const YAML::Node& fm, const MastheadScan& printed,
                        const std::vector<Unit>& units, std::string_view path, bool infer_date,
                        const text::DateFormatter& dates) {
  model::Masthead& m = issue.masthead;
  m = printed.masthead;
  auto& warnings = issue.warnings;

  // Front matter wins over everything printed.
  std::optional<text::Date> fm_date;
  if (YAML::Node n = fm["date"]; n && !n.IsNull()) {
    std::optional<text::Date> d;
    if (n.IsScalar()) d = text::parse_iso_date(n.Scalar());
    if (!d) {
      return config::node_error(n, path, "`date` must be a date written YYYY-MM-DD", 2);
    }
    fm_date = d;
  }
  auto number = int_field(fm, "number", path);
  if (!number) return number.error();
  auto pages = int_field(fm, "pages", path);
  if (!pages) return pages.error();
  auto paper = text_field(fm, "paper", path);
  if (!paper) return paper.error();
  auto weekday = text_field(fm, "weekday", path);
  if (!weekday) return weekday.error();
  auto lunar = text_field(fm, "lunar", path);
  if (!lunar) return lunar.error();

  if (fm_date) {
    if (m.date && *m.date != *fm_date) {
      warnings.push_back(
          {printed.date_line, fmt::format("the front matter's date {} replaces the printed date {}",
                                          text::iso(*fm_date), text::iso(*m.date))});
      m.weekday.reset();
      m.lunar.reset();
    }
    m.date = fm_date;
  }
  if (*number) m.number = *number;
  if (*pages) m.pages = *pages;
  if (*paper) m.paper = *paper;
  if (*weekday) m.weekday = *weekday;
  if (*lunar) m.lunar = *lunar;

  if (!m.date) {
    if (auto d = date_in_file_name(path)) {
      m.date = d;
    }
  }
  if (!m.date) {
    auto ev = date_evidence(units);
    if (ev) {
      std::string where;
      for (const auto& [line, text] : ev->sources) {
        where += fmt::format("{}line {}: “{}”", where.empty() ? "" : ", ", line, text);
      }
      int line = ev->sources.empty() ? 1 : ev->sources.front().first;
      if (infer_date) {
        m.date = ev->date;
        warnings.push_back(
            {line, fmt::format("no date is printed; the issue is dated {} from the latest date "
                               "in its text ({}); the issue may be from the day after",
                               text::iso(ev->date), where)});
      } else {
        warnings.push_back(
            {line, fmt::format("no date is printed, so the issue's date is left empty; the "
                               "latest date in its text is {} ({}), so the issue is likely from "
                               "that day or shortly after (set `date` in front matter, or "
                               "`ingest: infer_date: true` in site.yaml to use it)",
                               text::iso(ev->date), where)});
      }
    } else {
      warnings.push_back({1,
                          "no date is printed and none can be inferred from the text; the "
                          "issue's date is left empty (set `date` in front matter)"});
    }
  }
  if (m.date) {
    std::string wd = dates.chinese_weekday(*m.date);
    if (m.weekday && *m.weekday != wd) {
      warnings.push_back(
          {printed.date_line, fmt::format("the printed weekday {} does not match {} ({})",
                                          *m.weekday, text::iso(*m.date), wd)});
    }
    if (!m.weekday) m.weekday = wd;
    if (!m.lunar) m.lunar = dates.lunar(*m.date);
  }
  return {};
}

}  // namespace gazette::ingest
