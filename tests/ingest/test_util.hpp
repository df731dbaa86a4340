// Helpers shared by the ingestion tests: ingest a text with default options.
#pragma once

#include <string>
#include <string_view>

#include "base/file.hpp"
#include "ingest/ingest.hpp"
#include "model/issue.hpp"

namespace gazette::ingest::testing {

// One Ingester for the whole test program (ICU objects are costly to create).
inline const Ingester& default_ingester() {
  static const Ingester ingester{Options{}};
  return ingester;
}

// Ingests `text` as the file `path`; fails the test on an error.
inline model::Issue parse(std::string_view text, std::string_view path = "issue.txt") {
  auto r = default_ingester().ingest(text, path);
  if (!r) return model::Issue{};
  return std::move(r).value();
}

// The paragraphs of an article (sub-headings left out).
inline std::vector<std::string> paragraphs(const model::Article& a) {
  std::vector<std::string> out;
  for (const auto& b : a.body) {
    if (b.type == model::Block::Type::kParagraph) out.push_back(b.text);
  }
  return out;
}

// Whether any warning's message contains `needle`.
inline bool warned(const model::Issue& issue, std::string_view needle) {
  for (const auto& w : issue.warnings) {
    if (w.message.find(needle) != std::string::npos) return true;
  }
  return false;
}

// A sample issue's bytes.
inline std::string sample(std::string_view name) {
  auto r = read_file(std::string(GAZETTE_SAMPLES_DIR) + "/" + std::string(name));
  return r ? *r : std::string();
}

}  // namespace gazette::ingest::testing
