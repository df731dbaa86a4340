#include "templating/lexer.hpp"

#include <unicode/uchar.h>

#include <cstdio>

#include "templating/pyformat.hpp"
#include "templating/pystr.hpp"

namespace gazette::templating {

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// (\d+_)*\d+ at `i`: digits with single underscores between them. Returns the end or npos.
size_t match_digits(std::string_view s, size_t i, bool (*digit)(char) = is_digit) {
  if (i >= s.size() || !digit(s[i])) return std::string_view::npos;
  while (true) {
    while (i < s.size() && digit(s[i])) ++i;
    if (i + 1 < s.size() && s[i] == '_' && digit(s[i + 1])) {
      ++i;
      continue;
    }
    return i;
  }
}

// Jinja2's float_re at `i`, or npos.
size_t match_float(std::string_view s, size_t i) {
  if (i > 0 && s[i - 1] == '.') return std::string_view::npos;
  size_t p = match_digits(s, i);
  if (p == std::string_view::npos) return p;
  // Exponent form: digits, optional fraction, exponent.
  size_t q = p;
  if (q < s.size() && s[q] == '.') {
    size_t f = match_digits(s, q + 1);
    if (f != std::string_view::npos) q = f;
  }
  if (q < s.size() && (s[q] == 'e' || s[q] == 'E')) {
    size_t e = q + 1;
    if (e < s.size() && (s[e] == '+' || s[e] == '-')) ++e;
    size_t end = match_digits(s, e);
    if (end != std::string_view::npos) return end;
  }
  // Fraction form.
  if (p < s.size() && s[p] == '.') {
    size_t f = match_digits(s, p + 1);
    if (f != std::string_view::npos) return f;
  }
  return std::string_view::npos;
}

bool is_bin(char c) {
  return c == '0' || c == '1';
}
bool is_oct(char c) {
  return c >= '0' && c <= '7';
}
bool is_hex(char c) {
  return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}

// (_?[class])+ at i.
size_t match_prefixed_digits(std::string_view s, size_t i, bool (*digit)(char)) {
  size_t end = std::string_view::npos;
  while (true) {
    size_t j = i;
    if (j < s.size() && s[j] == '_') ++j;
    if (j < s.size() && digit(s[j])) {
      i = j + 1;
      end = i;
    } else {
      return end;
    }
  }
}

// Jinja2's integer_re at `i`, or npos.
size_t match_integer(std::string_view s, size_t i) {
  if (i >= s.size() || !is_digit(s[i])) return std::string_view::npos;
  if (s[i] == '0' && i + 1 < s.size()) {
    char p = static_cast<char>(s[i + 1] | 0x20);
    bool (*digit)(char) = p == 'b' ? is_bin : p == 'o' ? is_oct : p == 'x' ? is_hex : nullptr;
    if (digit) {
      size_t end = match_prefixed_digits(s, i + 2, digit);
      if (end != std::string_view::npos) return end;
    }
  }
  if (s[i] != '0') {
    size_t j = i + 1;
    while (true) {
      size_t k = j;
      if (k < s.size() && s[k] == '_') ++k;
      if (k < s.size() && is_digit(s[k])) {
        j = k + 1;
      } else {
        return j;
      }
    }
  }
  // 0(_?0)*
  size_t j = i + 1;
  while (true) {
    size_t k = j;
    if (k < s.size() && s[k] == '_') ++k;
    if (k < s.size() && s[k] == '0') {
      j = k + 1;
    } else {
      return j;
    }
  }
}

bool parse_integer(std::string_view text, int64_t& out) {
  std::string digits;
  for (char c : text) {
    if (c != '_') digits += c;
  }
  int base = 10;
  size_t start = 0;
  if (digits.size() > 1 && digits[0] == '0') {
    char p = static_cast<char>(digits[1] | 0x20);
    if (p == 'b') base = 2;
    if (p == 'o') base = 8;
    if (p == 'x') base = 16;
    if (base != 10) start = 2;
  }
  uint64_t value = 0;
  for (size_t i = start; i < digits.size(); ++i) {
    int d = is_digit(digits[i]) ? digits[i] - '0' : (digits[i] | 0x20) - 'a' + 10;
    if (value > (UINT64_MAX - static_cast<uint64_t>(d)) / static_cast<uint64_t>(base)) return false;
    value = value * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
  }
  if (value > static_cast<uint64_t>(INT64_MAX)) return false;
  out = static_cast<int64_t>(value);
  return true;
}

size_t skip_space(std::string_view s, size_t i) {
  while (i < s.size()) {
    size_t j = i;
    if (!pystr::is_space(pystr::next(s, j))) break;
    i = j;
  }
  return i;
}

void append_hex(std::string& out, uint32_t value, int digits) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*x", digits, value);
  out += buf;
}

