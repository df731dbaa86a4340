// Issues in gazette's binary cache encoding (base/binary.hpp): what a rebuild reads instead of
// ingesting an unchanged issue again.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/binary.hpp"
#include "model/issue.hpp"

namespace gazette::model {

// Appends what an article says (every field but its line numbers in the source) to `out`:
// part of `write_issue`, and what tells whether an article changed.
void write_article(BinaryWriter& out, const Article& article);

// Appends `issue` to `out`.
void write_issue(BinaryWriter& out, const Issue& issue);

// Reads an issue written by `write_issue`; false (and `in.ok()` false) when the bytes are
// damaged.
bool read_issue(BinaryReader& in, Issue& issue);

}  // namespace gazette::model
