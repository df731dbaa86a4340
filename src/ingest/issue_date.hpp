// The issue's date and masthead, from the first source that gives them: the file's YAML front
// matter, the printed masthead, a YYYY-MM-DD date in the file name, and last the text's own
// evidence (the latest full date in signatures and datelines, the year carried to 11月9日电-style
// datelines) — reported as a warning naming that evidence, and used as the date only when the
// site asks for it (`infer_date`). Otherwise the date is null, with a warning: never a guess
// presented as fact.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string_view>
#include <vector>

#include "base/result.hpp"
#include "ingest/masthead.hpp"
#include "ingest/units.hpp"
#include "model/issue.hpp"
#include "text/calendar.hpp"

namespace gazette::ingest {

// The latest date the text itself gives in signatures and datelines, and where.
struct DateEvidence {
  text::Date date;
  std::vector<std::pair<int, std::string>> sources;  // (line, text as printed)
};

// Dates of signatures and datelines among the units; nothing without a full year anywhere.
std::optional<DateEvidence> date_evidence(const std::vector<Unit>& units);

// Fills `issue.masthead` from front matter (`date`, `number`, `pages`, `paper`, `weekday`,
// `lunar`), the printed masthead, the file name and the evidence, in that order, adding
// warnings. Invalid front-matter values are errors at their position in `path`.
Status resolve_masthead(model::Issue& issue, const YAML::Node& front_matter,
                        const MastheadScan& printed, const std::vector<Unit>& units,
                        std::string_view path, bool infer_date, const text::DateFormatter& dates);

}  // namespace gazette::ingest