// Python's unicode-escape decoding of a string literal's body (after Jinja2's
// backslashreplace encoding of non-ASCII characters).
bool decode_string(std::string_view body, std::string& out, std::string& error) {
  for (size_t i = 0; i < body.size();) {
    char32_t c = pystr::next(body, i);
    if (c != '\\') {
      pystr::append(out, c);
      continue;
    }
    if (i >= body.size()) {
      error = "\\ at end of string";
      return false;
    }
    char32_t n = pystr::next(body, i);
    if (n >= 0x80) {
      // backslashreplace made the character an escape whose backslash pairs with this one.
      out += '\\';
      if (n < 0x100) {
        out += 'x';
        append_hex(out, n, 2);
      } else if (n < 0x10000) {
        out += 'u';
        append_hex(out, n, 4);
      } else {
        out += 'U';
        append_hex(out, n, 8);
      }
      continue;
    }
    auto hex_escape = [&](int digits, const char* name) -> bool {
      uint32_t value = 0;
      for (int k = 0; k < digits; ++k) {
        if (i >= body.size() || !is_hex(body[i])) {
          error = std::string("truncated ") + name + " escape";
          return false;
        }
        char h = body[i++];
        value = value * 16 + static_cast<uint32_t>(is_digit(h) ? h - '0' : (h | 0x20) - 'a' + 10);
      }
      if (value > 0x10FFFF) {
        error = "illegal Unicode character";
        return false;
      }
      if (value >= 0xD800 && value <= 0xDFFF) {
        error = "surrogate characters are not allowed in templates";
        return false;
      }
      pystr::append(out, value);
      return true;
    };
    switch (n) {
      case '\n':
        break;
      case '\\':
        out += '\\';
        break;
      case '\'':
        out += '\'';
        break;
      case '"':
        out += '"';
        break;
      case 'a':
        out += '\a';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'v':
        out += '\v';
        break;
      case 'x':
        if (!hex_escape(2, "\\xXX")) return false;
        break;
      case 'u':
        if (!hex_escape(4, "\\uXXXX")) return false;
        break;
      case 'U':
        if (!hex_escape(8, "\\UXXXXXXXX")) return false;
        break;
      case 'N': {
        if (i >= body.size() || body[i] != '{') {
          error = "malformed \\N character escape";
          return false;
        }
        size_t close = body.find('}', i);
        if (close == std::string_view::npos || close == i + 1) {
          error = "malformed \\N character escape";
          return false;
        }
        std::string name(body.substr(i + 1, close - i - 1));
        UErrorCode err = U_ZERO_ERROR;
        UChar32 cp = u_charFromName(U_EXTENDED_CHAR_NAME, name.c_str(), &err);
        if (U_FAILURE(err) || cp < 0) {
          err = U_ZERO_ERROR;
          cp = u_charFromName(U_CHAR_NAME_ALIAS, name.c_str(), &err);
        }
        if (U_FAILURE(err) || cp < 0 || name.find('<') != std::string::npos) {
          error = "unknown Unicode character name";
          return false;
        }
        pystr::append(out, static_cast<char32_t>(cp));
        i = close + 1;
        break;
      }
      default:
        if (n >= '0' && n <= '7') {
          uint32_t value = n - '0';
          for (int k = 0; k < 2 && i < body.size() && is_oct(body[i]); ++k) {
            value = value * 8 + static_cast<uint32_t>(body[i++] - '0');
          }
          pystr::append(out, value);
        } else {
          out += '\\';
          pystr::append(out, n);
        }
    }
  }
  return true;
}

struct Operator {
  std::string_view text;
  TokenType type;
};

