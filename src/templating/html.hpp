// HTML text as Jinja2 (MarkupSafe) handles it: escaping (& < > ' " → &amp; &lt; &gt; &#39;
// &#34;), stripping tags, and Python's html.unescape() with the full HTML5 entity table.
#pragma once

#include <string>
#include <string_view>

#include "templating/value.hpp"

namespace gazette::templating {

// Appends `text` with the five HTML-special characters escaped.
void escape_html(std::string_view text, std::string& out);
// MarkupSafe's escape(): Markup stays as it is, anything else is turned into text (str()) and
// escaped; the result is Markup.
Value escape(const Value& value);
// Whether escaping would change the text.
bool needs_escaping(std::string_view text);

// Markup.striptags(): comments and tags removed, white space collapsed to single spaces,
// entities unescaped.
std::string striptags(std::string_view html);
// The same, as a string value built in place.
Value striptags_value(std::string_view html);

// Python's html.unescape(): named (HTML5) and numeric character references decoded.
std::string unescape(std::string_view html);

}  // namespace gazette::templating
