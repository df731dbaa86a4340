#include "templating/pyformat.hpp"

#include <unicode/uchar.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>

#include "templating/call.hpp"
#include "templating/html.hpp"
#include "templating/ops.hpp"
#include "templating/pystr.hpp"

namespace gazette::templating {

namespace {

bool is_printable(char32_t c) {
  if (c == ' ') return true;
  if (c < 0x20 || c == 0x7f) return false;
  if (c < 0x7f) return true;
  switch (u_charType(static_cast<UChar32>(c))) {
    case U_CONTROL_CHAR:
    case U_FORMAT_CHAR:
    case U_SURROGATE:
    case U_PRIVATE_USE_CHAR:
    case U_UNASSIGNED:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
    case U_SPACE_SEPARATOR:
      return false;
    default:
      return true;
  }
}

void append_hex(std::string& out, uint32_t value, int digits) {
  static const char* kHex = "0123456789abcdef";
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += kHex[(value >> shift) & 0xF];
}

void repr_sequence(const Value& v, std::string& out) {
  const auto& items = v.items();
  switch (v.list_kind()) {
    case ListKind::kRange:
      out += "range(";
      out += std::to_string(v.range_start());
      out += ", ";
      out += std::to_string(v.range_stop());
      if (v.range_step() != 1) {
        out += ", ";
        out += std::to_string(v.range_step());
      }
      out += ')';
      return;
    case ListKind::kIterator:
      out += "<generator object>";
      return;
    case ListKind::kTuple:
    case ListKind::kGroup:
      out += '(';
      for (size_t i = 0; i < items.size(); ++i) {
        if (i) out += ", ";
        python_repr(items[i], out);
      }
      if (items.size() == 1) out += ',';
      out += ')';
      return;
    case ListKind::kDictItems:
      out += "dict_items(";
      break;
    case ListKind::kDictKeys:
      out += "dict_keys(";
      break;
    case ListKind::kDictValues:
      out += "dict_values(";
      break;
    case ListKind::kList:
      break;
  }
  out += '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    python_repr(items[i], out);
  }
  out += ']';
  if (v.list_kind() != ListKind::kList) out += ')';
}

void repr_dict(const Value& v, std::string& out) {
  out += '{';
  bool first = true;
  for (const auto& [k, val] : v.entries()) {
    if (!first) out += ", ";
    first = false;
    python_repr(k, out);
    out += ": ";
    python_repr(val, out);
  }
  out += '}';
}

void append_int(std::string& out, int64_t i) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, i);
  out.append(buf, static_cast<size_t>(r.ptr - buf));
}

}  // namespace

void python_float(double value, std::string& out) {
  if (std::isnan(value)) {
    out += "nan";
    return;
  }
  if (std::isinf(value)) {
    out += value < 0 ? "-inf" : "inf";
    return;
  }
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<size_t>(r.ptr - buf));
  bool negative = false;
  if (!sci.empty() && sci[0] == '-') {
    negative = true;
    sci.remove_prefix(1);
  }
  size_t e_pos = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e_pos)) {
    if (c != '.') digits += c;
  }
  int exponent = 0;
  std::from_chars(sci.data() + e_pos + 1 + (sci[e_pos + 1] == '+'), sci.data() + sci.size(),
                  exponent);
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  if (negative) out += '-';
  int decpt = exponent + 1;
  if (decpt <= -4 || decpt > 16) {
    out += digits[0];
    if (digits.size() > 1) {
      out += '.';
      out.append(digits, 1);
    }
    out += 'e';
    out += exponent < 0 ? '-' : '+';
    int a = exponent < 0 ? -exponent : exponent;
    if (a < 10) out += '0';
    out += std::to_string(a);
    return;
  }
  if (decpt <= 0) {
    out += "0.";
    out.append(static_cast<size_t>(-decpt), '0');
    out += digits;
  } else if (static_cast<size_t>(decpt) >= digits.size()) {
    out += digits;
    out.append(static_cast<size_t>(decpt) - digits.size(), '0');
    out += ".0";
  } else {
    out.append(digits, 0, static_cast<size_t>(decpt));
    out += '.';
    out.append(digits, static_cast<size_t>(decpt));
  }
}