// Longest first, as Jinja2's operator regex.
constexpr Operator kOperators[] = {
    {"**", TokenType::kPow},     {"//", TokenType::kFloorDiv}, {"==", TokenType::kEq},
    {"!=", TokenType::kNe},      {">=", TokenType::kGtEq},     {"<=", TokenType::kLtEq},
    {"+", TokenType::kAdd},      {"-", TokenType::kSub},       {"/", TokenType::kDiv},
    {"*", TokenType::kMul},      {"%", TokenType::kMod},       {"~", TokenType::kTilde},
    {"[", TokenType::kLBracket}, {"]", TokenType::kRBracket},  {"(", TokenType::kLParen},
    {")", TokenType::kRParen},   {"{", TokenType::kLBrace},    {"}", TokenType::kRBrace},
    {">", TokenType::kGt},       {"<", TokenType::kLt},        {"=", TokenType::kAssign},
    {".", TokenType::kDot},      {":", TokenType::kColon},     {"|", TokenType::kPipe},
    {",", TokenType::kComma},    {";", TokenType::kSemicolon},
};

class Lexer {
 public:
  Lexer(std::string_view source, const LexerOptions& options, std::deque<std::string>& strings,
        std::vector<Token>& tokens, SyntaxError& error)
      : s_(source), options_(options), strings_(strings), tokens_(tokens), error_(error) {}

  bool run() {
    while (pos_ < s_.size()) {
      if (!root()) return false;
    }
    // Like Jinja2, the end of the template is reported where the last token started.
    emit(TokenType::kEof, tokens_.empty() ? 0 : tokens_.back().offset, {});
    return true;
  }

 private:
  enum class Tag { kVariable, kBlock, kComment, kRaw };

  bool fail(size_t offset, std::string message) {
    error_.offset = static_cast<uint32_t>(offset);
    error_.message = std::move(message);
    return false;
  }

  void emit(TokenType type, size_t offset, std::string_view text) {
    Token t;
    t.type = type;
    t.offset = static_cast<uint32_t>(offset);
    t.text = text;
    tokens_.push_back(t);
  }

  // Applies `-` / lstrip_blocks to the text before a tag; returns the kept text.
  std::string_view strip_before(std::string_view text, char sign, bool is_variable) {
    if (sign == '-') return pystr::rstrip(text);
    if (sign != '+' && options_.lstrip_blocks && !is_variable) {
      size_t l_pos = text.rfind('\n');
      l_pos = l_pos == std::string_view::npos ? 0 : l_pos + 1;
      if (l_pos > 0 || line_starting_) {
        std::string_view tail = text.substr(l_pos);
        if (!tail.empty() && skip_space(tail, 0) == tail.size()) return text.substr(0, l_pos);
      }
    }
    return text;
  }

  // `{% raw %}` at `p` (which holds "{%"): the end of the raw tag, or npos.
  size_t match_raw_begin(size_t p, char& sign) {
    size_t i = p + 2;
    sign = 0;
    if (i < s_.size() && (s_[i] == '-' || s_[i] == '+')) sign = s_[i++];
    i = skip_space(s_, i);
    if (s_.substr(i, 3) != "raw") return std::string_view::npos;
    i = skip_space(s_, i + 3);
    if (s_.substr(i, 3) == "-%}") return skip_space(s_, i + 3);
    if (s_.substr(i, 2) == "%}") return i + 2;
    return std::string_view::npos;
  }

  bool root() {
    // The next tag start.
    size_t p = pos_;
    Tag tag = Tag::kVariable;
    for (;; ++p) {
      p = s_.find('{', p);
      if (p == std::string_view::npos || p + 1 >= s_.size()) {
        p = std::string_view::npos;
        break;
      }
      char n = s_[p + 1];
      if (n == '{') {
        tag = Tag::kVariable;
        break;
      }
      if (n == '%') {
        tag = Tag::kBlock;
        break;
      }
      if (n == '#') {
        tag = Tag::kComment;
        break;
      }
    }
    if (p == std::string_view::npos) {
      emit(TokenType::kData, pos_, s_.substr(pos_));
      pos_ = s_.size();
      return true;
    }
    char sign = 0;
    size_t tag_end;
    if (tag == Tag::kBlock) {
      size_t raw_end = match_raw_begin(p, sign);
      if (raw_end != std::string_view::npos) {
        tag = Tag::kRaw;
        tag_end = raw_end;
      }
    }
    if (tag != Tag::kRaw) {
      tag_end = p + 2;
      if (tag_end < s_.size() && (s_[tag_end] == '-' || s_[tag_end] == '+')) sign = s_[tag_end++];
    }
    std::string_view text = strip_before(s_.substr(pos_, p - pos_), sign, tag == Tag::kVariable);
    if (!text.empty()) emit(TokenType::kData, pos_, text);
    line_starting_ = tag == Tag::kRaw && s_[tag_end - 1] == '\n';
    pos_ = tag_end;
    switch (tag) {
      case Tag::kVariable:
        emit(TokenType::kVariableBegin, p, s_.substr(p, tag_end - p));
        return inside_tag(false);
      case Tag::kBlock:
        emit(TokenType::kBlockBegin, p, s_.substr(p, tag_end - p));
        return inside_tag(true);
      case Tag::kComment:
        return comment(p);
      case Tag::kRaw:
        return raw(p);
    }
    return true;
  }

