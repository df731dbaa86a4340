// Jinja2's built-in filters, tests and global functions, registered on an Environment when it
// is created. Each behaves as Jinja2 3.1's does (see docs/templates.md for the list).
#pragma once

namespace gazette::templating {

class Environment;

// Text filters: capitalize center format indent lower replace string title trim truncate
// upper wordcount wordwrap.
void add_text_filters(Environment& env);
// HTML and URL filters: escape/e forceescape safe striptags tojson urlencode urlize xmlattr.
void add_html_filters(Environment& env);
// Number filters: abs filesizeformat float int round.
void add_number_filters(Environment& env);
// Sequence and dict filters: attr batch default/d dictsort first groupby items join last
// length/count list map max min reject rejectattr reverse select selectattr slice sort sum
// unique.
void add_sequence_filters(Environment& env);
// Tests: defined undefined none boolean true false number integer float string mapping
// iterable sequence callable odd even divisibleby eq/ne/lt/le/gt/ge (and their aliases) in
// sameas lower upper escaped filter test.
void add_builtin_tests(Environment& env);
// Globals: range dict namespace cycler joiner.
void add_builtin_globals(Environment& env);

}  // namespace gazette::templating