void python_repr_string(std::string_view s, std::string& out) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  out += quote;
  for (size_t i = 0; i < s.size();) {
    char32_t c = pystr::next(s, i);
    if (c == static_cast<char32_t>(quote) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (is_printable(c)) {
      pystr::append(out, c);
    } else if (c < 0x100) {
      out += "\\x";
      append_hex(out, c, 2);
    } else if (c < 0x10000) {
      out += "\\u";
      append_hex(out, c, 4);
    } else {
      out += "\\U";
      append_hex(out, c, 8);
    }
  }
  out += quote;
}

void python_str(const Value& v, std::string& out) {
  switch (v.kind()) {
    case Kind::kUndefined:
      return;
    case Kind::kNone:
      out += "None";
      return;
    case Kind::kBool:
      out += v.as_bool() ? "True" : "False";
      return;
    case Kind::kInt:
      append_int(out, v.as_int());
      return;
    case Kind::kFloat:
      python_float(v.as_float(), out);
      return;
    case Kind::kString:
      out += v.as_string();
      return;
    case Kind::kList:
      repr_sequence(v, out);
      return;
    case Kind::kDict:
      repr_dict(v, out);
      return;
    case Kind::kObject:
      v.as_object()->str(out);
      return;
  }
}

void python_repr(const Value& v, std::string& out) {
  switch (v.kind()) {
    case Kind::kUndefined:
      out += "Undefined";
      return;
    case Kind::kString:
      if (v.is_safe()) {
        out += "Markup(";
        python_repr_string(v.as_string(), out);
        out += ')';
      } else {
        python_repr_string(v.as_string(), out);
      }
      return;
    case Kind::kObject:
      v.as_object()->repr(out);
      return;
    default:
      python_str(v, out);
      return;
  }
}

std::string to_python_str(const Value& v) {
  if (v.is_string()) return std::string(v.as_string());
  std::string out;
  python_str(v, out);
  return out;
}

// --- printf-style formatting ---