  // The end of a block tag at pos_ (`+%}`, `-%}\s*`, `%}\n?`), or npos.
  size_t match_block_end(size_t i) {
    if (s_.substr(i, 3) == "+%}") return i + 3;
    if (s_.substr(i, 3) == "-%}") return skip_space(s_, i + 3);
    if (s_.substr(i, 2) == "%}") {
      size_t end = i + 2;
      if (options_.trim_blocks && end < s_.size() && s_[end] == '\n') ++end;
      return end;
    }
    return std::string_view::npos;
  }

  size_t match_variable_end(size_t i) {
    if (s_.substr(i, 3) == "-}}") return skip_space(s_, i + 3);
    if (s_.substr(i, 2) == "}}") return i + 2;
    return std::string_view::npos;
  }

  bool comment(size_t begin) {
    size_t close = s_.find("#}", pos_);
    if (close == std::string_view::npos) return fail(begin, "Missing end of comment tag");
    size_t end;
    if (close > pos_ && s_[close - 1] == '-') {
      end = skip_space(s_, close + 2);
    } else {
      end = close + 2;
      if (!(close > pos_ && s_[close - 1] == '+') && options_.trim_blocks && end < s_.size() &&
          s_[end] == '\n')
        ++end;
    }
    line_starting_ = s_[end - 1] == '\n';
    pos_ = end;
    return true;
  }

  bool raw(size_t begin) {
    size_t search = pos_;
    while (true) {
      size_t p = s_.find("{%", search);
      if (p == std::string_view::npos) return fail(begin, "Missing end of raw directive");
      size_t i = p + 2;
      char sign = 0;
      if (i < s_.size() && (s_[i] == '-' || s_[i] == '+')) sign = s_[i++];
      i = skip_space(s_, i);
      if (s_.substr(i, 6) != "endraw") {
        search = p + 1;
        continue;
      }
      i = skip_space(s_, i + 6);
      size_t end = match_block_end(i);
      if (end == std::string_view::npos) {
        search = p + 1;
        continue;
      }
      std::string_view text = strip_before(s_.substr(pos_, p - pos_), sign, false);
      if (!text.empty()) emit(TokenType::kData, pos_, text);
      line_starting_ = s_[end - 1] == '\n';
      pos_ = end;
      return true;
    }
  }

