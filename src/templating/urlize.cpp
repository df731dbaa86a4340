#include "templating/urlize.hpp"

#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <memory>

#include "templating/html.hpp"
#include "templating/pystr.hpp"

namespace gazette::templating {

namespace {

// jinja2.utils._http_re, _email_re and filters._uri_scheme_re in ICU's syntax.
constexpr const char* kHttp =
    R"RE(^(?:(?:https?://|www\.)(?:(?:[\p{L}\p{N}_%\-]+\.)+)?(?:[a-z]{2,63}|xn--[\p{L}\p{N}_%]{2,59})|(?:[\p{L}\p{N}_%\-]{2,63}\.)+(?:com|net|int|edu|gov|org|info|mil)|(?:https?://)(?:(?:[0-9]{1,3})(?:\.[0-9]{1,3}){3}|\[(?:[0-9a-f]{0,4}:){2}(?:[0-9a-f]{0,4}:?){1,6}\]))(?::[0-9]{1,5})?(?:[/?#]\S*)?$)RE";
constexpr const char* kEmail = R"RE(^\S+@[\p{L}\p{N}_][\p{L}\p{N}_.\-]*\.[\p{L}\p{N}_]+$)RE";
constexpr const char* kScheme = R"RE(^(?:[\p{L}\p{N}_.+\-]{2,}:(?:/){0,2})$)RE";

std::unique_ptr<const icu::RegexPattern> compile(const char* pattern, uint32_t flags) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error;
  std::unique_ptr<const icu::RegexPattern> p(icu::RegexPattern::compile(
      icu::UnicodeString::fromUTF8(pattern), flags, parse_error, status));
  if (U_FAILURE(status)) return nullptr;
  return p;
}

bool matches(const icu::RegexPattern* pattern, std::string_view text) {
  if (!pattern) return false;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::RegexMatcher> m(pattern->matcher(u, status));
  if (U_FAILURE(status)) return false;
  bool found = m->find(status);
  return U_SUCCESS(status) && found;
}

bool http_like(std::string_view s) {
  static const auto pattern = compile(kHttp, UREGEX_CASE_INSENSITIVE);
  return matches(pattern.get(), s);
}

bool email_like(std::string_view s) {
  static const auto pattern = compile(kEmail, 0);
  return matches(pattern.get(), s);
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

size_t count(std::string_view s, std::string_view sub) {
  size_t n = 0;
  for (size_t pos = s.find(sub); pos != std::string_view::npos; pos = s.find(sub, pos + sub.size()))
    ++n;
  return n;
}

std::string trim_url(std::string_view url, const UrlizeOptions& options) {
  if (options.trim_url_limit &&
      static_cast<int64_t>(pystr::length(url)) > *options.trim_url_limit) {
    return pystr::slice(url, 0, *options.trim_url_limit, 1) + "...";
  }
  return std::string(url);
}

// Splits on runs of white space, keeping the runs (re.split(r"(\s+)", text)).
std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  bool in_space = false;
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    bool space = pystr::is_space(pystr::next(text, i));
    if (space != in_space) {
      words.push_back(std::move(current));
      current.clear();
      in_space = space;
    }
    current.append(text.substr(start, i - start));
  }
  words.push_back(std::move(current));
  return words;
}

}  // namespace

bool valid_uri_scheme(std::string_view scheme) {
  static const auto pattern = compile(kScheme, 0);
  return matches(pattern.get(), scheme);
}

std::string urlize(std::string_view text, const UrlizeOptions& options) {
  std::string escaped;
  escape_html(text, escaped);
  std::vector<std::string> words = split_words(escaped);
  std::string rel_attr, target_attr;
  if (!options.rel.empty()) {
    rel_attr = " rel=\"";
    escape_html(options.rel, rel_attr);
    rel_attr += '"';
  }
  if (!options.target.empty()) {
    target_attr = " target=\"";
    escape_html(options.target, target_attr);
    target_attr += '"';
  }
  std::string out;
  for (std::string& word : words) {
    std::string head, middle = word, tail;
    // Leading ( < &lt;
    size_t h = 0;
    while (true) {
      if (h < middle.size() && (middle[h] == '(' || middle[h] == '<')) {
        ++h;
      } else if (middle.compare(h, 4, "&lt;") == 0) {
        h += 4;
      } else {
        break;
      }
    }
    head = middle.substr(0, h);
    middle = middle.substr(h);
    // Trailing ) > . , \n &gt;
    if (ends_with(middle, ")") || ends_with(middle, ">") || ends_with(middle, ".") ||
        ends_with(middle, ",") || ends_with(middle, "\n") || ends_with(middle, "&gt;")) {
      size_t t = middle.size();
      while (t > 0) {
        char c = middle[t - 1];
        if (c == ')' || c == '>' || c == '.' || c == ',' || c == '\n') {
          --t;
        } else if (t >= 4 && middle.compare(t - 4, 4, "&gt;") == 0) {
          t -= 4;
        } else {
          break;
        }
      }
      tail = middle.substr(t);
      middle = middle.substr(0, t);
    }
    // Prefer balanced parentheses over a trailing character.
    static const std::pair<std::string_view, std::string_view> kPairs[] = {
        {"(", ")"}, {"<", ">"}, {"&lt;", "&gt;"}};
    for (const auto& [open, close] : kPairs) {
      size_t opens = count(middle, open);
      if (opens <= count(middle, close)) continue;
      size_t moves = std::min(opens, count(tail, close));
      for (size_t k = 0; k < moves; ++k) {
        size_t end = tail.find(close) + close.size();
        middle += tail.substr(0, end);
        tail = tail.substr(end);
      }
    }
    if (http_like(middle)) {
      std::string link = middle.rfind("https://", 0) == 0 || middle.rfind("http://", 0) == 0
                             ? middle
                             : "https://" + middle;
      middle = "<a href=\"" + link + "\"" + rel_attr + target_attr + ">" +
               trim_url(middle, options) + "</a>";
    } else if (middle.rfind("mailto:", 0) == 0 && email_like(middle.substr(7))) {
      middle = "<a href=\"" + middle + "\">" + middle.substr(7) + "</a>";
    } else if (middle.find('@') != std::string::npos && middle.rfind("www.", 0) != 0 &&
               middle.find(':') == std::string::npos && email_like(middle)) {
      middle = "<a href=\"mailto:" + middle + "\">" + middle + "</a>";
    } else {
      for (const std::string& scheme : options.extra_schemes) {
        if (middle != scheme && middle.rfind(scheme, 0) == 0) {
          middle = "<a href=\"" + middle + "\"" + rel_attr + target_attr + ">" + middle + "</a>";
        }
      }
    }
    out += head;
    out += middle;
    out += tail;
  }
  return out;
}

}  // namespace gazette::templating