namespace {

struct Spec {
  bool left = false, plus = false, space = false, zero = false, alt = false;
  int64_t width = -1;
  int64_t precision = -1;
  char type = 0;
};

std::string pad(std::string body, const Spec& spec, bool numeric) {
  int64_t len = static_cast<int64_t>(pystr::length(body));
  if (spec.width <= len) return body;
  size_t n = static_cast<size_t>(spec.width - len);
  if (spec.left) return body + std::string(n, ' ');
  if (spec.zero && numeric) {
    // Zeros go after the sign and base prefix.
    size_t at = 0;
    if (!body.empty() && (body[0] == '-' || body[0] == '+' || body[0] == ' ')) at = 1;
    if (body.size() >= at + 2 && body[at] == '0' &&
        (body[at + 1] == 'x' || body[at + 1] == 'X' || body[at + 1] == 'o' || body[at + 1] == 'b'))
      at += 2;
    body.insert(at, n, '0');
    return body;
  }
  return std::string(n, ' ') + body;
}

std::string int_digits(int64_t v, char type, bool alt) {
  bool negative = v < 0;
  uint64_t mag = negative ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
  int base = type == 'x' || type == 'X' ? 16 : type == 'o' ? 8 : type == 'b' ? 2 : 10;
  const char* digits = type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string s;
  do {
    s += digits[mag % static_cast<uint64_t>(base)];
    mag /= static_cast<uint64_t>(base);
  } while (mag);
  if (alt && base != 10) {
    s += type == 'X' ? 'X' : type == 'x' ? 'x' : type == 'o' ? 'o' : 'b';
    s += '0';
  }
  if (negative) s += '-';
  return std::string(s.rbegin(), s.rend());
}

std::string sign_prefix(const std::string& body, const Spec& spec) {
  if (!body.empty() && body[0] == '-') return body;
  if (spec.plus) return "+" + body;
  if (spec.space) return " " + body;
  return body;
}

std::string c_float(double v, char type, int64_t precision, bool alt) {
  if (precision < 0) precision = 6;
  if (precision > 1000) precision = 1000;
  if (std::isinf(v) || std::isnan(v)) {
    std::string s = std::isnan(v) ? "nan" : v < 0 ? "-inf" : "inf";
    if (std::isupper(static_cast<unsigned char>(type))) s = pystr::upper(s);
    return s;
  }
  char fmt[16];
  std::snprintf(fmt, sizeof fmt, "%%%s.%d%c", alt ? "#" : "", static_cast<int>(precision), type);
  int n = std::snprintf(nullptr, 0, fmt, v);
  std::string s(static_cast<size_t>(n), '\0');
  std::snprintf(s.data(), s.size() + 1, fmt, v);
  return s;
}

Result<std::string> format_one(const Value& arg, const Spec& spec, bool escape_args) {
  switch (spec.type) {
    case 's':
    case 'r':
    case 'a': {
      std::string s;
      if (spec.type == 's') {
        python_str(arg, s);
      } else {
        python_repr(arg, s);
      }
      if (escape_args && !(spec.type == 's' &&
                           (arg.is_safe() || (arg.is_object() && arg.as_object()->is_safe())))) {
        std::string escaped;
        escape_html(s, escaped);
        s = std::move(escaped);
      }
      if (spec.precision >= 0) s = pystr::slice(s, 0, spec.precision, 1);
      return pad(std::move(s), spec, false);
    }
    case 'd':
    case 'i':
    case 'u':
    case 'x':
    case 'X':
    case 'o': {
      int64_t v;
      if (arg.is_int() || arg.is_bool()) {
        v = arg.is_bool() ? arg.as_bool() : arg.as_int();
      } else if (arg.is_float() && (spec.type == 'd' || spec.type == 'i' || spec.type == 'u')) {
        double f = arg.as_float();
        if (std::isnan(f) || std::isinf(f)) return failure("cannot convert float to integer");
        v = static_cast<int64_t>(std::trunc(f));
      } else if (spec.type == 'd' || spec.type == 'i' || spec.type == 'u') {
        return failure("%" + std::string(1, spec.type) +
                       " format: a real number is required, not " + std::string(arg.type_name()));
      } else {
        return failure("%" + std::string(1, spec.type) + " format: an integer is required, not " +
                       std::string(arg.type_name()));
      }
      char t = spec.type == 'i' || spec.type == 'u' ? 'd' : spec.type;
      std::string body = int_digits(v, t, spec.alt);
      if (spec.precision >= 0) {
        size_t start = body[0] == '-' ? 1 : 0;
        if (spec.alt && t != 'd') start += 2;
        size_t ndigits = body.size() - start;
        if (static_cast<int64_t>(ndigits) < spec.precision)
          body.insert(start, static_cast<size_t>(spec.precision) - ndigits, '0');
      }
      return pad(sign_prefix(body, spec), spec, true);
    }
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G': {
      if (!arg.is_number()) {
        return failure("must be real number, not " + std::string(arg.type_name()));
      }
      std::string body = c_float(arg.to_double(), spec.type, spec.precision, spec.alt);
      return pad(sign_prefix(body, spec), spec,
                 !std::isinf(arg.to_double()) && !std::isnan(arg.to_double()));
    }
    case 'c': {
      std::string s;
      if (arg.is_int()) {
        if (arg.as_int() < 0 || arg.as_int() > 0x10FFFF)
          return failure("%c arg not in range(0x110000)");
        pystr::append(s, static_cast<char32_t>(arg.as_int()));
      } else if (arg.is_string() && pystr::length(arg.as_string()) == 1) {
        s = std::string(arg.as_string());
      } else {
        return failure("%c requires int or char");
      }
      return pad(std::move(s), spec, false);
    }
    default:
      break;
  }
  return failure("unsupported format character");
}

}  // namespace

