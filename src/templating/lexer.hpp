// The lexer: template source → tokens, with Jinja2's rules exactly — `{{ }}`, `{% %}`, `{# #}`,
// whitespace control (`{%-`, `-%}`, `{%+`, `+%}`), trim_blocks / lstrip_blocks,
// `{% raw %}`, bracket balancing inside tags, Python literals (`0x1F`, `1_000`, `1e-3`,
// strings with Python's escapes), and the removal of one trailing newline.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.hpp"

namespace gazette::templating {

enum class TokenType : uint8_t {
  kData,           // template text
  kVariableBegin,  // {{
  kVariableEnd,    // }}
  kBlockBegin,     // {%
  kBlockEnd,       // %}
  kName,
  kString,
  kInteger,
  kFloat,
  // operators
  kAdd,
  kSub,
  kDiv,
  kFloorDiv,
  kMul,
  kMod,
  kPow,
  kTilde,
  kLBracket,
  kRBracket,
  kLParen,
  kRParen,
  kLBrace,
  kRBrace,
  kEq,
  kNe,
  kGt,
  kGtEq,
  kLt,
  kLtEq,
  kAssign,
  kDot,
  kColon,
  kPipe,
  kComma,
  kSemicolon,
  kEof,
};

// One token. `text` is the token's text (a name, an operator, template data) or, for string
// literals, the decoded value; it points into the source or into the lexer's string store.
struct Token {
  TokenType type = TokenType::kEof;
  uint32_t offset = 0;  // byte offset in the (normalised) source
  std::string_view text;
  int64_t int_value = 0;
  double float_value = 0;
};

// How a template's text is cut into tokens (Jinja2's Environment options of the same names).
struct LexerOptions {
  bool trim_blocks = false;            // drop the first newline after a block tag
  bool lstrip_blocks = false;          // strip spaces before a block tag on its line
  bool keep_trailing_newline = false;  // keep the template's final newline
};

// A position-less error from the lexer or parser: the message and where it happened.
struct SyntaxError {
  uint32_t offset = 0;
  std::string message;
};

// Jinja2's newline handling of template source: \r\n and \r become \n, and unless
// `keep_trailing_newline`, one final newline is dropped. Token offsets refer to this text.
std::string normalize_source(std::string_view source, bool keep_trailing_newline);

// Tokenizes normalised source. Decoded string literals are stored in `strings` (whose
// elements never move), so tokens stay valid as long as the source and the store.
// The last token is kEof. Fails with the first lexical error.
bool tokenize(std::string_view source, const LexerOptions& options,
              std::deque<std::string>& strings, std::vector<Token>& tokens, SyntaxError& error);

// How a token type reads in messages ("end of print statement", "'('").
std::string describe_token_type(TokenType type);
// How a token reads in messages (a name is its text).
std::string describe_token(const Token& token);

}  // namespace gazette::templating