  bool inside_tag(bool block) {
    std::vector<char> balance;
    while (true) {
      if (pos_ >= s_.size()) return true;  // the parser reports the missing end
      if (balance.empty()) {
        size_t end = block ? match_block_end(pos_) : match_variable_end(pos_);
        if (end != std::string_view::npos) {
          emit(block ? TokenType::kBlockEnd : TokenType::kVariableEnd, pos_,
               s_.substr(pos_, end - pos_));
          line_starting_ = s_[end - 1] == '\n';
          pos_ = end;
          return true;
        }
      }
      size_t start = pos_;
      // White space.
      size_t ws = skip_space(s_, pos_);
      if (ws > pos_) {
        pos_ = ws;
        continue;
      }
      // Numbers.
      size_t end = match_float(s_, pos_);
      if (end != std::string_view::npos) {
        std::string text;
        for (char c : s_.substr(start, end - start)) {
          if (c != '_') text += c;
        }
        Token t;
        t.type = TokenType::kFloat;
        t.offset = static_cast<uint32_t>(start);
        t.text = s_.substr(start, end - start);
        t.float_value = std::strtod(text.c_str(), nullptr);
        tokens_.push_back(t);
        pos_ = end;
        continue;
      }
      end = match_integer(s_, pos_);
      if (end != std::string_view::npos) {
        Token t;
        t.type = TokenType::kInteger;
        t.offset = static_cast<uint32_t>(start);
        t.text = s_.substr(start, end - start);
        if (!parse_integer(t.text, t.int_value))
          return fail(start, "integer literal too large (gazette integers are 64-bit)");
        tokens_.push_back(t);
        pos_ = end;
        continue;
      }
      // Names.
      {
        size_t i = pos_;
        while (i < s_.size()) {
          size_t j = i;
          char32_t c = pystr::next(s_, j);
          if (!(pystr::is_word(c) || pystr::is_identifier_continue(c))) break;
          i = j;
        }
        if (i > pos_) {
          std::string_view name = s_.substr(pos_, i - pos_);
          size_t k = 0;
          bool ok = pystr::is_identifier_start(pystr::next(name, k));
          while (ok && k < name.size()) ok = pystr::is_identifier_continue(pystr::next(name, k));
          if (!ok) return fail(start, "Invalid character in identifier");
          emit(TokenType::kName, start, name);
          pos_ = i;
          continue;
        }
      }
      // Strings.
      char q = s_[pos_];
      if (q == '\'' || q == '"') {
        size_t i = pos_ + 1;
        bool closed = false;
        while (i < s_.size()) {
          if (s_[i] == '\\' && i + 1 < s_.size()) {
            i += 2;
            continue;
          }
          if (s_[i] == '\\') break;
          if (s_[i] == q) {
            closed = true;
            break;
          }
          ++i;
        }
        if (closed) {
          std::string decoded;
          std::string message;
          if (!decode_string(s_.substr(pos_ + 1, i - pos_ - 1), decoded, message))
            return fail(start, message);
          strings_.push_back(std::move(decoded));
          emit(TokenType::kString, start, strings_.back());
          pos_ = i + 1;
          continue;
        }
      }
      // Operators.
      bool matched = false;
      for (const Operator& op : kOperators) {
        if (s_.substr(pos_, op.text.size()) == op.text) {
          char c = op.text[0];
          if (op.text.size() == 1 && (c == '{' || c == '(' || c == '[')) {
            balance.push_back(c == '{' ? '}' : c == '(' ? ')' : ']');
          } else if (op.text.size() == 1 && (c == '}' || c == ')' || c == ']')) {
            if (balance.empty()) return fail(start, std::string("unexpected '") + c + "'");
            char expected = balance.back();
            balance.pop_back();
            if (expected != c)
              return fail(start,
                          std::string("unexpected '") + c + "', expected '" + expected + "'");
          }
          emit(op.type, start, op.text);
          pos_ += op.text.size();
          matched = true;
          break;
        }
      }
      if (matched) continue;
      size_t j = pos_;
      char32_t c = pystr::next(s_, j);
      std::string ch;
      pystr::append(ch, c);
      std::string repr;
      python_repr_string(ch, repr);
      return fail(start, "unexpected char " + repr + " at " +
                             std::to_string(pystr::length(s_.substr(0, pos_))));
    }
  }

  std::string_view s_;
  const LexerOptions& options_;
  std::deque<std::string>& strings_;
  std::vector<Token>& tokens_;
  SyntaxError& error_;
  size_t pos_ = 0;
  bool line_starting_ = true;
};

}  // namespace

std::string normalize_source(std::string_view source, bool keep_trailing_newline) {
  std::string out;
  out.reserve(source.size());
  for (size_t i = 0; i < source.size(); ++i) {
    char c = source[i];
    if (c == '\r') {
      out += '\n';
      if (i + 1 < source.size() && source[i + 1] == '\n') ++i;
    } else {
      out += c;
    }
  }
  if (!keep_trailing_newline && !out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

bool tokenize(std::string_view source, const LexerOptions& options,
              std::deque<std::string>& strings, std::vector<Token>& tokens, SyntaxError& error) {
  tokens.clear();
  Lexer lexer(source, options, strings, tokens, error);
  return lexer.run();
}

std::string describe_token_type(TokenType type) {
  switch (type) {
    case TokenType::kData:
      return "template data / text";
    case TokenType::kVariableBegin:
      return "begin of print statement";
    case TokenType::kVariableEnd:
      return "end of print statement";
    case TokenType::kBlockBegin:
      return "begin of statement block";
    case TokenType::kBlockEnd:
      return "end of statement block";
    case TokenType::kName:
      return "name";
    case TokenType::kString:
      return "string";
    case TokenType::kInteger:
      return "integer";
    case TokenType::kFloat:
      return "float";
    case TokenType::kEof:
      return "end of template";
    default:
      break;
  }
  for (const Operator& op : kOperators) {
    if (op.type == type) return std::string(op.text);
  }
  return "?";
}

std::string describe_token(const Token& token) {
  if (token.type == TokenType::kName) return std::string(token.text);
  return describe_token_type(token.type);
}

}  // namespace gazette::templating