Result<std::string> percent_format(std::string_view format, const Value& args, bool escape_args) {
  std::vector<Value> positional;
  const Value* mapping = nullptr;
  if (args.is_list() && is_tuple_kind(args.list_kind())) {
    positional = args.items();
  } else {
    if (args.is_dict()) mapping = &args;
    positional.push_back(args);
  }
  size_t next_arg = 0;
  bool used_mapping = false;
  std::string out;
  for (size_t i = 0; i < format.size();) {
    char c = format[i];
    if (c != '%') {
      size_t end = format.find('%', i);
      if (end == std::string_view::npos) end = format.size();
      out.append(format.substr(i, end - i));
      i = end;
      continue;
    }
    ++i;
    if (i >= format.size()) return failure("incomplete format");
    const Value* arg = nullptr;
    Value keyed;
    if (format[i] == '(') {
      if (!mapping) return failure("format requires a mapping");
      int depth = 1;
      size_t start = ++i;
      while (i < format.size() && depth > 0) {
        if (format[i] == '(') ++depth;
        if (format[i] == ')') --depth;
        ++i;
      }
      if (depth > 0) return failure("incomplete format key");
      std::string_view key = format.substr(start, i - 1 - start);
      const Value* found = mapping->find(key);
      if (!found) return failure("KeyError: '" + std::string(key) + "'");
      keyed = *found;
      arg = &keyed;
      used_mapping = true;
    }
    Spec spec;
    for (; i < format.size(); ++i) {
      char f = format[i];
      if (f == '-')
        spec.left = true;
      else if (f == '+')
        spec.plus = true;
      else if (f == ' ')
        spec.space = true;
      else if (f == '#')
        spec.alt = true;
      else if (f == '0')
        spec.zero = true;
      else
        break;
    }
    auto read_number = [&](int64_t& target) -> Status {
      if (i < format.size() && format[i] == '*') {
        ++i;
        if (next_arg >= positional.size() || mapping)
          return failure("not enough arguments for format string");
        const Value& n = positional[next_arg++];
        if (!n.is_int()) return failure("* wants int");
        target = n.as_int();
        return {};
      }
      if (i < format.size() && std::isdigit(static_cast<unsigned char>(format[i]))) {
        target = 0;
        while (i < format.size() && std::isdigit(static_cast<unsigned char>(format[i]))) {
          target = target * 10 + (format[i] - '0');
          if (target > 100000) return failure("width too big");
          ++i;
        }
      }
      return {};
    };
    if (Status s = read_number(spec.width); !s) return s.error();
    if (spec.width < 0 && spec.width != -1) {
      spec.left = true;
      spec.width = -spec.width;
    }
    if (i < format.size() && format[i] == '.') {
      ++i;
      spec.precision = 0;
      if (Status s = read_number(spec.precision); !s) return s.error();
    }
    while (i < format.size() && (format[i] == 'h' || format[i] == 'l' || format[i] == 'L')) ++i;
    if (i >= format.size()) return failure("incomplete format");
    spec.type = format[i++];
    if (spec.type == '%') {
      out += '%';
      continue;
    }
    if (!arg) {
      if (next_arg >= positional.size()) return failure("not enough arguments for format string");
      arg = &positional[next_arg++];
    }
    if (std::string_view("sradiuxXoeEfFgGc").find(spec.type) == std::string_view::npos) {
      char buf[128];
      std::snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %zu",
                    spec.type, static_cast<unsigned char>(spec.type), i - 1);
      return failure(buf);
    }
    auto piece = format_one(*arg, spec, escape_args);
    if (!piece) return piece.error();
    out += *piece;
  }
  if (!mapping && next_arg < positional.size())
    return failure("not all arguments converted during string formatting");
  (void)used_mapping;
  return out;
}

// --- format-spec mini-language and str.format ---

namespace {

struct FormatSpec {
  char32_t fill = U' ';
  char align = 0;  // < > ^ =
  char sign = 0;   // + - space
  bool alt = false;
  bool zero = false;
  int64_t width = -1;
  char grouping = 0;  // , or _
  int64_t precision = -1;
  char type = 0;
};

Result<FormatSpec> parse_spec(std::string_view spec) {
  FormatSpec f;
  size_t i = 0;
  auto align_char = [](char32_t c) { return c == '<' || c == '>' || c == '^' || c == '='; };
  if (!spec.empty()) {
    size_t j = 0;
    char32_t first = pystr::next(spec, j);
    if (j < spec.size() && align_char(static_cast<unsigned char>(spec[j]))) {
      f.fill = first;
      f.align = spec[j];
      i = j + 1;
    } else if (align_char(first)) {
      f.align = static_cast<char>(first);
      i = 1;
    }
  }
  if (i < spec.size() && (spec[i] == '+' || spec[i] == '-' || spec[i] == ' ')) f.sign = spec[i++];
  if (i < spec.size() && spec[i] == 'z') ++i;
  if (i < spec.size() && spec[i] == '#') {
    f.alt = true;
    ++i;
  }
  if (i < spec.size() && spec[i] == '0') {
    f.zero = true;
    ++i;
  }
  auto digits = [&](int64_t& target) {
    if (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i]))) {
      target = 0;
      while (i < spec.size() && std::isdigit(static_cast<unsigned char>(spec[i]))) {
        target = std::min<int64_t>(target * 10 + (spec[i] - '0'), 1000000);
        ++i;
      }
    }
  };
  digits(f.width);
  if (i < spec.size() && (spec[i] == ',' || spec[i] == '_')) f.grouping = spec[i++];
  if (i < spec.size() && spec[i] == '.') {
    ++i;
    if (i >= spec.size() || !std::isdigit(static_cast<unsigned char>(spec[i])))
      return failure("Format specifier missing precision");
    digits(f.precision);
  }
  if (i < spec.size()) f.type = spec[i++];
  if (i < spec.size()) return failure("Invalid format specifier");
  return f;
}

std::string group_digits(const std::string& digits, char sep, size_t every = 3) {
  std::string out;
  size_t n = digits.size();
  for (size_t k = 0; k < n; ++k) {
    if (k && (n - k) % every == 0) out += sep;
    out += digits[k];
  }
  return out;
}

std::string apply_width(std::string sign, std::string body, const FormatSpec& f,
                        char default_align) {
  char align = f.align ? f.align : (f.zero ? '=' : default_align);
  char32_t fill = f.align ? f.fill : (f.zero ? U'0' : U' ');
  int64_t len = static_cast<int64_t>(pystr::length(sign) + pystr::length(body));
  if (f.width <= len) return sign + body;
  int64_t n = f.width - len;
  std::string one;
  pystr::append(one, fill);
  switch (align) {
    case '<':
      return sign + body + pystr::repeat(one, n);
    case '^':
      return pystr::repeat(one, n / 2) + sign + body + pystr::repeat(one, n - n / 2);
    case '=':
      return sign + pystr::repeat(one, n) + body;
    default:
      return pystr::repeat(one, n) + sign + body;
  }
}

Result<std::string> format_number(const Value& v, const FormatSpec& f) {
  char type = f.type;
  bool is_int = v.is_int() || v.is_bool();
  if (is_int && (type == 0 || type == 'd' || type == 'n' || type == 'x' || type == 'X' ||
                 type == 'o' || type == 'b' || type == 'c')) {
    int64_t i = v.is_bool() ? v.as_bool() : v.as_int();
    if (f.precision >= 0) return failure("Precision not allowed in integer format specifier");
    if (type == 'c') {
      std::string s;
      pystr::append(s, static_cast<char32_t>(i));
      return apply_width("", s, f, '<');
    }
    char t = type == 0 || type == 'n' ? 'd' : type;
    std::string digits = int_digits(i < 0 ? -i : i, t, false);
    if (f.grouping) digits = group_digits(digits, f.grouping, t == 'd' ? 3 : 4);
    if (f.alt && t != 'd') digits = std::string("0") + t + digits;
    std::string sign = i < 0 ? "-" : f.sign == '+' ? "+" : f.sign == ' ' ? " " : "";
    return apply_width(sign, digits, f, '>');
  }
  if (!v.is_number()) return failure("Unknown format code for object");
  double d = v.to_double();
  std::string body;
  bool negative = std::signbit(d) && !std::isnan(d);
  double mag = std::fabs(d);
  if (type == 0 && f.precision < 0) {
    python_float(mag, body);
    if (is_int) body = std::to_string(static_cast<int64_t>(mag));
  } else if (type == '%') {
    body = c_float(mag * 100, 'f', f.precision, f.alt) + "%";
  } else if (type == 0 || type == 'n') {
    body = c_float(mag, 'g', f.precision < 0 ? 12 : std::max<int64_t>(f.precision, 1), f.alt);
    if (body.find_first_of(".eEn") == std::string::npos && type == 0) body += ".0";
  } else if (std::string_view("eEfFgG").find(type) != std::string_view::npos) {
    body = c_float(mag, type, f.precision, f.alt);
  } else {
    return failure(std::string("Unknown format code '") + type + "' for object of type '" +
                   std::string(v.type_name()) + "'");
  }
  if (f.grouping) {
    size_t end = body.find_first_not_of("0123456789");
    if (end == std::string::npos) end = body.size();
    body = group_digits(body.substr(0, end), f.grouping) + body.substr(end);
  }
  std::string sign = negative ? "-" : f.sign == '+' ? "+" : f.sign == ' ' ? " " : "";
  return apply_width(sign, body, f, '>');
}

}  // namespace

Result<std::string> format_spec(const Value& value, std::string_view spec) {
  auto parsed = parse_spec(spec);
  if (!parsed) return parsed.error();
  const FormatSpec& f = *parsed;
  if (value.is_number()) {
    if (value.is_bool() && f.type == 0 && spec.empty())
      return std::string(value.as_bool() ? "True" : "False");
    return format_number(value, f);
  }
  if (f.type != 0 && f.type != 's') {
    return failure(std::string("Unknown format code '") + f.type + "' for object of type '" +
                   std::string(value.type_name()) + "'");
  }
  if (!value.is_string() && !spec.empty() && !value.is_undefined()) {
    return failure("unsupported format string passed to " + std::string(value.type_name()) +
                   ".__format__");
  }
  std::string s = to_python_str(value);
  if (f.precision >= 0) s = pystr::slice(s, 0, f.precision, 1);
  return apply_width("", s, f, '<');
}

Result<std::string> brace_format(std::string_view format, std::span<const Value> args,
                                 std::span<const std::pair<std::string_view, Value>> kwargs,
                                 bool escape_args) {
  std::string out;
  size_t auto_index = 0;
  bool used_auto = false, used_manual = false;
  for (size_t i = 0; i < format.size();) {
    char c = format[i];
    if (c == '}') {
      if (i + 1 < format.size() && format[i + 1] == '}') {
        out += '}';
        i += 2;
        continue;
      }
      return failure("Single '}' encountered in format string");
    }
    if (c != '{') {
      out += c;
      ++i;
      continue;
    }
    if (i + 1 < format.size() && format[i + 1] == '{') {
      out += '{';
      i += 2;
      continue;
    }
    size_t close = format.find('}', i);
    if (close == std::string_view::npos) return failure("Single '{' encountered in format string");
    std::string_view field = format.substr(i + 1, close - i - 1);
    i = close + 1;
    std::string_view spec, conversion;
    if (size_t colon = field.find(':'); colon != std::string_view::npos) {
      spec = field.substr(colon + 1);
      field = field.substr(0, colon);
    }
    if (size_t bang = field.find('!'); bang != std::string_view::npos) {
      conversion = field.substr(bang + 1);
      field = field.substr(0, bang);
    }
    size_t name_end = field.find_first_of(".[");
    std::string_view head = field.substr(0, name_end);
    Value arg;
    if (head.empty()) {
      if (used_manual)
        return failure(
            "cannot switch from manual field specification to automatic field numbering");
      used_auto = true;
      if (auto_index >= args.size())
        return failure("Replacement index " + std::to_string(auto_index) +
                       " out of range for positional args tuple");
      arg = args[auto_index++];
    } else if (std::isdigit(static_cast<unsigned char>(head[0]))) {
      if (used_auto)
        return failure(
            "cannot switch from automatic field numbering to manual field specification");
      used_manual = true;
      size_t index = 0;
      std::from_chars(head.data(), head.data() + head.size(), index);
      if (index >= args.size())
        return failure("Replacement index " + std::to_string(index) +
                       " out of range for positional args tuple");
      arg = args[index];
    } else {
      bool found = false;
      for (const auto& [k, v] : kwargs) {
        if (k == head) {
          arg = v;
          found = true;
          break;
        }
      }
      if (!found) return failure("KeyError: '" + std::string(head) + "'");
    }
    // .attr and [key] parts.
    for (size_t p = name_end; p != std::string_view::npos && p < field.size();) {
      if (field[p] == '.') {
        size_t end = field.find_first_of(".[", p + 1);
        std::string_view attr = field.substr(
            p + 1, end == std::string_view::npos ? std::string_view::npos : end - p - 1);
        auto r = get_attribute(arg, attr);
        if (!r) return r.error();
        arg = std::move(*r);
        p = end;
      } else {
        size_t end = field.find(']', p);
        if (end == std::string_view::npos) return failure("Missing ']' in format string");
        std::string_view key = field.substr(p + 1, end - p - 1);
        Value k = !key.empty() && std::all_of(key.begin(), key.end(),
                                              [](char ch) {
                                                return std::isdigit(static_cast<unsigned char>(ch));
                                              })
                      ? Value(static_cast<int64_t>(std::stoll(std::string(key))))
                      : Value(key);
        auto r = get_item(arg, k);
        if (!r) return r.error();
        arg = std::move(*r);
        p = end + 1;
      }
    }
    if (!conversion.empty()) {
      std::string text;
      if (conversion == "r" || conversion == "a") {
        python_repr(arg, text);
      } else if (conversion == "s") {
        python_str(arg, text);
      } else {
        return failure("Unknown conversion specifier " + std::string(conversion));
      }
      arg = Value(text);
    }
    bool safe = arg.is_safe() || (arg.is_object() && arg.as_object()->is_safe());
    auto piece = format_spec(arg, spec);
    if (!piece) return piece.error();
    if (escape_args && !safe) {
      escape_html(*piece, out);
    } else {
      out += *piece;
    }
  }
  return out;
}

}  // namespace gazette::templating
